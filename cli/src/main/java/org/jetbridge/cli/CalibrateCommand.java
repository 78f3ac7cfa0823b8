package org.jetbridge.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jetbridge.calib.CalibrationMap;
import org.jetbridge.calib.CalibrationReport;
import org.jetbridge.calib.LatentHead;
import org.jetbridge.calib.MapEnsemble;
import org.jetbridge.calib.SemiDiscreteMap;
import org.jetbridge.calib.LatentFiles;
import org.jetbridge.calib.OtConfig;
import org.jetbridge.calib.OtTrainer;
import org.jetbridge.calib.PartitionedMap;
import org.jetbridge.calib.Rows;
import org.jetbridge.calib.TransportMap;
import org.jetbridge.io.InputException;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.nn.NnSettings;
import org.jetbridge.report.Json;
import org.jetbridge.tagger.FrozenHead;
import org.jetbridge.tagger.TaggerModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jetbridge calibrate}: optimal-transport calibration of a latent table (fit, apply, evaluate). */
@Command(name = "calibrate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = {"Optimal-transport calibration of a latent space: learn the map T = grad g (input-convex "
                + "potentials, Makkuva minimax) that moves simulated rows onto data, apply it to files, evaluate it.",
            "Any HDF5 file with a 2-d float dataset works (default dataset name 'latent')."},
        subcommands = {CalibrateCommand.Fit.class, CalibrateCommand.Apply.class, CalibrateCommand.Evaluate.class})
final class CalibrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        cl.getErr().println("jetbridge calibrate: missing command (fit, apply or evaluate)");
        cl.usage(cl.getErr());
        return Main.USER_ERROR;
    }

    /** Engine settings shared by the sub-commands. */
    static final class Engine {
        @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
                description = "libtorch threads (default ${DEFAULT-VALUE}: fastest for these small networks; results "
                        + "are bit-identical only for the same thread count).")
        int threads;

        NnRuntime start() {
            return NnRuntime.start(NnSettings.defaults().withThreads(threads));
        }
    }

    static Rows rows(Path file, String dataset) throws IOException {
        return LatentFiles.read(file, dataset);
    }

    @Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Fit a transport map from --source (simulation) to --target (data) and write it to --output "
                    + "(map/, last.ckpt, training-log.json). Re-running with the same output resumes.")
    static final class Fit implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--source", required = true, paramLabel = "SIM.h5") Path source;
        @Option(names = "--target", required = true, paramLabel = "DATA.h5") Path target;
        @Option(names = "--dataset", defaultValue = "latent", description = "2-d float dataset (default ${DEFAULT-VALUE}).")
        String dataset;
        @Option(names = "--condition", split = ",", paramLabel = "NAME",
                description = "Condition columns (1-d datasets, e.g. pt,eta): fits T(x | conditions).")
        List<String> conditions = new ArrayList<>();
        @Option(names = "--partition", paramLabel = "NAME", description = "Integer dataset (e.g. flavour) present "
                + "in both files: fit one map per category on that category's rows only, so no mass crosses "
                + "categories (flavour-aware calibration: on data, the target rows of a category come from a control "
                + "region enriched in it). Applying needs the column too; --targets is shared out in proportion to "
                + "the target rows of each category.")
        String partition;
        @Option(names = "--output", required = true, paramLabel = "DIR") Path output;
        @Option(names = "--method", defaultValue = "SEMI_DISCRETE",
                description = "SEMI_DISCRETE (default: T(x) = grad of max_j(<x, y_j> - phi_j), the Brenier map onto "
                        + "the target sample; every calibrated row is a target row) or ICNN (neural input-convex "
                        + "potentials, Makkuva minimax).")
        Method method;
        @Option(names = "--steps", description = "ICNN rounds (default 3000) or semi-discrete dual-ascent steps "
                + "(default 1500).") Long steps;
        @Option(names = "--targets", defaultValue = "50000", description = "SEMI_DISCRETE: target rows kept as the "
                + "map's support (default ${DEFAULT-VALUE}; applying costs ~targets x width per row).") int targets;
        @Option(names = "--condition-weight", defaultValue = "4", description = "SEMI_DISCRETE with --condition: "
                + "weight of the standardised condition distance in the cost (default ${DEFAULT-VALUE}).")
        double conditionWeight;
        @Option(names = "--width", defaultValue = "128", description = "Potential width (default ${DEFAULT-VALUE}; reference 2048).")
        int width;
        @Option(names = "--depth", defaultValue = "2") int depth;
        @Option(names = "--batch", description = "Rows per side per update (default: ICNN 512, SEMI_DISCRETE 1024).")
        Integer batch;
        @Option(names = "--lr", description = "Peak learning rate (default: ICNN 5e-3, SEMI_DISCRETE 1.0).")
        Double lr;
        @Option(names = "--mode", defaultValue = "JOINT", description = "JOINT or ALTERNATING (default ${DEFAULT-VALUE}).")
        OtConfig.Mode mode;
        @Option(names = "--g-steps", defaultValue = "10") int gSteps;
        @Option(names = "--f-steps", defaultValue = "4") int fSteps;
        @Option(names = "--seed", defaultValue = "42") long seed;
        @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "0", description = "After the map, fit B "
                + "more on bootstrap resamples of source and target (same method and settings, seeds derived from "
                + "--seed) into OUTPUT/bootstrap/NNN/; members already there are kept (resume). calibrate evaluate "
                + "draws their spread as a band (default ${DEFAULT-VALUE}).")
        int bootstrap;
        @CommandLine.Mixin Engine engine = new Engine();

        /** What one fit produced: the line to print and whether it diverged. */
        private record Outcome(String message, boolean diverged) {}

        @Override
        public Integer call() throws IOException {
            if (bootstrap < 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--bootstrap: expected a number of "
                        + "members >= 0, got " + bootstrap);
            }
            if (partition != null && conditions.contains(partition)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--partition " + partition
                        + " is also a --condition; give it once");
            }
            SemiDiscreteMap.Settings settings = method == Method.SEMI_DISCRETE ? semiDiscreteSettings() : null;
            OtConfig config = method == Method.ICNN ? icnnConfig() : null;
            Rows x = rows(source, dataset);
            Rows y = rows(target, dataset);
            if (x.cols() != y.cols()) {
                throw new InputException(target.toString(), "dataset '" + dataset + "' has width " + y.cols()
                        + " but the source " + source + " has width " + x.cols());
            }
            Rows cx = LatentFiles.readConditions(source, allConditions(), x.rows());
            Rows cy = LatentFiles.readConditions(target, allConditions(), y.rows());
            PrintStream log = new PrintStream(System.err, true, StandardCharsets.UTF_8);
            NnRuntime rt = engine.start();
            Outcome main = fitOne(rt, settings, config, x, cx, y, cy, seed, output, log);
            spec.commandLine().getOut().println(main.message());
            if (main.diverged()) {
                return Main.USER_ERROR;
            }
            // members log one line each (MapEnsemble), not their own progress
            PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            int[] diverged = {0};
            MapEnsemble.fit(bootstrap, seed, x, cx, y, cy, output, (xs, cxs, ys, cys, s, dir) -> {
                Outcome o = fitOne(rt, settings, config, xs, cxs, ys, cys, s, dir, quiet);
                if (o.diverged()) {
                    diverged[0]++;
                    log.println(dir + ": " + o.message());
                }
            }, log);
            if (bootstrap > 0) {
                spec.commandLine().getOut().println(bootstrap + " bootstrap members in "
                        + output.resolve(MapEnsemble.DIR) + (diverged[0] > 0 ? "; " + diverged[0] + " diverged" : ""));
            }
            return diverged[0] > 0 ? Main.USER_ERROR : 0;
        }

        private SemiDiscreteMap.Settings semiDiscreteSettings() {
            try {
                SemiDiscreteMap.Settings settings = SemiDiscreteMap.Settings.defaults().withMaxTargets(targets)
                        .withConditionWeight(conditionWeight).withSeed(seed);
                settings = steps == null ? settings : settings.withSteps(Math.toIntExact(steps));
                settings = lr == null ? settings : settings.withLearningRate(lr);
                return batch == null ? settings : settings.withBatch(batch);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }

        private OtConfig icnnConfig() {
            try {
                double peak = lr == null ? 5e-3 : lr;
                return OtConfig.defaults().withWidth(width).withDepth(depth).withSteps(steps == null ? 3000 : steps)
                        .withBatch(batch == null ? 512 : batch).withLearningRate(peak, peak / 100)
                        .withMode(mode, gSteps, fSteps).withSeed(seed);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }

        /** The condition columns read from the files: --condition, then the --partition column. */
        private List<String> allConditions() {
            List<String> all = new ArrayList<>(conditions);
            if (partition != null) {
                all.add(partition);
            }
            return all;
        }

        /** A fitted map (owned by the caller), what to print about it, and whether its training diverged. */
        private record Fitted(CalibrationMap map, String message, boolean diverged) {}

        /**
         * Fits one map of the chosen method on these rows with conditions {@code names}; ICNN fits keep their
         * checkpoints, curves and map in {@code runDir}.
         */
        private Fitted fitMap(NnRuntime rt, SemiDiscreteMap.Settings settings, OtConfig config, Rows x, Rows cx,
                Rows y, Rows cy, List<String> names, long fitSeed, Path runDir, PrintStream log) throws IOException {
            if (settings != null) {
                SemiDiscreteMap map = SemiDiscreteMap.fit(rt, x, cx, y, cy, names, dataset,
                        settings.withSeed(fitSeed), log);
                return new Fitted(map, map.summary(), false);
            }
            OtTrainer.FitOutput fit = new OtTrainer(rt, config.withSeed(fitSeed)).progress(log).fit(x, cx, y, cy,
                    names, dataset, runDir);
            return new Fitted(fit.map(), fit.result().message(), fit.result().diverged());
        }

        /**
         * Fits one map (or, with --partition, one per category) with {@code fitSeed} and saves it as the fit
         * directory {@code dir}.
         */
        private Outcome fitOne(NnRuntime rt, SemiDiscreteMap.Settings settings, OtConfig config, Rows x, Rows cx,
                Rows y, Rows cy, long fitSeed, Path dir, PrintStream log) throws IOException {
            Path mapDir = dir.resolve(TransportMap.DIR);
            try {
                if (partition == null) {
                    Fitted f = fitMap(rt, settings, config, x, cx, y, cy, conditions, fitSeed, dir, log);
                    try (CalibrationMap map = f.map()) {
                        if (settings != null) {
                            map.save(mapDir);
                        }
                        return new Outcome(f.message() + "; map in " + mapDir, f.diverged());
                    }
                }
                boolean[] diverged = {false};
                try (PartitionedMap map = PartitionedMap.fit(rt, x, cx, y, cy, allConditions(), dataset,
                        (k, xs, cxs, ys, cys) -> {
                            SemiDiscreteMap.Settings s = settings == null ? null : settings.withMaxTargets(
                                    (int) Math.max(1, Math.round(settings.maxTargets() * (double) ys.rows()
                                            / y.rows())));
                            Fitted f = fitMap(rt, s, config, xs, cxs, ys, cys, conditions, fitSeed,
                                    dir.resolve("parts").resolve(partition + "-" + k), log);
                            diverged[0] |= f.diverged();
                            return f.map();
                        }, log)) {
                    map.save(mapDir);
                    return new Outcome(map.summary() + "; map in " + mapDir, diverged[0]);
                }
            } catch (IllegalArgumentException e) {
                throw new InputException(dir.toString(), e.getMessage(), e);
            }
        }
    }

    /** Which potential the fit uses. */
    enum Method { SEMI_DISCRETE, ICNN }

    /** The tagger's frozen head as calib's {@link LatentHead} (class scores: light, c, b). */
    static final class TaggerHead implements LatentHead, AutoCloseable {
        private final TaggerModel model;
        private final FrozenHead head;

        TaggerHead(NnRuntime rt, Path dir) throws IOException {
            try {
                this.model = TaggerModel.load(rt, dir);
            } catch (IllegalArgumentException e) {
                throw new InputException(dir.toString(), e.getMessage(), e);
            }
            this.head = model.frozenHead();
        }

        @Override
        public int latentWidth() {
            return head.latentWidth();
        }

        @Override
        public int penultimateWidth() {
            return head.penultimateWidth();
        }

        @Override
        public List<String> classNames() {
            return List.of("light", "c", "b");
        }

        @Override
        public void apply(float[] latents, int rows, float[] penultimate, float[] scores) {
            head.apply(latents, rows, penultimate, scores);
        }

        @Override
        public void close() {
            model.close();
        }
    }

    static TaggerHead head(NnRuntime rt, Path tagger, CalibrationMap map) throws IOException {
        if (tagger == null) {
            return null;
        }
        TaggerHead h = new TaggerHead(rt, tagger);
        if (h.latentWidth() != map.dim()) {
            h.close();
            throw new InputException(tagger.toString(), "the tagger's latent has width " + h.latentWidth()
                    + " but the map was fitted on width " + map.dim());
        }
        return h;
    }

    @Command(name = "apply", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Apply a fitted map to every row of --input (streamed, bounded memory) and write --output "
                    + "with all input datasets and attributes plus the calibrated dataset.")
    static final class Apply implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--model", required = true, paramLabel = "DIR") Path model;
        @Option(names = "--input", required = true, paramLabel = "X.h5") Path input;
        @Option(names = "--output", required = true, paramLabel = "Y.h5") Path output;
        @Option(names = "--dataset", description = "Dataset to calibrate (default: the one the map was fitted on).")
        String dataset;
        @Option(names = "--output-dataset", description = "Name of the new dataset (default DATASET_calibrated).")
        String outputDataset;
        @Option(names = "--tagger", paramLabel = "DIR", description = "Tagger model directory: also writes "
                + "penultimate_calibrated and probabilities_calibrated recomputed by its frozen head.")
        Path tagger;
        @Option(names = "--bootstrap-std", description = "Also write OUTPUT_DATASET_std [rows, d]: per row the standard "
                + "deviation of the calibrated latent over the bootstrap members in DIR/bootstrap/ (calibrate fit "
                + "--bootstrap B).")
        boolean bootstrapStd;
        @CommandLine.Mixin Engine engine = new Engine();
        @CommandLine.Mixin ShardOptions shardOptions = new ShardOptions();

        @Override
        public Integer call() throws IOException {
            NnRuntime rt = engine.start();
            try (CalibrationMap map = load(rt, model); TaggerHead head = head(rt, tagger, map);
                    MapEnsemble ensemble = bootstrapStd ? ensemble(rt, model, map) : null) {
                if (ensemble != null && ensemble.isEmpty()) {
                    throw new InputException(model.toString(), "--bootstrap-std: no bootstrap members in "
                            + model.resolve(MapEnsemble.DIR) + " (fit them with calibrate fit --bootstrap B)");
                }
                String ds = dataset != null ? dataset : map.dataset();
                String out = outputDataset != null ? outputDataset : ds + "_calibrated";
                long t0 = System.nanoTime();
                long n = LatentFiles.apply(map, input, ds, map.conditionNames(), output, out, head,
                        new String[] {"penultimate_calibrated", "probabilities_calibrated"}, shardOptions.shard(),
                        ensemble, out + "_std");
                double s = (System.nanoTime() - t0) * 1e-9;
                spec.commandLine().getOut().println(String.format(Locale.ROOT,
                        "calibrated %d rows of '%s' into '%s' of %s in %.1f s (%.0f rows/s)", n, ds, out, output, s,
                        n / Math.max(s, 1e-9)));
            }
            return 0;
        }
    }

    /** The bootstrap members next to {@code model} (possibly none), checked against the main map's widths. */
    static MapEnsemble ensemble(NnRuntime rt, Path model, CalibrationMap map) throws IOException {
        MapEnsemble e;
        try {
            e = MapEnsemble.load(rt, model);
        } catch (IllegalArgumentException ex) {
            throw new InputException(model.toString(), ex.getMessage(), ex);
        }
        for (CalibrationMap m : e.members()) {
            if (m.dim() != map.dim() || !m.conditionNames().equals(map.conditionNames())) {
                e.close();
                throw new InputException(model.resolve(MapEnsemble.DIR).toString(), "a bootstrap member has width "
                        + m.dim() + " and conditions " + m.conditionNames() + ", expected " + map.dim() + " and "
                        + map.conditionNames() + " as the map; re-run calibrate fit into a fresh --output");
            }
        }
        return e;
    }

    static CalibrationMap load(NnRuntime rt, Path model) throws IOException {
        try {
            return CalibrationMap.load(rt, model);
        } catch (IllegalArgumentException e) {
            throw new InputException(model.toString(), e.getMessage(), e);
        }
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Evaluate a map on held-out --source and --target files: metrics.json and index.html in "
                    + "--output.",
                "metrics.json keys: gaussian_closure_rel_error (neural-engine self-check); "
                        + "c2st_auc.{latent,penultimate,scores}.{raw,calibrated} (ROC AUC target vs raw / calibrated "
                        + "source; penultimate and scores with --tagger); per_flavour.<flavour>.c2st_auc.<level>."
                        + "{raw,calibrated} (with --labels; flavour light/c/b with --tagger, else the integer label); "
                        + "score_w1.<flavour>.{raw,calibrated}.<class> (1-D W1 of each class score to the target, "
                        + "with --tagger and --labels) and score_w1.<flavour>.floor.<class> (the W1 that samples of "
                        + "these sizes from one distribution show: two target halves, scaled to the sizes); latent_w1.{raw,calibrated,mean_raw,mean_calibrated}; "
                        + "pca_w1.{raw,calibrated}; rows.{source,target}; with bootstrap members (calibrate fit "
                        + "--bootstrap) bootstrap.members and bootstrap.{score_w1.<flavour>.<class>,latent_w1_mean,"
                        + "pca_w1[k]}.{mean,std,lo,hi} (spread over the members; lo/hi = 16th/84th percentile)."})
    static final class Evaluate implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--model", required = true, paramLabel = "DIR") Path model;
        @Option(names = "--source", required = true, paramLabel = "SIM.h5") Path source;
        @Option(names = "--target", required = true, paramLabel = "DATA.h5") Path target;
        @Option(names = "--labels", paramLabel = "NAME",
                description = "Integer dataset with the flavour of each row, for per-flavour metrics.")
        String labels;
        @Option(names = "--tagger", paramLabel = "DIR",
                description = "Tagger model directory: adds penultimate-layer and class-score metrics (frozen head).")
        Path tagger;
        @Option(names = "--no-closure", description = "Skip the 16-d Gaussian closure self-check (~15 s).")
        boolean noClosure;
        @Option(names = "--no-bootstrap", description = "Ignore the bootstrap members in DIR/bootstrap/ (default: "
                + "when present, every calibrated quantity gets their band).")
        boolean noBootstrap;
        @Option(names = "--output", required = true, paramLabel = "REPORT_DIR") Path output;
        @CommandLine.Mixin Engine engine = new Engine();

        @Override
        public Integer call() throws IOException {
            NnRuntime rt = engine.start();
            try (CalibrationMap map = load(rt, model); TaggerHead head = head(rt, tagger, map);
                    MapEnsemble ensemble = noBootstrap ? null : ensemble(rt, model, map)) {
                String ds = map.dataset();
                Rows x = rows(source, ds);
                Rows y = rows(target, ds);
                for (Map.Entry<Path, Rows> e : Map.of(source, x, target, y).entrySet()) {
                    if (e.getValue().cols() != map.dim()) {
                        throw new InputException(e.getKey().toString(), "dataset '" + ds + "' has width "
                                + e.getValue().cols() + " but the map was fitted on width " + map.dim());
                    }
                }
                Rows cx = LatentFiles.readConditions(source, map.conditionNames(), x.rows());
                int[] ls = labels == null ? null : LatentFiles.readLabelsIfPresent(source, labels, x.rows());
                int[] lt = labels == null ? null : LatentFiles.readLabelsIfPresent(target, labels, y.rows());
                if (labels != null && (ls == null || lt == null)) {
                    throw new InputException((ls == null ? source : target).toString(), "no dataset '" + labels
                            + "' for --labels");
                }
                PrintStream log = new PrintStream(System.err, true, StandardCharsets.UTF_8);
                Map<String, Object> metrics = CalibrationReport.write(rt, map,
                        new CalibrationReport.Inputs(x, cx, ls, y, lt, head, "source " + source + ", target " + target,
                                ensemble),
                        new CalibrationReport.Options(!noClosure,
                                org.jetbridge.calib.TwoSampleTest.Settings.defaults()), output, log);
                spec.commandLine().getOut().print(Json.write(Json.object("c2st_auc", metrics.get("c2st_auc"),
                        "gaussian_closure_rel_error", metrics.get("gaussian_closure_rel_error"))));
                spec.commandLine().getOut().println("report: " + output.resolve(CalibrationReport.INDEX));
            }
            return 0;
        }
    }
}
