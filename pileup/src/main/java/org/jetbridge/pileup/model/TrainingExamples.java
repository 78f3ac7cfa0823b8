package org.jetbridge.pileup.model;

import org.jetbridge.pileup.ContaminatedJet;
import org.jetbridge.pileup.data.HardScatterJet;
import org.jetbridge.pileup.data.Inefficiency;
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
        Constituents observed = Inefficiency.drop(o.observed(), c.inefficiency(), rng);
        int level = c.level().observe(nPu, rng);
        return JetFeatures.encode(observed, level, c.maxObserved(), hs.constituents(), c.maxHardScatter());
    }

    /** An evaluation jet encoded for the networks (observed part only; the proxy level drawn from {@code rng}). */
    public static EncodedJet observed(ContaminatedJet j, PileupConfig c, RandomStream rng) {
        int level = c.level().observe(j.pileupInteractions(), rng);
        return JetFeatures.encode(j.observed(), level, c.maxObserved(), null, c.maxHardScatter());
    }
}
