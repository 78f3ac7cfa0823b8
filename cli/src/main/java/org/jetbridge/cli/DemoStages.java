package org.jetbridge.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;

/**
 * The stages of {@code jetbridge demo} for a profile: each one invocation of an existing sub-command (or, for the
 * testbed validation, a library call), with its outputs and the stages whose outputs it reads. Paths in arguments
 * are relative to the demo directory (written {@code @/path}), so a stage's identity ({@link #keys}) does not depend
 * on where the directory lives.
 */
final class DemoStages {
    /** Prefix of a demo-directory-relative path in a stage's arguments. */
    static final String DIR = "@/";

    private DemoStages() {
    }

    /** What a library stage does, given the demo directory. */
    interface Action {
        void run(Path dir, java.io.PrintWriter err) throws java.io.IOException;
    }

    /**
     * One stage: a unique name, a one-line description, the arguments ({@code jetbridge} sub-command and options,
     * or for a library stage the parameters that determine its result), the outputs (demo-relative) whose presence
     * marks it complete, the names of the stages it reads from, and the library action (null for a sub-command).
     */
    record Stage(String name, String description, List<String> args, List<String> outputs, List<String> needs,
                 Action action) {
        Stage {
            args = List.copyOf(args);
            outputs = List.copyOf(outputs);
            needs = List.copyOf(needs);
        }

        /** The arguments with demo-relative paths resolved against {@code dir}. */
        List<String> resolvedArgs(Path dir) {
            return args.stream().map(a -> a.startsWith(DIR) ? dir.resolve(a.substring(DIR.length())).toString() : a)
                    .toList();
        }

        /** The command line as a user would type it (paths relative to the demo directory). */
        String commandLine() {
            String body = String.join(" ", args.stream().map(a -> a.startsWith(DIR) ? a.substring(DIR.length()) : a)
                    .toList());
            return action == null ? "jetbridge " + body : "(library) " + body;
        }
    }

    /**
     * Sizes of a profile: events per generated sample and the learning stages' settings (null: the command's
     * default; the pile-up values apply only where this build's pile-up commands have the option).
     */
    record Profile(String name, long trainEvents, long validationEvents, long testEvents, long calibEvents,
                   long topEvents, long topTestEvents, long minBiasEvents, long minBiasTestEvents, String taggerPreset,
                   String taggerEpochs, int validationJets, Long calibSteps, Integer calibWidth, double validationScale,
                   String mu, String pileupPreset, Long pileupSteps, Integer pileupJets, Integer pileupSamples,
                   Integer pileupSamplerSteps, int calibBootstrap, String pileupStepsScan, boolean calibByFlavour) {
        static Profile of(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                // ≤ 20 minutes on 2 cores for the whole chain (measured stage times in docs/demo.md)
                case "quick" -> new Profile("quick", 60_000, 8_000, 20_000, 20_000, 20_000, 2_000, 20_000, 10_000,
                        "small", "3", 5_000, null, null, 1, "60,150,200", null, 500L, 200, 16, 12, 0, null, false);
                // the serious run (hours): the tagger's default model on ~500k jets, 200k jets per calibration side;
                // the calibration with its command's defaults (sized for 200k jets per side) in both
                case "full" -> new Profile("full", 400_000, 40_000, 100_000, 200_000, 200_000, 20_000, 100_000,
                        50_000, "default", "1.5", 10_000, null, null, 4, null, null, null, 2000, null, null, 10,
                        "8,16", true);
                // a smoke run of every stage in about a minute (tests; numbers are not meaningful at this size)
                case "tiny" -> new Profile("tiny", 1_500, 400, 600, 600, 300, 100, 1_500, 1_000, "small", "1", 300,
                        50L, 16, 0.2, "60", "tiny", 20L, 50, 4, 2, 2, "1", true);
                default -> throw new IllegalArgumentException("unknown profile '" + name + "', expected quick or full");
            };
        }
    }

    /**
     * Dual-ascent steps of the flavour-aware fit: measured on 200k jets per side, 1500 steps leave the per-flavour
     * class-score W1 at 4–6× the noise floor, 5000 bring it to 1.1–1.4× (docs/performance.md).
     */
    static final long FLAVOUR_DUAL_STEPS = 5000;

    /** Seeds of the generated samples: distinct per sample, so no two samples share events. */
    static final long SEED = 100;

    /**
     * The stages of a profile in execution order. {@code root} is the command tree, consulted for options that only
     * some builds have ({@code calibrate evaluate --tagger}, the pile-up commands' size options); without
     * {@code pileupModel} the pile-up evaluation covers the baselines only (no trained model to add).
     */
    static List<Stage> plan(Profile p, int threads, CommandLine root, boolean pileupModel) {
        List<Stage> s = new ArrayList<>();
        String t = Integer.toString(threads);
        s.add(generate("generate-train", "nominal flavour-tagging jets for training", "flavour", p.trainEvents(),
                "nominal", 1, "data/nominal-train.h5"));
        s.add(generate("generate-validation", "nominal jets for the tagger's validation", "flavour",
                p.validationEvents(), "nominal", 2, "data/nominal-validation.h5"));
        s.add(generate("generate-test", "nominal held-out jets (tagger evaluation, calibration evaluation)", "flavour",
                p.testEvents(), "nominal", 3, "data/nominal-test.h5"));
        s.add(generate("generate-data", "'data' held-out jets (tagger comparison, calibration evaluation)", "flavour",
                p.testEvents(), "data", 4, "data/data-test.h5"));
        s.add(generate("generate-calib-source", "nominal jets the calibration is fitted on", "flavour",
                p.calibEvents(), "nominal", 5, "data/nominal-calib.h5"));
        s.add(generate("generate-calib-target", "'data' jets the calibration is fitted on", "flavour", p.calibEvents(),
                "data", 6, "data/data-calib.h5"));
        s.add(generate("generate-ttbar", "particle-level top jets for pile-up training", "ttbar", p.topEvents(),
                "nominal", 7, "data/tops-train.h5"));
        s.add(generate("generate-ttbar-test", "held-out top jets for the pile-up evaluation", "ttbar",
                p.topTestEvents(), "nominal", 8, "data/tops-test.h5"));
        s.add(generate("generate-minbias", "minimum-bias pool for pile-up training", "minbias", p.minBiasEvents(),
                "nominal", 9, "data/minbias.h5"));
        s.add(generate("generate-minbias-test", "minimum-bias pool for the pile-up evaluation", "minbias",
                p.minBiasTestEvents(), "nominal", 10, "data/minbias-test.h5"));
        s.add(TestbedValidation.stage(p.validationScale(), SEED + 11));
        s.add(new Stage("tagger-train", "train the flavour tagger on nominal jets",
                List.of("tagger", "train", "--train", DIR + "data/nominal-train.h5", "--validation",
                        DIR + "data/nominal-validation.h5", "--output", DIR + "tagger", "--preset", p.taggerPreset(),
                        "--epochs", p.taggerEpochs(), "--validation-jets", Integer.toString(p.validationJets()),
                        "--seed", Long.toString(SEED + 12), "--threads", t),
                List.of("tagger/model"), List.of("generate-train", "generate-validation"), null));
        s.add(new Stage("tagger-evaluate", "ROC curves and score shift nominal vs data",
                List.of("tagger", "evaluate", "--model", DIR + "tagger", "--input", DIR + "data/nominal-test.h5",
                        "--compare", DIR + "data/data-test.h5", "--output", DIR + "reports/tagger", "--threads", t),
                List.of("reports/tagger/metrics.json"), List.of("tagger-train", "generate-test", "generate-data"),
                null));
        s.add(embed("embed-calib-source", "data/nominal-calib.h5", "latents/nominal-calib.h5", "generate-calib-source",
                t));
        s.add(embed("embed-calib-target", "data/data-calib.h5", "latents/data-calib.h5", "generate-calib-target", t));
        s.add(embed("embed-test", "data/nominal-test.h5", "latents/nominal-test.h5", "generate-test", t));
        s.add(embed("embed-data", "data/data-test.h5", "latents/data-test.h5", "generate-data", t));
        s.add(new Stage("calibrate-fit", "fit the optimal-transport map nominal → data latents",
                calibrateFit(p, t, "calibration", p.calibBootstrap(), List.of(), null), List.of("calibration"),
                List.of("embed-calib-source", "embed-calib-target"), null));
        s.add(calibrateEvaluate(root, "calibrate-evaluate", "two-sample tests, Wasserstein distances, marginals on "
                + "held-out latents", "calibration", "calibrate-fit", t));
        if (p.calibByFlavour()) {
            s.add(new Stage("calibrate-fit-flavour", "fit one map per flavour (flavour-aware calibration)",
                    calibrateFit(p, t, "calibration-flavour", 0, List.of("--partition", "flavour"),
                            FLAVOUR_DUAL_STEPS),
                    List.of("calibration-flavour"), List.of("embed-calib-source", "embed-calib-target"), null));
            s.add(calibrateEvaluate(root, "calibrate-evaluate-flavour", "the flavour-aware maps on the same held-out "
                    + "latents", "calibration-flavour", "calibrate-fit-flavour", t));
        }
        List<String> puTrain = new ArrayList<>(List.of("pileup", "train", "--hs", DIR + "data/tops-train.h5", "--pool",
                DIR + "data/minbias.h5", "--output", DIR + "pileup"));
        optionIfSupported(root, List.of("pileup", "train"), "--preset", p.pileupPreset(), puTrain);
        optionIfSupported(root, List.of("pileup", "train"), "--steps", p.pileupSteps(), puTrain);
        optionIfSupported(root, List.of("pileup", "train"), "--seed", SEED + 14, puTrain);
        // libtorch threads, as for the tagger (TaggerCommand.EngineOptions)
        optionIfSupported(root, List.of("pileup", "train"), "--threads", t, puTrain);
        s.add(new Stage("pileup-train", "train the pile-up posterior model and the per-particle classifier", puTrain,
                List.of("pileup/model"), List.of("generate-ttbar", "generate-minbias"), null));
        List<String> puEval = new ArrayList<>(List.of("pileup", "evaluate", "--hs", DIR + "data/tops-test.h5",
                "--pool", DIR + "data/minbias-test.h5", "--output", DIR + "reports/pileup"));
        if (pileupModel) {
            puEval.addAll(List.of("--model", DIR + "pileup"));
        }
        if (p.mu() != null) {
            puEval.addAll(List.of("--mu", p.mu()));
        }
        optionIfSupported(root, List.of("pileup", "evaluate"), "--jets", p.pileupJets(), puEval);
        if (pileupModel) {
            optionIfSupported(root, List.of("pileup", "evaluate"), "--samples", p.pileupSamples(), puEval);
            optionIfSupported(root, List.of("pileup", "evaluate"), "--steps", p.pileupSamplerSteps(), puEval);
            optionIfSupported(root, List.of("pileup", "evaluate"), "--steps-scan", p.pileupStepsScan(), puEval);
        }
        optionIfSupported(root, List.of("pileup", "evaluate"), "--seed", SEED + 15, puEval);
        // not --threads: there it counts the baselines' worker threads, which should use every core
        List<String> puNeeds = new ArrayList<>(List.of("generate-ttbar-test", "generate-minbias-test"));
        if (pileupModel) {
            puNeeds.add(0, "pileup-train");
        }
        s.add(new Stage("pileup-evaluate", pileupModel ? "pile-up removal: the trained model against the baselines "
                + "at several μ" : "pile-up removal baselines at several μ (no trained model in this run)", puEval,
                List.of("reports/pileup/metrics.json"), puNeeds, null));
        return s;
    }

    /**
     * Adds {@code option value} when this build's command at {@code path} has the option (the pile-up commands are
     * merged separately; their size options are used where they exist) and the profile sets a value.
     */
    private static void optionIfSupported(CommandLine root, List<String> path, String option, Object value,
                                          List<String> args) {
        if (value != null && hasOption(root, path, option)) {
            args.addAll(List.of(option, value.toString()));
        }
    }

    /** {@code calibrate evaluate} of the map in {@code model} into {@code reports/<model>}. */
    private static Stage calibrateEvaluate(CommandLine root, String name, String description, String model,
            String fitStage, String threads) {
        List<String> evaluate = new ArrayList<>(List.of("calibrate", "evaluate", "--model", DIR + model,
                "--source", DIR + "latents/nominal-test.h5", "--target", DIR + "latents/data-test.h5", "--labels",
                "flavour", "--output", DIR + "reports/" + model, "--threads", threads));
        if (hasOption(root, List.of("calibrate", "evaluate"), "--tagger")) {
            evaluate.addAll(List.of("--tagger", DIR + "tagger"));
        }
        return new Stage(name, description, evaluate, List.of("reports/" + model + "/metrics.json"),
                List.of(fitStage, "embed-test", "embed-data", "tagger-train"), null);
    }

    /**
     * {@code calibrate fit} into {@code output} with the command's own defaults (method, rounds, width) unless the
     * profile sets them ({@code steps}, when not null, replaces the command's default step count), {@code bootstrap}
     * members and the {@code extra} arguments.
     */
    private static List<String> calibrateFit(Profile p, String threads, String output, int bootstrap,
            List<String> extra, Long steps) {
        List<String> a = new ArrayList<>(List.of("calibrate", "fit", "--source", DIR + "latents/nominal-calib.h5",
                "--target", DIR + "latents/data-calib.h5", "--output", DIR + output));
        a.addAll(extra);
        Long n = p.calibSteps() != null ? p.calibSteps() : steps;
        if (n != null) {
            a.addAll(List.of("--steps", n.toString()));
        }
        if (p.calibWidth() != null) {
            a.addAll(List.of("--width", p.calibWidth().toString()));
        }
        if (bootstrap > 0) {
            a.addAll(List.of("--bootstrap", Integer.toString(bootstrap)));
        }
        a.addAll(List.of("--seed", Long.toString(SEED + 13), "--threads", threads));
        return a;
    }

    private static Stage generate(String name, String description, String process, long events, String preset,
                                  int seedOffset, String output) {
        return new Stage(name, description, List.of("generate", process, "--events", Long.toString(events),
                "--preset", preset, "--seed", Long.toString(SEED + seedOffset), "--output", DIR + output),
                List.of(output), List.of(), null);
    }

    private static Stage embed(String name, String input, String output, String generated, String threads) {
        return new Stage(name, "tagger latents of " + input, List.of("tagger", "embed", "--model", DIR + "tagger",
                "--input", DIR + input, "--output", DIR + output, "--threads", threads), List.of(output),
                List.of("tagger-train", generated), null);
    }

    /** The sub-command at {@code path} of the tree, or null when this build does not have it. */
    static CommandLine find(CommandLine root, List<String> path) {
        CommandLine c = root;
        for (String name : path) {
            c = c.getSubcommands().get(name);
            if (c == null) {
                return null;
            }
        }
        return c;
    }

    /**
     * Null when this build has the stage's sub-command, else the missing command's name (e.g. "pileup train" when
     * the pile-up model is not in this build). Library stages always exist.
     */
    static String missingCommand(CommandLine root, Stage s) {
        if (s.action() != null) {
            return null;
        }
        CommandLine c = root;
        List<String> path = new ArrayList<>();
        for (String a : s.args()) {
            if (a.startsWith("-") || a.startsWith(DIR)
                    || c.getSubcommands().isEmpty() && !c.getCommandSpec().positionalParameters().isEmpty()) {
                break; // options, or positional parameters of a leaf command
            }
            path.add(a);
            c = c.getSubcommands().get(a);
            if (c == null) {
                return String.join(" ", path);
            }
        }
        return null;
    }

    private static boolean hasOption(CommandLine root, List<String> path, String option) {
        CommandLine c = find(root, path);
        return c != null && c.getCommandSpec().findOption(option) != null;
    }

    /**
     * Each stage's identity: a SHA-256 over its name, its arguments and the identities of the stages it reads, so a
     * changed argument re-runs the stage and everything downstream of it.
     */
    static Map<String, String> keys(List<Stage> stages) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (Stage s : stages) {
            StringBuilder b = new StringBuilder(s.name());
            for (String a : s.args()) {
                b.append('\0').append(a);
            }
            for (String n : s.needs()) {
                String k = keys.get(n);
                if (k == null) {
                    throw new IllegalStateException("stage " + s.name() + " reads " + n + ", which is not before it");
                }
                b.append('\1').append(k);
            }
            keys.put(s.name(), sha256(b.toString()));
        }
        return keys;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
