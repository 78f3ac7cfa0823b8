package org.jetbridge.pileup.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.nn.Npz;
import org.jetbridge.nn.train.LearningRateSchedule;
import org.jetbridge.nn.train.Trainer;
import org.jetbridge.nn.train.TrainerConfig;
import org.jetbridge.nn.train.TrainingDivergedException;
import org.jetbridge.nn.train.TrainingResult;
import org.jetbridge.pileup.data.HardScatterJet;
import org.jetbridge.pileup.data.PoolFiles;
import org.jetbridge.sim.MinBiasPool;
import org.jetbridge.sim.PileupParameters;
import org.jetbridge.sim.RandomStream;

/**
 * Trains the pile-up networks into an output directory: {@code run/} holds the warm-up normalisers, the trainer's
 * {@code last.ckpt} / {@code best.ckpt} and {@code training-log.json}; {@code model/} receives the best EMA weights
 * as a {@link PileupModel} directory at the end. Running again on the same directory resumes exactly from
 * {@code run/last.ckpt} (refused if the configuration changed).
 */
public final class PileupTraining {
    public static final String MODEL = "model";
    public static final String RUN = "run";
    static final String NORMALISATION = "normalisation.npz";
    private static final long WARMUP_SALT = 0x5741524DL;
    private static final long VALIDATION_SALT = 0x56414C49L;

    private PileupTraining() {
    }

    /** Outcome: what the trainer did and where the model went (null when interrupted). */
    public record Result(TrainingResult training, Path modelDir) {}

    /** The hard-scatter jets and the pool of one run, loaded and checked. */
    public record Inputs(List<HardScatterJet> train, List<HardScatterJet> validation, MinBiasPool pool) {}

    /**
     * Loads the jets (split: the last {@code validationFraction} held out) and the pool, refusing a pool too small
     * for the configured μ distribution ({@link PoolFiles#needed}).
     */
    public static Inputs load(Path hs, Path poolFile, PileupConfig c, TrainOptions o) {
        MinBiasPool pool = PoolFiles.load(poolFile, new HashMap<>());
        long needed = PoolFiles.needed(new PileupParameters(PileupParameters.Mode.GAUSSIAN_MU, c.muMean(),
                c.muSigma()));
        if (needed > pool.interactions()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: training mu ~ |N(%s, %s)| needs up "
                    + "to %d pile-up interactions per jet, but the pool holds only %d; generate a larger pool "
                    + "(jetbridge generate minbias --events N)", poolFile, c.muMean(), c.muSigma(), needed,
                    pool.interactions()));
        }
        List<HardScatterJet> all = HardScatterJet.load(hs, -1);
        int nVal = (int) Math.round(all.size() * o.validationFraction());
        if (all.size() - nVal < o.batchSize() || nVal < 1) {
            throw new IllegalArgumentException(hs + ": " + all.size() + " jets are too few for batch size "
                    + o.batchSize() + " with " + o.validationFraction() + " held out for validation");
        }
        return new Inputs(all.subList(0, all.size() - nVal), all.subList(all.size() - nVal, all.size()), pool);
    }

    /** Trains (or resumes) and exports the best EMA model; progress lines go to {@code log}. */
    public static Result train(NnRuntime rt, PileupConfig c, TrainOptions o, Inputs in, Path out, PrintStream log)
            throws IOException {
        return train(rt, c, o, in, out, log, s -> false);
    }

    /**
     * As above, but ends the run at the first checkpoint after {@code minutes} of wall time and then exports the best
     * validated weights so far (a time-boxed run on a shared machine); resuming later continues the same run.
     */
    public static Result trainFor(NnRuntime rt, PileupConfig c, TrainOptions o, Inputs in, Path out, PrintStream log,
            double minutes) throws IOException {
        long end = System.nanoTime() + (long) (minutes * 60e9);
        long every = trainerConfig(o).checkpointEvery();
        return train(rt, c, o, in, out, log, s -> s % every == 0 && System.nanoTime() > end, true);
    }

    /** As above, ending without a further checkpoint (as a killed process would) once {@code stopAfter} accepts the step count. */
    public static Result train(NnRuntime rt, PileupConfig c, TrainOptions o, Inputs in, Path out, PrintStream log,
            java.util.function.LongPredicate stopAfter) throws IOException {
        return train(rt, c, o, in, out, log, stopAfter, false);
    }

    private static Result train(NnRuntime rt, PileupConfig c, TrainOptions o, Inputs in, Path out, PrintStream log,
            java.util.function.LongPredicate stopAfter, boolean exportOnStop) throws IOException {
        Path run = out.resolve(RUN);
        Files.createDirectories(run);
        Normalisers norm = normalisers(in, c, o, run.resolve(NORMALISATION), log);
        OverlayBatchSource source = new OverlayBatchSource(in.train(), in.pool(), c, norm, o.batchSize(), o.seed());
        List<List<EncodedJet>> validation = validationBatches(in, c, o);
        TrainerConfig tc = trainerConfig(o);
        try (PileupNetworks nets = new PileupNetworks(rt, c, o.seed(), o.noiseDraws())) {
            log.printf(Locale.ROOT, "training pile-up model %s (%d parameters) on %d hard-scatter jets, pool of %d "
                    + "interactions: %d steps of %d jets (%.2f epochs)%n", c, nets.parameters().count(),
                    in.train().size(), in.pool().interactions(), o.steps(), o.batchSize(),
                    o.steps() / (double) source.batchesPerEpoch());
            long[] done = {-1};
            TrainingResult r = new Trainer(rt, tc).progress(log, false).afterStep(s -> done[0] = s)
                    .stopWhen(() -> done[0] >= 0 && stopAfter.test(done[0]))
                    .fit(nets, source, (model, step) -> validationLoss(rt, nets, norm, validation, o, log, step), run);
            Path best = run.resolve(Trainer.BEST);
            if (r.interrupted() && !(exportOnStop && Files.exists(best))) {
                return new Result(r, null);
            }
            if (!Files.exists(best)) {
                throw new TrainingDivergedException(r.steps() - 1, "no validation gave a finite loss, so no model "
                        + "is exported");
            }
            Trainer.loadWeights(best, nets.parameters(), true);
            Path modelDir = out.resolve(MODEL);
            // the model takes ownership of the networks only for saving; closing stays with this try
            new PileupModel(rt, nets, norm).save(modelDir);
            log.println("model written to " + modelDir + " (best validation at step "
                    + Trainer.checkpointStep(best) + (r.interrupted() ? ", time limit reached at step " + r.steps()
                    : "") + ")");
            return new Result(r, modelDir);
        }
    }

    static TrainerConfig trainerConfig(TrainOptions o) {
        long steps = o.steps();
        long warmup = Math.max(1, steps / 20);
        int every = (int) Math.max(1, steps / o.validations());
        return TrainerConfig.defaults(steps)
                .withSchedule(new LearningRateSchedule(LearningRateSchedule.Kind.CONSTANT, o.learningRate(),
                        Math.min(warmup, steps - 1), steps, 1))
                .withOptimizer(0.9, 0.999, 1e-8, o.weightDecay()).withClipNorm(o.clipNorm())
                .withEmaDecay(o.emaDecay()).withValidation(every, 0).withCheckpointEvery(every)
                .withLogEvery((int) Math.max(1, Math.min(50, steps / 20))).withSeed(o.seed());
    }

    /** Saved normalisers of this run, or a warm-up over {@code warmupJets} fresh examples (then frozen and saved). */
    static Normalisers normalisers(Inputs in, PileupConfig c, TrainOptions o, Path saved, PrintStream log)
            throws IOException {
        if (Files.exists(saved)) {
            return Normalisers.fromArrays(Npz.read(saved).arrays(), saved.toString());
        }
        Normalisers n = Normalisers.warmingUp(o.warmupJets());
        for (int i = 0; i < o.warmupJets(); i++) {
            HardScatterJet j = in.train().get(i % in.train().size());
            n.observe(TrainingExamples.make(j, in.pool(), c, RandomStream.forEvent(o.seed() ^ WARMUP_SALT, i)));
        }
        n.freeze();
        Npz.write(saved, n.toArrays());
        log.println("normalisers frozen after " + o.warmupJets() + " warm-up jets: observed " + n.observed()
                + "; context " + n.context() + "; hard scatter " + n.hardScatter());
        return n;
    }

    /** Fixed validation examples (same pile-up at every validation). */
    static List<List<EncodedJet>> validationBatches(Inputs in, PileupConfig c, TrainOptions o) {
        List<List<EncodedJet>> out = new ArrayList<>();
        int k = 0;
        for (int b = 0; b < o.validationBatches(); b++) {
            List<EncodedJet> batch = new ArrayList<>();
            for (int i = 0; i < o.batchSize(); i++, k++) {
                HardScatterJet j = in.validation().get(k % in.validation().size());
                batch.add(TrainingExamples.make(j, in.pool(), c, RandomStream.forEvent(o.seed() ^ VALIDATION_SALT, k)));
            }
            out.add(batch);
        }
        return out;
    }

    /** Mean total loss over the validation batches with fixed noise (seeded per batch). */
    static double validationLoss(NnRuntime rt, PileupNetworks nets, Normalisers norm, List<List<EncodedJet>> batches,
            TrainOptions o, PrintStream log, long step) {
        double total = 0;
        double[] parts = new double[3];
        for (int b = 0; b < batches.size(); b++) {
            try (NDManager m = rt.newManager()) {
                rt.seed(o.seed() * 7919 + b);
                NDList batch = Batch.training(batches.get(b), norm, m);
                total += nets.loss(batch).getFloat();
                float[] p = nets.lastParts();
                for (int i = 0; i < 3; i++) {
                    parts[i] += p[i];
                }
            }
        }
        int n = batches.size();
        log.printf(Locale.ROOT, "step %d validation: denoise %.5f multiplicity %.5f classifier %.5f%n", step,
                parts[0] / n, parts[1] / n, parts[2] / n);
        return total / n;
    }
}
