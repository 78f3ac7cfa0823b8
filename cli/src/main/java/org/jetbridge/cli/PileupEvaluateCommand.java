package org.jetbridge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jetbridge.io.OutputException;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.nn.NnSettings;
import org.jetbridge.pileup.ContaminatedJet;
import org.jetbridge.pileup.PileupRemover;
import org.jetbridge.pileup.data.HardScatterJet;
import org.jetbridge.pileup.data.Inefficiency;
import org.jetbridge.pileup.data.JetOverlay;
import org.jetbridge.pileup.data.PoolFiles;
import org.jetbridge.pileup.eval.Baselines;
import org.jetbridge.pileup.eval.Evaluation;
import org.jetbridge.pileup.eval.EvaluationReport;
import org.jetbridge.pileup.eval.MethodScan;
import org.jetbridge.pileup.eval.Metrics;
import org.jetbridge.pileup.model.PileupModel;
import org.jetbridge.pileup.model.PosteriorSampler;
import org.jetbridge.sim.MinBiasPool;
import org.jetbridge.sim.PileupParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code jetbridge pileup evaluate}: every pile-up method against the truth across μ, as metrics.json, SVG and HTML. */
@Command(name = "evaluate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Evaluate pile-up removal across mu: held-out top jets (--hs) get N_PU = mu interactions from "
                + "the minimum-bias pool (--pool) overlaid in their R = 1 cone, and every method's jet is compared "
                + "with the hard-scatter truth.",
            "",
            "Methods: observed (no mitigation), SoftDrop on the C/A-reclustered cone (R0 = 1; grid beta in {0, 0.5, "
                    + "1, 2, 3} x z_cut in {0.05, 0.1, 0.15}, reported as its envelope 'SoftDrop(best of grid)' plus "
                    + "the headline beta = 2, z = 0.05 and the CMS-like beta = 0, z = 0.1), area-median subtraction, "
                    + "SoftKiller, PUPPI, and with --model the learned classifier and the generative posterior. rho, "
                    + "the SoftKiller cut and the PUPPI reference are measured on the jet's cone completed outside "
                    + "the cone by an independent pool crossing of the same N_PU (the overlay keeps only the cone).",
            "",
            "Observables (metrics keys): mass, pt, tau21_kt, tau32_kt (exclusive-kt axes, beta = 1), d2_beta1, "
                    + "sqrt_d12, sqrt_d23. RE = (method - truth)/truth; bias = median(RE); resolution = IQR(RE)/1.349.",
            "",
            "Output directory: metrics.json with keys resolution -> method -> observable -> {mu: value}, bias "
                    + "(likewise), coverage68 -> observable -> {mu: value} (first posterior method), "
                    + "sampling_jets_per_s -> {cached, uncached}, scans -> sampler_steps (with --steps-scan), plus wasserstein, coverage68_by_method, "
                    + "estimate_jets_per_s, samples, jets, undefined_relative_errors, envelopes, observables; "
                    + "resolution_*.svg, bias_*.svg, marginal_*.svg, coverage_*.svg, truth_quantile_*.svg; "
                    + "index.html. Files are written only when the whole run succeeds.",
            ""})
final class PileupEvaluateCommand implements Callable<Integer> {
    /** The μ grid of the issue. */
    static final List<Double> DEFAULT_MU = List.of(50.0, 60.0, 70.0, 80.0, 90.0, 100.0, 150.0, 200.0, 250.0, 300.0);
    /** Jets per μ point on which the posterior's sampling speed is timed. */
    static final int TIMING_JETS = 16;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR",
            description = "Model directory of 'pileup train': adds the learned classifier and the posterior sampler.")
    Path model;

    @Option(names = "--samples", paramLabel = "K",
            description = "Posterior samples per jet of the generative model (with --model; default: 32).")
    int samples = 32;

    @Option(names = "--steps", paramLabel = "N",
            description = "Sampler steps of the generative model (with --model; default 0: the model's own).")
    int steps;

    @Option(names = "--steps-scan", split = ",", paramLabel = "N",
            description = "With --model: also evaluate the posterior at these sampler step counts (comma-separated, "
                    + "each >= 1) and report quality vs steps (metrics key scans.sampler_steps, scan_* plots).")
    List<Integer> stepsScan = new ArrayList<>();

    @Option(names = "--multiplicity-temperature", paramLabel = "T",
            description = "With --model: draw the posterior's constituent count N from softmax(logits / T) "
                    + "(default 1: as trained; T < 1 narrows the posterior in N, T > 1 widens it).")
    double temperature = 1;

    @Option(names = "--temperature-scan", split = ",", paramLabel = "T",
            description = "With --model: also evaluate the posterior at these multiplicity temperatures "
                    + "(comma-separated, each > 0) and report quality vs T (metrics key "
                    + "scans.multiplicity_temperature); choose T on jets other than the ones you report.")
    List<Double> temperatureScan = new ArrayList<>();

    @Option(names = "--threshold", paramLabel = "P",
            description = "P(hard scatter) above which the learned classifier keeps a particle (with --model; "
                    + "default: 0.3).")
    double threshold = 0.3;

    @Option(names = "--hs", required = true, paramLabel = "TOPS.h5",
            description = "Held-out hard-scatter top jets (generate ttbar), the first --jets are used.")
    Path hs;

    @Option(names = "--pool", required = true, paramLabel = "MINBIAS.h5",
            description = "Minimum-bias pool (generate minbias), held out from training; loaded into memory whole.")
    Path pool;

    @Option(names = "--mu", split = ",", paramLabel = "MU",
            description = "Pile-up levels, comma-separated, each > 0 (default: 50,60,70,80,90,100,150,200,250,300).")
    List<Double> mus = new ArrayList<>(DEFAULT_MU);

    @Option(names = "--pileup", paramLabel = "MODE",
            description = "fixed (N_PU = MU, default) or poisson (N_PU ~ Poisson(MU)).")
    String mode = "fixed";

    @Option(names = "--inefficiency", paramLabel = "P",
            description = "Drop each observed constituent with probability P in [0, 1) after the overlay (the "
                    + "inefficiency study; the truth keeps every constituent; default: 0).")
    double inefficiency;

    @Option(names = "--jets", paramLabel = "N", description = "Held-out jets per mu (default: 500).")
    int jets = 500;

    @Option(names = "--seed", paramLabel = "SEED",
            description = "Seed of the overlay and of the methods; jet i at a given mu always gets the same pile-up "
                    + "(default: 1).")
    long seed = GeneratorOptions.DEFAULT_SEED;

    @Option(names = "--max-constituents", paramLabel = "N",
            description = "Observed constituents kept per jet, leading by pT (default: 400).")
    int maxObserved = JetOverlay.MAX_OBSERVED;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "REPORT_DIR",
            description = "Report directory (created; existing report files in it are replaced).")
    Path output;

    @Option(names = {"-q", "--quiet"}, description = "No progress or summary on standard error.")
    boolean quiet;

    /** The posterior sampler with and without context caching, timed for sampling_jets_per_s (null: none). */
    record LearnedMethods(List<PileupRemover> methods, PileupRemover cachedSampler, PileupRemover uncachedSampler,
                          PileupModel model, List<MethodScan> scans) {
    }

    /**
     * The learned methods of a {@code pileup train} model: the per-particle classifier at {@link #threshold} and the
     * generative posterior with {@link #samples} samples and {@link #steps} sampler steps (0: the model's own), plus
     * the posterior with and without context caching for the sampling-speed metric. libtorch runs with the same
     * {@code --threads} unless this process already runs it (the demo runs every stage in one process).
     */
    LearnedMethods learnedMethods(Path dir) {
        // in the demo's process the runtime already runs with the demo's --threads; --threads here sizes the
        // baselines' workers, so it must not fight it
        PileupModel m = PileupSampleCommand.load(NnRuntime.runningOrStart(NnSettings.defaults().withThreads(threads)),
                dir);
        int n = steps > 0 ? steps : m.config().samplerSteps();
        PileupRemover cached = m.posterior(samples, n, true, temperature);
        List<PileupRemover> methods = new ArrayList<>(List.of(m.classifier(threshold), cached));
        List<MethodScan> scans = new ArrayList<>();
        if (!stepsScan.isEmpty()) {
            scans.add(scan("sampler_steps", "sampler steps", n, cached, stepsScan.stream().map(Integer::doubleValue)
                    .toList(), st -> m.posterior(samples, (int) Math.round(st), true, temperature), methods));
        }
        if (!temperatureScan.isEmpty()) {
            scans.add(scan("multiplicity_temperature", "multiplicity temperature T", temperature, cached,
                    temperatureScan, t -> m.posterior(samples, n, true, t), methods));
        }
        return new LearnedMethods(methods, cached, m.posterior(samples, n, false, temperature), m, scans);
    }

    /**
     * A scan of the posterior over one setting: the scan's values plus the main posterior's, ascending; the main
     * posterior ({@code main} at value {@code at}) is not evaluated twice; new members are appended to
     * {@code methods}.
     */
    private static MethodScan scan(String key, String axis, double at, PileupRemover main, List<Double> values,
            java.util.function.DoubleFunction<PileupRemover> member, List<PileupRemover> methods) {
        java.util.TreeMap<Double, PileupRemover> byValue = new java.util.TreeMap<>();
        byValue.put(at, main);
        for (double v : values) {
            byValue.computeIfAbsent(v, member::apply);
        }
        double[] xs = new double[byValue.size()];
        List<String> names = new ArrayList<>();
        int i = 0;
        for (Map.Entry<Double, PileupRemover> e : byValue.entrySet()) {
            xs[i++] = e.getKey();
            names.add(e.getValue().name());
            if (e.getValue() != main) {
                methods.add(e.getValue());
            }
        }
        return new MethodScan(key, axis, xs, names, List.of(main.name()));
    }

    @Override
    public Integer call() {
        PileupParameters.Mode m = OverlayCommand.mode(spec, mode);
        if (m == PileupParameters.Mode.GAUSSIAN_MU) {
            throw new ParameterException(spec.commandLine(), "--pileup: expected fixed or poisson (one mu per point), "
                    + "got '" + mode + "'");
        }
        if (mus == null || mus.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--mu: expected at least one pile-up level");
        }
        List<Double> grid = new ArrayList<>();
        for (Double mu : mus) {
            if (mu == null || !Double.isFinite(mu) || mu <= 0) {
                throw new ParameterException(spec.commandLine(), "--mu: every value must be finite and > 0, got "
                        + mu);
            }
            if (grid.contains(mu)) {
                throw new ParameterException(spec.commandLine(), "--mu: " + JetSelectionOptions.fmt(mu)
                        + " is listed twice");
            }
            grid.add(mu);
        }
        grid.sort(null);
        if (!(inefficiency >= 0 && inefficiency < 1)) {
            throw new ParameterException(spec.commandLine(), "--inefficiency must be in [0, 1), got " + inefficiency);
        }
        Usage.atLeast(spec, "--jets", jets, 1);
        Usage.atLeast(spec, "--samples", samples, 1);
        Usage.atLeast(spec, "--steps", steps, 0);
        for (Integer st : stepsScan) {
            if (st == null || st < 1) {
                throw new ParameterException(spec.commandLine(), "--steps-scan: every step count must be >= 1, got "
                        + st);
            }
        }
        try {
            PosteriorSampler.checkTemperature(temperature);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--multiplicity-temperature: " + e.getMessage());
        }
        for (Double t : temperatureScan) {
            try {
                PosteriorSampler.checkTemperature(t == null ? Double.NaN : t);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--temperature-scan: " + e.getMessage());
            }
        }
        if ((!stepsScan.isEmpty() || !temperatureScan.isEmpty()) && model == null) {
            throw new ParameterException(spec.commandLine(), (stepsScan.isEmpty() ? "--temperature-scan" : "--steps-scan")
                    + " needs --model (it scans the posterior)");
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new ParameterException(spec.commandLine(), "--threshold must be in [0, 1], got " + threshold);
        }
        Usage.atLeast(spec, "--max-constituents", maxObserved, 1);
        Usage.atLeast(spec, "--threads", threads, 1);
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new ParameterException(spec.commandLine(), "--output " + output + " exists and is not a directory");
        }
        if (model != null && !Files.isDirectory(model)) {
            throw new ParameterException(spec.commandLine(), "--model " + model + " is not a directory");
        }
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Object> poolMeta = new HashMap<>();
        MinBiasPool interactions = PoolFiles.load(pool, poolMeta);
        double muMax = grid.get(grid.size() - 1);
        long needed = PoolFiles.needed(new PileupParameters(m, muMax, 0));
        if (needed > interactions.interactions()) {
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                    "--mu %s (%s) needs up to %d pile-up interactions per jet, but %s holds only %d; generate a "
                            + "larger pool (jetbridge generate minbias --events N) or lower --mu",
                    JetSelectionOptions.fmt(muMax), mode, needed, pool, interactions.interactions()));
        }
        List<HardScatterJet> hard = HardScatterJet.load(hs, jets);
        if (hard.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--hs " + hs + " holds no jets");
        }
        if (hard.size() < jets && !quiet) {
            err.printf(Locale.ROOT, "jetbridge pileup evaluate: %s holds only %d jets; evaluating those%n", hs,
                    hard.size());
        }
        List<PileupRemover> methods = new ArrayList<>(Baselines.all(interactions, threads));
        LearnedMethods learned = model == null ? null : learnedMethods(model);
        if (learned != null) {
            methods.addAll(learned.methods());
        }
        Evaluation evaluation = new Evaluation(methods, threads);
        Progress progress = new Progress(err, "jetbridge pileup evaluate", quiet);
        List<Evaluation.PointResult> points = new ArrayList<>();
        Double cached = null;
        Double uncached = null;
        try {
            for (double mu : grid) {
                long s = seedFor(seed, mu);
                List<ContaminatedJet> contaminated = Inefficiency.apply(JetOverlay.overlay(hard, interactions,
                        new PileupParameters(m, mu, 0), s, 0, threads, maxObserved), inefficiency, s, threads);
                points.add(evaluation.evaluate(mu, contaminated, s));
                if (learned != null && mu == muMax) {
                    List<ContaminatedJet> timing = contaminated.subList(0, Math.min(TIMING_JETS, contaminated.size()));
                    cached = learned.cachedSampler() == null ? null
                            : Evaluation.jetsPerSecond(learned.cachedSampler(), timing, s);
                    uncached = learned.uncachedSampler() == null ? null
                            : Evaluation.jetsPerSecond(learned.uncachedSampler(), timing, s);
                }
                if (!quiet) {
                    err.printf(Locale.ROOT, "jetbridge pileup evaluate: mu = %s done (%d jets, %.1f s elapsed)%n",
                            Metrics.muKey(mu), contaminated.size(), progress.elapsedSeconds());
                    err.flush();
                }
            }
        } finally {
            if (learned != null) {
                learned.model().close();
            }
        }
        List<MethodScan> scans = learned == null ? List.of() : learned.scans();
        Map<String, Object> metrics = Metrics.of(points, List.of(Baselines.softDropEnvelope()), scans, cached,
                uncached);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("hs", String.valueOf(hs));
        settings.put("pool", String.valueOf(pool));
        settings.put("model", model == null ? null : String.valueOf(model));
        if (model != null) {
            settings.put("samples", samples);
            settings.put("steps", steps);
            settings.put("threshold", threshold);
            settings.put("steps_scan", stepsScan);
            settings.put("multiplicity_temperature", temperature);
            settings.put("temperature_scan", temperatureScan);
        }
        settings.put("mu", grid);
        settings.put("pileup_mode", m.name());
        settings.put("jets", hard.size());
        settings.put("seed", seed);
        settings.put("inefficiency", inefficiency);
        settings.put("max_constituents", maxObserved);
        settings.put("pool_interactions", (long) interactions.interactions());
        settings.put("jetbridge_version", VersionProvider.version());
        metrics.put("settings", settings);
        try {
            EvaluationReport.write(output, points, List.of(Baselines.softDropEnvelope()), scans, metrics,
                    "jetbridge pileup evaluate " + String.join(" ", spec.commandLine().getParseResult().originalArgs()),
                    settings);
        } catch (IOException e) {
            throw new OutputException(String.valueOf(output), "cannot write the report: " + e.getMessage(), e);
        }
        progress.summary(String.format(Locale.ROOT, "%d methods on %d jets at %d mu values in %.1f s, report in %s",
                methods.size(), hard.size(), grid.size(), progress.elapsedSeconds(), output));
        return 0;
    }

    /** The overlay and method seed of one μ point: independent pile-up at every μ, reproducible per (seed, μ). */
    static long seedFor(long seed, double mu) {
        return seed ^ (Double.doubleToLongBits(mu) * 0x9E3779B97F4A7C15L);
    }
}
