package org.jetbridge.core;

/**
 * How {@link ClusterSequence} searches for the smallest distance. The result never depends on the choice;
 * only the speed does. {@link #AUTO} picks by input size.
 */
public enum ClusteringStrategy {
    AUTO,
    /** Nearest-neighbour bookkeeping over all pairs: O(N²), best for small N. */
    N2_PLAIN,
    /** Nearest neighbours searched in (y, φ) tiles of size ≥ R: ≈ O(N√N) in practice. */
    N2_TILED,
    /** Tiled search with the minimum d_ij kept in a heap instead of a linear scan. */
    N2_MINHEAP_TILED
}
