package org.jetbridge.sim;

import org.jetbridge.core.FourMomentum;

/**
 * Jet constituents as struct-of-arrays: pT (GeV), η, φ in (−π, π], energy (GeV), charge and origin (0 hard
 * scatter, k ≥ 1 the k-th pile-up interaction). All arrays have the same length.
 */
public record Constituents(double[] pt, double[] eta, double[] phi, double[] e, int[] charge, int[] origin) {
    public Constituents {
        int n = pt.length;
        if (eta.length != n || phi.length != n || e.length != n || charge.length != n || origin.length != n) {
            throw new IllegalArgumentException("constituent arrays must all have length " + n);
        }
    }

    public int size() {
        return pt.length;
    }

    public FourMomentum momentum(int i) {
        double pz = pt[i] * Math.sinh(eta[i]);
        return new FourMomentum(pt[i] * Math.cos(phi[i]), pt[i] * Math.sin(phi[i]), pz, e[i]);
    }

    /** E-scheme sum of all constituents (GeV). */
    public FourMomentum sum() {
        FourMomentum s = FourMomentum.ZERO;
        for (int i = 0; i < size(); i++) {
            s = s.plus(momentum(i));
        }
        return s;
    }

    /** Builds arrays from momenta, sorted by decreasing pT and truncated to max entries. */
    static Constituents sorted(java.util.List<FourMomentum> ps, int[] charges, int[] origins, int max) {
        Integer[] order = new Integer[ps.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(ps.get(b).pt2(), ps.get(a).pt2()));
        int n = Math.min(max, order.length);
        double[] pt = new double[n], eta = new double[n], phi = new double[n], e = new double[n];
        int[] q = new int[n], o = new int[n];
        for (int k = 0; k < n; k++) {
            FourMomentum p = ps.get(order[k]);
            pt[k] = p.pt();
            eta[k] = p.eta();
            phi[k] = p.phi();
            e[k] = p.e();
            q[k] = charges[order[k]];
            o[k] = origins[order[k]];
        }
        return new Constituents(pt, eta, phi, e, q, o);
    }
}
