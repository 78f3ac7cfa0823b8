/**
 * Jet substructure observables, checked value by value against FastJet 3.4 + fjcontrib 1.051 (see the reference
 * README in the test resources): N-subjettiness with exclusive-kT and one-pass WTA-kT axes
 * ({@link org.jetbridge.core.substructure.NSubjettiness}), energy correlation functions and D2
 * ({@link org.jetbridge.core.substructure.EnergyCorrelators}), kt splitting scales
 * ({@link org.jetbridge.core.substructure.SplittingScales}), and the {@link org.jetbridge.core.substructure.Observable}
 * registry ({@link org.jetbridge.core.substructure.Observables}) that gives every observable its stable column name.
 *
 * <p>Conventions: ΔR² = Δy² + Δφ² with rapidity y and Δφ in [−π, π]; weights are constituent pT; momenta in GeV.
 * Ratios with a zero denominator (τ21, τ32, e2, e3, D2) are 0. A {@link org.jetbridge.core.substructure.JetContext}
 * holds one jet's reclusterings so that evaluating many observables clusters each tree once.
 */
package org.jetbridge.core.substructure;
