package org.jetbridge.core.substructure;

import org.jetbridge.core.Jet;
import org.jetbridge.core.JetDefinition;

/**
 * kt splitting scales √d_{N,N+1} in GeV (Butterworth, Cox, Forshaw, hep-ph/0201098): the constituents are
 * reclustered with kt (E-scheme, R = {@link JetDefinition#MAX_RADIUS}, so nothing merges with the beam) and
 * √d_{N,N+1} = min(pT_a, pT_b) ΔR_ab of the merge that takes the jet from N+1 to N objects, i.e. the plain kt
 * distance min(pT²) ΔR² without any 1/R² normalisation (our ClusterSequence stores d/R², which is multiplied
 * back). This differs from FastJet's KtSplittingScales idiom, which uses the jet's own kt clustering with the
 * jet radius (d_ij/R² there, and possible beam merges for R &lt; ∞). 0 when the jet has N or fewer constituents.
 */
public final class SplittingScales {
    private SplittingScales() {
    }

    /** √d_{N,N+1} of a jet (N ≥ 1), GeV. */
    public static double sqrtD(Jet jet, int n) {
        return sqrtD(JetContext.of(jet), n);
    }

    /** √d_{N,N+1} (N ≥ 1), GeV, reusing the context's kt reclustering. */
    public static double sqrtD(JetContext ctx, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("splitting scale: N must be >= 1, got " + n);
        }
        if (ctx.size() <= n) {
            return 0.0;
        }
        double normalised = ctx.ktReclustering().exclusiveDmerge(n);
        return JetContext.KT.radius() * Math.sqrt(normalised);
    }
}
