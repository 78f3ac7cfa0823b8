/**
 * Rule-based pile-up mitigation: background density estimation ({@link org.jetbridge.core.pileup.BackgroundEstimator},
 * {@link org.jetbridge.core.pileup.GridMedianBackground}) and the methods behind
 * {@link org.jetbridge.core.pileup.PileupMitigator}: SoftKiller, charged-hadron subtraction, PUPPI and area-median
 * subtraction. All momenta in GeV, densities in GeV per unit y × φ area.
 */
package org.jetbridge.core.pileup;
