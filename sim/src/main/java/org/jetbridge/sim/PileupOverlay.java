package org.jetbridge.sim;

import java.util.ArrayList;
import java.util.List;
import org.jetbridge.core.Angles;
import org.jetbridge.core.FourMomentum;

/**
 * Overlays pile-up from a {@link MinBiasPool} onto a hard-scatter jet: N_PU interactions are drawn from the pool
 * (each rotated by a random azimuth and randomly mirrored in η, so a pool is reused without visible
 * repetition), and their particles inside the jet cone that pass the constituent cuts join the jet.
 */
public final class PileupOverlay {
    private PileupOverlay() {
    }

    /** Overlay with N_PU drawn from the pile-up settings and the top-jet cuts (R = 1, pT &gt; 1, |η| &lt; 2.5, 200). */
    public static OverlaidJet overlay(Constituents hs, FourMomentum axis, MinBiasPool pool, PileupParameters pu,
                                      RandomStream rng) {
        return overlay(hs, axis, pool, pu.draw(rng), rng, TopJets.RADIUS, TopJets.PARTICLE_PT_MIN, TopJets.ETA_MAX,
                TopJets.MAX_CONSTITUENTS);
    }

    /** Overlay of exactly nPileup interactions with explicit cone radius and constituent cuts. */
    public static OverlaidJet overlay(Constituents hs, FourMomentum axis, MinBiasPool pool, int nPileup,
                                      RandomStream rng, double radius, double ptMin, double etaMax, int max) {
        if (pool.interactions() == 0 && nPileup > 0) {
            throw new IllegalArgumentException("pile-up pool is empty but " + nPileup + " interactions were asked");
        }
        List<FourMomentum> ps = new ArrayList<>();
        IntList q = new IntList();
        IntList o = new IntList();
        for (int i = 0; i < hs.size(); i++) {
            ps.add(hs.momentum(i));
            q.add(hs.charge()[i]);
            o.add(0);
        }
        double aEta = axis.eta();
        double aPhi = axis.phi();
        double r2 = radius * radius;
        for (int k = 1; k <= nPileup; k++) {
            int m = rng.nextInt(pool.interactions());
            double rot = rng.uniform(-Math.PI, Math.PI);
            double flip = rng.uniform() < 0.5 ? -1 : 1;
            for (int i = pool.offsets()[m]; i < pool.offsets()[m + 1]; i++) {
                double pt = pool.pt()[i];
                double eta = flip * pool.eta()[i];
                if (pt <= ptMin || Math.abs(eta) >= etaMax) {
                    continue;
                }
                double phi = Angles.wrap(pool.phi()[i] + rot);
                double de = eta - aEta;
                double dp = Angles.deltaPhi(phi, aPhi);
                if (de * de + dp * dp >= r2) {
                    continue;
                }
                double pz = pt * Math.sinh(eta);
                ps.add(new FourMomentum(pt * Math.cos(phi), pt * Math.sin(phi), pz, pool.e()[i]));
                q.add(pool.charge()[i]);
                o.add(k);
            }
        }
        Constituents observed = Constituents.sorted(ps, q.toArray(), o.toArray(), max);
        return new OverlaidJet(observed, hs, nPileup);
    }
}
