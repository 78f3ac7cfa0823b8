package org.jetbridge.core.pileup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Jet;
import org.jetbridge.core.JetDefinition;
import org.jetbridge.core.Particle;
import org.jetbridge.core.area.ActiveAreaClustering;
import org.jetbridge.core.area.AreaDefinition;
import org.jetbridge.core.area.AreaJet;

/**
 * Area-median subtraction (Cacciari, Salam 2008): each jet's four-momentum becomes p − ρ A_μ, with ρ from a
 * {@link BackgroundEstimator} (default {@link GridMedianBackground}, GeV per unit area) and A_μ the jet's active
 * area four-vector ({@link ActiveAreaClustering}). When ρ·A_T ≥ pT (the jet is compatible with pure background)
 * the result is a zero four-vector with no constituents. Otherwise the subtracted jet keeps its unsubtracted
 * constituents (only the jet four-momentum is corrected) and its mass may come out negative (signed mass).
 * An optional particle-level stage (e.g. {@link ChargedHadronSubtraction}, as in "CHS + ρA") runs first; ρ and
 * the jets are then taken from its output.
 */
public final class AreaMedianSubtraction implements PileupMitigator {
    private final BackgroundEstimator estimator;
    private final AreaDefinition area;
    private final ParticleMitigator particleStage;

    /** Grid-median ρ (y_max 2.5, spacing 0.55) and default active areas with seed 12345. */
    public AreaMedianSubtraction() {
        this(new GridMedianBackground(), AreaDefinition.defaults(12345L));
    }

    public AreaMedianSubtraction(BackgroundEstimator estimator, AreaDefinition area) {
        this(estimator, area, PileupMitigator.none());
    }

    /** Subtraction after a particle-level stage (ρ is estimated on the stage's output). */
    public AreaMedianSubtraction(BackgroundEstimator estimator, AreaDefinition area, ParticleMitigator particleStage) {
        this.estimator = estimator;
        this.area = area;
        this.particleStage = particleStage;
    }

    @Override
    public String name() {
        String base = "AreaMedian(" + estimator.getClass().getSimpleName() + ")";
        return particleStage.name().equals("None") ? base : particleStage.name() + "+" + base;
    }

    @Override
    public List<Jet> jets(List<Particle> event, JetDefinition definition, double ptMin) {
        List<Particle> staged = particleStage.apply(event);
        List<FourMomentum> momenta = new ArrayList<>(staged.size());
        for (Particle p : staged) {
            momenta.add(p.momentum());
        }
        BackgroundEstimate bg = estimator.estimate(momenta);
        ActiveAreaClustering clustering = new ActiveAreaClustering(momenta, definition, area);
        List<Jet> out = new ArrayList<>();
        // a jet can only lose pT, so jets already below ptMin need no subtraction
        for (AreaJet j : clustering.inclusiveJets(ptMin)) {
            Jet s = subtract(j, estimator.rhoAt(bg, j.jet().rapidity(), j.jet().phi()));
            if (s.pt() >= ptMin) {
                out.add(s);
            }
        }
        out.sort(Comparator.comparingDouble(Jet::pt2).reversed());
        return out;
    }

    /** One jet minus ρ times its area four-vector (zero jet without constituents when ρ·A_T ≥ pT). */
    public static Jet subtract(AreaJet jet, double rho) {
        if (!(rho >= 0) || !Double.isFinite(rho)) {
            throw new IllegalArgumentException("rho must be finite and ≥ 0, got " + rho);
        }
        FourMomentum bg = jet.areaVector().times(rho);
        if (bg.pt2() >= jet.jet().pt2()) {
            return Jet.of(List.of());
        }
        return jet.jet().withMomentum(jet.jet().momentum().minus(bg));
    }
}
