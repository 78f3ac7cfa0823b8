package org.jetbridge.pileup;

import java.util.List;

/**
 * A way to recover the hard-scatter jet from its pile-up-contaminated version — a rule-based baseline (SoftDrop,
 * area-median, SoftKiller, PUPPI), the learned per-particle classifier or the generative posterior sampler — so that
 * evaluation loops over methods instead of special-casing them. Deterministic methods return one estimate per jet,
 * a generative method K posterior samples.
 */
public interface PileupRemover {

    /** A short name for reports, with the parameters that distinguish it (e.g. "SoftDrop(β=2, z=0.05)"). */
    String name();

    /** Estimates per jet: {@code result.get(j)} holds ≥ 1 estimates of {@code jets.get(j)}, reproducible given {@code seed}. */
    List<List<JetEstimate>> estimate(List<ContaminatedJet> jets, long seed);
}
