package org.jetbridge.pileup.data;

import org.jetbridge.core.Angles;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.io.hdf5.TopJetDataset;
import org.jetbridge.sim.Constituents;

/**
 * Conversions between the testbed's top-jet constituents and the rows of {@link TopJetDataset} (pt, eta, phi,
 * deta, dphi, charge; axis pt, eta, phi, mass), shared by {@code generate ttbar}, {@code overlay} and the pile-up training and evaluation.
 */
public final class TopJetRows {
    private TopJetRows() {
    }

    /** The leading {@code nMax} constituents as dataset rows, filling the caller's reusable {@code rows}. */
    public static float[][] constituents(Constituents c, FourMomentum axis, int nMax, float[][] rows) {
        int k = Math.min(nMax, c.size());
        float[][] out = new float[k][];
        double aEta = axis.eta();
        double aPhi = axis.phi();
        for (int i = 0; i < k; i++) {
            float[] r = rows[i];
            r[0] = (float) c.pt()[i];
            r[1] = (float) c.eta()[i];
            r[2] = (float) c.phi()[i];
            r[3] = (float) (c.eta()[i] - aEta);
            r[4] = (float) Angles.deltaPhi(c.phi()[i], aPhi);
            r[5] = c.charge()[i];
            out[i] = r;
        }
        return out;
    }

    /** The axis features pt, eta, phi, mass into {@code out}. */
    public static float[] axis(FourMomentum axis, float[] out) {
        out[0] = (float) axis.pt();
        out[1] = (float) axis.eta();
        out[2] = (float) axis.phi();
        out[3] = (float) axis.m();
        return out;
    }

    /**
     * Constituents read back from a dataset row block (flat, 6 features each, {@code n} real ones from
     * {@code offset}). The file stores no masses, so energies are those of massless particles, E = pT cosh η.
     */
    public static Constituents fromRows(float[] flat, int offset, int n, int origin) {
        double[] pt = new double[n], eta = new double[n], phi = new double[n], e = new double[n];
        int[] q = new int[n], o = new int[n];
        int f = TopJetDataset.CONSTITUENT_FEATURES.size();
        for (int i = 0; i < n; i++) {
            int b = offset + i * f;
            pt[i] = flat[b];
            eta[i] = flat[b + 1];
            phi[i] = flat[b + 2];
            e[i] = pt[i] * Math.cosh(eta[i]);
            q[i] = Math.round(flat[b + 5]);
            o[i] = origin;
        }
        return new Constituents(pt, eta, phi, e, q, o);
    }
}
