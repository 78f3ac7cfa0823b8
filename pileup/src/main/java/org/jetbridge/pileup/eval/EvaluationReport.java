package org.jetbridge.pileup.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jetbridge.pileup.eval.Evaluation.MethodResult;
import org.jetbridge.pileup.eval.Evaluation.PointResult;
import org.jetbridge.report.AtomicWrite;
import org.jetbridge.report.CurvePlot;
import org.jetbridge.report.Histogram;
import org.jetbridge.report.HistogramPlot;
import org.jetbridge.report.HtmlReport;
import org.jetbridge.report.Json;
import org.jetbridge.report.LegendPosition;
import org.jetbridge.report.Plot;
import org.jetbridge.report.Table;

/**
 * Writes the report of a pile-up evaluation into a directory: {@code metrics.json} ({@link Metrics}), SVG plots
 * (resolution and bias vs μ per observable with one curve per method and each {@link Envelope} as a band from its
 * best to its worst member; marginals with ratio-to-truth panels at the marginal μ values; coverage vs μ and
 * truth-quantile histograms of posteriors) and {@code index.html}. Everything is rendered in memory first and
 * every file is written atomically, {@code metrics.json} last, so a failed run leaves no file that looks complete.
 */
public final class EvaluationReport {
    /** Axis labels of the observables in report markup. */
    static final Map<String, String> LABELS = Map.of("mass", "m [GeV]", "pt", "p_{T} [GeV]", "tau21_kt",
            "τ_{21} (kt axes)", "tau32_kt", "τ_{32} (kt axes)", "d2_beta1", "D_{2}^{(β=1)}", "sqrt_d12",
            "√d_{12} [GeV]", "sqrt_d23", "√d_{23} [GeV]");
    /** The μ values whose marginals and tables are shown by default (the acceptance points of the issue). */
    public static final List<Double> MARGINAL_MUS = List.of(60.0, 200.0);

    private EvaluationReport() {
    }

    /**
     * Writes the report of {@code points} (ascending μ, the same methods at every μ) into {@code dir} (created if
     * needed); {@code metrics} is the map written as metrics.json, {@code commandLine} and {@code settings}
     * are shown on the page.
     */
    public static void write(Path dir, List<PointResult> points, List<Envelope> envelopes, Map<String, Object> metrics,
                             String commandLine, Map<String, Object> settings) throws IOException {
        write(dir, points, envelopes, List.of(), metrics, commandLine, settings);
    }

    /**
     * As above, with a section per {@link MethodScan}: resolution (and, for posteriors, 68 % coverage) of every
     * observable against the scanned parameter, one curve per μ ({@code scan_<key>_<observable>.svg},
     * {@code scan_<key>_coverage_<observable>.svg}); scan members other than its shown ones stay out of the per-μ
     * plots and tables.
     */
    public static void write(Path dir, List<PointResult> points, List<Envelope> envelopes, List<MethodScan> scans,
                             Map<String, Object> metrics, String commandLine, Map<String, Object> settings)
            throws IOException {
        Map<String, String> svgs = new LinkedHashMap<>();
        HtmlReport html = new HtmlReport("Pile-up removal: evaluation across μ")
                .subtitle(String.format(Locale.ROOT, "%d μ points, %d jets each, %d methods", points.size(),
                        points.get(0).jets(), points.get(0).methods().size()));
        html.section("Run");
        html.preformatted(commandLine);
        html.preformatted(Json.write(settings));
        html.paragraph("Relative error RE = (method − truth)/truth per jet, truth = the hard-scatter constituents; "
                + "bias = median(RE), resolution = IQR(RE)/1.349. Posteriors (K > 1 samples per jet) are reduced "
                + "to the median of each observable over their samples. τ21, τ32 use exclusive-kt axes (β = 1). "
                + "Area-median subtraction corrects the jet four-momentum only (mass, pT); SoftKiller, PUPPI and ρ "
                + "measure the pile-up of the jet's event completed outside the R = 1 cone by an independent "
                + "crossing with the same number of interactions from the pool.");
        List<String> shown = shownMethods(points.get(0), envelopes);
        for (MethodScan scan : scans) {
            for (String m : scan.members()) {
                if (!scan.shown().contains(m)) {
                    shown.remove(m);
                }
            }
        }
        List<PointResult> marginalPoints = marginalPoints(points);
        html.section("Resolution tables");
        for (PointResult p : marginalPoints) {
            html.table(table(p, shown, envelopes, true));
            html.table(table(p, shown, envelopes, false));
            html.table(wassersteinTable(p, shown));
        }
        html.section("Resolution and bias vs μ");
        for (int o = 0; o < JetObservables.COUNT; o++) {
            String name = JetObservables.NAMES.get(o);
            add(svgs, html, "resolution_" + name + ".svg", curves(points, shown, envelopes, o, true),
                    "Resolution IQR(RE)/1.349 of " + name + " vs μ; bands: range of the grid, line: its best setting");
            add(svgs, html, "bias_" + name + ".svg", curves(points, shown, envelopes, o, false),
                    "Bias median(RE) of " + name + " vs μ");
        }
        html.section("Marginal distributions");
        for (PointResult p : marginalPoints) {
            html.subsection("μ = " + Metrics.muKey(p.mu()));
            for (int o = 0; o < JetObservables.COUNT; o++) {
                String name = JetObservables.NAMES.get(o);
                add(svgs, html, "marginal_" + name + "_mu" + Metrics.muKey(p.mu()) + ".svg", marginal(p, shown, o),
                        name + " at μ = " + Metrics.muKey(p.mu()) + " with the ratio to the truth");
            }
        }
        List<String> posteriors = new ArrayList<>();
        for (MethodResult m : points.get(0).methods()) {
            if (m.isPosterior()) {
                posteriors.add(m.name());
            }
        }
        html.section("Posterior calibration");
        if (posteriors.isEmpty()) {
            html.paragraph("No method returned more than one estimate per jet: no posterior to calibrate.");
        }
        for (int o = 0; !posteriors.isEmpty() && o < JetObservables.COUNT; o++) {
            String name = JetObservables.NAMES.get(o);
            add(svgs, html, "coverage_" + name + ".svg", coverage(points, posteriors, o),
                    "Coverage of the central 68 % interval of " + name + " vs μ (calibrated: 0.68)");
            for (PointResult p : marginalPoints) {
                add(svgs, html, "truth_quantile_" + name + "_mu" + Metrics.muKey(p.mu()) + ".svg",
                        quantiles(p, posteriors, o), "Quantile of the truth " + name + " in the posterior at μ = "
                                + Metrics.muKey(p.mu()) + " (calibrated: flat)");
            }
        }
        for (MethodScan scan : scans) {
            html.section("Quality vs " + scan.axis());
            html.paragraph("Members: " + String.join(", ", scan.members()) + ".");
            boolean posterior = points.get(0).method(scan.members().get(0)).isPosterior();
            for (int o = 0; o < JetObservables.COUNT; o++) {
                String name = JetObservables.NAMES.get(o);
                add(svgs, html, "scan_" + scan.key() + "_" + name + ".svg", scanCurves(points, scan, o, false),
                        "Resolution of " + name + " vs " + scan.axis() + ", one curve per μ");
                if (posterior) {
                    add(svgs, html, "scan_" + scan.key() + "_coverage_" + name + ".svg",
                            scanCurves(points, scan, o, true), "Coverage of the central 68 % interval of " + name
                                    + " vs " + scan.axis() + " (calibrated: 0.68)");
                }
            }
        }
        String page = html.render();
        String json = Json.write(metrics);
        Files.createDirectories(dir);
        for (Map.Entry<String, String> e : svgs.entrySet()) {
            AtomicWrite.writeString(dir.resolve(e.getKey()), e.getValue());
        }
        AtomicWrite.writeString(dir.resolve("index.html"), page);
        AtomicWrite.writeString(dir.resolve("metrics.json"), json);
    }

    private static void add(Map<String, String> svgs, HtmlReport html, String file, Plot plot, String caption) {
        String svg = plot.toSvg();
        svgs.put(file, svg);
        html.figureSvg(svg, caption + " (" + file + ")");
    }

    /** Methods drawn one by one: all but envelope members, plus the members an envelope shows. */
    static List<String> shownMethods(PointResult p, List<Envelope> envelopes) {
        Set<String> hidden = new LinkedHashSet<>();
        Set<String> featured = new LinkedHashSet<>();
        for (Envelope e : envelopes) {
            hidden.addAll(e.members());
            featured.addAll(e.shown());
        }
        List<String> out = new ArrayList<>();
        for (MethodResult m : p.methods()) {
            if (!hidden.contains(m.name()) || featured.contains(m.name())) {
                out.add(m.name());
            }
        }
        return out;
    }

    /** The points at {@link #MARGINAL_MUS}, or the first and last μ when those are absent. */
    static List<PointResult> marginalPoints(List<PointResult> points) {
        List<PointResult> out = new ArrayList<>();
        for (PointResult p : points) {
            if (MARGINAL_MUS.contains(p.mu())) {
                out.add(p);
            }
        }
        if (out.isEmpty()) {
            out.add(points.get(0));
            if (points.size() > 1) {
                out.add(points.get(points.size() - 1));
            }
        }
        return out;
    }

    private static Table table(PointResult p, List<String> shown, List<Envelope> envelopes, boolean resolution) {
        List<String> header = new ArrayList<>();
        header.add("method");
        header.addAll(JetObservables.NAMES);
        Table t = new Table(header.toArray(new String[0])).caption((resolution ? "Resolution" : "Bias") + " at μ = "
                + Metrics.muKey(p.mu()) + " (" + p.jets() + " jets)");
        for (String m : shown) {
            Object[] row = new Object[JetObservables.COUNT + 1];
            row[0] = m;
            for (int o = 0; o < JetObservables.COUNT; o++) {
                row[o + 1] = fmt(resolution ? p.resolution(m, o) : p.bias(m, o));
            }
            t.row(row);
        }
        for (Envelope e : envelopes) {
            Object[] row = new Object[JetObservables.COUNT + 1];
            row[0] = e.name();
            for (int o = 0; o < JetObservables.COUNT; o++) {
                row[o + 1] = fmt(resolution ? Metrics.envelopeResolution(p, e, o) : Metrics.envelopeBias(p, e, o));
            }
            t.row(row);
        }
        return t;
    }

    private static Table wassersteinTable(PointResult p, List<String> shown) {
        List<String> header = new ArrayList<>();
        header.add("method");
        header.addAll(JetObservables.NAMES);
        Table t = new Table(header.toArray(new String[0])).caption("1-D Wasserstein distance to the truth "
                + "distribution at μ = " + Metrics.muKey(p.mu()) + " (units of the observable)");
        for (String m : shown) {
            Object[] row = new Object[JetObservables.COUNT + 1];
            row[0] = m;
            for (int o = 0; o < JetObservables.COUNT; o++) {
                row[o + 1] = fmt(Metrics.wasserstein(p, m, o));
            }
            t.row(row);
        }
        return t;
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%.4f", x);
    }

    private static double[] mus(List<PointResult> points) {
        double[] x = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i).mu();
        }
        return x;
    }

    private static CurvePlot curves(List<PointResult> points, List<String> shown, List<Envelope> envelopes, int o,
                                    boolean resolution) {
        String name = JetObservables.NAMES.get(o);
        CurvePlot plot = new CurvePlot().title(LABELS.get(name))
                .labels("μ (pile-up interactions)", resolution ? "resolution IQR(RE)/1.349" : "bias median(RE)")
                .legend(LegendPosition.TOP_LEFT);
        double[] x = mus(points);
        for (Envelope e : envelopes) {
            double[] best = new double[x.length];
            double[] lo = new double[x.length];
            double[] hi = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                PointResult p = points.get(i);
                best[i] = resolution ? Metrics.envelopeResolution(p, e, o) : Metrics.envelopeBias(p, e, o);
                lo[i] = Double.POSITIVE_INFINITY;
                hi[i] = Double.NEGATIVE_INFINITY;
                for (String m : e.members()) {
                    double v = resolution ? p.resolution(m, o) : p.bias(m, o);
                    lo[i] = Math.min(lo[i], v);
                    hi[i] = Math.max(hi[i], v);
                }
            }
            plot.add(e.name(), x, best, lo, hi);
        }
        for (String m : shown) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = resolution ? points.get(i).resolution(m, o) : points.get(i).bias(m, o);
            }
            plot.add(m, x, y);
        }
        if (!resolution) {
            plot.horizontalGuide(0, "");
        }
        return plot;
    }

    private static HistogramPlot marginal(PointResult p, List<String> shown, int o) {
        String name = JetObservables.NAMES.get(o);
        double[] truth = p.truth()[o];
        double lo = Stats.quantile(truth, 0.005);
        double hi = Stats.quantile(truth, 0.995);
        for (String m : shown) {
            double[] v = p.method(m).values()[o];
            lo = Math.min(lo, Stats.quantile(v, 0.005));
            hi = Math.max(hi, Stats.quantile(v, 0.995));
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        HistogramPlot plot = new HistogramPlot().title(LABELS.get(name) + ", μ = " + Metrics.muKey(p.mu()))
                .labels(LABELS.get(name), "fraction of jets").normalise(true).legend(LegendPosition.TOP_RIGHT);
        plot.add(Histogram.uniform(40, lo, hi).fillAll(truth), "truth", HistogramPlot.Style.STEP);
        for (String m : shown) {
            plot.add(Histogram.uniform(40, lo, hi).fillAll(p.method(m).values()[o]), m, HistogramPlot.Style.STEP);
        }
        return plot.ratioTo(0, "ratio to truth");
    }

    private static CurvePlot scanCurves(List<PointResult> points, MethodScan scan, int o, boolean coverage) {
        String name = JetObservables.NAMES.get(o);
        CurvePlot plot = new CurvePlot().title((coverage ? "68 % coverage, " : "") + LABELS.get(name))
                .labels(scan.axis(), coverage ? "coverage of the central 68 % interval" : "resolution IQR(RE)/1.349")
                .legend(LegendPosition.TOP_RIGHT);
        double[] x = scan.values();
        for (PointResult p : points) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                String m = scan.members().get(i);
                y[i] = coverage ? p.method(m).coverage68()[o] : p.resolution(m, o);
            }
            plot.add("μ = " + Metrics.muKey(p.mu()), x, y);
        }
        if (coverage) {
            plot.yRange(0, 1).horizontalGuide(Calibration.CENTRAL_68, "nominal 0.68");
        }
        return plot;
    }

    private static CurvePlot coverage(List<PointResult> points, List<String> posteriors, int o) {
        String name = JetObservables.NAMES.get(o);
        CurvePlot plot = new CurvePlot().title("68 % coverage, " + LABELS.get(name))
                .labels("μ (pile-up interactions)", "coverage of the central 68 % interval").yRange(0, 1);
        double[] x = mus(points);
        for (String m : posteriors) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = points.get(i).method(m).coverage68()[o];
            }
            plot.add(m, x, y);
        }
        return plot.horizontalGuide(Calibration.CENTRAL_68, "nominal 0.68");
    }

    private static HistogramPlot quantiles(PointResult p, List<String> posteriors, int o) {
        String name = JetObservables.NAMES.get(o);
        HistogramPlot plot = new HistogramPlot().title("truth quantile, " + LABELS.get(name) + ", μ = "
                + Metrics.muKey(p.mu())).labels("quantile of the truth in the posterior", "fraction of jets")
                .normalise(true);
        for (String m : posteriors) {
            plot.add(Histogram.uniform(20, 0, 1.0000001).fillAll(p.method(m).truthQuantiles()[o]), m);
        }
        return plot;
    }
}
