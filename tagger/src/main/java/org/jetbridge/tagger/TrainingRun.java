package org.jetbridge.tagger;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jetbridge.nn.HostArray;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.nn.Npz;
import org.jetbridge.nn.train.LearningRateSchedule;
import org.jetbridge.nn.train.Trainer;
import org.jetbridge.nn.train.TrainerConfig;
import org.jetbridge.nn.train.TrainingDivergedException;
import org.jetbridge.nn.train.TrainingResult;

/**
 * Trains a tagger into an output directory: {@code run/} holds the normalisation fitted on the training file,
 * the trainer's {@code last.ckpt} / {@code best.ckpt} and {@code training-log.json}; {@code model/} receives the
 * best (EMA) weights as a model directory at the end. Running again on the same directory resumes from
 * {@code run/last.ckpt} with the saved normalisation (refused if the configuration changed). A diverged run (a
 * non-finite loss or gradient, or no finite validation at all) throws {@link TrainingDivergedException} and leaves
 * the checkpoints and any model as they were.
 */
public final class TrainingRun {

    /** Sub-directories of the output directory. */
    public static final String MODEL = "model";
    public static final String RUN = "run";
    static final String NORMALISATION = "normalisation.npz";

    /**
     * Outcome of a run.
     *
     * @param training what the trainer did
     * @param validation metrics of the exported model on the validation jets
     * @param modelDir where the model was written
     */
    public record Result(TrainingResult training, FlavourMetrics validation, Path modelDir) {}

    private TrainingRun() {}

    /** Trains (or resumes) and exports the best model; progress lines go to {@code log}. */
    public static Result train(NnRuntime rt, TaggerConfig config, TrainingOptions options, Path trainPath,
            Path validationPath, Path out, PrintStream log) throws IOException {
        return train(rt, config, options, trainPath, validationPath, out, log, s -> false);
    }

    /**
     * As {@link #train(NnRuntime, TaggerConfig, TrainingOptions, Path, Path, Path, PrintStream)}, ending the run
     * without a further checkpoint (as a killed process would) once {@code stopAfter} accepts the number of completed
     * steps; the result then has {@code interrupted} set and no model.
     */
    static Result train(NnRuntime rt, TaggerConfig config, TrainingOptions options, Path trainPath,
            Path validationPath, Path out, PrintStream log, java.util.function.LongPredicate stopAfter)
            throws IOException {
        try (TaggingFile train = TaggingFile.open(trainPath);
                TaggingFile validation = TaggingFile.open(validationPath)) {
            Path run = out.resolve(RUN);
            Files.createDirectories(run);
            Normalisation norm = normalisation(train, config, options, run.resolve(NORMALISATION), log);
            TaggingBatchSource source = new TaggingBatchSource(train, norm, config.maxConstituents(),
                    options.batchSize(), TaggingBatchSource.DEFAULT_BLOCK_ROWS, options.seed());
            long steps = options.steps() > 0 ? options.steps()
                    : Math.max(1, Math.round(options.epochs() * source.batchesPerEpoch()));
            TrainerConfig tc = trainerConfig(options, steps);
            TaggerValidation hook = new TaggerValidation(rt, validation, options.validationJets(), log);
            try (TaggerModel model = new TaggerModel(rt, config, norm, options.seed())) {
                log.printf(java.util.Locale.ROOT, "training %s (%d parameters) on %d jets of %s: %d steps of %d jets "
                        + "(%.2f epochs)%n", config, model.parameters().count(), train.jets(), trainPath, steps,
                        options.batchSize(), steps / (double) source.batchesPerEpoch());
                long[] done = {-1};
                TrainingResult r = new Trainer(rt, tc).progress(log, false).afterStep(s -> done[0] = s)
                        .stopWhen(() -> done[0] >= 0 && stopAfter.test(done[0])).fit(model, source, hook, run);
                if (r.interrupted()) {
                    return new Result(r, null, null);
                }
                Path best = run.resolve(Trainer.BEST);
                if (!Files.exists(best)) {
                    // every validation was non-finite: the weights diverged without the loss showing it yet
                    throw new TrainingDivergedException(r.steps() - 1, "no validation gave a finite loss, so no "
                            + "model is exported");
                }
                Trainer.loadWeights(best, model.parameters(), true);
                FlavourMetrics m = hook.metrics(model);
                Path modelDir = out.resolve(MODEL);
                model.save(modelDir);
                log.println("model written to " + modelDir + " (best validation at step " + r.bestStep() + "): "
                        + m.summary());
                return new Result(r, m, modelDir);
            }
        }
    }

    /** Trainer settings for {@code steps} steps of these options. */
    static TrainerConfig trainerConfig(TrainingOptions o, long steps) {
        int every = (int) Math.max(1, steps / o.validations());
        long warmup = Math.max(1, steps / 20);
        LearningRateSchedule schedule = steps > warmup
                ? new LearningRateSchedule(LearningRateSchedule.Kind.COSINE, o.learningRate(), warmup, steps, 0.01)
                : new LearningRateSchedule(LearningRateSchedule.Kind.CONSTANT, o.learningRate(), 0, steps, 1);
        return TrainerConfig.defaults(steps).withSchedule(schedule)
                .withOptimizer(0.9, 0.999, 1e-8, o.weightDecay()).withClipNorm(o.clipNorm())
                .withEmaDecay(o.emaDecay()).withValidation(every, 0).withCheckpointEvery(every)
                .withLogEvery((int) Math.max(1, Math.min(50, steps / 20))).withSeed(o.seed());
    }

    /** The saved normalisation of this run, or a new fit on the leading training jets (then saved). */
    private static Normalisation normalisation(TaggingFile train, TaggerConfig config, TrainingOptions options,
            Path saved, PrintStream log) throws IOException {
        if (Files.exists(saved)) {
            Map<String, HostArray> a = Npz.read(saved).arrays();
            if (!a.containsKey(TaggerModel.MEDIAN) || !a.containsKey(TaggerModel.IQR)) {
                throw new IllegalArgumentException(saved + ": not a tagger normalisation (arrays "
                        + TaggerModel.MEDIAN + ", " + TaggerModel.IQR + " expected, found " + a.keySet() + ")");
            }
            return Normalisation.of(a.get(TaggerModel.MEDIAN), a.get(TaggerModel.IQR));
        }
        Normalisation n = fit(train, config.maxConstituents(), options.normalisationJets());
        Map<String, HostArray> a = new LinkedHashMap<>();
        a.put(TaggerModel.MEDIAN, n.medianArray());
        a.put(TaggerModel.IQR, n.iqrArray());
        Npz.write(saved, a);
        log.println("normalisation fitted on " + Math.min(options.normalisationJets(), train.jets()) + " jets: " + n);
        return n;
    }

    /** Fits the normalisation on the first {@code jets} jets of {@code file}. */
    public static Normalisation fit(TaggingFile file, int maxConstituents, long jets) {
        Normalisation.Fitter fitter = new Normalisation.Fitter();
        long end = Math.min(jets, file.jets());
        for (long start = 0; start < end; start += 4096) {
            int n = (int) Math.min(4096, end - start);
            JetEncoder.addRaw(file, file.read(start, n), maxConstituents, fitter);
        }
        return fitter.fit();
    }
}
