package org.jetbridge.pileup.model;

import org.jetbridge.pileup.ContaminatedJet;
import org.jetbridge.pileup.data.HardScatterJet;
import org.jetbridge.sim.Constituents;
import org.jetbridge.sim.MinBiasPool;
import org.jetbridge.sim.OverlaidJet;
import org.jetbridge.sim.PileupOverlay;
import org.jetbridge.sim.RandomStream;
import org.jetbridge.sim.TopJets;

/**
 * Training examples made on the fly: μ ~ |N(muMean, muSigma)|, N_PU ~ Poisson(μ) interactions of the pool overlaid
 * on a hard-scatter top jet (sim's {@link PileupOverlay}: random azimuth, random η mirror, R = 1 cone, top-jet cuts),
 * optional detector inefficiency (each observed constituent dropped with the configured probability; the target
 * keeps every hard-scatter constituent), then pT-sorted truncation and encoding, context computed after the drop.
 */
public final class TrainingExamples {
    private TrainingExamples() {
    }

    /** One example from {@code hs}; every random draw comes from {@code rng}. */
    public static EncodedJet make(HardScatterJet hs, MinBiasPool pool, PileupConfig c, RandomStream rng) {
        double mu = Math.abs(rng.gaussian(c.muMean(), c.muSigma()));
        int nPu = rng.poisson(mu);
        OverlaidJet o = PileupOverlay.overlay(hs.constituents(), hs.axis(), pool, nPu, rng, TopJets.RADIUS,
                TopJets.PARTICLE_PT_MIN, TopJets.ETA_MAX, Integer.MAX_VALUE);
        Constituents observed = drop(o.observed(), c.inefficiency(), rng);
        int level = c.level().observe(nPu, rng);
        return JetFeatures.encode(observed, level, c.maxObserved(), hs.constituents(), c.maxHardScatter());
    }

    /** An evaluation jet encoded for the networks (observed part only; the proxy level drawn from {@code rng}). */
    public static EncodedJet observed(ContaminatedJet j, PileupConfig c, RandomStream rng) {
        int level = c.level().observe(j.pileupInteractions(), rng);
        return JetFeatures.encode(j.observed(), level, c.maxObserved(), null, c.maxHardScatter());
    }

    /**
     * Drops each constituent with probability {@code p} (detector inefficiency); the leading one survives if all
     * would be lost, so a jet never vanishes.
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
