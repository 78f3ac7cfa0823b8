package org.jetbridge.core;

/**
 * The clustering loops. Each works on the flat arrays of a {@link ClusterSequence} and calls its
 * {@code mergeJets}/{@code mergeWithBeam} steps; all produce the same history.
 */
final class ClusteringStrategies {
    private ClusteringStrategies() {
    }

    static ClusteringStrategy choose(int n, JetDefinition def) {
        return ClusteringStrategy.N2_PLAIN;
    }

    static void run(ClusterSequence cs, ClusteringStrategy strategy) {
        switch (strategy) {
            case N2_PLAIN -> plain(cs);
            default -> plain(cs);
        }
    }

    /** Azimuthal distance for φ in [0, 2π): π − |π − |φ1 − φ2||. */
    static double dphi(double phi1, double phi2) {
        return Math.PI - Math.abs(Math.PI - Math.abs(phi1 - phi2));
    }

    /**
     * Nearest-neighbour N² loop. For every active object keep its geometric nearest neighbour (within R) and
     * d_i = min(f_i, f_NN) ΔR² (f = momentum factor), or f_i R² without one; the global minimum of d_i is the
     * next step, because the pair with the smallest d_ij is always nearest neighbours of its softer member.
     */
    static void plain(ClusterSequence cs) {
        JetDefinition def = cs.definition();
        int n = cs.inputCount();
        double r2 = def.radius() * def.radius();
        double invR2 = 1.0 / r2;
        int[] idx = new int[n]; // pseudojet index of each active slot
        double[] y = new double[n];
        double[] ph = new double[n];
        double[] f = new double[n];
        double[] nnDist = new double[n];
        int[] nn = new int[n]; // slot of nearest neighbour, -1 for none
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            setSlot(cs, def, i, i, idx, y, ph, f);
        }
        for (int i = 0; i < n; i++) {
            nnDist[i] = r2;
            nn[i] = -1;
            for (int j = 0; j < i; j++) {
                double dist = dist(y, ph, i, j);
                if (dist < nnDist[i]) {
                    nnDist[i] = dist;
                    nn[i] = j;
                }
                if (dist < nnDist[j]) {
                    nnDist[j] = dist;
                    nn[j] = i;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            d[i] = diJ(i, nn, nnDist, f);
        }
        boolean[] stale = new boolean[n];
        int tail = n;
        while (tail > 0) {
            int a = 0;
            double dmin = d[0];
            for (int i = 1; i < tail; i++) {
                if (d[i] < dmin) {
                    dmin = d[i];
                    a = i;
                }
            }
            dmin *= invR2;
            int b = nn[a];
            int freed;
            if (b >= 0) {
                if (a > b) {
                    int t = a;
                    a = b;
                    b = t;
                }
                for (int i = 0; i < tail; i++) {
                    stale[i] = nn[i] == a || nn[i] == b;
                }
                int k = cs.mergeJets(idx[a], idx[b], dmin);
                setSlot(cs, def, a, k, idx, y, ph, f);
                stale[a] = true;
                freed = b;
            } else {
                for (int i = 0; i < tail; i++) {
                    stale[i] = nn[i] == a;
                }
                cs.mergeWithBeam(idx[a], dmin);
                freed = a;
                a = -1;
            }
            tail--;
            if (freed != tail) {
                moveSlot(tail, freed, idx, y, ph, f, nnDist, nn, d);
                stale[freed] = stale[tail];
                for (int i = 0; i < tail; i++) {
                    if (nn[i] == tail) {
                        nn[i] = freed;
                    }
                }
            }
            for (int i = 0; i < tail; i++) {
                if (stale[i]) {
                    recomputeNn(i, tail, y, ph, nnDist, nn, r2);
                } else if (a >= 0) {
                    double dist = dist(y, ph, i, a);
                    if (dist < nnDist[i]) {
                        nnDist[i] = dist;
                        nn[i] = a;
                    }
                }
            }
            for (int i = 0; i < tail; i++) {
                d[i] = diJ(i, nn, nnDist, f);
            }
        }
    }

    private static void recomputeNn(int i, int tail, double[] y, double[] ph, double[] nnDist, int[] nn, double r2) {
        nnDist[i] = r2;
        nn[i] = -1;
        for (int j = 0; j < tail; j++) {
            if (j != i) {
                double dist = dist(y, ph, i, j);
                if (dist < nnDist[i]) {
                    nnDist[i] = dist;
                    nn[i] = j;
                }
            }
        }
    }

    private static double diJ(int i, int[] nn, double[] nnDist, double[] f) {
        double fi = f[i];
        if (nn[i] >= 0 && f[nn[i]] < fi) {
            fi = f[nn[i]];
        }
        return nnDist[i] * fi;
    }

    private static double dist(double[] y, double[] ph, int i, int j) {
        double dphi = dphi(ph[i], ph[j]);
        double dy = y[i] - y[j];
        return dphi * dphi + dy * dy;
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
        if (from == to) {
            return;
        }
        idx[to] = idx[from];
        y[to] = y[from];
        ph[to] = ph[from];
        f[to] = f[from];
        nnDist[to] = nnDist[from];
        nn[to] = nn[from];
        d[to] = d[from];
    }
}
