package org.jetbridge.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jetbridge.io.InputException;
import org.jetbridge.io.OutputException;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.nn.NnSettings;
import org.jetbridge.nn.train.TrainingDivergedException;
import org.jetbridge.tagger.Discriminant;
import org.jetbridge.tagger.Evaluation;
import org.jetbridge.tagger.LatentFile;
import org.jetbridge.tagger.ScoreShift;
import org.jetbridge.tagger.TaggerConfig;
import org.jetbridge.tagger.TaggerModel;
import org.jetbridge.tagger.TrainingOptions;
import org.jetbridge.tagger.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code jetbridge tagger}: train, apply (embed) and evaluate the b / c / light jet-flavour tagger. */
@Command(name = "tagger",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = {"Jet-flavour tagger (b / c / light): a particle transformer over the jet constituents whose "
                + "MLP head has a 128-wide latent layer (the representation the calibration transports).",
            "Inputs are tagging datasets (HDF5, as written by 'jetbridge generate flavour')."},
        subcommands = {TaggerCommand.Train.class, TaggerCommand.Embed.class, TaggerCommand.Evaluate.class})
final class TaggerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing tagger command (train, embed or evaluate)");
    }

    /** Engine options shared by the sub-commands. */
    static final class EngineOptions {
        @Option(names = "--threads", paramLabel = "N", description = "Intra-op threads of libtorch (default: the "
                + "number of cores). Bit-identical results need the same value.")
        Integer threads;

        @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "cpu",
                description = "Device: cpu, gpu or gpu:N (default: ${DEFAULT-VALUE}).")
        String device;

        NnRuntime start(CommandSpec spec) {
            NnSettings s = NnSettings.defaults().withDevice(device);
            if (threads != null) {
                if (threads < 1) {
                    throw new ParameterException(spec.commandLine(), "--threads: expected >= 1, got " + threads);
                }
                s = s.withThreads(threads);
            }
            try {
                return NnRuntime.start(s);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
    }

    /** Loads a model directory; problems with it are input errors naming the directory. */
    static TaggerModel load(NnRuntime rt, Path dir) {
        try {
            return TaggerModel.load(rt, dir);
        } catch (IllegalArgumentException e) {
            throw new InputException("--model " + dir, e.getMessage(), e);
        } catch (IOException e) {
            throw new InputException(String.valueOf(dir), "cannot read model: " + e.getMessage(), e);
        }
    }

    /** A PrintStream that forwards whole lines to {@code w} (library progress lines to the command's stderr). */
    static PrintStream lines(PrintWriter w, boolean quiet) {
        return new PrintStream(new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                line.write(b);
                if (b == '\n') {
                    if (!quiet) {
                        w.print(line.toString(StandardCharsets.UTF_8));
                        w.flush();
                    }
                    line.reset();
                }
            }
        }, true, StandardCharsets.UTF_8);
    }

    @Command(name = "train", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            sortOptions = false,
            description = {"Train the tagger (cross-entropy over b / c / light) and write OUTPUT/model (the model "
                    + "directory for --model) and OUTPUT/run (normalisation, last/best checkpoints, "
                    + "training-log.json).",
                "Running the same command again resumes an interrupted run from OUTPUT/run/last.ckpt. AdamW with 5 %% "
                        + "warm-up and cosine decay, gradient clipping, weight EMA; the exported model is the best "
                        + "validation checkpoint (EMA weights). A diverged run stops and keeps its last good "
                        + "checkpoint."})
    static final class Train implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--train", required = true, paramLabel = "FILE.h5", description = "Training tagging dataset.")
        Path train;

        @Option(names = "--validation", required = true, paramLabel = "FILE.h5",
                description = "Validation tagging dataset (its leading --validation-jets jets are scored).")
        Path validation;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Output directory.")
        Path output;

        @Option(names = "--preset", defaultValue = "default", paramLabel = "NAME",
                description = "Model size: default (width 64, 3 blocks, 4 heads), large (width 128, 4 blocks, "
                        + "8 heads), small (width 32, 1 block) or paper (width 512, 4 blocks, 8 heads). "
                        + "Default: ${DEFAULT-VALUE}.")
        String preset;

        @Option(names = "--epochs", paramLabel = "E", description = "Passes over the training file (default 1.5).")
        Double epochs;

        @Option(names = "--steps", paramLabel = "N", description = "Optimiser steps (overrides --epochs).")
        Long steps;

        @Option(names = "--batch-size", defaultValue = "256", paramLabel = "N",
                description = "Jets per step (default: ${DEFAULT-VALUE}).")
        int batchSize;

        @Option(names = "--learning-rate", defaultValue = "1e-3", paramLabel = "LR",
                description = "Peak AdamW learning rate (default: ${DEFAULT-VALUE}).")
        double learningRate;

        @Option(names = "--seed", defaultValue = "42", paramLabel = "SEED",
                description = "Seed of weights and shuffling (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--ema", defaultValue = "0.995", paramLabel = "DECAY",
                description = "Weight EMA decay, 0 for none (default: ${DEFAULT-VALUE}).")
        double ema;

        @Option(names = "--validation-jets", defaultValue = "10000", paramLabel = "N",
                description = "Validation jets scored at each of the 10 validations (default: ${DEFAULT-VALUE}).")
        int validationJets;

        @Option(names = "--max-constituents", paramLabel = "N",
                description = "Leading constituents per jet the model sees (default: the preset's, 64).")
        Integer maxConstituents;

        @Option(names = {"-q", "--quiet"}, description = "No progress on standard error.")
        boolean quiet;

        @picocli.CommandLine.Mixin
        EngineOptions engine = new EngineOptions();

        @Override
        public Integer call() throws IOException {
            TaggerConfig config;
            TrainingOptions options;
            try {
                config = TaggerConfig.preset(preset);
                if (maxConstituents != null) {
                    config = config.withMaxConstituents(maxConstituents);
                }
                options = TrainingOptions.defaults().withBatchSize(batchSize).withLearningRate(learningRate)
                        .withSeed(seed).withEmaDecay(ema).withValidation(validationJets, 10);
                if (epochs != null) {
                    options = options.withEpochs(epochs);
                }
                if (steps != null) {
                    options = options.withSteps(steps);
                }
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            NnRuntime rt = engine.start(spec);
            PrintWriter err = spec.commandLine().getErr();
            TrainingRun.Result r;
            try {
                r = TrainingRun.train(rt, config, options, train, validation, output, lines(err, quiet));
            } catch (TrainingDivergedException e) {
                throw new InputException(String.valueOf(output), e.getMessage() + " in "
                        + output.resolve(TrainingRun.RUN) + "; try a lower --learning-rate");
            } catch (IllegalArgumentException e) {
                // resume with another configuration, a batch larger than the file, a file without labels
                throw new InputException(String.valueOf(output), e.getMessage(), e);
            } catch (java.nio.file.FileSystemException e) {
                throw new OutputException(String.valueOf(output), "cannot write: " + e.getMessage(), e);
            }
            if (r.modelDir() != null && !quiet) {
                err.printf(Locale.ROOT, "jetbridge tagger train: %d steps, model in %s; validation %s%n",
                        r.training().steps(), r.modelDir(), r.validation().summary());
            }
            return 0;
        }
    }

    @Command(name = "embed", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            sortOptions = false,
            description = "Apply a trained tagger to every jet of a tagging dataset and write, per jet, the 128-d "
                    + "latent, the 16-d penultimate layer, the probabilities (light, c, b), jet pT and eta, and the "
                    + "flavour label when the input has one (HDF5 datasets latent, penultimate, probabilities, jet_pt, "
                    + "jet_eta, flavour).")
    static final class Embed implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--model", required = true, paramLabel = "DIR",
                description = "Model directory (or a 'tagger train' output directory).")
        Path model;

        @Option(names = "--input", required = true, paramLabel = "FILE.h5", description = "Tagging dataset.")
        Path input;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.h5", description = "Latent file.")
        Path output;

        @Option(names = {"-q", "--quiet"}, description = "No summary on standard error.")
        boolean quiet;

        @picocli.CommandLine.Mixin
        EngineOptions engine = new EngineOptions();

        @picocli.CommandLine.Mixin
        ShardOptions shardOptions = new ShardOptions();

        @Override
        public Integer call() throws IOException {
            NnRuntime rt = engine.start(spec);
            long t0 = System.nanoTime();
            long jets;
            try (TaggerModel m = load(rt, model)) {
                jets = LatentFile.embed(rt, m, model, input, output, shardOptions.shard());
            }
            if (!quiet) {
                spec.commandLine().getErr().printf(Locale.ROOT, "jetbridge tagger embed: %d jets in %.1f s, written to "
                        + "%s%n", jets, (System.nanoTime() - t0) / 1e9, output);
            }
            return 0;
        }
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            sortOptions = false,
            description = {"Evaluate a trained tagger on a labelled tagging dataset: ROC curves (b vs light, c vs "
                    + "light, b vs c), AUCs and background rejection at fixed signal efficiencies, written to "
                    + "REPORT_DIR/metrics.json (keys auc.b_vs_light, auc.c_vs_light, auc.b_vs_c, rejection, jets, "
                    + "shift), REPORT_DIR/roc_<pair>.svg and REPORT_DIR/report.html.",
                "Discriminants: b vs light p_b/(p_c+p_light), c vs light p_c/(p_c+p_light), b vs c p_b/(p_b+p_c).",
                "With --compare OTHER.h5 (e.g. 'data' jets), also the distance of the class-score distributions "
                        + "from INPUT to OTHER: 1-D Wasserstein, Kolmogorov-Smirnov and the AUC of the score as a "
                        + "OTHER-vs-INPUT discriminant."})
    static final class Evaluate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--model", required = true, paramLabel = "DIR",
                description = "Model directory (or a 'tagger train' output directory).")
        Path model;

        @Option(names = "--input", required = true, paramLabel = "FILE.h5", description = "Labelled tagging dataset.")
        Path input;

        @Option(names = "--compare", paramLabel = "FILE.h5", description = "Second tagging dataset to compare scores.")
        Path compare;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "REPORT_DIR",
                description = "Report directory.")
        Path output;

        @Option(names = {"-q", "--quiet"}, description = "No summary on standard error.")
        boolean quiet;

        @picocli.CommandLine.Mixin
        EngineOptions engine = new EngineOptions();

        @Override
        public Integer call() throws IOException {
            NnRuntime rt = engine.start(spec);
            Evaluation.Result r;
            try (TaggerModel m = load(rt, model)) {
                r = Evaluation.run(rt, m, input, compare, output);
            }
            if (!quiet) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("jetbridge tagger evaluate: " + r.metrics().summary());
                for (Discriminant d : Discriminant.values()) {
                    err.printf(Locale.ROOT, "  %-10s AUC %.4f  rejection %s%n", d.key(), r.metrics().auc().get(d),
                            r.metrics().rejection().get(d));
                }
                for (var e : r.shift().entrySet()) {
                    ScoreShift s = e.getValue();
                    err.printf(Locale.ROOT, "  shift %-12s W1 %.4f  KS %.4f  AUC %.4f%n", e.getKey(), s.wasserstein(),
                            s.ks(), s.auc());
                }
                err.println("  report in " + output);
            }
            return 0;
        }
    }
}
