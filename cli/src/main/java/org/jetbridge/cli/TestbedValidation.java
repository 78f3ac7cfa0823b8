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
import org.jetbridge.report.Json;
import org.jetbridge.sim.GeneratorSettings;
import org.jetbridge.sim.ReferenceNumbers;

/**
 * The demo's testbed-validation stage: the reference numbers of testbed.md §7 ({@link ReferenceNumbers}) measured
 * on the demo's own samples where they hold the quantity (top-jet mass peak from the top-jet file, minimum-bias
 * summaries from the pool) and by dedicated nominal generator runs for truth-level quantities; written to
 * {@value #FILE} as {@code {"checks": [{quantity, expected, measured, lo, hi, passed, source}], "passed", "total"}}.
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

    /** Measures every check and writes the JSON file; returns the checks. */
    static List<ReferenceNumbers.Check> run(Path tops, Path pool, double scale, long seed, Path out, PrintWriter err)
            throws IOException {
        GeneratorSettings nominal = GeneratorSettings.nominal();
        List<ReferenceNumbers.Check> checks = new ArrayList<>();
        checks.add(ReferenceNumbers.topJetMassPeak(topMasses(tops, ReferenceNumbers.TOP_PT_MIN),
                tops.getFileName() + " (jet pT > 400 GeV)"));
        checks.add(ReferenceNumbers.wPeak(nominal, seed, (int) Math.ceil(2500 * scale)));
        checks.add(ReferenceNumbers.bFlight(nominal, seed + 1, (int) Math.ceil(1500 * scale)));
        checks.add(ReferenceNumbers.bEnergyFraction(nominal, seed + 2, (int) Math.ceil(2000 * scale)));
        checks.add(ReferenceNumbers.gluonQuarkMultiplicityRatio(nominal, seed + 3, (int) Math.ceil(2000 * scale)));
        checks.addAll(ReferenceNumbers.minBias(PoolFiles.load(pool, new LinkedHashMap<>()))
                .checks(pool.getFileName().toString()));
        checks.add(ReferenceNumbers.conservationCheck(nominal, seed + 5, (int) Math.ceil(600 * scale)));
        write(checks, out);
        long passed = checks.stream().filter(ReferenceNumbers.Check::passed).count();
        err.printf(Locale.ROOT, "jetbridge demo: testbed validation %d of %d reference numbers pass%n", passed,
                checks.size());
        return checks;
    }

    static void write(List<ReferenceNumbers.Check> checks, Path out) throws IOException {
        List<Object> rows = new ArrayList<>();
        for (ReferenceNumbers.Check c : checks) {
            rows.add(Json.object("quantity", c.quantity(), "expected", c.expected(), "measured", c.measured(),
                    "lo", c.lo(), "hi", c.hi(), "passed", c.passed(), "source", c.source()));
        }
        long passed = checks.stream().filter(ReferenceNumbers.Check::passed).count();
        Json.writeFile(out, Json.object("checks", rows, "passed", passed, "total", checks.size()));
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
