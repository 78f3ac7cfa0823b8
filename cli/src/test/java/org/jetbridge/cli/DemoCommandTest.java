package org.jetbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jetbridge.report.HtmlReport;
import org.jetbridge.report.HistogramPlot;
import org.jetbridge.report.Histogram;
import org.jetbridge.report.Json;
import org.jetbridge.report.testing.ReportChecks;
import org.jetbridge.sim.GeneratorSettings;
import org.jetbridge.sim.MinBiasPool;
import org.jetbridge.sim.ReferenceNumbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code jetbridge demo}: stage resume and re-run on changed arguments, metrics.json assembly, the testbed
 * validation table and the combined report (self-contained, rendered in headless Chromium). Runs only the fast
 * stages (top jets, minimum-bias pool, validation) of the tiny profile; the learning stages are the sub-commands'
 * own tests.
 */
class DemoCommandTest {
    static final String FAST = "generate-ttbar,generate-minbias,validate-testbed";

    private static List<DemoStages.Stage> tinyPlan() {
        return DemoStages.plan(DemoStages.Profile.of("tiny"), 1, Main.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())), true);
    }

    private static List<DemoStages.Stage> only(List<DemoStages.Stage> all, String names) {
        List<String> n = List.of(names.split(","));
        return all.stream().filter(s -> n.contains(s.name())).toList();
    }

    /** The flavour-aware calibration runs in the full (and tiny) profile only, on the same latents as the inclusive. */
    @Test
    void flavourAwareCalibrationIsPartOfTheFullProfileOnly() {
        CommandLine root = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        for (String profile : List.of("full", "quick")) {
            List<DemoStages.Stage> plan = DemoStages.plan(DemoStages.Profile.of(profile), 1, root, true);
            DemoStages.Stage fit = plan.stream().filter(s -> s.name().equals("calibrate-fit-flavour")).findFirst()
                    .orElse(null);
            if (profile.equals("quick")) {
                assertTrue(fit == null, "quick profile has no flavour-aware fit");
                continue;
            }
            assertTrue(fit != null && String.join(" ", fit.args()).contains("--partition flavour --steps 5000"),
                    profile);
            DemoStages.Stage inclusive = plan.stream().filter(s -> s.name().equals("calibrate-fit")).findFirst()
                    .orElseThrow();
            List<String> a = fit.args();
            List<String> b = inclusive.args();
            assertEquals(b.get(b.indexOf("--source") + 1), a.get(a.indexOf("--source") + 1));
            assertEquals(b.get(b.indexOf("--target") + 1), a.get(a.indexOf("--target") + 1));
            assertTrue(plan.stream().anyMatch(s -> s.name().equals("calibrate-evaluate-flavour")));
        }
    }

    @Test
    void secondRunSkipsFinishedStagesAndAChangedArgumentReRunsItsStageAndWhatReadsIt(@TempDir Path dir)
            throws Exception {
        CliRunner.Result first = CliRunner.run("demo", "--output", dir.toString(), "--profile", "tiny", "--stages", FAST);
        assertEquals(0, first.status(), first.err());
        for (String s : FAST.split(",")) {
            assertTrue(Files.isRegularFile(dir.resolve("stages/" + s + ".done.json")), s);
            assertTrue(first.err().contains("] " + s + " ("), "progress line of " + s + ":\n" + first.err());
        }
        Map<?, ?> record = (Map<?, ?>) Json.read(dir.resolve("stages/generate-minbias.done.json"));
        assertEquals(List.of("generate", "minbias", "--events", "1500", "--preset", "nominal", "--seed", "109",
                "--output", "@/data/minbias.h5"), record.get("args"));
        assertTrue(Json.number(record.get("seconds")) >= 0);
        FileTime tops = Files.getLastModifiedTime(dir.resolve("data/tops-train.h5"));
        FileTime pool = Files.getLastModifiedTime(dir.resolve("data/minbias.h5"));
        Thread.sleep(20);

        CliRunner.Result second = CliRunner.run("demo", "--output", dir.toString(), "--profile", "tiny", "--stages",
                FAST);
        assertEquals(0, second.status(), second.err());
        for (String s : FAST.split(",")) {
            assertTrue(second.err().contains("] " + s + ": finished earlier"), s + " skipped:\n" + second.err());
        }
        assertEquals(tops, Files.getLastModifiedTime(dir.resolve("data/tops-train.h5")));
        assertEquals(pool, Files.getLastModifiedTime(dir.resolve("data/minbias.h5")));

        // the same plan with one argument changed: that stage and the validation reading its output re-run
        List<DemoStages.Stage> all = new ArrayList<>(tinyPlan());
        for (int i = 0; i < all.size(); i++) {
            DemoStages.Stage s = all.get(i);
            if (s.name().equals("generate-minbias")) {
                List<String> args = new ArrayList<>(s.args());
                args.set(args.indexOf("1500"), "1200");
                all.set(i, new DemoStages.Stage(s.name(), s.description(), args, s.outputs(), s.needs(), s.action()));
            }
        }
        StringWriter err = new StringWriter();
        int status = DemoCommand.run(dir, all, only(all, FAST), Integer.MAX_VALUE, "tiny",
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, status, err.toString());
        assertTrue(err.toString().contains("] generate-ttbar: finished earlier"), err.toString());
        assertTrue(err.toString().contains("] generate-minbias: done in"), err.toString());
        assertTrue(err.toString().contains("] validate-testbed: done in"), "downstream of the change:\n" + err);
        assertEquals(tops, Files.getLastModifiedTime(dir.resolve("data/tops-train.h5")));
        assertNotEquals(pool, Files.getLastModifiedTime(dir.resolve("data/minbias.h5")));
        assertTrue(Files.readString(dir.resolve(TestbedValidation.FILE)).contains("1200 interactions"));

        // --from re-runs the named stage and everything after it, even when unchanged
        CliRunner.Result from = CliRunner.run("demo", "--output", dir.toString(), "--profile", "tiny", "--stages",
                FAST, "--from", "validate-testbed");
        assertEquals(0, from.status(), from.err());
        assertTrue(from.err().contains("] generate-ttbar: finished earlier"), from.err());
        assertTrue(from.err().contains("] validate-testbed: done in"), from.err());

        // the shape of the report for this run: metrics keys of exactly the finished groups
        Map<?, ?> metrics = (Map<?, ?>) Json.read(dir.resolve("metrics.json"));
        assertEquals(List.of("testbed", "timing"), new ArrayList<>(metrics.keySet()));
        assertEquals(List.of("generate-ttbar", "generate-minbias", "validate-testbed"),
                new ArrayList<>(((Map<?, ?>) metrics.get("timing")).keySet()));
    }

    @Test
    void testbedValidationTableIsMeasuredOnTheDemoSamples(@TempDir Path dir) throws Exception {
        CliRunner.Result r = CliRunner.run("demo", "--output", dir.toString(), "--profile", "tiny", "--stages", FAST);
        assertEquals(0, r.status(), r.err());
        List<Map<String, Object>> checks = TestbedValidation.read(dir.resolve(TestbedValidation.FILE));
        assertEquals(9, checks.size(), "every row of testbed.md §7");
        // the minimum-bias rows are the pool file's numbers: the same interactions generated afresh give them
        ReferenceNumbers.MinBiasSummary direct = ReferenceNumbers.minBias(MinBiasPool.generate(
                GeneratorSettings.nominal(), DemoStages.SEED + 9, 0, 1500, 2));
        Map<String, Double> measured = new LinkedHashMap<>();
        for (Map<String, Object> c : checks) {
            measured.put((String) c.get("quantity"), Json.number(c.get("measured")));
            assertEquals(Json.number(c.get("measured")) >= Json.number(c.get("lo"))
                    && Json.number(c.get("measured")) <= Json.number(c.get("hi")), c.get("passed"), c.toString());
        }
        assertEquals(direct.dNchDEta(), measured.get("min-bias ⟨dN_ch/dη⟩ at |η| < 0.5"), 1e-9);
        assertEquals(direct.meanPt(), measured.get("min-bias charged ⟨pT⟩, |η| < 2.5 (GeV)"), 1e-6);
        assertEquals(direct.fractionAbove1GeV(),
                measured.get("fraction of min-bias charged with pT > 1 GeV, |η| < 2.5"), 1e-9);
        // the top-mass row comes from the top-jet file: its masses above 400 GeV, peak of the fullest 5 GeV bin
        double[] m = TestbedValidation.topMasses(dir.resolve(TestbedValidation.TOPS), ReferenceNumbers.TOP_PT_MIN);
        assertTrue(m.length > 10, "top jets above 400 GeV in the tiny sample: " + m.length);
        assertEquals(ReferenceNumbers.peak(m, 100, 250, 5),
                measured.get("leading R = 1.0 jet mass peak in tt̄, pT > 400 GeV (GeV)"), 0);
        // the testbed reproduces its reference numbers even at this size
        assertTrue(checks.stream().allMatch(c -> Boolean.TRUE.equals(c.get("passed"))), checks.toString());
        String html = Files.readString(dir.resolve("index.html"));
        assertEquals(9, html.split("<td class=\"pass\">pass</td>", -1).length - 1, "nine verdict cells");
    }

    /** Metrics of a group appear exactly when its stage finished with the current arguments. */
    @Test
    void metricsJsonHasAKeyExactlyForEachFinishedStage(@TempDir Path dir) throws Exception {
        List<DemoStages.Stage> all = tinyPlan();
        Map<String, String> keys = DemoStages.keys(all);
        assertEquals(List.of("timing"), new ArrayList<>(DemoReport.metrics(dir, all, keys).keySet()));
        assertEquals(Map.of(), DemoReport.metrics(dir, all, keys).get("timing"));

        // tagger evaluation finished: its metrics file and report, included in the page
        DemoStages.Stage te = all.stream().filter(s -> s.name().equals("tagger-evaluate")).findFirst().orElseThrow();
        Json.writeFile(dir.resolve("reports/tagger/metrics.json"), Json.object("auc", Json.object("b_vs_light", 0.9)));
        new HtmlReport("tagger").section("ROC curves").figure(new HistogramPlot().title("t")
                .add(Histogram.uniform(4, 0, 1).fillAll(new double[] {0.1, 0.2, 0.6}), "x",
                        HistogramPlot.Style.STEP), "a sub-report figure").write(dir.resolve("reports/tagger/report.html"));
        DemoCommand.StageRecord.finished(dir, te, keys.get(te.name()), 12.34);
        // calibration evaluation recorded with other arguments: stale, so absent
        DemoStages.Stage ce = all.stream().filter(s -> s.name().equals("calibrate-evaluate")).findFirst()
                .orElseThrow();
        Json.writeFile(dir.resolve("reports/calibration/metrics.json"), Json.object("c2st_auc", 0.5));
        DemoCommand.StageRecord.finished(dir, ce, "another key", 3);

        Map<String, Object> m = DemoReport.metrics(dir, all, keys);
        assertEquals(List.of("tagger", "timing"), new ArrayList<>(m.keySet()));
        assertEquals(0.9, Json.number(Json.at(m, "tagger", "auc", "b_vs_light")));
        assertEquals(Map.of("tagger-evaluate", 12.3), m.get("timing"));

        // outputs gone: not finished any more
        Files.delete(dir.resolve("reports/tagger/metrics.json"));
        assertEquals(List.of("timing"), new ArrayList<>(DemoReport.metrics(dir, all, keys).keySet()));
        Json.writeFile(dir.resolve("reports/tagger/metrics.json"), Json.object("auc", Json.object("b_vs_light", 0.9)));

        DemoReport.write(dir, all, keys, "tiny");
        String html = Files.readString(dir.resolve("index.html"));
        assertTrue(html.contains("a sub-report figure"), "the tagger report's figure is included");
        assertTrue(html.contains("Not run: stage calibrate-evaluate has not finished"), "stale stage shown as not run");
        assertEquals(List.of(), ReportChecks.externalReferences(html), "self-contained");
    }

    /** The calibration section reads calibrate evaluate's own layout (score_w1 → flavour → raw/calibrated → score). */
    @Test
    void calibrationTablesReadTheEvaluateCommandsLayout(@TempDir Path dir) throws Exception {
        List<DemoStages.Stage> all = tinyPlan();
        Map<String, String> keys = DemoStages.keys(all);
        DemoStages.Stage ce = all.stream().filter(s -> s.name().equals("calibrate-evaluate")).findFirst()
                .orElseThrow();
        Json.writeFile(dir.resolve("reports/calibration/metrics.json"), Json.object(
                "c2st_auc", Json.object("latent", Json.object("raw", 0.547, "calibrated", 0.506)),
                "score_w1", Json.object("light", Json.object("raw", Json.object("light", 0.0447, "c", 0.0411),
                        "calibrated", Json.object("light", 0.0114, "c", 0.0105)))));
        DemoCommand.StageRecord.finished(dir, ce, keys.get(ce.name()), 3);
        DemoReport.write(dir, all, keys, "tiny");
        String html = Files.readString(dir.resolve("index.html"));
        assertTrue(html.contains("0.0447") && html.contains("0.0114") && html.contains("0.0105"),
                "per-flavour score W1 rows, raw and calibrated");
        assertTrue(html.contains("0.506"), "C2ST row");
    }

    @Test
    void stageIdentityFollowsArgumentsAndUpstreamStages() {
        List<DemoStages.Stage> a = tinyPlan();
        Map<String, String> k1 = DemoStages.keys(a);
        assertEquals(k1, DemoStages.keys(tinyPlan()), "deterministic");
        List<DemoStages.Stage> b = DemoStages.plan(DemoStages.Profile.of("tiny"), 2, Main.commandLine(
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), true);
        Map<String, String> k2 = DemoStages.keys(b);
        // libtorch threads change the learning stages' bits, not the generated samples
        assertEquals(k1.get("generate-train"), k2.get("generate-train"));
        assertEquals(k1.get("validate-testbed"), k2.get("validate-testbed"));
        assertNotEquals(k1.get("tagger-train"), k2.get("tagger-train"));
        assertNotEquals(k1.get("embed-test"), k2.get("embed-test"));
        for (DemoStages.Stage s : a) {
            assertEquals(1, a.stream().filter(x -> x.name().equals(s.name())).count(), "unique name " + s.name());
        }
        // every stage's command exists in this build, except the pile-up model's until it is merged
        CommandLine root = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        for (DemoStages.Stage s : a) {
            String missing = DemoStages.missingCommand(root, s);
            assertTrue(missing == null || s.name().startsWith("pileup-"), s.name() + " lacks " + missing);
        }
        DemoStages.Stage fake = new DemoStages.Stage("x", "x", List.of("pileup", "nonesuch", "--hs", "@/a"), List.of(),
                List.of(), null);
        assertEquals("pileup nonesuch", DemoStages.missingCommand(root, fake));
        DemoStages.Stage gen = new DemoStages.Stage("x", "x", List.of("generate", "flavour", "--events", "1"), List.of(),
                List.of(), null);
        assertEquals(null, DemoStages.missingCommand(root, gen), "a positional parameter is not a sub-command");
    }

    @Test
    void badOptionsAreUsageErrors(@TempDir Path dir) {
        CliRunner.Result p = CliRunner.run("demo", "--output", dir.toString(), "--profile", "huge");
        assertEquals(2, p.status());
        assertTrue(p.err().contains("--profile: unknown profile 'huge', expected quick or full"), p.err());
        CliRunner.Result s = CliRunner.run("demo", "--output", dir.toString(), "--stages", "generate-ttbar,nope");
        assertEquals(2, s.status());
        assertTrue(s.err().contains("unknown stage 'nope'"), s.err());
        CliRunner.Result f = CliRunner.run("demo", "--output", dir.toString(), "--stages", FAST, "--from", "tagger-train");
        assertEquals(2, f.status(), "--from must name a stage of the run");
        CliRunner.Result list = CliRunner.run("demo", "--output", dir.toString(), "--list");
        assertEquals(0, list.status(), list.err());
        assertTrue(list.out().contains("tagger-train") && list.out().contains("to run"), list.out());
        assertFalse(Files.exists(dir.resolve("stages")), "--list runs nothing");
    }

    @Test
    void demoReportRendersInHeadlessChromium(@TempDir Path dir) throws Exception {
        Path chromium = ReportChecks.chromium();
        CliRunner.Result r = CliRunner.run("demo", "--output", dir.toString(), "--profile", "tiny", "--stages", FAST);
        assertEquals(0, r.status(), r.err());
        Path html = dir.resolve("index.html");
        assertEquals(List.of(), ReportChecks.externalReferences(Files.readString(html)));
        ReportChecks.Rendered shot = ReportChecks.render(chromium, html, dir.resolve("index.png"), dir, 2400);
        assertEquals(List.of(), shot.console(), "console messages while rendering " + html);
        BufferedImage img = shot.image();
        // the pass cells' green was painted
        assertTrue(ReportChecks.pixelsNear(img, 0xd9f2d9) > 200, "pass-cell background painted");
        assertTrue(ReportChecks.inkPixels(img) > img.getWidth() * img.getHeight() / 4 / 50);
    }
}
