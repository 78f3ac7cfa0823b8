package org.jetbridge.tagger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jetbridge.io.OutputException;
import org.jetbridge.io.hdf5.TaggingDataset;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.report.AtomicWrite;
import org.jetbridge.report.Histogram;
import org.jetbridge.report.HistogramPlot;
import org.jetbridge.report.HtmlReport;
import org.jetbridge.report.Json;
import org.jetbridge.report.Roc;
import org.jetbridge.report.RocPlot;
import org.jetbridge.report.Table;

/**
 * Evaluates a tagger on a labelled tagging file and writes a report directory: {@code metrics.json} (stable keys:
 * {@code auc} → {@code b_vs_light}, {@code c_vs_light}, {@code b_vs_c}; {@code rejection} → discriminant →
 * efficiency → 1/ε_bkg, null where no background passes; {@code jets}; {@code discriminants}; optionally
 * {@code shift} against a second file), one ROC plot per discriminant ({@code roc_<key>.svg}), with a second file
 * the score distributions of both ({@code shift_p_<class>.svg}), and {@code report.html} with all of it.
 */
public final class Evaluation {

    /**
     * The evaluation of one file.
     *
     * @param metrics tagging performance
     * @param probabilities [jets, 3] (light, c, b)
     * @param flavour labels
     * @param shift score distances to the comparison file by score name, or empty
     * @param compared the comparison file's probabilities by class (light, c, b), or null
     */
    public record Result(FlavourMetrics metrics, float[] probabilities, int[] flavour, Map<String, ScoreShift> shift,
            double[][] compared) {}

    private Evaluation() {}

    /** Probabilities and labels of every jet of {@code path} (labels null when the file has none). */
    static Result score(NnRuntime rt, TaggerModel model, Path path) throws IOException {
        try (TaggingFile file = TaggingFile.open(path)) {
            int n = Math.toIntExact(file.jets());
            float[] p = new float[3 * n];
            int[] flavour = file.hasFlavour() ? new int[n] : null;
            Inference.run(rt, model, file, 0, Inference.CHUNK, c -> {
                System.arraycopy(c.probabilities(), 0, p, (int) c.start() * 3, c.probabilities().length);
                if (flavour != null) {
                    System.arraycopy(c.flavour(), 0, flavour, (int) c.start(), c.rows());
                }
            });
            return new Result(flavour == null ? null : FlavourMetrics.of(p, flavour, n), p, flavour, Map.of(), null);
        }
    }

    /**
     * Evaluates {@code input} (which must carry flavour labels) and, when {@code compare} is not null, the shift of
     * the class scores from {@code input} to {@code compare} (inclusive and per flavour); writes the report.
     */
    public static Result run(NnRuntime rt, TaggerModel model, Path input, Path compare, Path reportDir)
            throws IOException {
        Result r = score(rt, model, input);
        if (r.metrics() == null) {
            throw new org.jetbridge.io.InputException(String.valueOf(input), "has no 'flavour' labels; evaluation "
                    + "needs labelled jets");
        }
        Map<String, ScoreShift> shift = new LinkedHashMap<>();
        double[][] compared = null;
        if (compare != null) {
            Result c = score(rt, model, compare);
            compared = new double[][] {column(c.probabilities(), 0, null, -1), column(c.probabilities(), 1, null, -1),
                column(c.probabilities(), 2, null, -1)};
            String[] names = {"p_light", "p_c", "p_b"};
            for (int k = 2; k >= 0; k--) {
                shift.put(names[k], ScoreShift.of(column(r.probabilities(), k, null, -1),
                        column(c.probabilities(), k, null, -1)));
            }
            if (c.flavour() != null) {
                for (int f = 2; f >= 0; f--) {
                    shift.put("p_b|" + TaggingDataset.FLAVOUR_NAMES.get(f),
                            ScoreShift.of(column(r.probabilities(), 2, r.flavour(), f),
                                    column(c.probabilities(), 2, c.flavour(), f)));
                }
            }
        }
        Result out = new Result(r.metrics(), r.probabilities(), r.flavour(), shift, compared);
        write(out, model, input, compare, reportDir);
        return out;
    }

    /** Column {@code k} of probabilities [n, 3], for jets of flavour {@code only} (all when labels is null). */
    static double[] column(float[] p, int k, int[] labels, int only) {
        int n = p.length / 3;
        double[] out = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (labels == null || labels[i] == only) {
                out[m++] = p[3 * i + k];
            }
        }
        return java.util.Arrays.copyOf(out, m);
    }

    private static void write(Result r, TaggerModel model, Path input, Path compare, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new OutputException(String.valueOf(dir), "cannot create report directory: " + e.getMessage(), e);
        }
        Map<String, Object> auc = new LinkedHashMap<>();
        Map<String, Object> rejection = new LinkedHashMap<>();
        Map<String, Object> formulas = new LinkedHashMap<>();
        for (Discriminant d : Discriminant.values()) {
            formulas.put(d.key(), d.formula());
            auc.put(d.key(), r.metrics().auc().get(d));
            Map<String, Object> rej = new LinkedHashMap<>();
            r.metrics().rejection().get(d).forEach((e, v) -> rej.put(String.format(Locale.ROOT, "%.2f", e), v));
            rejection.put(d.key(), rej);
        }
        Map<String, Object> jets = new LinkedHashMap<>();
        jets.put("total", r.metrics().jets());
        for (int f = 0; f < 3; f++) {
            jets.put(TaggingDataset.FLAVOUR_NAMES.get(f), r.metrics().counts()[f]);
        }
        Map<String, Object> json = Json.object("auc", auc, "rejection", rejection, "jets", jets, "cross_entropy",
                r.metrics().crossEntropy(), "discriminants", formulas,
                "input", String.valueOf(input), "model", model.config());
        HtmlReport html = new HtmlReport("Flavour tagger evaluation").subtitle(String.valueOf(input));
        Table table = new Table("discriminant", "AUC", "rejection at signal efficiency");
        html.section("ROC curves");
        try {
            for (Discriminant d : Discriminant.values()) {
                if (r.metrics().counts()[d.signal()] == 0 || r.metrics().counts()[d.background()] == 0) {
                    continue;
                }
                Roc roc = d.roc(r.probabilities(), r.flavour(), r.metrics().jets());
                String s = TaggingDataset.FLAVOUR_NAMES.get(d.signal());
                String b = TaggingDataset.FLAVOUR_NAMES.get(d.background());
                RocPlot plot = new RocPlot().title(s + " vs " + b).classes(s, b).add(roc,
                        String.format(Locale.ROOT, "AUC %.4f", roc.auc()));
                AtomicWrite.writeString(dir.resolve("roc_" + d.key() + ".svg"), plot.toSvg());
                html.figure(plot, d.key() + ": " + d.formula());
                table.row(d.key(), String.format(Locale.ROOT, "%.4f", roc.auc()),
                        String.valueOf(r.metrics().rejection().get(d)));
            }
            html.table(table);
            html.section("Class probabilities");
            for (int k = 2; k >= 0; k--) {
                HistogramPlot plot = new HistogramPlot().title("p_{" + TaggingDataset.FLAVOUR_NAMES.get(k) + "}")
                        .labels("p_{" + TaggingDataset.FLAVOUR_NAMES.get(k) + "}", "fraction of jets").normalise(true)
                        .logY(true);
                for (int f = 2; f >= 0; f--) {
                    plot.add(Histogram.uniform(50, 0, 1).fillAll(column(r.probabilities(), k, r.flavour(), f)),
                            TaggingDataset.FLAVOUR_NAMES.get(f) + " jets");
                }
                html.figure(plot, "p_" + TaggingDataset.FLAVOUR_NAMES.get(k) + " by true flavour");
            }
            if (compare != null) {
                Map<String, Object> shift = new LinkedHashMap<>();
                r.shift().forEach((k, v) -> shift.put(k, Json.object("wasserstein", v.wasserstein(), "ks", v.ks(),
                        "auc", v.auc())));
                json.put("compare", String.valueOf(compare));
                json.put("shift", shift);
                html.section("Scores on " + compare + " against " + input);
                html.paragraph("1-D Wasserstein and Kolmogorov-Smirnov distances, and the AUC of the score as a "
                        + "discriminant of the compared sample against the input (0.5: no difference).");
                Table t = new Table("score", "Wasserstein", "KS", "AUC");
                r.shift().forEach((k, v) -> t.row(k, String.format(Locale.ROOT, "%.4g", v.wasserstein()),
                        String.format(Locale.ROOT, "%.4g", v.ks()), String.format(Locale.ROOT, "%.4f", v.auc())));
                html.table(t);
                for (int k = 2; k >= 0; k--) {
                    String name = "p_" + TaggingDataset.FLAVOUR_NAMES.get(k);
                    HistogramPlot plot = new HistogramPlot().title(name).labels("p_{"
                            + TaggingDataset.FLAVOUR_NAMES.get(k) + "}", "fraction of jets").normalise(true).logY(true)
                            .add(Histogram.uniform(50, 0, 1).fillAll(column(r.probabilities(), k, null, -1)),
                                    String.valueOf(input.getFileName()))
                            .add(Histogram.uniform(50, 0, 1).fillAll(r.compared()[k]),
                                    String.valueOf(compare.getFileName()))
                            .ratioTo(0, "ratio");
                    AtomicWrite.writeString(dir.resolve("shift_" + name + ".svg"), plot.toSvg());
                    html.figure(plot, name + ": " + compare.getFileName() + " vs " + input.getFileName());
                }
            }
            Json.writeFile(dir.resolve("metrics.json"), json);
            html.write(dir.resolve("report.html"));
        } catch (IOException e) {
            throw new OutputException(String.valueOf(dir), "cannot write report: " + e.getMessage(), e);
        }
    }
}
