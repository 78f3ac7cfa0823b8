package org.jetbridge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.nn.NnSettings;
import org.jetbridge.pileup.ContaminatedJet;
import org.jetbridge.pileup.data.HardScatterJet;
import org.jetbridge.pileup.model.Normalisers;
import org.jetbridge.pileup.model.OverlayBatchSource;
import org.jetbridge.pileup.model.PileupConfig;
import org.jetbridge.pileup.model.PileupModel;
import org.jetbridge.pileup.model.PileupNetworks;
import org.jetbridge.pileup.model.PileupTraining;
import org.jetbridge.pileup.model.PosteriorSampler;
import org.jetbridge.pileup.model.TrainOptions;
import org.jetbridge.pileup.model.TrainingExamples;
import org.jetbridge.sim.OverlaidJet;
import org.jetbridge.sim.PileupOverlay;
import org.jetbridge.sim.RandomStream;
import org.jetbridge.sim.TopJets;

/**
 * Pile-up model throughput on this machine: posterior sampling in jets/s (K samples each, the model's sampler
 * steps) with and without reusing the observed-cloud encoding, and training steps/s (batch 64, as
 * {@code pileup train} runs them). Usage: {@code PileupBenchmark TOPS.h5 MINBIAS.h5 [threads (1)] [model dir or
 * preset (cpu)] [K (32)] [jets (32)] [mu (200)] [train steps (20)]}. Plain harness, not JMH; each figure follows a
 * warm-up pass. A preset builds untrained networks (same operations, same cost as trained ones).
 */
public final class PileupBenchmark {
    private PileupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: PileupBenchmark TOPS.h5 MINBIAS.h5 [threads] [model-dir|preset] [K] [jets] "
                    + "[mu] [train-steps]");
            System.exit(2);
        }
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        String which = args.length > 3 ? args[3] : "cpu";
        int k = args.length > 4 ? Integer.parseInt(args[4]) : PileupModel.DEFAULT_SAMPLES;
        int nJets = args.length > 5 ? Integer.parseInt(args[5]) : 32;
        int mu = args.length > 6 ? Integer.parseInt(args[6]) : 200;
        int trainSteps = args.length > 7 ? Integer.parseInt(args[7]) : 20;
        double[] r = measure(Path.of(args[0]), Path.of(args[1]), threads, which, k, nJets, mu, trainSteps);
        System.out.printf(Locale.ROOT, "sampling: %.3f jets/s cached, %.3f uncached (K = %d); training %.3f steps/s%n",
                r[0], r[1], k, r[2]);
    }

    /**
     * Sampling jets/s with and without context caching and training steps/s (NaN when {@code trainSteps} = 0) of a
     * model directory or an untrained preset, on {@code nJets} jets of {@code tops}'s validation split at a fixed μ.
     */
    static double[] measure(Path tops, Path minbias, int threads, String which, int k, int nJets, int mu,
            int trainSteps) throws Exception {
        NnRuntime rt = NnRuntime.start(NnSettings.defaults().withThreads(threads));
        PileupConfig preset = Files.isDirectory(Path.of(which)) ? null : PileupConfig.preset(which);
        PileupConfig c0 = preset != null ? preset : PileupConfig.cpu();
        TrainOptions o = TrainOptions.defaults(Math.max(1, 2L * trainSteps)).withWarmupJets(500);
        PileupTraining.Inputs in = PileupTraining.load(tops, minbias, c0.withMu(Math.max(c0.muMean(), mu),
                c0.muSigma()), o);
        System.out.printf(Locale.ROOT, "pile-up benchmark: %s, %d threads, load average %.2f, K = %d, %d jets at "
                + "mu = %d%n", which, threads, TaggerBenchmark.loadAverage(), k, nJets, mu);
        List<ContaminatedJet> jets = new ArrayList<>();
        for (int i = 0; i < nJets; i++) {
            HardScatterJet h = in.validation().get(i % in.validation().size());
            OverlaidJet ov = PileupOverlay.overlay(h.constituents(), h.axis(), in.pool(), mu,
                    RandomStream.forEvent(99, i), TopJets.RADIUS, TopJets.PARTICLE_PT_MIN, TopJets.ETA_MAX, 400);
            jets.add(new ContaminatedJet(ov.observed(), h.axis(), ov.truth(), mu));
        }
        double[] out = {Double.NaN, Double.NaN, Double.NaN};
        try (PileupModel model = preset == null ? PileupModel.load(rt, Path.of(which)) : untrained(rt, preset, in)) {
            PileupConfig c = model.config();
            for (boolean cache : new boolean[] {true, false}) {
                PosteriorSampler s = model.posterior(k, c.samplerSteps(), cache);
                s.estimate(jets.subList(0, Math.min(4, nJets)), 1); // warm-up
                long t0 = System.nanoTime();
                s.estimate(jets, 2);
                double sec = (System.nanoTime() - t0) * 1e-9;
                out[cache ? 0 : 1] = nJets / sec;
                System.out.printf(Locale.ROOT, "sampling %-8s %d steps (%d evaluations): %.3f jets/s (%.1f ms per "
                        + "jet of %d samples)%n", cache ? "cached" : "uncached", c.samplerSteps(),
                        c.schemeImpl().evaluations(c.samplerSteps()), nJets / sec, 1e3 * sec / nJets, k);
            }
            if (trainSteps > 0) {
                try (PileupNetworks nets = new PileupNetworks(rt, c, 1)) {
                    out[2] = TrainingSteps.perSecond(rt, nets, new OverlayBatchSource(in.train(), in.pool(), c,
                            model.normalisers(), o.batchSize(), 1), trainSteps);
                    System.out.printf(Locale.ROOT, "training: %.3f steps/s (batch %d)%n", out[2], o.batchSize());
                }
            }
        }
        return out;
    }

    /**
     * The suite entry: the cpu preset (untrained networks: same operations and cost as trained ones) on freshly
     * generated top jets and pool, K = 32 at μ = 200. Jetbridge column: cached sampling; reference column: the
     * same sampler re-encoding the observed cloud at every evaluation (the ratio is the caching's speed-up).
     */
    static List<Suite.Row> suite(Suite.Options o) throws Exception {
        Path tops = o.workDir().resolve("pileup-tops.h5");
        Path pool = o.workDir().resolve("pileup-minbias.h5");
        Suite.generate("ttbar", Math.max(1500, (int) Math.round(3000 * o.scale())), tops);
        Suite.generate("minbias", 5000, pool);
        int jets = Math.max(8, (int) Math.round(16 * o.scale()));
        int steps = Math.max(5, (int) Math.round(20 * o.scale()));
        double[] r = measure(tops, pool, o.threads(), "cpu", PileupModel.DEFAULT_SAMPLES, jets, 200, steps);
        String t = ", " + o.threads() + " thread" + (o.threads() > 1 ? "s" : "");
        PileupConfig c = PileupConfig.cpu();
        String what = "posterior sampling, cpu preset, K = " + PileupModel.DEFAULT_SAMPLES + ", " + c.samplerSteps()
                + " Heun steps, mu = 200" + t;
        return List.of(
                Suite.Row.rate("pileup", what, r[0], r[1], "uncached", "jets/s", jets + " jets; reference = "
                        + "the same sampler re-encoding the observed cloud at every evaluation"),
                Suite.Row.rate("pileup", "training, cpu preset, batch 64" + t, r[2], null, null, "steps/s",
                        steps + " steps"));
    }

    private static PileupModel untrained(NnRuntime rt, PileupConfig c, PileupTraining.Inputs in) {
        Normalisers n = Normalisers.warmingUp(500);
        for (int i = 0; i < 500; i++) {
            n.observe(TrainingExamples.make(in.train().get(i), in.pool(), c, RandomStream.forEvent(7, i)));
        }
        return new PileupModel(rt, new PileupNetworks(rt, c, 1), n.freeze());
    }
}
