package org.jetbridge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jetbridge.io.InputException;
import org.jetbridge.io.hdf5.Hdf5FormatException;
import org.jetbridge.io.hdf5.RowBatch;
import org.jetbridge.io.hdf5.TopJetDataset;
import org.jetbridge.pileup.data.PoolFiles;
import org.jetbridge.report.AtomicWrite;
import org.jetbridge.report.Histogram;
import org.jetbridge.report.HistogramPlot;
import org.jetbridge.report.Json;
import org.jetbridge.sim.GeneratorSettings;
import org.jetbridge.sim.MinBiasPool;
import org.jetbridge.sim.ReferenceNumbers;

/**
 * The demo's testbed-validation stage: the reference numbers of testbed.md §7 ({@link ReferenceNumbers}) measured
 * on the demo's own samples where they hold the quantity (top-jet mass peak from the top-jet file, minimum-bias
 * summaries from the pool) and by dedicated nominal generator runs for truth-level quantities; written to
 * {@value #FILE} as {@code {"checks": [{quantity, expected, measured, lo, hi, passed, source}], "passed", "total",
 * "figures": [{file, caption}]}} with the distributions behind the checks as SVG files beside it.
 */
final class TestbedValidation {
    static final String FILE = "validation/testbed.json";
    static final String TOPS = "data/tops-train.h5";
    static final String POOL = "data/minbias.h5";

    private TestbedValidation() {
    }

    /** The stage; {@code scale} multiplies the generator-run sizes of the sim tests (1 for quick). */
    static DemoStages.Stage stage(double scale, long seed) {
        return new DemoStages.Stage("validate-testbed", "testbed reference numbers (testbed.md §7) with pass/fail",
                List.of("validate-testbed", "--tops", DemoStages.DIR + TOPS, "--pool", DemoStages.DIR + POOL,
                        "--scale", Double.toString(scale), "--seed", Long.toString(seed)),
                List.of(FILE), List.of("generate-ttbar", "generate-minbias"),
                (dir, err) -> run(dir.resolve(TOPS), dir.resolve(POOL), scale, seed, dir.resolve(FILE), err));
    }

    /** Measures every check, writes the plots and the JSON file; returns the checks. */
    static List<ReferenceNumbers.Check> run(Path tops, Path pool, double scale, long seed, Path out, PrintWriter err)
            throws IOException {
        GeneratorSettings nominal = GeneratorSettings.nominal();
        int wEvents = (int) Math.ceil(2500 * scale);
        int bEvents = (int) Math.ceil(1500 * scale);
        double[] top = topMasses(tops, ReferenceNumbers.TOP_PT_MIN);
        double[] mw = ReferenceNumbers.wMassesInContainedTopJets(nominal, seed, wEvents);
        double[] flight = ReferenceNumbers.bFlightOverBetaGammaCTau(nominal, seed + 1, bEvents);
        MinBiasPool minBias = PoolFiles.load(pool, new LinkedHashMap<>());
        List<ReferenceNumbers.Check> checks = new ArrayList<>();
        checks.add(ReferenceNumbers.topJetMassPeak(top, tops.getFileName() + " (jet pT > 400 GeV)"));
        checks.add(ReferenceNumbers.wPeak(mw, wEvents));
        checks.add(ReferenceNumbers.bFlight(flight, bEvents));
        checks.add(ReferenceNumbers.bEnergyFraction(nominal, seed + 2, (int) Math.ceil(2000 * scale)));
        checks.add(ReferenceNumbers.gluonQuarkMultiplicityRatio(nominal, seed + 3, (int) Math.ceil(2000 * scale)));
        checks.addAll(ReferenceNumbers.minBias(minBias).checks(pool.getFileName().toString()));
        checks.add(ReferenceNumbers.conservationCheck(nominal, seed + 5, (int) Math.ceil(600 * scale)));
        List<Object> figures = plots(top, mw, flight, minBias, out.getParent());
        write(checks, figures, out);
        long passed = checks.stream().filter(ReferenceNumbers.Check::passed).count();
        err.printf(Locale.ROOT, "jetbridge demo: testbed validation %d of %d reference numbers pass%n", passed,
                checks.size());
        return checks;
    }

    /** The distributions behind the peak and flight-length checks, as SVG files next to the JSON; their captions. */
    private static List<Object> plots(double[] top, double[] mw, double[] flight, MinBiasPool pool, Path dir)
            throws IOException {
        List<Object> figures = new ArrayList<>();
        figure(figures, dir, "top_mass.svg", new HistogramPlot().title("Leading R = 1.0 jet mass, tt̄")
                .labels("m_{jet} [GeV]", "jets / 5 GeV").add(Histogram.uniform(30, 100, 250).fillAll(top),
                        "jet p_{T} > 400 GeV", HistogramPlot.Style.STEP),
                "Top-jet mass on the demo's top-jet sample; the peak must lie in 165–180 GeV.");
        figure(figures, dir, "w_mass.svg", new HistogramPlot().title("Two-subjet mass, contained top jets")
                .labels("m_{jj} [GeV]", "jets / 3 GeV").add(Histogram.uniform(20, 50, 110).fillAll(mw),
                        "non-b subjets", HistogramPlot.Style.POINTS),
                "W peak in the mass of the two exclusive-kt subjets not matched to the b quark; must lie in 75–86 GeV.");
        // a unit exponential predicts n (e^{-lo} − e^{-hi}) per bin
        Histogram measured = Histogram.uniform(20, 0, 5).fillAll(flight);
        double[] expected = new double[measured.bins()];
        for (int b = 0; b < expected.length; b++) {
            expected[b] = flight.length * (Math.exp(-measured.lowEdge(b)) - Math.exp(-measured.highEdge(b)));
        }
        figure(figures, dir, "b_flight.svg", new HistogramPlot().title("b-hadron flight length").logY(true)
                .labels("L / (βγcτ)", "b hadrons").add(Histogram.ofContents(measured.edges(), expected,
                        new double[expected.length]), "unit exponential", HistogramPlot.Style.STEP)
                .add(measured, "generated", HistogramPlot.Style.POINTS).ratioTo(0, "gen. / exp.").ratioRange(0.5, 1.5),
                "Lab-frame flight length of weakly decaying b hadrons over βγcτ against the unit exponential.");
        Histogram pt = Histogram.uniform(30, 0, 6);
        for (int k = 0; k < pool.pt().length; k++) {
            if (pool.charge()[k] != 0 && Math.abs(pool.eta()[k]) < 2.5) {
                pt.fill(pool.pt()[k]);
            }
        }
        figure(figures, dir, "minbias_pt.svg", new HistogramPlot().title("Minimum-bias charged particles").logY(true)
                .labels("p_{T} [GeV]", "particles / 0.2 GeV").add(pt, "|η| < 2.5", HistogramPlot.Style.STEP),
                "Charged-particle pT spectrum of the demo's minimum-bias pool (⟨pT⟩ 0.5–0.6 GeV, 10–20 % above "
                        + "1 GeV).");
        return figures;
    }

    private static void figure(List<Object> figures, Path dir, String file, HistogramPlot plot, String caption)
            throws IOException {
        AtomicWrite.writeString(dir.resolve(file), plot.toSvg());
        figures.add(Json.object("file", file, "caption", caption));
    }

    static void write(List<ReferenceNumbers.Check> checks, List<Object> figures, Path out) throws IOException {
        List<Object> rows = new ArrayList<>();
        for (ReferenceNumbers.Check c : checks) {
            rows.add(Json.object("quantity", c.quantity(), "expected", c.expected(), "measured", c.measured(),
                    "lo", c.lo(), "hi", c.hi(), "passed", c.passed(), "source", c.source()));
        }
        long passed = checks.stream().filter(ReferenceNumbers.Check::passed).count();
        Json.writeFile(out, Json.object("checks", rows, "passed", passed, "total", checks.size(), "figures", figures));
    }

    /** Masses (GeV) of the jets of a top-jet file with pT above {@code ptMin} GeV. */
    static double[] topMasses(Path file, double ptMin) {
        List<Double> m = new ArrayList<>();
        try (TopJetDataset.Reader r = TopJetDataset.open(file)) {
            int f = TopJetDataset.JET_FEATURES.size();
            int ipt = TopJetDataset.JET_FEATURES.indexOf("pt");
            int im = TopJetDataset.JET_FEATURES.indexOf("mass");
            for (RowBatch b : r.batches(4096)) {
                float[] jets = b.floats(TopJetDataset.JETS);
                for (int i = 0; i < b.rows(); i++) {
                    if (jets[i * f + ipt] > ptMin) {
                        m.add((double) jets[i * f + im]);
                    }
                }
            }
        } catch (IOException | Hdf5FormatException e) {
            throw new InputException(file.toString(), "cannot read as a top-jet file (" + e.getMessage() + ")", e);
        }
        return m.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The checks back from {@value #FILE} as parsed JSON rows (for the report). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> read(Path file) throws IOException {
        return (List<Map<String, Object>>) Json.at(Json.read(file), "checks");
    }
}
