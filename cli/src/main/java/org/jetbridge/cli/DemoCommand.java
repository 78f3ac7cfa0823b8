package org.jetbridge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jetbridge.io.InputException;
import org.jetbridge.io.OutputException;
import org.jetbridge.report.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code jetbridge demo}: the whole toolkit end to end on the built-in testbed, resumable stage by stage. */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Run the whole toolkit on the built-in testbed and write DIR/index.html (one self-contained "
                + "page: testbed validation, tagger ROC curves, calibration marginals, two-sample tests and PCA "
                + "corner plots, pile-up bias/resolution vs mu, coverage, timing) and DIR/metrics.json (keys tagger, "
                + "calibration, pileup: the metrics.json of 'tagger evaluate', 'calibrate evaluate' and 'pileup "
                + "evaluate'; testbed: the reference-number checks; timing: seconds per stage; a key is present "
                + "exactly when its stage has run).",
            "",
            "Stages (each one 'jetbridge' sub-command, printed before it runs): generate the nominal and 'data' "
                    + "flavour samples (training, validation, test, calibration fit), top jets and minimum-bias "
                    + "pools; validate the testbed; train, evaluate and embed with the tagger; fit and evaluate the "
                    + "calibration on held-out latents; train and evaluate the pile-up model.",
            "",
            "Re-running resumes: a finished stage leaves DIR/stages/NAME.done.json (its arguments and seconds) and is "
                    + "skipped while its arguments and those of the stages it reads are unchanged; a changed one "
                    + "is re-run from scratch, with everything downstream of it. An interrupted stage resumes where "
                    + "its sub-command can (tagger training, calibration fit).",
            "",
            "Profiles: quick (default; <= 20 minutes on 2 cores: 60k training events, the tagger's small model, 3 "
                    + "epochs, 20k jets per calibration side, 500 pile-up training steps, 200 jets at mu = 60, 150, "
                    + "200) and full (hours: 400k training events, the tagger's default model, 200k jets per "
                    + "calibration side, the pile-up commands' defaults). The calibration uses 'calibrate fit' "
                    + "defaults in both. Sizes and measured stage times: docs/demo.md.",
            ""})
final class DemoCommand implements Callable<Integer> {
    static final String STAGES = "stages";
    static final String METRICS = "metrics.json";
    static final String INDEX = "index.html";

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "Demo directory (created; re-use it to resume).")
    Path output;

    @Option(names = "--profile", defaultValue = "quick", paramLabel = "NAME",
            description = "quick or full (default: ${DEFAULT-VALUE}; tiny: a one-minute smoke run of every stage "
                    + "whose numbers mean nothing).")
    String profile;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
            description = "libtorch threads of every learning stage (default: ${DEFAULT-VALUE}; one runtime serves all "
                    + "stages of the process, and the calibration's small networks are fastest on one thread). Event "
                    + "generation always uses every core.")
    int threads;

    @Option(names = "--from", paramLabel = "STAGE",
            description = "Run this stage and every later one again from scratch, even if finished.")
    String from;

    @Option(names = "--list", description = "Print the stages with their commands and state, run nothing.")
    boolean list;

    @Option(names = "--stages", split = ",", paramLabel = "NAME", hidden = true,
            description = "Run only these stages (the others are neither run nor required); for tests and partial "
                    + "builds.")
    List<String> only;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        DemoStages.Profile p;
        try {
            p = DemoStages.Profile.of(profile);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--profile: " + e.getMessage());
        }
        Usage.atLeast(spec, "--threads", threads, 1);
        CommandLine root = spec.root().commandLine();
        Path dir = output.toAbsolutePath();
        // the pile-up evaluation includes the trained model when this run trains it or an earlier one did
        boolean pileupModel = only == null || only.stream().anyMatch(n -> n.strip().equals("pileup-train"))
                || Files.isDirectory(dir.resolve("pileup"));
        List<DemoStages.Stage> all = DemoStages.plan(p, threads, root, pileupModel);
        Map<String, String> keys = DemoStages.keys(all);
        List<DemoStages.Stage> plan = selected(all);
        int fromIndex = plan.size();
        if (from != null) {
            fromIndex = indexOf(plan, from);
        }
        if (list) {
            PrintWriter out = spec.commandLine().getOut();
            for (int i = 0; i < plan.size(); i++) {
                DemoStages.Stage s = plan.get(i);
                boolean done = i < fromIndex && StageRecord.finished(dir, s, keys.get(s.name()));
                String missing = DemoStages.missingCommand(root, s);
                out.printf(Locale.ROOT, "%-22s %-8s %s%n", s.name(), missing != null ? "missing" : done ? "done"
                        : "to run", s.commandLine() + (missing != null ? "   (no 'jetbridge " + missing
                        + "' in this build)" : ""));
            }
            return 0;
        }
        for (DemoStages.Stage s : plan) {
            String missing = DemoStages.missingCommand(root, s);
            if (missing != null) {
                throw new ParameterException(spec.commandLine(), "stage " + s.name() + " needs 'jetbridge " + missing
                        + "', which this build does not have; leave it out with --stages "
                        + String.join(",", plan.stream().filter(x -> DemoStages.missingCommand(root, x) == null)
                        .map(DemoStages.Stage::name).toList()));
            }
        }
        return run(dir, all, plan, fromIndex, p.name(), spec.commandLine().getOut(), err);
    }

    /**
     * Runs {@code plan} (a subset of {@code all}, in order) in {@code dir}: finished stages with unchanged identity
     * are skipped, unless at or after {@code fromIndex}; then writes metrics.json and index.html for all finished
     * stages. Returns 0, or the exit status of the first stage that failed.
     */
    static int run(Path dir, List<DemoStages.Stage> all, List<DemoStages.Stage> plan, int fromIndex, String profile,
                   PrintWriter out, PrintWriter err) throws IOException {
        Map<String, String> keys = DemoStages.keys(all);
        try {
            Files.createDirectories(dir.resolve(STAGES));
        } catch (IOException e) {
            throw new OutputException(dir.toString(), "cannot create the demo directory: " + e.getMessage(), e);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < plan.size(); i++) {
            DemoStages.Stage s = plan.get(i);
            String key = keys.get(s.name());
            String tag = String.format(Locale.ROOT, "jetbridge demo: [%d/%d] %s", i + 1, plan.size(), s.name());
            if (i < fromIndex && StageRecord.finished(dir, s, key)) {
                err.printf(Locale.ROOT, "%s: finished earlier in %.1f s, skipped%n", tag,
                        StageRecord.read(dir, s.name()).seconds());
                err.flush();
                continue;
            }
            if (i >= fromIndex || StageRecord.stale(dir, s.name(), key)) {
                clear(dir, s);
            }
            err.printf(Locale.ROOT, "%s (%s): %s%n", tag, s.description(), s.commandLine());
            err.flush();
            StageRecord.started(dir, s, key);
            long st = System.nanoTime();
            int status = runStage(dir, s, out, err);
            double seconds = (System.nanoTime() - st) * 1e-9;
            if (status != 0) {
                err.printf(Locale.ROOT, "jetbridge demo: stage %s failed (exit status %d) after %.1f s; fix the cause "
                        + "and run the same command again to resume from it%n", s.name(), status, seconds);
                err.flush();
                DemoReport.write(dir, all, keys, profile);
                return status;
            }
            StageRecord.finished(dir, s, key, seconds);
            err.printf(Locale.ROOT, "%s: done in %.1f s%n", tag, seconds);
            err.flush();
        }
        DemoReport.write(dir, all, keys, profile);
        err.printf(Locale.ROOT, "jetbridge demo: %d stages in %.1f s; report %s, metrics %s%n", plan.size(),
                (System.nanoTime() - t0) * 1e-9, dir.resolve(INDEX), dir.resolve(METRICS));
        err.flush();
        return 0;
    }

    private List<DemoStages.Stage> selected(List<DemoStages.Stage> all) {
        if (only == null) {
            return all;
        }
        List<DemoStages.Stage> plan = new ArrayList<>();
        for (String name : only) {
            indexOf(all, name.strip());
        }
        for (DemoStages.Stage s : all) {
            if (only.stream().anyMatch(n -> n.strip().equals(s.name()))) {
                plan.add(s);
            }
        }
        return plan;
    }

    private int indexOf(List<DemoStages.Stage> stages, String name) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new ParameterException(spec.commandLine(), "unknown stage '" + name + "', expected one of "
                + String.join(", ", stages.stream().map(DemoStages.Stage::name).toList()));
    }

    /** Runs one stage in this process: a sub-command through picocli with the program's error handling. */
    private static int runStage(Path dir, DemoStages.Stage s, PrintWriter out, PrintWriter err) throws IOException {
        for (String a : s.args()) {
            if (a.startsWith(DemoStages.DIR)) {
                // commands write into existing directories only
                Files.createDirectories(dir.resolve(a.substring(DemoStages.DIR.length())).getParent());
            }
        }
        if (s.action() != null) {
            try {
                s.action().run(dir, err);
                return 0;
            } catch (InputException | OutputException e) {
                err.println("jetbridge: " + e.getMessage());
                return Main.USER_ERROR;
            } catch (IOException e) {
                err.println("jetbridge: " + s.name() + ": " + e.getMessage());
                return Main.USER_ERROR;
            }
        }
        CommandLine cl = Main.commandLine(out, err);
        return cl.execute(s.resolvedArgs(dir).toArray(String[]::new));
    }

    /** Removes a stage's outputs and record before it runs from scratch. */
    private static void clear(Path dir, DemoStages.Stage s) throws IOException {
        for (String o : s.outputs()) {
            deleteTree(dir.resolve(o));
        }
        for (String a : s.args()) {
            // a stage's output directories (e.g. a training run next to its exported model) go with it
            if (a.startsWith(DemoStages.DIR) && s.outputs().stream().anyMatch(o -> o.startsWith(
                    a.substring(DemoStages.DIR.length()) + "/"))) {
                deleteTree(dir.resolve(a.substring(DemoStages.DIR.length())));
            }
        }
        Files.deleteIfExists(StageRecord.done(dir, s.name()));
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(p)) {
            for (Path q : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }

    /**
     * The record a stage leaves in DIR/stages: {@code NAME.started.json} when it starts and {@code NAME.done.json}
     * (written atomically) when it succeeded, each with the stage's identity key, arguments and, when done, seconds.
     */
    record StageRecord(String key, List<String> args, double seconds, String finished) {
        static Path done(Path dir, String name) {
            return dir.resolve(STAGES).resolve(name + ".done.json");
        }

        static Path start(Path dir, String name) {
            return dir.resolve(STAGES).resolve(name + ".started.json");
        }

        static void started(Path dir, DemoStages.Stage s, String key) throws IOException {
            Json.writeFile(start(dir, s.name()), Json.object("stage", s.name(), "key", key, "args", s.args()));
        }

        static void finished(Path dir, DemoStages.Stage s, String key, double seconds) throws IOException {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("stage", s.name());
            m.put("key", key);
            m.put("args", s.args());
            m.put("seconds", Math.round(seconds * 10) / 10.0);
            m.put("finished", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            Json.writeFile(done(dir, s.name()), m);
            Files.deleteIfExists(start(dir, s.name()));
        }

        /** The done record of a stage, or null when there is none (or it cannot be read: then the stage re-runs). */
        @SuppressWarnings("unchecked")
        static StageRecord read(Path dir, String name) {
            Path f = done(dir, name);
            if (!Files.isRegularFile(f)) {
                return null;
            }
            try {
                Map<String, Object> m = (Map<String, Object>) Json.read(f);
                return new StageRecord((String) m.get("key"), (List<String>) m.get("args"),
                        Json.number(m.get("seconds")), (String) m.get("finished"));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /** Whether the stage finished with exactly this identity and all its outputs are still there. */
        static boolean finished(Path dir, DemoStages.Stage s, String key) {
            StageRecord r = read(dir, s.name());
            return r != null && key.equals(r.key()) && s.outputs().stream().allMatch(o -> Files.exists(dir.resolve(o)));
        }

        /**
         * Whether leftovers of the stage come from other arguments (a done or started record with another key), so
         * they must go before it runs; leftovers of an interrupted run with the same arguments are kept for resume.
         */
        @SuppressWarnings("unchecked")
        static boolean stale(Path dir, String name, String key) {
            StageRecord r = read(dir, name);
            if (r != null && !key.equals(r.key())) {
                return true;
            }
            Path st = start(dir, name);
            if (Files.isRegularFile(st)) {
                try {
                    return !key.equals(((Map<String, Object>) Json.read(st)).get("key"));
                } catch (IOException | RuntimeException e) {
                    return true;
                }
            }
            return false;
        }
    }
}
