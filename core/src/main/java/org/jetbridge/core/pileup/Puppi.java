package org.jetbridge.core.pileup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jetbridge.core.Angles;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Particle;

/**
 * PUPPI, pile-up per particle identification (Bertolini, Harris, Low, Tran, JHEP 10 (2014) 059), charged-track
 * variant. For every particle i the local shape α_i = ln Σ_j (pT_j/ΔR_ij)² sums over charged particles j ≠ i of
 * the hard-scatter vertex with r_min ≤ ΔR_ij &lt; r_0 (ΔR in y–φ). Over charged pile-up particles (vertex &gt; 0)
 * with finite α we take the median ᾱ_PU and the left-sided RMS σ_PU (root mean square of α − ᾱ_PU over those
 * with α &lt; ᾱ_PU). The weight is w_i = F_χ²(Θ(α_i − ᾱ_PU)(α_i − ᾱ_PU)²/σ_PU², 1 dof), so particles less
 * pile-up-like than the median pile-up track get weights towards 1.
 *
 * <p>Charged particles of the hard-scatter vertex get weight 1, those of pile-up vertices 0; neutral particles
 * and charged particles of unknown vertex get w_i, set to 0 when w_i &lt; weightCut or w_i·pT &lt; the pT cut
 * ({@link PuppiParameters}). Kept particles have their four-momentum scaled by w. Special cases: no particle
 * in the cone gives α = −∞ and w = 0; an event without any finite pile-up α (no pile-up tracks) has no
 * pile-up reference and gives w = 1 before cuts; σ_PU = 0 gives w = 1 above ᾱ_PU and 0 otherwise.
 * Cost O(N × N_charged,LV).
 */
public final class Puppi implements ParticleMitigator {
    private final PuppiParameters params;

    public Puppi() {
        this(PuppiParameters.defaults());
    }

    public Puppi(PuppiParameters params) {
        this.params = params;
    }

    public PuppiParameters parameters() {
        return params;
    }

    @Override
    public String name() {
        return "PUPPI(R0=" + params.r0() + ")";
    }

    /** The local shape α_i of every particle (−∞ when no hard-scatter track is in its cone). */
    public double[] alphas(List<Particle> event) {
        int n = event.size();
        double[] y = new double[n];
        double[] phi = new double[n];
        double[] pt = new double[n];
        int[] lv = new int[n];
        int nLv = 0;
        for (int i = 0; i < n; i++) {
            Particle p = event.get(i);
            FourMomentum m = p.momentum();
            y[i] = m.rapidity();
            phi[i] = m.phi02pi();
            pt[i] = m.pt();
            if (p.isCharged() && p.vertex() == Particle.HARD_SCATTER) {
                lv[nLv++] = i;
            }
        }
        double r02 = params.r0() * params.r0();
        double rMin2 = params.rMin() * params.rMin();
        double[] alpha = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int k = 0; k < nLv; k++) {
                int j = lv[k];
                if (j == i) {
                    continue;
                }
                double dy = y[i] - y[j];
                if (dy * dy >= r02) {
                    continue;
                }
                double dphi = Angles.deltaPhi(phi[i], phi[j]);
                double dr2 = dy * dy + dphi * dphi;
                // dr2 > 0 guards exact overlaps when rMin = 0
                if (dr2 < r02 && dr2 >= rMin2 && dr2 > 0) {
                    sum += pt[j] * pt[j] / dr2;
                }
            }
            alpha[i] = Math.log(sum);
        }
        return alpha;
    }

    /**
     * Final weight of every particle in [0, 1]: 1 or 0 for charged particles of known vertex, the χ² weight
     * after the weight and pT cuts for the others.
     */
    public double[] weights(List<Particle> event) {
        int n = event.size();
        double[] alpha = alphas(event);
        double[] pu = new double[n];
        int nPu = 0;
        int[] puVertex = new int[n];
        int nPuTracks = 0;
        for (int i = 0; i < n; i++) {
            Particle p = event.get(i);
            if (p.isCharged() && p.isPileup()) {
                puVertex[nPuTracks++] = p.vertex();
                if (Double.isFinite(alpha[i])) {
                    pu[nPu++] = alpha[i];
                }
            }
        }
        double median = Double.NaN;
        double sigma = Double.NaN;
        if (nPu > 0) {
            double[] s = Arrays.copyOf(pu, nPu);
            Arrays.sort(s);
            median = nPu % 2 == 1 ? s[nPu / 2] : 0.5 * (s[nPu / 2 - 1] + s[nPu / 2]);
            double sum2 = 0;
            int nLeft = 0;
            for (int k = 0; k < nPu && s[k] < median; k++) {
                double d = s[k] - median;
                sum2 += d * d;
                nLeft++;
            }
            sigma = nLeft > 0 ? Math.sqrt(sum2 / nLeft) : 0.0;
        }
        double ptCut = params.ptCutOffset() + params.ptCutPerVertex() * distinct(puVertex, nPuTracks);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            Particle p = event.get(i);
            if (p.isCharged() && p.vertex() != Particle.UNKNOWN_VERTEX) {
                w[i] = p.vertex() == Particle.HARD_SCATTER ? 1.0 : 0.0;
                continue;
            }
            double wi;
            if (nPu == 0) {
                wi = 1.0;
            } else if (!(alpha[i] > median)) {
                wi = 0.0; // includes α = −∞
            } else if (sigma == 0) {
                wi = 1.0;
            } else {
                double d = (alpha[i] - median) / sigma;
                wi = ChiSquared.cdf(d * d, 1);
            }
            if (wi < params.weightCut() || wi * p.momentum().pt() < ptCut) {
                wi = 0.0;
            }
            w[i] = wi;
        }
        return w;
    }

    private static int distinct(int[] values, int count) {
        int[] v = Arrays.copyOf(values, count);
        Arrays.sort(v);
        int d = 0;
        for (int i = 0; i < count; i++) {
            if (i == 0 || v[i] != v[i - 1]) {
                d++;
            }
        }
        return d;
    }

    @Override
    public List<Particle> apply(List<Particle> event) {
        double[] w = weights(event);
        List<Particle> out = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            if (w[i] > 0) {
                Particle p = event.get(i);
                out.add(w[i] == 1.0 ? p : p.withMomentum(p.momentum().times(w[i])));
            }
        }
        return out;
    }
}
