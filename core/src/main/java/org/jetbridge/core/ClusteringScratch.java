package org.jetbridge.core;

/**
 * Working arrays of the clustering loops, kept per thread and reused by the next {@link ClusterSequence} on that
 * thread. Allocating them fresh for every event costs more than the zeroing: each event would write its ≈ 250 kB
 * of scratch (at 1000 particles) into memory the CPU first has to fetch, where reused arrays are still in cache.
 *
 * <p>One set per thread suffices because a run never starts another on its thread (the loops call nothing that
 * clusters). Arrays only grow, and may be longer than a run needs: users bound their loops by their own sizes, never by
 * {@code length}, and initialise whatever they read before writing it. Runs with more than
 * {@link #MAX_RETAINED_SLOTS} slots or {@link #MAX_RETAINED_TILES} tiles get a fresh instance that is not retained,
 * so a thread never holds on to the memory of one huge event (or of a very fine tiling).
 */
final class ClusteringScratch {
    /** Largest slot count whose arrays stay cached in the thread (≈ 16 MB of scratch at most). */
    static final int MAX_RETAINED_SLOTS = 1 << 16;
    /** Largest tile count whose arrays stay cached in the thread (≈ 7 MB of tile and member arrays at most). */
    static final int MAX_RETAINED_TILES = 1 << 18;
    private static final ThreadLocal<ClusteringScratch> PER_THREAD = ThreadLocal.withInitial(ClusteringScratch::new);

    // per slot
    int[] idx = new int[0];
    double[] y = new double[0];
    double[] ph = new double[0];
    double[] f = new double[0];
    double[] nnDist = new double[0];
    int[] nn = new int[0];
    double[] d = new double[0];
    int[] tile = new int[0];
    int[] row = new int[0];
    int[] pos = new int[0];
    // per tile
    int[] tStart = new int[0];
    int[] tCount = new int[0];
    int[] tCap = new int[0];
    int[] tileStamp = new int[0];
    double[] maxNn = new double[0];
    // tile members and their spare copies (swapped by a re-layout; both always have the same length)
    double[] my = new double[0];
    double[] mphi = new double[0];
    int[] mslot = new int[0];
    double[] spareY = new double[0];
    double[] sparePhi = new double[0];
    int[] spareSlot = new int[0];
    // tournament tree, or the dense array of the linear scan
    int[] win = new int[0];
    double[] wd = new double[0];
    double[] dd = new double[0];
    int[] denseSlot = new int[0];
    int[] densePos = new int[0];

    private ClusteringScratch() {
    }

    /**
     * The calling thread's scratch with the per-slot arrays at least n long, for a run over the given number of
     * tiles (0 without tiling); a private one beyond the retention limits.
     */
    static ClusteringScratch forRun(int n, int tiles) {
        boolean retained = n <= MAX_RETAINED_SLOTS && tiles <= MAX_RETAINED_TILES;
        ClusteringScratch s = retained ? PER_THREAD.get() : new ClusteringScratch();
        if (s.idx.length < n) {
            int len = grown(s.idx.length, n);
            s.idx = new int[len];
            s.y = new double[len];
            s.ph = new double[len];
            s.f = new double[len];
            s.nnDist = new double[len];
            s.nn = new int[len];
            s.d = new double[len];
            s.tile = new int[len];
            s.row = new int[len];
            s.pos = new int[len];
        }
        return s;
    }

    /** Makes the per-tile arrays at least nTiles long. */
    void tiles(int nTiles) {
        if (tStart.length < nTiles) {
            int len = grown(tStart.length, nTiles);
            tStart = new int[len];
            tCount = new int[len];
            tCap = new int[len];
            tileStamp = new int[len];
            maxNn = new double[len];
        }
    }

    /** Makes the member arrays and their spares at least m long. */
    void members(int m) {
        if (my.length < m) {
            int len = grown(my.length, m);
            my = new double[len];
            mphi = new double[len];
            mslot = new int[len];
            spareY = new double[len];
            sparePhi = new double[len];
            spareSlot = new int[len];
        }
    }

    /** Makes the tournament-tree arrays at least nodes long. */
    void heap(int nodes) {
        if (win.length < nodes) {
            int len = grown(win.length, nodes);
            win = new int[len];
            wd = new double[len];
        }
    }

    /** Makes the dense arrays of the linear minimum scan at least n long. */
    void dense(int n) {
        if (dd.length < n) {
            int len = grown(dd.length, n);
            dd = new double[len];
            denseSlot = new int[len];
            densePos = new int[len];
        }
    }

    /** Growth with headroom, so that slowly rising event sizes do not reallocate every time. */
    private static int grown(int current, int needed) {
        return (int) Math.min(Integer.MAX_VALUE - 8, Math.max((long) needed, current + (long) (current >> 1)));
    }
}
