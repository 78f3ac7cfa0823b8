/**
 * Pile-up removal as posterior sampling: a conditional generative model of the hard-scatter constituents of a jet
 * given its pile-up-contaminated version, the learned per-particle classifier baseline, and the evaluation of
 * every method (rule-based baselines from {@code core} included) as a function of the pile-up level μ.
 */
package org.jetbridge.pileup;
