package org.jetbridge.pileup.data;

import java.util.List;
import org.jetbridge.pileup.ContaminatedJet;
import org.jetbridge.sim.Constituents;
import org.jetbridge.sim.EventLoop;
import org.jetbridge.sim.RandomStream;

/**
 * Detector inefficiency for the inefficiency study: each observed constituent (hard scatter or pile-up) is lost
 * with probability p, independently; the truth keeps every hard-scatter constituent (a classifier cannot restore
 * lost particles, a generator can). Jet i draws from its own stream (seed, i), so results do not depend on threads.
 */
public final class Inefficiency {
    /** Keeps the inefficiency streams apart from the overlay streams of the same seed. */
    static final long STREAM_SALT = 0x494E4546L; // "INEF"

    private Inefficiency() {
    }

    /** The jets with each observed constituent dropped with probability {@code p} ∈ [0, 1). */
    public static List<ContaminatedJet> apply(List<ContaminatedJet> jets, double p, long seed, int threads) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("inefficiency must be in [0, 1), got " + p);
        }
        if (p == 0) {
            return List.copyOf(jets);
        }
        return EventLoop.run(seed ^ STREAM_SALT, 0, jets.size(), threads, (i, rng) -> {
            ContaminatedJet j = jets.get((int) i);
            return new ContaminatedJet(drop(j.observed(), p, rng), j.axis(), j.truth(), j.pileupInteractions());
        });
    }

    /**
     * Drops each constituent with probability {@code p} (detector inefficiency); the leading one survives if all
     * would be lost, so a jet never vanishes. The training's on-the-fly inefficiency uses the same rule.
     */
    public static Constituents drop(Constituents c, double p, RandomStream rng) {
        if (p <= 0) {
            return c;
        }
        boolean[] keep = new boolean[c.size()];
        int n = 0;
        for (int i = 0; i < keep.length; i++) {
            keep[i] = rng.uniform() >= p;
            n += keep[i] ? 1 : 0;
        }
        if (n == 0 && keep.length > 0) {
            keep[0] = true;
            n = 1;
        }
        double[] pt = new double[n], eta = new double[n], phi = new double[n], e = new double[n];
        int[] q = new int[n], o = new int[n];
        int k = 0;
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                pt[k] = c.pt()[i];
                eta[k] = c.eta()[i];
                phi[k] = c.phi()[i];
                e[k] = c.e()[i];
                q[k] = c.charge()[i];
                o[k] = c.origin()[i];
                k++;
            }
        }
        return new Constituents(pt, eta, phi, e, q, o);
    }
}
