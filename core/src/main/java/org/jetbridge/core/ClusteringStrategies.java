package org.jetbridge.core;

/**
 * The clustering loops. Each works on the flat arrays of a {@link ClusterSequence} and calls its
 * {@code mergeJets}/{@code mergeWithBeam} steps; all produce the same history.
 *
 * <p>Why the histories are identical: every strategy computes the same quantities with the same floating-point
 * expressions ({@link #dist}, {@link #diJ}) and resolves exact ties by the same total order — the nearest
 * neighbour of an object is the one with the smallest (ΔR², pseudojet index), the next step is the object with the
 * smallest (d_i, pseudojet index), and a merge always passes the lower pseudojet index first. Only the search
 * structure differs, so the answer cannot.
 */
final class ClusteringStrategies {
    /** At or above this radius the tiles would wrap onto themselves in φ: tiling falls back to the plain loop. */
    static final double MAX_TILED_RADIUS = Math.PI / 2;

    /**
     * The plain loop wins below {@code PLAIN_BASE_N + PLAIN_PER_R_N · R} inputs (no tile set-up; larger tiles make
     * tiling pay later). Measured crossovers: ≈ 80 at R = 0.4, ≈ 110 at R = 1.0 (docs/performance.md).
     */
    static final int PLAIN_BASE_N = 55;
    static final int PLAIN_PER_R_N = 50;
    /**
     * From this many inputs the lazy min-heap tiling beats the dense one (measured: dense faster from 100 to 4000
     * particles at R = 0.4, slower at 5500 and 8000; docs/performance.md).
     */
    static final int LAZY_MIN_N = 4500;

    private ClusteringStrategies() {
    }

    /** The strategy AUTO stands for, by input size and radius. */
    static ClusteringStrategy choose(int n, JetDefinition def) {
        if (def.radius() >= MAX_TILED_RADIUS || n < PLAIN_BASE_N + PLAIN_PER_R_N * def.radius()) {
            return ClusteringStrategy.N2_PLAIN;
        }
        return n < LAZY_MIN_N ? ClusteringStrategy.N2_TILED_DENSE : ClusteringStrategy.N2_MINHEAP_TILED;
    }

    /** The strategy that will actually run for a request: AUTO resolved, tiling replaced by plain for large R. */
    static ClusteringStrategy resolve(ClusteringStrategy requested, int n, JetDefinition def) {
        if (requested == ClusteringStrategy.AUTO) {
            return choose(n, def);
        }
        if (requested != ClusteringStrategy.N2_PLAIN && def.radius() >= MAX_TILED_RADIUS) {
            return ClusteringStrategy.N2_PLAIN;
        }
        return requested;
    }

    static void run(ClusterSequence cs, ClusteringStrategy strategy) {
        switch (strategy) {
            case N2_PLAIN -> plain(cs);
            case N2_TILED -> new TiledClustering(cs, false).run();
            case N2_MINHEAP_TILED -> new TiledClustering(cs, true).run();
            case N2_TILED_DENSE -> new DenseTiledClustering(cs).run();
            default -> throw new IllegalArgumentException("unresolved clustering strategy " + strategy);
        }
    }

    /** Azimuthal distance for φ in [0, 2π): π − |π − |φ1 − φ2||. Symmetric in its arguments bit for bit. */
    static double dphi(double phi1, double phi2) {
        return Math.PI - Math.abs(Math.PI - Math.abs(phi1 - phi2));
    }

    /** ΔR² of slots i and j; the one expression every strategy uses, so rounding is identical. */
    static double dist(double[] y, double[] ph, int i, int j) {
        return dist(y[i], ph[i], y[j], ph[j]);
    }

    /** ΔR² of (y1, φ1) and (y2, φ2), φ in [0, 2π); bitwise symmetric under swapping the two points. */
    static double dist(double y1, double phi1, double y2, double phi2) {
        double dphi = dphi(phi1, phi2);
        double dy = y1 - y2;
        return dphi * dphi + dy * dy;
    }

    /**
     * Whether a candidate at squared distance {@code dist} with pseudojet index {@code candIdx} beats the current
     * nearest neighbour (distance {@code best}, pseudojet index {@code bestIdx}, or −1 for none within R).
     */
    static boolean closer(double dist, int candIdx, double best, int bestIdx) {
        return dist < best || (dist == best && bestIdx >= 0 && candIdx < bestIdx);
    }

    /** d_i = min(f_i, f_NN) ΔR²_NN, or f_i R² without a neighbour (then nnDist = R²). */
    static double diJ(int i, int[] nn, double[] nnDist, double[] f) {
        double fi = f[i];
        int j = nn[i];
        if (j >= 0 && f[j] < fi) {
            fi = f[j];
        }
        return nnDist[i] * fi;
    }

    /** Records the pairwise merge of pseudojets p and q (order-independent); returns the new pseudojet. */
    static int merge(ClusterSequence cs, int p, int q, double dNormalised) {
        return p < q ? cs.mergeJets(p, q, dNormalised) : cs.mergeJets(q, p, dNormalised);
    }

    /**
     * Nearest-neighbour N² loop. For every active object keep its geometric nearest neighbour (within R) and
     * d_i = min(f_i, f_NN) ΔR² (f = momentum factor), or f_i R² without one; the global minimum of d_i is the
     * next step, because the pair with the smallest d_ij is always nearest neighbours of its softer member.
     * Slots are kept compact (the last one moves into a freed slot) so every scan is over a dense prefix.
     */
    static void plain(ClusterSequence cs) {
        JetDefinition def = cs.definition();
        int n = cs.inputCount();
        double r2 = def.radius() * def.radius();
        double invR2 = 1.0 / r2;
        ClusteringScratch scratch = ClusteringScratch.forRun(n, 0); // every slot array is written before it is read
        int[] idx = scratch.idx; // pseudojet index of each active slot
        double[] y = scratch.y;
        double[] ph = scratch.ph;
        double[] f = scratch.f;
        double[] nnDist = scratch.nnDist;
        int[] nn = scratch.nn; // slot of nearest neighbour, -1 for none
        double[] d = scratch.d;
        for (int i = 0; i < n; i++) {
            setSlot(cs, def, i, i, idx, y, ph, f);
        }
        for (int i = 0; i < n; i++) {
            nnDist[i] = r2;
            nn[i] = -1;
            for (int j = 0; j < i; j++) {
                double dist = dist(y, ph, i, j);
                if (closer(dist, idx[j], nnDist[i], nn[i] >= 0 ? idx[nn[i]] : -1)) {
                    nnDist[i] = dist;
                    nn[i] = j;
                }
                if (closer(dist, idx[i], nnDist[j], nn[j] >= 0 ? idx[nn[j]] : -1)) {
                    nnDist[j] = dist;
                    nn[j] = i;
                }
            }
        }
        int next = 0; // slot with the smallest (d, pseudojet index), maintained by every pass
        for (int i = 0; i < n; i++) {
            d[i] = diJ(i, nn, nnDist, f);
            if (d[i] < d[next] || (d[i] == d[next] && idx[i] < idx[next])) {
                next = i;
            }
        }
        int tail = n;
        while (tail > 0) {
            int a = next;
            double dmin = d[a] * invR2;
            int b = nn[a];
            int freed;
            if (b >= 0) {
                if (a > b) {
                    int t = a;
                    a = b;
                    b = t;
                }
                int k = merge(cs, idx[a], idx[b], dmin);
                setSlot(cs, def, a, k, idx, y, ph, f);
                freed = b;
            } else {
                cs.mergeWithBeam(idx[a], dmin);
                freed = a;
                b = a; // the slots whose neighbours are lost: a (and b); no new jet
                a = -1;
            }
            int lostA = a >= 0 ? a : b;
            tail--;
            if (freed != tail) {
                moveSlot(tail, freed, idx, y, ph, f, nnDist, nn, d);
            }
            // One pass: objects that lost their neighbour (a or b; the new jet sits in a) search again, the
            // others adopt the moved slot's new place and try the new jet; every d is final when visited, so the
            // next minimum is found on the way.
            next = 0;
            for (int i = 0; i < tail; i++) {
                int nj = nn[i];
                if (i == a || nj == lostA || nj == b) {
                    recomputeNn(i, tail, idx, y, ph, nnDist, nn, r2);
                    d[i] = diJ(i, nn, nnDist, f);
                } else {
                    if (nj == tail && freed != tail) {
                        nn[i] = freed;
                    }
                    if (a >= 0) {
                        double dist = dist(y, ph, i, a);
                        if (dist <= nnDist[i] && closer(dist, idx[a], nnDist[i], nnIdx(nn, idx, i))) {
                            nnDist[i] = dist;
                            nn[i] = a;
                            d[i] = diJ(i, nn, nnDist, f);
                        }
                    }
                }
                if (d[i] < d[next] || (d[i] == d[next] && idx[i] < idx[next])) {
                    next = i;
                }
            }
        }
    }

    private static int nnIdx(int[] nn, int[] idx, int i) {
        int j = nn[i];
        return j >= 0 ? idx[j] : -1;
    }

    private static void recomputeNn(int i, int tail, int[] idx, double[] y, double[] ph, double[] nnDist, int[] nn,
            double r2) {
        double best = r2;
        int bestSlot = -1;
        for (int j = 0; j < tail; j++) {
            if (j != i) {
                double dist = dist(y, ph, i, j);
                if (closer(dist, idx[j], best, bestSlot >= 0 ? idx[bestSlot] : -1)) {
                    best = dist;
                    bestSlot = j;
                }
            }
        }
        nnDist[i] = best;
        nn[i] = bestSlot;
    }

    private static void setSlot(ClusterSequence cs, JetDefinition def, int slot, int jet, int[] idx, double[] y,
            double[] ph, double[] f) {
        idx[slot] = jet;
        y[slot] = cs.rap[jet];
        ph[slot] = cs.phi[jet];
        f[slot] = def.momentumFactor(cs.pt2[jet]);
    }

    private static void moveSlot(int from, int to, int[] idx, double[] y, double[] ph, double[] f, double[] nnDist,
            int[] nn, double[] d) {
        idx[to] = idx[from];
        y[to] = y[from];
        ph[to] = ph[from];
        f[to] = f[from];
        nnDist[to] = nnDist[from];
        nn[to] = nn[from];
        d[to] = d[from];
    }
}
