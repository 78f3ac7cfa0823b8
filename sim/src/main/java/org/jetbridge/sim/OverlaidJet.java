package org.jetbridge.sim;

/**
 * A hard-scatter jet with pile-up overlaid: the observed constituents (origin 0 for hard scatter, k for the
 * k-th overlaid interaction), the truth hard-scatter constituents, and the number of pile-up interactions.
 */
public record OverlaidJet(Constituents observed, Constituents truth, int pileupInteractions) {
}
