package org.jetbridge.pileup.eval;

import java.util.ArrayList;
import java.util.List;
import org.jetbridge.core.Angles;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Particle;
import org.jetbridge.pileup.ContaminatedJet;
import org.jetbridge.sim.Constituents;
import org.jetbridge.sim.MinBiasPool;
import org.jetbridge.sim.PileupOverlay;
import org.jetbridge.sim.RandomStream;
import org.jetbridge.sim.TopJets;

/**
 * The whole detector event around a contaminated jet, for the baselines that measure the pile-up of the event
 * (area-median ρ, the SoftKiller cut, PUPPI's pile-up reference): the jet's observed R = 1 cone, followed by the
 * pile-up outside the cone of a crossing with the jet's N_PU interactions drawn from the minimum-bias pool with the
 * overlay's own randomisation and cuts (pT &gt; 1 GeV, |η| &lt; 2.5).
 *
 * <p>Why: the overlay (like the reference study's data) keeps only particles within ΔR ≤ 1 of the jet, but ρ, the
 * SoftKiller cut and PUPPI's median pile-up α are measured over the event (a grid of |y| &lt; 2.5; the cone covers
 * about a tenth of it). Given N_PU the pile-up outside the cone is, interaction by interaction, independent of the
 * cone content up to the weak correlation through each interaction's multiplicity, so completing the event with an
 * independent crossing of the same N_PU gives the estimators the distribution of inputs they would see in the
 * true event. The true crossing's in-cone content is kept exactly as observed. The hard scatter outside the jet
 * (the other top, the underlying event) is absent, as in the data contract; a real event would add a little to ρ.
 *
 * <p>Particles carry what a detector knows: charged particles their vertex (0 hard scatter, k ≥ 1 the k-th pile-up
 * interaction), neutral particles {@link Particle#UNKNOWN_VERTEX}.
 */
public final class DetectorEvent {
    private final List<Particle> particles;
    private final int coneSize;

    private DetectorEvent(List<Particle> particles, int coneSize) {
        this.particles = particles;
        this.coneSize = coneSize;
    }

    /** The event of {@code jet}, its out-of-cone pile-up drawn from {@code pool} with {@code rng}. */
    public static DetectorEvent of(ContaminatedJet jet, MinBiasPool pool, RandomStream rng) {
        Constituents cone = jet.observed();
        List<Particle> ps = new ArrayList<>(cone.size() * 8);
        for (int i = 0; i < cone.size(); i++) {
            ps.add(particle(cone.momentum(i), cone.charge()[i], cone.origin()[i]));
        }
        int n = jet.pileupInteractions();
        if (n > 0) {
            Constituents none = new Constituents(new double[0], new double[0], new double[0], new double[0],
                    new int[0], new int[0]);
            // radius beyond any |Δη| + |Δφ|: the whole crossing, then only its part outside the jet's cone is kept
            Constituents crossing = PileupOverlay.overlay(none, jet.axis(), pool, n, rng, 10.0,
                    TopJets.PARTICLE_PT_MIN, TopJets.ETA_MAX, Integer.MAX_VALUE).observed();
            double aEta = jet.axis().eta();
            double aPhi = jet.axis().phi();
            double r2 = TopJets.RADIUS * TopJets.RADIUS;
            for (int i = 0; i < crossing.size(); i++) {
                double de = crossing.eta()[i] - aEta;
                double dp = Angles.deltaPhi(crossing.phi()[i], aPhi);
                if (de * de + dp * dp >= r2) {
                    ps.add(particle(crossing.momentum(i), crossing.charge()[i], crossing.origin()[i]));
                }
            }
        }
        return new DetectorEvent(List.copyOf(ps), cone.size());
    }

    private static Particle particle(FourMomentum p, int charge, int origin) {
        return new Particle(p, 0, charge, charge != 0 ? origin : Particle.UNKNOWN_VERTEX);
    }

    /** All particles: the cone's first (in the jet's constituent order), then the out-of-cone pile-up. */
    public List<Particle> particles() {
        return particles;
    }

    /** The cone particles, {@code particles().subList(0, coneSize())}. */
    public List<Particle> cone() {
        return particles.subList(0, coneSize);
    }

    public int coneSize() {
        return coneSize;
    }

    /** The four-momenta of all particles. */
    public List<FourMomentum> momenta() {
        List<FourMomentum> l = new ArrayList<>(particles.size());
        for (Particle p : particles) {
            l.add(p.momentum());
        }
        return l;
    }
}
