package org.jetbridge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jetbridge.io.InputException;
import org.jetbridge.io.OutputException;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.nn.train.TrainingDivergedException;
import org.jetbridge.pileup.model.PileupConfig;
import org.jetbridge.pileup.model.PileupTraining;
import org.jetbridge.pileup.model.TrainOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code jetbridge pileup train}: the multiplicity model, the denoiser and the per-particle classifier. */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Train the pile-up networks on hard-scatter top jets with pile-up from a minimum-bias pool "
                + "overlaid on the fly (mu ~ |N(MU, SIGMA)|, N_PU ~ Poisson(mu)): the multiplicity model p(N | "
                + "observed jet), the conditional denoiser (EDM or rectified flow) and the per-particle classifier. "
                + "Writes OUTPUT/model (the directory for --model) and OUTPUT/run (normalisers, last/best "
                + "checkpoints, training-log.json).",
            "Running the same command again resumes an interrupted run from OUTPUT/run/last.ckpt. AdamW with 5 %% "
                    + "linear warm-up then a constant rate, gradient clip 10, weight EMA (saved for sampling).",
            ""})
final class PileupTrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--hs", required = true, paramLabel = "TOPS.h5", description = "Hard-scatter top jets (generate ttbar).")
    Path hs;

    @Option(names = "--pool", required = true, paramLabel = "MINBIAS.h5", description = "Minimum-bias pool (generate minbias).")
    Path pool;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Output directory.")
    Path output;

    @Option(names = "--preset", defaultValue = "cpu", paramLabel = "NAME",
            description = "Model size: cpu (width 64, 4 heads, 2 blocks, 24 Heun steps), paper (width 128, 8 heads, "
                    + "4 blocks, 100 Heun steps, mu ~ |N(200, 50)|) or tiny (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--scheme", paramLabel = "NAME", description = "edm (Heun sampler) or flow (rectified flow, midpoint sampler); default: the preset's (edm).")
    String scheme;

    @Option(names = "--mu", paramLabel = "MU", description = "Centre of the training mu distribution (default: the preset's; cpu 175).")
    Double mu;

    @Option(names = "--mu-sigma", paramLabel = "SIGMA", description = "Spread of the training mu distribution (default: the preset's; cpu 75).")
    Double muSigma;

    @Option(names = "--inefficiency", paramLabel = "P", description = "Drop each observed constituent with probability P in training (default 0; the study uses 0.1).")
    Double inefficiency;

    @Option(names = "--pileup-level", paramLabel = "KIND", description = "What the model is told: true (N_PU) or vertices (N_vtx ~ Binomial(N_PU, 0.7)) (default: true).")
    String level;

    @Option(names = "--sampler-steps", paramLabel = "N", description = "Default sampler steps saved with the model (default: the preset's).")
    Integer samplerSteps;

    @Option(names = "--steps", defaultValue = "6000", paramLabel = "N", description = "Optimiser steps (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--max-minutes", paramLabel = "MIN", description = "Wall-time budget: stop at the first "
            + "checkpoint after MIN minutes and export the best model so far (default: none).")
    Double maxMinutes;

    @Option(names = "--validations", defaultValue = "10", paramLabel = "N", description = "Validations and checkpoints over the run (default: ${DEFAULT-VALUE}).")
    int validations;

    @Option(names = "--batch-size", defaultValue = "64", paramLabel = "N", description = "Jets per step (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--learning-rate", defaultValue = "5e-4", paramLabel = "LR", description = "AdamW rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--ema", defaultValue = "0.995", paramLabel = "DECAY", description = "Weight-EMA decay; the EMA "
            + "weights are saved for sampling (default: ${DEFAULT-VALUE}; the reference's 0.999 suits ~100k steps).")
    double ema;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED", description = "Seed of weights, overlays and noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--noise-draws", defaultValue = "1", paramLabel = "K", description = "Noise levels drawn per jet "
            + "in each step's denoising loss, on one encoding of its observed cloud (default: ${DEFAULT-VALUE}).")
    int noiseDraws;

    @Option(names = "--no-classifier-feature", description = "Do not give the denoiser the per-particle "
            + "classifier's P(hard scatter) of each observed constituent (the plain conditioning of the reference).")
    boolean noClassifierFeature;

    @Option(names = "--no-count-feature", description = "Do not give the multiplicity head the classifier's expected "
            + "hard-scatter count ln(1 + sum of P(hard scatter)) (it then rebuilds the count from the mean-pooled "
            + "encoding and the observed multiplicity).")
    boolean noCountFeature;

    @Option(names = {"-q", "--quiet"}, description = "No progress on standard error.")
    boolean quiet;

    @picocli.CommandLine.Mixin
    TaggerCommand.EngineOptions engine = new TaggerCommand.EngineOptions();

    @Override
    public Integer call() throws IOException {
        PileupConfig c;
        TrainOptions o;
        try {
            c = PileupConfig.preset(preset);
            if (scheme != null) {
                c = c.withScheme(scheme);
            }
            if (mu != null || muSigma != null) {
                c = c.withMu(mu != null ? mu : c.muMean(), muSigma != null ? muSigma : c.muSigma());
            }
            if (inefficiency != null) {
                c = c.withInefficiency(inefficiency);
            }
            if (level != null) {
                c = c.withPileupLevel(level);
            }
            if (samplerSteps != null) {
                c = c.withSamplerSteps(samplerSteps);
            }
            if (noClassifierFeature) {
                c = c.withClassifierFeature(false);
            }
            if (noCountFeature) {
                c = c.withCountFeature(false);
            }
            o = TrainOptions.defaults(steps).withBatchSize(batchSize).withLearningRate(learningRate).withSeed(seed)
                    .withValidation(8, validations).withEmaDecay(ema).withNoiseDraws(noiseDraws);
            if (maxMinutes != null && !(maxMinutes > 0)) {
                throw new IllegalArgumentException("--max-minutes: expected > 0, got " + maxMinutes);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PileupTraining.Inputs in;
        try {
            in = PileupTraining.load(hs, pool, c, o);
        } catch (IllegalArgumentException e) {
            throw new InputException("--pool " + pool, e.getMessage(), e);
        }
        NnRuntime rt = engine.start(spec);
        PrintWriter err = spec.commandLine().getErr();
        PileupTraining.Result r;
        try {
            r = maxMinutes == null ? PileupTraining.train(rt, c, o, in, output, TaggerCommand.lines(err, quiet))
                    : PileupTraining.trainFor(rt, c, o, in, output, TaggerCommand.lines(err, quiet), maxMinutes);
        } catch (TrainingDivergedException e) {
            throw new InputException(String.valueOf(output), e.getMessage() + " in "
                    + output.resolve(PileupTraining.RUN) + "; try a lower --learning-rate");
        } catch (IllegalArgumentException e) {
            throw new InputException(String.valueOf(output), e.getMessage(), e);
        } catch (java.nio.file.FileSystemException e) {
            throw new OutputException(String.valueOf(output), "cannot write: " + e.getMessage(), e);
        }
        if (r.modelDir() != null && !quiet) {
            err.printf(Locale.ROOT, "jetbridge pileup train: %d steps, model in %s%n", r.training().steps(),
                    r.modelDir());
        }
        return 0;
    }
}
