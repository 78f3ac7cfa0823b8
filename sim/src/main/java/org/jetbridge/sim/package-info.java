/**
 * The physics testbed generator (units: GeV, mm).
 *
 * <p>Entry points: {@link org.jetbridge.sim.GeneratorSettings} (presets {@code nominal} and {@code data},
 * {@code group.name=value} overrides, {@code toMap()} for file metadata); {@link org.jetbridge.sim.Generator}
 * for truth events (flavour pairs, tt̄, minimum bias, with or without pile-up); {@link org.jetbridge.sim.Detector}
 * for reconstructed candidates; {@link org.jetbridge.sim.FlavourJets} for labelled tagging jets;
 * {@link org.jetbridge.sim.TopJets}, {@link org.jetbridge.sim.MinBiasPool} and
 * {@link org.jetbridge.sim.PileupOverlay} for pile-up studies; {@link org.jetbridge.sim.EventLoop} runs any of
 * them over event ranges on several threads with output independent of the thread count.
 */
package org.jetbridge.sim;
