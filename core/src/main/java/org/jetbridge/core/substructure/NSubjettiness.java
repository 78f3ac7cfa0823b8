package org.jetbridge.core.substructure;

import java.util.List;
import org.jetbridge.core.Angles;
import org.jetbridge.core.ClusterSequence;
import org.jetbridge.core.Jet;

/**
 * N-subjettiness (Thaler, Van Tilburg, arXiv:1011.2268), unnormalised, β = 1, no cut-off radius:
 * τ_N = Σ_i pT_i min_k ΔR(i, axis_k) in GeV, with ΔR in (y, φ). τ_N = 0 when the jet has N or fewer
 * constituents. The axes are chosen by an {@link AxesDefinition}. Ratios τ21 = τ2/τ1 and τ32 = τ3/τ2 are defined
 * as 0 when the denominator is 0 (a jet with too few constituents, or all of them collinear, has no resolvable
 * prong structure; 0 keeps such jets in the "fewest prongs" end of the distribution instead of making NaN).
 */
public final class NSubjettiness {
    /** Regulator of the one-pass weights pT/√(ΔR² + ε²). */
    static final double EPSILON = 1e-4;
    /** One-pass minimisation stops when the mean axis displacement ΔR in (y, φ) is at most this. */
    static final double ACCURACY = 1e-4;
    /** One-pass minimisation stops after this many iterations at the latest. */
    static final int MAX_ITERATIONS = 1000;

    private NSubjettiness() {
    }

    /** τ_N of a jet (N ≥ 1) with the given axes. */
    public static double tau(Jet jet, int n, AxesDefinition axes) {
        return tau(JetContext.of(jet), n, axes);
    }

    /** τ_N with the given axes; τ1..τ3 are cached in the context. */
    public static double tau(JetContext ctx, int n, AxesDefinition axes) {
        if (n >= 1 && n <= 3) {
            return ctx.tausUpTo3(axes)[n - 1];
        }
        return compute(ctx, n, axes);
    }

    /** τ2/τ1 (0 when τ1 = 0). */
    public static double tau21(JetContext ctx, AxesDefinition axes) {
        return ratio(tau(ctx, 2, axes), tau(ctx, 1, axes));
    }

    /** τ3/τ2 (0 when τ2 = 0). */
    public static double tau32(JetContext ctx, AxesDefinition axes) {
        return ratio(tau(ctx, 3, axes), tau(ctx, 2, axes));
    }

    /** numerator/denominator, or 0 when the denominator is 0 (see the class comment). */
    static double ratio(double num, double den) {
        return den == 0.0 ? 0.0 : num / den;
    }

    /**
     * The N axes as {rapidities, azimuths}; empty arrays when the jet has N or fewer constituents (then every
     * constituent is its own axis and τ_N = 0).
     */
    public static double[][] axes(JetContext ctx, int n, AxesDefinition axes) {
        if (n < 1) {
            throw new IllegalArgumentException("N-subjettiness: N must be >= 1, got " + n);
        }
        if (ctx.size() <= n) {
            return new double[][] {new double[0], new double[0]};
        }
        ClusterSequence cs = axes == AxesDefinition.EXCLUSIVE_KT ? ctx.ktReclustering() : ctx.ktWtaReclustering();
        List<Jet> seeds = cs.exclusiveJets(n);
        double[] ay = new double[n];
        double[] aphi = new double[n];
        for (int k = 0; k < n; k++) {
            ay[k] = seeds.get(k).rapidity();
            aphi[k] = seeds.get(k).momentum().phi02pi();
        }
        if (axes == AxesDefinition.ONEPASS_WTA_KT) {
            onePassMinimise(ctx.pt(), ctx.y(), ctx.phi(), ay, aphi);
        }
        return new double[][] {ay, aphi};
    }

    static double compute(JetContext ctx, int n, AxesDefinition axes) {
        double[][] a = axes(ctx, n, axes);
        if (a[0].length == 0) {
            return 0.0;
        }
        return tauWithAxes(ctx.pt(), ctx.y(), ctx.phi(), a[0], a[1]);
    }

    /** Σ_i pT_i min_k ΔR(i, k) for given axes (GeV). */
    static double tauWithAxes(double[] pt, double[] y, double[] phi, double[] ay, double[] aphi) {
        double sum = 0.0;
        for (int i = 0; i < pt.length; i++) {
            sum += pt[i] * Math.sqrt(nearestDeltaR2(y[i], phi[i], ay, aphi));
        }
        return sum;
    }

    /** Index of the axis nearest to (y, φ) in ΔR (the first one on a tie). */
    private static int nearest(double y, double phi, double[] ay, double[] aphi) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int k = 0; k < ay.length; k++) {
            double d = deltaR2(y, phi, ay[k], aphi[k]);
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best;
    }

    private static double nearestDeltaR2(double y, double phi, double[] ay, double[] aphi) {
        double bestD = Double.POSITIVE_INFINITY;
        for (int k = 0; k < ay.length; k++) {
            bestD = Math.min(bestD, deltaR2(y, phi, ay[k], aphi[k]));
        }
        return bestD;
    }

    private static double deltaR2(double y1, double phi1, double y2, double phi2) {
        double dy = y1 - y2;
        double dphi = Angles.deltaPhi(phi1, phi2);
        return dy * dy + dphi * dphi;
    }

    /**
     * One-pass minimisation (in place): assign every constituent to its nearest axis, move each axis to the
     * pT/√(ΔR² + ε²)-weighted mean of its constituents in (y, φ), φ unwrapped around the old axis; an axis with no
     * constituents stays. Repeats until the mean axis displacement Σ_k ΔR(old_k, new_k)/N is at most
     * {@link #ACCURACY} or {@link #MAX_ITERATIONS} passes were made (this criterion, not the mean squared
     * displacement, is what reproduces fjcontrib's numbers). For β = 1 the weighted mean is a Weiszfeld step towards
     * the point minimising Σ pT ΔR, so τ_N does not increase (up to the regulator ε).
     */
    static void onePassMinimise(double[] pt, double[] y, double[] phi, double[] ay, double[] aphi) {
        int nAxes = ay.length;
        double[] sw = new double[nAxes];
        double[] sy = new double[nAxes];
        double[] sphi = new double[nAxes];
        double eps2 = EPSILON * EPSILON;
        for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
            java.util.Arrays.fill(sw, 0.0);
            java.util.Arrays.fill(sy, 0.0);
            java.util.Arrays.fill(sphi, 0.0);
            for (int i = 0; i < pt.length; i++) {
                int k = nearest(y[i], phi[i], ay, aphi);
                double dy = y[i] - ay[k];
                double dphi = Angles.deltaPhi(phi[i], aphi[k]);
                double w = pt[i] / Math.sqrt(dy * dy + dphi * dphi + eps2);
                sw[k] += w;
                sy[k] += w * y[i];
                sphi[k] += w * (aphi[k] + dphi);
            }
            double moved = 0.0;
            for (int k = 0; k < nAxes; k++) {
                if (sw[k] > 0.0) {
                    double ny = sy[k] / sw[k];
                    double nphi = sphi[k] / sw[k];
                    double dy = ny - ay[k];
                    double dphi = nphi - aphi[k];
                    moved += Math.sqrt(dy * dy + dphi * dphi);
                    ay[k] = ny;
                    aphi[k] = nphi;
                }
            }
            if (moved / nAxes <= ACCURACY) {
                return;
            }
        }
    }
}
