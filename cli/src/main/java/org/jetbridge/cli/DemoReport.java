package org.jetbridge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jetbridge.report.HtmlReport;
import org.jetbridge.report.Json;
import org.jetbridge.report.Table;

/**
 * The demo's {@code metrics.json} and {@code index.html}, assembled from the stages' own outputs: the sub-commands'
 * metrics files and HTML reports (their figures and tables are included, not recomputed), the testbed-validation
 * checks and the stage records. A stage that has not finished contributes nothing: its metrics key is absent and
 * its section says so.
 */
final class DemoReport {
    /** Figures of one sub-report section beyond which only the first {@value #FIGURES_SHOWN} are included. */
    static final int FIGURES_MAX = 24;
    static final int FIGURES_SHOWN = 12;

    /** Metrics key, producing stage and file (demo-relative) of each stage group with metrics. */
    record Source(String key, String stage, String metrics, String html, String title) {
    }

    static final List<Source> SOURCES = List.of(
            new Source("testbed", "validate-testbed", TestbedValidation.FILE, null, "Testbed validation"),
            new Source("tagger", "tagger-evaluate", "reports/tagger/metrics.json", "reports/tagger/report.html",
                    "Flavour tagger"),
            new Source("calibration", "calibrate-evaluate", "reports/calibration/metrics.json",
                    "reports/calibration/index.html", "Latent calibration (optimal transport)"),
            new Source("calibration_flavour", "calibrate-evaluate-flavour",
                    "reports/calibration-flavour/metrics.json", "reports/calibration-flavour/index.html",
                    "Flavour-aware latent calibration (one map per flavour)"),
            new Source("pileup", "pileup-evaluate", "reports/pileup/metrics.json", "reports/pileup/index.html",
                    "Pile-up removal"));

    private DemoReport() {
    }

    /** Writes DIR/metrics.json and DIR/index.html for the stages finished so far. */
    static void write(Path dir, List<DemoStages.Stage> stages, Map<String, String> keys, String profile)
            throws IOException {
        Map<String, Object> metrics = metrics(dir, stages, keys);
        Json.writeFile(dir.resolve(DemoCommand.METRICS), metrics);
        html(dir, stages, keys, profile, metrics).write(dir.resolve(DemoCommand.INDEX));
    }

    /**
     * {@code testbed}, {@code tagger}, {@code calibration}, {@code pileup}: the producing stage's metrics file, present
     * exactly when that stage has finished with its current arguments; {@code timing}: seconds of every finished
     * stage, in stage order.
     */
    static Map<String, Object> metrics(Path dir, List<DemoStages.Stage> stages, Map<String, String> keys)
            throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Source s : SOURCES) {
            DemoStages.Stage st = stage(stages, s.stage());
            if (st != null && DemoCommand.StageRecord.finished(dir, st, keys.get(st.name()))) {
                m.put(s.key(), Json.read(dir.resolve(s.metrics())));
            }
        }
        Map<String, Object> timing = new LinkedHashMap<>();
        for (DemoStages.Stage st : stages) {
            if (DemoCommand.StageRecord.finished(dir, st, keys.get(st.name()))) {
                timing.put(st.name(), DemoCommand.StageRecord.read(dir, st.name()).seconds());
            }
        }
        m.put("timing", timing);
        return m;
    }

    private static DemoStages.Stage stage(List<DemoStages.Stage> stages, String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    static HtmlReport html(Path dir, List<DemoStages.Stage> stages, Map<String, String> keys, String profile,
                           Map<String, Object> metrics) throws IOException {
        HtmlReport r = new HtmlReport("jetbridge demo");
        r.subtitle("profile " + profile + ", jetbridge " + VersionProvider.version() + ", directory " + dir);
        r.section("Overview");
        r.paragraph("Every stage below is one jetbridge sub-command run on the built-in testbed (nominal "
                + "simulation vs the mis-modelled 'data' preset); its own report and metrics are in the directory "
                + "named in its section. Re-running the demo with the same options skips finished stages.");
        Table t = new Table("stage", "what", "command", "state");
        for (DemoStages.Stage s : stages) {
            boolean done = DemoCommand.StageRecord.finished(dir, s, keys.get(s.name()));
            t.row(s.name(), s.description(), s.commandLine(), done ? Table.Cell.pass("finished")
                    : Table.Cell.warn("not run"));
        }
        r.table(t.caption("Stages"));

        for (Source s : SOURCES) {
            if (stage(stages, s.stage()) == null) {
                continue; // not part of this profile
            }
            r.section(s.title());
            if (!metrics.containsKey(s.key())) {
                r.paragraph("Not run: stage " + s.stage() + " has not finished in this directory.");
                continue;
            }
            switch (s.key()) {
                case "testbed" -> testbed(r, dir);
                case "tagger" -> tagger(r, metrics.get("tagger"));
                case "calibration", "calibration_flavour" -> calibration(r, metrics.get(s.key()));
                case "pileup" -> pileup(r, metrics.get("pileup"));
                default -> throw new IllegalStateException(s.key());
            }
            include(r, dir, s.html());
        }

        r.section("Timing");
        Table timing = new Table("stage", "seconds", "minutes");
        double total = 0;
        @SuppressWarnings("unchecked")
        Map<String, Object> tm = (Map<String, Object>) metrics.get("timing");
        for (Map.Entry<String, Object> e : tm.entrySet()) {
            double sec = Json.number(e.getValue());
            total += sec;
            timing.row(e.getKey(), sec, sec / 60);
        }
        timing.row("total (finished stages)", total, total / 60);
        r.table(timing.caption("Wall time per stage (from DIR/stages/NAME.done.json)"));
        return r;
    }

    private static void testbed(HtmlReport r, Path dir) throws IOException {
        Table t = new Table("quantity", "expected", "measured", "measured on", "verdict");
        for (Map<String, Object> c : TestbedValidation.read(dir.resolve(TestbedValidation.FILE))) {
            t.row(c.get("quantity"), c.get("expected"), Json.number(c.get("measured")), c.get("source"),
                    Boolean.TRUE.equals(c.get("passed")));
        }
        r.table(t.caption("Reference numbers of testbed.md §7 measured on this demo's samples and generator runs"));
        Path json = dir.resolve(TestbedValidation.FILE);
        Object figures = get(Json.read(json), "figures");
        if (figures instanceof List<?> list) {
            for (Object f : list) {
                Path svg = json.getParent().resolve(String.valueOf(get(f, "file")));
                if (Files.isRegularFile(svg)) {
                    r.figureSvg(Files.readString(svg), String.valueOf(get(f, "caption")));
                }
            }
        }
    }

    private static void tagger(HtmlReport r, Object m) {
        Object auc = get(m, "auc");
        if (auc instanceof Map<?, ?> a) {
            Table t = new Table("discriminant", "ROC AUC");
            a.forEach((k, v) -> t.row(k, Json.number(v)));
            r.table(t.caption("Tagger on held-out nominal jets"));
        }
    }

    private static void calibration(HtmlReport r, Object m) {
        Object c2st = get(m, "c2st_auc");
        if (c2st instanceof Map<?, ?> levels) {
            Table t = new Table("level", "C2ST AUC target vs raw", "target vs calibrated");
            levels.forEach((level, v) -> t.row(level, Json.number(get(v, "raw")), Json.number(get(v, "calibrated"))));
            r.table(t.caption("Classifier two-sample test on held-out latents (0.5: indistinguishable)"));
        }
        Object w1 = get(m, "score_w1");
        if (w1 instanceof Map<?, ?> flavours) {
            Table t = new Table("flavour", "score", "W1 raw", "W1 calibrated");
            // calibrate evaluate's layout: flavour → {raw, calibrated} → class score → W1
            flavours.forEach((f, w) -> {
                if (get(w, "raw") instanceof Map<?, ?> raw) {
                    raw.forEach((score, v) -> t.row(f, score, Json.number(v),
                            Json.number(get(get(w, "calibrated"), score.toString()))));
                }
            });
            r.table(t.caption("Per-flavour score closure: 1-D Wasserstein distance of class scores to the data"));
        }
    }

    private static void pileup(HtmlReport r, Object m) {
        Object res = get(m, "resolution");
        if (res instanceof Map<?, ?> methods) {
            List<String> mus = new ArrayList<>();
            methods.values().forEach(obs -> {
                if (get(obs, "mass") instanceof Map<?, ?> byMu) {
                    byMu.keySet().forEach(k -> {
                        if (!mus.contains(k.toString())) {
                            mus.add(k.toString());
                        }
                    });
                }
            });
            if (!mus.isEmpty()) {
                List<String> header = new ArrayList<>(List.of("method"));
                mus.forEach(mu -> header.add("μ = " + mu));
                Table t = new Table(header.toArray(String[]::new));
                methods.forEach((method, obs) -> {
                    List<Object> row = new ArrayList<>(List.of(method));
                    for (String mu : mus) {
                        Object v = get(get(obs, "mass"), mu);
                        row.add(v == null ? null : Json.number(v));
                    }
                    t.row(row.toArray());
                });
                r.table(t.caption("Jet-mass resolution (IQR/1.349 of the relative error) per method"));
            }
        }
    }

    private static Object get(Object m, String key) {
        return m instanceof Map<?, ?> map ? map.get(key) : null;
    }

    /** Includes the sections of a sub-command's HTML report (its figures and tables), long ones shortened. */
    private static void include(HtmlReport r, Path dir, String html) throws IOException {
        if (html == null) {
            return;
        }
        Path f = dir.resolve(html);
        if (!Files.isRegularFile(f)) {
            r.paragraph("(no report at " + html + ")");
            return;
        }
        List<HtmlReport.Section> sections;
        try {
            sections = HtmlReport.sections(Files.readString(f));
        } catch (IllegalArgumentException e) {
            r.paragraph("(" + html + " could not be included: " + e.getMessage() + ")");
            return;
        }
        r.paragraph("Figures and tables of " + html + ":");
        for (HtmlReport.Section s : sections) {
            if (!s.heading().isEmpty()) {
                r.subsection(s.heading());
            }
            int figures = s.figures().size();
            int shown = 0;
            for (String b : s.blocks()) {
                boolean figure = b.startsWith("<figure>");
                if (figure && figures > FIGURES_MAX && shown >= FIGURES_SHOWN) {
                    continue;
                }
                shown += figure ? 1 : 0;
                r.include(b);
            }
            if (shown < figures) {
                r.paragraph(String.format(Locale.ROOT, "(%d more figures of this section in %s)", figures - shown,
                        html));
            }
        }
    }
}
