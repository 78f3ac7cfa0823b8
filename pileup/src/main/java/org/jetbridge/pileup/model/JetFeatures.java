package org.jetbridge.pileup.model;

import java.util.ArrayList;
import java.util.List;
import org.jetbridge.core.Angles;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.sim.Constituents;

/**
 * The coordinates of the pile-up networks: constituents as (Δη, Δφ, ln(pT/GeV)) relative to the axis of the
 * <em>observed</em> jet (φ wrapped into (−π, π]), used for the observed cloud and the hard-scatter target alike,
 * and the way back to massless lab-frame four-momenta.
 */
public final class JetFeatures {
    /** Features per constituent. */
    public static final int PARTICLE = 3;
    /** Context entries: observed η, φ, ln pT, mass (GeV), pile-up level, observed multiplicity. */
    public static final int CONTEXT = 6;

    /** ln of the largest constituent pT a sample may have (GeV): half the 14 TeV collision energy. */
    public static final double LN_PT_MAX = Math.log(7000);

    private JetFeatures() {
    }

    /**
     * Encodes one jet. {@code observed} is used in descending-pT order and truncated to {@code maxObserved};
     * {@code hardScatter} (may be null) likewise to {@code maxHardScatter}. The axis and context are those of the
     * kept observed constituents.
     */
    public static EncodedJet encode(Constituents observed, int level, int maxObserved, Constituents hardScatter,
            int maxHardScatter) {
        int[] order = byPt(observed);
        int n = Math.min(order.length, maxObserved);
        if (n == 0) {
            throw new IllegalArgumentException("observed jet has no constituents");
        }
        FourMomentum axis = FourMomentum.ZERO;
        for (int k = 0; k < n; k++) {
            axis = axis.plus(observed.momentum(order[k]));
        }
        double eta = axis.eta();
        double phi = axis.phi();
        float[] obs = new float[n * PARTICLE];
        byte[] label = new byte[n];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            put(obs, k, observed.pt()[i], observed.eta()[i], observed.phi()[i], eta, phi);
            label[k] = (byte) (observed.origin()[i] == 0 ? 1 : 0);
        }
        float[] ctx = {(float) eta, (float) phi, (float) Math.log(axis.pt()), (float) Math.max(0, axis.m()),
            level, n};
        float[] hs = null;
        int m = 0;
        if (hardScatter != null) {
            int[] ho = byPt(hardScatter);
            m = Math.min(ho.length, maxHardScatter);
            hs = new float[m * PARTICLE];
            for (int k = 0; k < m; k++) {
                int i = ho[k];
                put(hs, k, hardScatter.pt()[i], hardScatter.eta()[i], hardScatter.phi()[i], eta, phi);
            }
        }
        return new EncodedJet(obs, n, ctx, eta, phi, hs, m, label);
    }

    private static void put(float[] out, int k, double pt, double eta, double phi, double axisEta, double axisPhi) {
        out[k * PARTICLE] = (float) (eta - axisEta);
        out[k * PARTICLE + 1] = (float) Angles.deltaPhi(phi, axisPhi);
        out[k * PARTICLE + 2] = (float) Math.log(pt);
    }

    /** Indices of the constituents by decreasing pT (stable, so equal pT keeps input order). */
    static int[] byPt(Constituents c) {
        Integer[] o = new Integer[c.size()];
        for (int i = 0; i < o.length; i++) {
            o[i] = i;
        }
        java.util.Arrays.sort(o, (a, b) -> Double.compare(c.pt()[b], c.pt()[a]));
        int[] out = new int[o.length];
        for (int i = 0; i < o.length; i++) {
            out[i] = o[i];
        }
        return out;
    }

    /**
     * Massless lab-frame four-momenta of {@code n} constituents given as (Δη, Δφ, ln pT) rows from {@code offset}
     * of {@code features}, relative to the axis (axisEta, axisPhi). A sampled pT above the kinematic limit
     * (e^{@link #LN_PT_MAX} GeV, reachable only by a badly trained or under-stepped sampler) is capped there so that
     * observables stay finite.
     */
    public static List<FourMomentum> toLab(float[] features, int offset, int n, double axisEta, double axisPhi) {
        List<FourMomentum> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            int b = offset + k * PARTICLE;
            double eta = axisEta + features[b];
            double phi = Angles.wrap(axisPhi + features[b + 1]);
            double pt = Math.exp(Math.min(LN_PT_MAX, features[b + 2]));
            out.add(FourMomentum.fromPtEtaPhiM(pt, eta, phi, 0));
        }
        return out;
    }
}
