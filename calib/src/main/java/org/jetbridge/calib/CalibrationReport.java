package org.jetbridge.calib;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.report.CornerPlot;
import org.jetbridge.report.Histogram;
import org.jetbridge.report.HistogramPlot;
import org.jetbridge.report.HtmlReport;
import org.jetbridge.report.Json;
import org.jetbridge.report.RocPlot;
import org.jetbridge.report.Table;

/**
 * Evaluates a fitted map on held-out source and target rows and writes {@code metrics.json} and an
 * {@code index.html} report. Stable metric keys (documented for users in docs/calibration.md):
 * {@code gaussian_closure_rel_error} (self-check of the neural engine, see {@link GaussianClosure}),
 * {@code c2st_auc.{latent,penultimate,scores}.{raw,calibrated}} (inclusive; penultimate and scores need a
 * {@link LatentHead}), the same under {@code per_flavour.<flavour>.c2st_auc} (flavour = class name such as light, c,
 * b when a head names the classes, else the integer label), {@code score_w1.<flavour>.{raw,calibrated,floor}.<class>} (1-D
 * W1 of each class score to the target, per flavour), {@code latent_w1.{raw,calibrated,mean_raw,mean_calibrated}}
 * (per latent dimension), {@code pca_w1.{raw,calibrated}} (first five principal components of the target),
 * {@code rows.{source,target}} and, with a bootstrap {@link MapEnsemble}, {@code bootstrap.members} and the spread
 * {@code {mean,std,lo,hi}} (lo/hi: 16th/84th percentile over the members, each applied to the same held-out source
 * rows) of {@code bootstrap.score_w1.<flavour>.<class>}, {@code bootstrap.latent_w1_mean} and
 * {@code bootstrap.pca_w1[k]}; the marginal plots then show the members' 16th–84th percentile band per bin.
 */
public final class CalibrationReport {

    public static final String METRICS = "metrics.json";
    public static final String INDEX = "index.html";
    private static final int PCS = 5;

    private CalibrationReport() {}

    /**
     * What to evaluate.
     *
     * @param source held-out source rows (raw)
     * @param sourceConditions their conditions, or null
     * @param sourceLabels flavour label per source row, or null
     * @param target held-out target rows
     * @param targetLabels flavour label per target row, or null (labels are used only when both sides have them)
     * @param head the frozen network after the latent (penultimate-layer and class-score metrics), or null
     * @param names names of the inputs for the report text
     * @param ensemble bootstrap members of the map (bands on every calibrated quantity), or null / empty for none
     */
    public record Inputs(Rows source, Rows sourceConditions, int[] sourceLabels, Rows target, int[] targetLabels,
            LatentHead head, String names, MapEnsemble ensemble) {

        /** Without bootstrap members. */
        public Inputs(Rows source, Rows sourceConditions, int[] sourceLabels, Rows target, int[] targetLabels,
                LatentHead head, String names) {
            this(source, sourceConditions, sourceLabels, target, targetLabels, head, names, null);
        }

        /** The members' calibrated copies of the source rows (empty without members). */
        List<Rows> memberOutputs() {
            return ensemble == null ? List.of() : ensemble.apply(source, sourceConditions);
        }
    }

    /**
     * Options.
     *
     * @param closure whether to run the Gaussian closure self-check of the neural engine (≈ 15 s)
     * @param c2st classifier settings
     */
    public record Options(boolean closure, TwoSampleTest.Settings c2st) {
        public static Options defaults() {
            return new Options(true, TwoSampleTest.Settings.defaults());
        }
    }

    /** The three levels compared: latent, and with a head the penultimate layer and the class scores. */
    private record Levels(Rows latent, Rows penultimate, Rows scores) {
        static Levels of(Rows latent, LatentHead head) {
            if (head == null) {
                return new Levels(latent, null, null);
            }
            LatentHead.Outputs o = head.apply(latent);
            return new Levels(latent, o.penultimate(), o.scores());
        }

        Levels select(int[] labels, int label) {
            return new Levels(rowsWithLabel(latent, labels, label),
                    penultimate == null ? null : rowsWithLabel(penultimate, labels, label),
                    scores == null ? null : rowsWithLabel(scores, labels, label));
        }

        Rows level(int k) {
            return k == 0 ? latent : k == 1 ? penultimate : scores;
        }
    }

    private static final String[] LEVELS = {"latent", "penultimate", "scores"};

    /** Computes the metrics, writes {@value #METRICS} and {@value #INDEX} into {@code dir}, returns the metrics. */
    public static Map<String, Object> write(NnRuntime runtime, CalibrationMap map, Inputs in, Options options,
            Path dir, PrintStream log) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> metrics = new LinkedHashMap<>();
        HtmlReport html = new HtmlReport("Optimal-transport calibration");
        html.subtitle(in.names());
        Rows calibrated = map.apply(in.source(), in.sourceConditions());
        List<Rows> members = in.memberOutputs();
        Map<String, Object> bootstrap = new LinkedHashMap<>();
        if (!members.isEmpty()) {
            log.println("bootstrap band over " + members.size() + " members ...");
            bootstrap.put("members", members.size());
        }
        List<Levels> memberLevels = new ArrayList<>();
        for (Rows m : members) {
            memberLevels.add(Levels.of(m, in.head()));
        }
        if (options.closure()) {
            log.println("gaussian closure check (16-d) ...");
            OtConfig engine = map instanceof TransportMap t ? t.description().config() : OtConfig.defaults();
            Path work = Files.createTempDirectory(dir.toAbsolutePath(), ".closure");
            try {
                GaussianClosure.Result r = GaussianClosure.run(runtime,
                        GaussianClosure.config(engine.width(), engine.depth()), work);
                metrics.put("gaussian_closure_rel_error", r.relativeError());
            } finally {
                deleteTree(work);
            }
        }
        log.println("classifier two-sample tests ...");
        Levels tgt = Levels.of(in.target(), in.head());
        Levels raw = Levels.of(in.source(), in.head());
        Levels cal = Levels.of(calibrated, in.head());
        Table c2stTable = new Table("sample", "level", "AUC raw", "AUC calibrated");
        Table w1Table = members.isEmpty()
                ? new Table("flavour", "score", "W1 raw", "W1 calibrated", "reduction", "noise floor")
                : new Table("flavour", "score", "W1 raw", "W1 calibrated", "reduction", "noise floor",
                        "calibrated band");
        List<HistogramPlot> scorePlots = new ArrayList<>();
        TwoSampleTest.Result[] inclusive = new TwoSampleTest.Result[2];
        metrics.put("c2st_auc", c2st(runtime, tgt, raw, cal, options, "inclusive", c2stTable, inclusive, log));
        List<String> classes = in.head() == null ? List.of() : in.head().classNames();
        if (in.sourceLabels() != null && in.targetLabels() != null) {
            Map<String, Object> perFlavour = new LinkedHashMap<>();
            Map<String, Object> scoreW1 = new LinkedHashMap<>();
            Map<String, Object> scoreBand = new LinkedHashMap<>();
            TreeSet<Integer> labels = new TreeSet<>();
            for (int l : in.sourceLabels()) {
                labels.add(l);
            }
            for (int label : labels) {
                String name = label >= 0 && label < classes.size() ? classes.get(label) : Integer.toString(label);
                Levels t = tgt.select(in.targetLabels(), label);
                Levels r = raw.select(in.sourceLabels(), label);
                Levels c = cal.select(in.sourceLabels(), label);
                if (Math.min(r.latent().rows(), t.latent().rows()) < 40) {
                    log.println("flavour " + name + ": fewer than 40 rows on one side, no per-flavour metrics");
                    continue;
                }
                perFlavour.put(name, Json.object("c2st_auc", c2st(runtime, t, r, c, options, name, c2stTable,
                        null, log)));
                if (t.scores() != null) {
                    Map<String, Object> wr = new LinkedHashMap<>();
                    Map<String, Object> wc = new LinkedHashMap<>();
                    Map<String, Object> wb = new LinkedHashMap<>();
                    Map<String, Object> wf = new LinkedHashMap<>();
                    List<Rows> memberScores = new ArrayList<>();
                    for (Levels ml : memberLevels) {
                        memberScores.add(rowsWithLabel(ml.scores(), in.sourceLabels(), label));
                    }
                    for (int k = 0; k < classes.size(); k++) {
                        double[] tk = t.scores().column(k);
                        double a = Wasserstein.w1(tk, r.scores().column(k));
                        double b = Wasserstein.w1(tk, c.scores().column(k));
                        double floor = w1NoiseFloor(tk, r.scores().rows(), label * 31L + k);
                        wr.put(classes.get(k), a);
                        wc.put(classes.get(k), b);
                        wf.put(classes.get(k), floor);
                        List<double[]> mk = columns(memberScores, k);
                        if (mk.isEmpty()) {
                            w1Table.row(name, "p(" + classes.get(k) + ")", fmt(a), fmt(b), fmt(1 - b / a),
                                    fmt(floor));
                        } else {
                            MapEnsemble.Spread band = w1Spread(tk, mk);
                            wb.put(classes.get(k), spreadJson(band));
                            w1Table.row(name, "p(" + classes.get(k) + ")", fmt(a), fmt(b), fmt(1 - b / a),
                                    fmt(floor), fmtBand(band));
                        }
                        String what = "p(" + classes.get(k) + "), " + name;
                        scorePlots.add(marginal(what, tk, r.scores().column(k), c.scores().column(k), mk));
                    }
                    scoreW1.put(name, Json.object("raw", wr, "calibrated", wc, "floor", wf));
                    if (!wb.isEmpty()) {
                        scoreBand.put(name, wb);
                    }
                }
            }
            metrics.put("per_flavour", perFlavour);
            if (!scoreW1.isEmpty()) {
                metrics.put("score_w1", scoreW1);
            }
            if (!scoreBand.isEmpty()) {
                bootstrap.put("score_w1", scoreBand);
            }
        }
        TwoSampleTest.Result rawLatent = inclusive[0];
        TwoSampleTest.Result calLatent = inclusive[1];
        int d = in.target().cols();
        double[] w1Raw = new double[d];
        double[] w1Cal = new double[d];
        for (int j = 0; j < d; j++) {
            double[] t = in.target().column(j);
            w1Raw[j] = Wasserstein.w1(t, in.source().column(j));
            w1Cal[j] = Wasserstein.w1(t, calibrated.column(j));
        }
        metrics.put("latent_w1", Json.object("raw", w1Raw, "calibrated", w1Cal, "mean_raw", mean(w1Raw),
                "mean_calibrated", mean(w1Cal)));
        MapEnsemble.Spread latentBand = null;
        if (!members.isEmpty()) {
            double[] perMember = new double[members.size()];
            for (int m = 0; m < members.size(); m++) {
                double[] w = new double[d];
                for (int j = 0; j < d; j++) {
                    w[j] = Wasserstein.w1(in.target().column(j), members.get(m).column(j));
                }
                perMember[m] = mean(w);
            }
            latentBand = MapEnsemble.Spread.of(perMember);
            bootstrap.put("latent_w1_mean", spreadJson(latentBand));
        }
        int pcs = Math.min(PCS, d);
        Pca pca = Pca.fit(in.target(), pcs);
        double[][] pt = pca.project(in.target());
        double[][] ps = pca.project(in.source());
        double[][] pc = pca.project(calibrated);
        double[] pcaRaw = new double[pcs];
        double[] pcaCal = new double[pcs];
        for (int k = 0; k < pcs; k++) {
            pcaRaw[k] = Wasserstein.w1(col(pt, k), col(ps, k));
            pcaCal[k] = Wasserstein.w1(col(pt, k), col(pc, k));
        }
        metrics.put("pca_w1", Json.object("raw", pcaRaw, "calibrated", pcaCal));
        metrics.put("rows", Json.object("source", in.source().rows(), "target", in.target().rows()));
        List<double[][]> memberPcs = new ArrayList<>();
        for (Rows m : members) {
            memberPcs.add(pca.project(m));
        }
        MapEnsemble.Spread[] pcaBand = new MapEnsemble.Spread[members.isEmpty() ? 0 : pcs];
        for (int k = 0; k < pcaBand.length; k++) {
            List<double[]> mk = new ArrayList<>();
            for (double[][] p : memberPcs) {
                mk.add(col(p, k));
            }
            pcaBand[k] = w1Spread(col(pt, k), mk);
        }
        if (!members.isEmpty()) {
            List<Object> pcaJson = new ArrayList<>();
            for (MapEnsemble.Spread b : pcaBand) {
                pcaJson.add(spreadJson(b));
            }
            bootstrap.put("pca_w1", pcaJson);
            metrics.put("bootstrap", bootstrap);
        }
        Json.writeFile(dir.resolve(METRICS), metrics);

        html.section("Summary");
        html.paragraph("Map (" + map.dim() + "-d latent): " + map.summary() + ".");
        if (metrics.containsKey("gaussian_closure_rel_error")) {
            html.paragraph(String.format(Locale.ROOT, "Gaussian closure (16-d, engine self-check): relative error "
                    + "%.4f (acceptance ≤ 0.05).", (Double) metrics.get("gaussian_closure_rel_error")));
        }
        html.table(c2stTable.caption("Classifier two-sample test: ROC AUC of a fresh MLP separating target from "
                + "source on held-out rows (0.5 = indistinguishable)."));
        if (metrics.containsKey("score_w1")) {
            html.table(w1Table.caption("Per flavour: 1-D Wasserstein distance of each class score to the target, "
                    + "raw and calibrated source; reduction = 1 − calibrated/raw; noise floor = the W1 that samples of "
                    + "these sizes from one and the same distribution show (two random halves of the target, scaled "
                    + "by √((1/n_source + 1/n_target)/(4/n_target))): a W1 at the floor is statistically zero"
                    + (members.isEmpty() ? "." : "; calibrated band = 16th–84th percentile of the calibrated W1 over "
                    + "the " + members.size() + " bootstrap members.")));
        }
        if (latentBand != null) {
            Table bandTable = new Table("quantity", "calibrated", "bootstrap mean ± std", "band (16 %, 84 %)");
            bandTable.row("mean latent W1", fmt(mean(w1Cal)), fmt(latentBand.mean()) + " ± " + fmt(latentBand.std()),
                    fmtBand(latentBand));
            for (int k = 0; k < pcs; k++) {
                bandTable.row("W1 of PC" + (k + 1), fmt(pcaCal[k]), fmt(pcaBand[k].mean()) + " ± "
                        + fmt(pcaBand[k].std()), fmtBand(pcaBand[k]));
            }
            html.table(bandTable.caption("Bootstrap: the same quantities for each of the " + members.size()
                    + " maps fitted on resampled source and target, applied to the same held-out source rows."));
        }
        html.figure(new RocPlot().title("C2ST (inclusive, latent)").efficiencyAxes()
                .add(rawLatent.roc(), "target vs raw").add(calLatent.roc(), "target vs calibrated"),
                "ROC of the two-sample classifiers; the diagonal means indistinguishable.");
        html.section("Principal components of the target");
        String[] names = new String[pcs];
        for (int k = 0; k < pcs; k++) {
            names[k] = "PC" + (k + 1);
        }
        html.figure(new CornerPlot(names).title("PCA (fitted on target)").add("target", thin(pt))
                .add("raw", thin(ps)).add("calibrated", thin(pc)), "Leading principal components: target, raw and "
                + "calibrated source.");
        String bandNote = members.isEmpty() ? "" : " Shaded: 16th–84th percentile of the calibrated histogram over the "
                + members.size() + " bootstrap members.";
        for (int k = 0; k < pcs; k++) {
            List<double[]> mk = new ArrayList<>();
            for (double[][] p : memberPcs) {
                mk.add(col(p, k));
            }
            html.figure(marginal(names[k], col(pt, k), col(ps, k), col(pc, k), mk), String.format(Locale.ROOT,
                    "%s: W1 raw %.4g, calibrated %.4g.", names[k], pcaRaw[k], pcaCal[k]) + bandNote);
        }
        if (!scorePlots.isEmpty()) {
            html.section("Class-score marginals per flavour");
            for (HistogramPlot p : scorePlots) {
                html.figure(p, "Class score of the flavour's rows: target, raw and calibrated source." + bandNote);
            }
        }
        html.section("Latent marginals");
        for (int j = 0; j < d; j++) {
            html.figure(marginal("latent " + j, in.target().column(j), in.source().column(j), calibrated.column(j),
                    columns(members, j)), String.format(Locale.ROOT, "Latent dimension %d: W1 raw %.4g, calibrated "
                    + "%.4g.", j, w1Raw[j], w1Cal[j]) + bandNote);
        }
        html.write(dir.resolve(INDEX));
        return metrics;
    }

    /**
     * Target-vs-raw and target-vs-calibrated C2ST AUC at every level present; the latent-level results go into
     * {@code latentOut} (when not null).
     */
    private static Map<String, Object> c2st(NnRuntime runtime, Levels t, Levels r, Levels c, Options options,
            String sample, Table table, TwoSampleTest.Result[] latentOut, PrintStream log) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int k = 0; k < LEVELS.length; k++) {
            if (t.level(k) == null) {
                continue;
            }
            TwoSampleTest.Result a = TwoSampleTest.run(runtime, t.level(k), r.level(k), options.c2st());
            TwoSampleTest.Result b = TwoSampleTest.run(runtime, t.level(k), c.level(k), options.c2st());
            out.put(LEVELS[k], Json.object("raw", a.auc(), "calibrated", b.auc()));
            table.row(sample, LEVELS[k], fmt(a.auc()), fmt(b.auc()));
            log.println("c2st " + sample + " " + LEVELS[k] + ": raw " + fmt(a.auc()) + ", calibrated " + fmt(b.auc()));
            if (k == 0 && latentOut != null) {
                latentOut[0] = a;
                latentOut[1] = b;
            }
        }
        return out;
    }

    /** Column {@code k} of every table. */
    private static List<double[]> columns(List<Rows> tables, int k) {
        List<double[]> out = new ArrayList<>();
        for (Rows t : tables) {
            out.add(t.column(k));
        }
        return out;
    }

    /** Spread over the members of the 1-D W1 between {@code target} and each member's values. */
    private static MapEnsemble.Spread w1Spread(double[] target, List<double[]> members) {
        double[] w = new double[members.size()];
        for (int m = 0; m < w.length; m++) {
            w[m] = Wasserstein.w1(target, members.get(m));
        }
        return MapEnsemble.Spread.of(w);
    }

    private static Map<String, Object> spreadJson(MapEnsemble.Spread s) {
        return Json.object("mean", s.mean(), "std", s.std(), "lo", s.lo(), "hi", s.hi());
    }

    private static String fmtBand(MapEnsemble.Spread s) {
        return "[" + fmt(s.lo()) + ", " + fmt(s.hi()) + "]";
    }

    /**
     * The 1-D W1 expected between a source sample of {@code sourceRows} and {@code target} if both came from the
     * target's distribution: W1 between two random halves of the target (seeded), scaled by the 1/√n law of the
     * empirical W1 in one dimension, √((1/n_s + 1/n_t) / (4/n_t)).
     */
    static double w1NoiseFloor(double[] target, int sourceRows, long seed) {
        int n = target.length;
        int[] idx = org.jetbridge.nn.train.Shuffle.permutation(n, new java.util.SplittableRandom(0x5EEDF1L ^ seed));
        double[] a = new double[n / 2];
        double[] b = new double[n - n / 2];
        for (int i = 0; i < n; i++) {
            if (i < a.length) {
                a[i] = target[idx[i]];
            } else {
                b[i - a.length] = target[idx[i]];
            }
        }
        double halves = Wasserstein.w1(a, b);
        return halves * Math.sqrt((1.0 / sourceRows + 1.0 / n) / (4.0 / n));
    }

    /**
     * Target (points), raw and calibrated source (steps) on 40 bins over the target's central 99.6 % (+10 %); with
     * member values, the calibrated series carries the per-bin 16th–84th percentile of their normalised histograms.
     */
    private static HistogramPlot marginal(String label, double[] target, double[] raw, double[] calibrated,
            List<double[]> members) {
        double lo = quantile(target, 0.002);
        double hi = quantile(target, 0.998);
        double pad = 0.1 * (hi - lo);
        lo -= pad;
        hi += pad;
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        Histogram t = Histogram.uniform(40, lo, hi).fillAll(target);
        Histogram r = Histogram.uniform(40, lo, hi).fillAll(raw);
        Histogram c = Histogram.uniform(40, lo, hi).fillAll(calibrated);
        HistogramPlot plot = new HistogramPlot().title(label).labels(label, "normalised entries").normalise(true)
                .add(t, "target", HistogramPlot.Style.POINTS).add(r, "raw source", HistogramPlot.Style.STEP)
                .add(c, "calibrated source", HistogramPlot.Style.STEP);
        if (!members.isEmpty()) {
            double[][] perBin = new double[40][members.size()];
            for (int m = 0; m < members.size(); m++) {
                double[] density = Histogram.uniform(40, lo, hi).fillAll(members.get(m)).normalised().contents();
                for (int i = 0; i < 40; i++) {
                    perBin[i][m] = density[i];
                }
            }
            double[] bandLo = new double[40];
            double[] bandHi = new double[40];
            for (int i = 0; i < 40; i++) {
                MapEnsemble.Spread s = MapEnsemble.Spread.of(perBin[i]);
                bandLo[i] = s.lo();
                bandHi[i] = s.hi();
            }
            plot.band(bandLo, bandHi);
        }
        return plot.ratioTo(0, "x / target").ratioRange(0.5, 1.5);
    }

    private static double quantile(double[] v, double q) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s[(int) Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))];
    }

    private static double[][] thin(double[][] rows) {
        int step = Math.max(1, rows.length / 20000);
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < rows.length; i += step) {
            out.add(rows[i]);
        }
        return out.toArray(new double[0][]);
    }

    private static double[] col(double[][] rows, int k) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i][k];
        }
        return out;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static Rows rowsWithLabel(Rows rows, int[] labels, int label) {
        int n = 0;
        for (int l : labels) {
            if (l == label) {
                n++;
            }
        }
        int[] idx = new int[n];
        int k = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == label) {
                idx[k++] = i;
            }
        }
        return rows.select(idx);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
