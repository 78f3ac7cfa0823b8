package org.jetbridge.pileup.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Jet;
import org.jetbridge.core.JetDefinition;
import org.jetbridge.core.Particle;
import org.jetbridge.core.area.ActiveAreaClustering;
import org.jetbridge.core.area.AreaDefinition;
import org.jetbridge.core.area.AreaJet;
import org.jetbridge.core.groom.CambridgeReclustering;
import org.jetbridge.core.groom.GroomedJet;
import org.jetbridge.core.groom.SoftDrop;
import org.jetbridge.core.pileup.AreaMedianSubtraction;
import org.jetbridge.core.pileup.GridMedianBackground;
import org.jetbridge.core.pileup.Puppi;
import org.jetbridge.core.pileup.SoftKiller;
import org.jetbridge.pileup.ContaminatedJet;
import org.jetbridge.pileup.JetEstimate;
import org.jetbridge.pileup.PileupRemover;
import org.jetbridge.sim.EventLoop;
import org.jetbridge.sim.MinBiasPool;
import org.jetbridge.sim.RandomStream;
import org.jetbridge.sim.TopJets;

/**
 * The rule-based pile-up baselines as {@link PileupRemover}s on contaminated jets, each a thin adapter around core's
 * implementation: the observed jet (no mitigation), SoftDrop on the observed cone re-clustered with C/A (R0 = 1),
 * area-median subtraction (ρ·A_μ), SoftKiller and PUPPI. The last three measure the event's pile-up on its
 * {@link DetectorEvent} (the jet's cone plus the out-of-cone pile-up of a crossing with the jet's N_PU), drawn
 * from the pool with stream (seed, jet index). Every method returns one estimate per jet; jets are processed on
 * {@code threads} threads with results independent of the thread count.
 */
public final class Baselines {
    /** The SoftDrop grid of the reference study: β values. */
    public static final List<Double> SOFTDROP_BETAS = List.of(0.0, 0.5, 1.0, 2.0, 3.0);
    /** The SoftDrop grid: z_cut values. */
    public static final List<Double> SOFTDROP_ZCUTS = List.of(0.05, 0.1, 0.15);
    /** Headline SoftDrop setting of the reference study: β = 2, z_cut = 0.05. */
    public static final SoftDrop SOFTDROP_HEADLINE = new SoftDrop(2.0, 0.05);
    /** CMS-like setting (mMDT): β = 0, z_cut = 0.1. */
    public static final SoftDrop SOFTDROP_CMS = new SoftDrop(0.0, 0.1);
    /** Name of the SoftDrop envelope (best grid setting per observable and μ) in reports. */
    public static final String SOFTDROP_ENVELOPE = "SoftDrop(best of grid)";
    /**
     * Ghosts for the jet area: the cone's particles have |η| &lt; 2.5 and the cone reaches one unit further, so
     * ghosts up to |y| = 3.5 cover every jet area (core's defaults otherwise, fixed seed: areas are reproducible).
     */
    public static final AreaDefinition AREA = new AreaDefinition(TopJets.ETA_MAX + TopJets.RADIUS,
            AreaDefinition.DEFAULT_GHOST_AREA, AreaDefinition.DEFAULT_GRID_SCATTER, AreaDefinition.DEFAULT_PT_SCATTER,
            AreaDefinition.DEFAULT_MEAN_GHOST_PT, 1, 12345L);
    /** Keeps the detector-event streams apart from the overlay streams of the same seed. */
    static final long EVENT_SALT = 0x45564E54L; // "EVNT"

    private Baselines() {
    }

    /** The observed jet: every constituent of the cone. */
    public static PileupRemover observed(int threads) {
        return remover("observed", threads, (jet, rng) -> JetEstimate.of(JetObservables.momenta(jet.observed())));
    }

    /** SoftDrop(β, z_cut, R0 = 1) of the observed cone re-clustered with C/A (an empty cone stays empty). */
    public static PileupRemover softDrop(double beta, double zcut, int threads) {
        SoftDrop sd = new SoftDrop(beta, zcut);
        return remover(softDropName(beta, zcut), threads, (jet, rng) -> {
            List<FourMomentum> cone = JetObservables.momenta(jet.observed());
            if (cone.isEmpty()) {
                return JetEstimate.of(cone);
            }
            GroomedJet g = sd.groom(CambridgeReclustering.of(cone));
            return new JetEstimate(g.jet().constituents(), g.jet().momentum());
        });
    }

    /** Report name of a SoftDrop setting, e.g. "SoftDrop(β=2, z=0.05)". */
    public static String softDropName(double beta, double zcut) {
        return "SoftDrop(β=" + num(beta) + ", z=" + num(zcut) + ")";
    }

    private static String num(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.format(Locale.ROOT, "%s", x);
    }

    /** The 15 SoftDrop settings of {@link #SOFTDROP_BETAS} × {@link #SOFTDROP_ZCUTS}. */
    public static List<PileupRemover> softDropGrid(int threads) {
        List<PileupRemover> l = new ArrayList<>();
        for (double b : SOFTDROP_BETAS) {
            for (double z : SOFTDROP_ZCUTS) {
                l.add(softDrop(b, z, threads));
            }
        }
        return l;
    }

    /**
     * Area-median subtraction: the cone's particles are clustered with anti-kt R = 1 and ghosts ({@link #AREA});
     * the leading jet's four-momentum becomes p − ρ A_μ (core's {@link AreaMedianSubtraction#subtract}) with A_μ its
     * 4-vector active area and ρ the grid median (|y| &lt; 2.5, spacing 0.55) of the jet's {@link DetectorEvent}.
     * The constituents are the jet's, unsubtracted, so the constituent observables are those of the observed jet.
     */
    public static PileupRemover areaMedian(MinBiasPool pool, int threads) {
        GridMedianBackground bg = new GridMedianBackground();
        JetDefinition def = JetDefinition.antiKt(TopJets.RADIUS);
        return remover("area-median", threads, (jet, rng) -> {
            List<FourMomentum> cone = JetObservables.momenta(jet.observed());
            if (cone.isEmpty()) {
                return JetEstimate.of(cone);
            }
            double rho = bg.estimate(DetectorEvent.of(jet, pool, rng).momenta()).rho();
            AreaJet leading = new ActiveAreaClustering(cone, def, AREA).inclusiveJets(0.0).get(0);
            Jet s = AreaMedianSubtraction.subtract(leading, rho);
            return new JetEstimate(s.constituents(), s.momentum());
        });
    }

    /** SoftKiller (y_max 2.5, spacing 0.4): the cut is measured on the jet's {@link DetectorEvent} and applied to the cone. */
    public static PileupRemover softKiller(MinBiasPool pool, int threads) {
        SoftKiller sk = new SoftKiller();
        return remover("SoftKiller", threads, (jet, rng) -> {
            DetectorEvent ev = DetectorEvent.of(jet, pool, rng);
            Set<Particle> cone = Collections.newSetFromMap(new IdentityHashMap<>());
            cone.addAll(ev.cone());
            List<FourMomentum> kept = new ArrayList<>();
            for (Particle p : sk.apply(ev.particles())) {
                if (cone.contains(p)) {
                    kept.add(p.momentum());
                }
            }
            return JetEstimate.of(kept);
        });
    }

    /**
     * PUPPI (core defaults, charged-track variant): weights from the jet's {@link DetectorEvent}, where charged
     * particles carry their vertex and neutral ones none; the cone's particles scaled by their weights.
     */
    public static PileupRemover puppi(MinBiasPool pool, int threads) {
        Puppi puppi = new Puppi();
        return remover("PUPPI", threads, (jet, rng) -> {
            DetectorEvent ev = DetectorEvent.of(jet, pool, rng);
            double[] w = puppi.weights(ev.particles());
            List<FourMomentum> kept = new ArrayList<>();
            for (int i = 0; i < ev.coneSize(); i++) {
                if (w[i] > 0) {
                    FourMomentum p = ev.particles().get(i).momentum();
                    kept.add(w[i] == 1.0 ? p : p.times(w[i]));
                }
            }
            return JetEstimate.of(kept);
        });
    }

    /**
     * Every baseline of the evaluation: observed, the SoftDrop grid (headline and CMS-like settings included),
     * area-median, SoftKiller, PUPPI.
     */
    public static List<PileupRemover> all(MinBiasPool pool, int threads) {
        List<PileupRemover> l = new ArrayList<>();
        l.add(observed(threads));
        l.addAll(softDropGrid(threads));
        l.add(areaMedian(pool, threads));
        l.add(softKiller(pool, threads));
        l.add(puppi(pool, threads));
        return l;
    }

    /** The SoftDrop envelope over the grid, with the headline and CMS-like settings drawn on their own. */
    public static Envelope softDropEnvelope() {
        List<String> members = new ArrayList<>();
        for (double b : SOFTDROP_BETAS) {
            for (double z : SOFTDROP_ZCUTS) {
                members.add(softDropName(b, z));
            }
        }
        return new Envelope(SOFTDROP_ENVELOPE, members, List.of(
                softDropName(SOFTDROP_HEADLINE.beta(), SOFTDROP_HEADLINE.zcut()),
                softDropName(SOFTDROP_CMS.beta(), SOFTDROP_CMS.zcut())));
    }

    /** A remover applying a per-jet function with the jet's own stream (seed ^ EVENT_SALT, jet index). */
    static PileupRemover remover(String name, int threads, BiFunction<ContaminatedJet, RandomStream, JetEstimate> f) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        return new PileupRemover() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<List<JetEstimate>> estimate(List<ContaminatedJet> jets, long seed) {
                return EventLoop.run(seed ^ EVENT_SALT, 0, jets.size(), threads,
                        (i, rng) -> List.of(f.apply(jets.get((int) i), rng)));
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
