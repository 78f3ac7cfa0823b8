package org.jetbridge.core;

/**
 * How {@link ClusterSequence} searches for the smallest distance. The result never depends on the choice (the
 * history is identical, ties included); only the speed does. Complexities are in {@link ClusterSequence}'s class
 * comment.
 */
public enum ClusteringStrategy {
    /** Picks by input size and R (plain for small N or R ≥ π/2, tiled above); see {@link ClusterSequence}. */
    AUTO,
    /** Nearest-neighbour bookkeeping over all pairs: O(N²), best for small N; the only one for R ≥ π/2. */
    N2_PLAIN,
    /** Nearest neighbours searched lazily in (y, φ) tiles of size ≥ R; smallest d_i by a linear scan. */
    N2_TILED,
    /** Tiled search with the d_i kept in a min-heap (tournament tree) instead of a linear scan. */
    N2_MINHEAP_TILED,
    /**
     * Tiled search with each tile's members stored contiguously (coordinates, momentum factor and nearest
     * neighbour together), no per-tile bounds, min-heap of d_i; fastest up to a few thousand inputs.
     */
    N2_TILED_DENSE
}
