package org.jetbridge.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.jetbridge.calib.MapEnsemble;
import org.jetbridge.calib.Rows;
import org.jetbridge.calib.TransportMap;
import org.jetbridge.io.hdf5.DType;
import org.jetbridge.io.hdf5.Hdf5Reader;
import org.jetbridge.io.hdf5.Hdf5Writer;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.nn.NnSettings;
import org.jetbridge.report.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrateCommandTest {

    @TempDir
    Path tmp;

    private static Path write(Path file, int rows, int dim, double shift, boolean withNan, long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[rows * dim];
        int[] label = new int[rows];
        for (int i = 0; i < rows; i++) {
            label[i] = i % 2;
            for (int j = 0; j < dim; j++) {
                x[i * dim + j] = (float) (shift * (1 + label[i]) + r.nextGaussian());
            }
        }
        if (withNan) {
            x[5 * dim + 1] = Float.NaN;
            x[9 * dim] = Float.NaN;
        }
        try (Hdf5Writer w = Hdf5Writer.create(file)) {
            w.dataset("latent", DType.FLOAT32, dim).append(x, 0, rows);
            w.dataset("label", DType.INT32).append(label, 0, rows);
            w.attribute("origin", "test");
            w.commit();
        }
        return file;
    }

    @Test
    void fitApplyEvaluateRoundTrip() throws Exception {
        Path src = write(tmp.resolve("sim.h5"), 1500, 3, 0, false, 1);
        Path tgt = write(tmp.resolve("data.h5"), 1500, 3, 0.8, false, 2);
        Path model = tmp.resolve("model");
        CliRunner.Result fit = CliRunner.run("calibrate", "fit", "--source", src.toString(), "--target",
                tgt.toString(), "--output", model.toString(), "--method", "ICNN", "--steps", "60", "--width", "8",
                "--batch", "128");
        assertEquals(0, fit.status(), fit.err());
        assertTrue(fit.out().contains("fitted 60 rounds"), fit.out());
        Path out = tmp.resolve("sim-cal.h5");
        CliRunner.Result apply = CliRunner.run("calibrate", "apply", "--model", model.toString(), "--input",
                src.toString(), "--output", out.toString());
        assertEquals(0, apply.status(), apply.err());
        float[] in = new float[1500 * 3];
        float[] cal = new float[1500 * 3];
        int[] labels = new int[1500];
        try (Hdf5Reader r = Hdf5Reader.open(out)) {
            assertEquals("test", r.attributes().get("origin"));
            r.read("latent", 0, 1500, in, 0);
            r.read("latent_calibrated", 0, 1500, cal, 0);
            r.read("label", 0, 1500, labels, 0);
        }
        assertEquals(1, labels[1]);
        try (TransportMap map = TransportMap.load(NnRuntime.start(NnSettings.defaults().withThreads(1)), model)) {
            assertArrayEquals(map.apply(new Rows(in, 1500, 3), null).values(), cal);
        }
        Path report = tmp.resolve("report");
        CliRunner.Result eval = CliRunner.run("calibrate", "evaluate", "--model", model.toString(), "--source",
                src.toString(), "--target", tgt.toString(), "--labels", "label", "--no-closure", "--output",
                report.toString());
        assertEquals(0, eval.status(), eval.err());
        Object m = Json.read(report.resolve("metrics.json"));
        double raw = Json.number(Json.at(m, "c2st_auc", "latent", "raw"));
        double calibrated = Json.number(Json.at(m, "c2st_auc", "latent", "calibrated"));
        assertTrue(raw > 0.7 && calibrated < raw, raw + " -> " + calibrated);
        assertTrue(Json.at(m, "per_flavour", "1", "c2st_auc", "latent", "calibrated") != null);
        assertTrue(Files.size(report.resolve("index.html")) > 1000);
    }

    /**
     * A map per label: every calibrated row is a target row of the same label (the semi-discrete map of each
     * category lands on that category's target sample), and a file without the label column is refused by name.
     */
    @Test
    void partitionedFitMapsEachLabelOntoTargetRowsOfThatLabel() throws Exception {
        Path src = write(tmp.resolve("sim.h5"), 1200, 3, 0, false, 1);
        Path tgt = write(tmp.resolve("data.h5"), 600, 3, 0.8, false, 2);
        Path model = tmp.resolve("model");
        CliRunner.Result fit = CliRunner.run("calibrate", "fit", "--source", src.toString(), "--target",
                tgt.toString(), "--partition", "label", "--output", model.toString(), "--steps", "200", "--batch",
                "256");
        assertEquals(0, fit.status(), fit.err());
        assertTrue(fit.out().contains("a map per label (2 categories)"), fit.out());
        Path out = tmp.resolve("sim-cal.h5");
        CliRunner.Result apply = CliRunner.run("calibrate", "apply", "--model", model.toString(), "--input",
                src.toString(), "--output", out.toString());
        assertEquals(0, apply.status(), apply.err());
        float[] cal = new float[1200 * 3];
        int[] labels = new int[1200];
        float[] y = new float[600 * 3];
        int[] ly = new int[600];
        try (Hdf5Reader r = Hdf5Reader.open(out)) {
            r.read("latent_calibrated", 0, 1200, cal, 0);
            r.read("label", 0, 1200, labels, 0);
        }
        try (Hdf5Reader r = Hdf5Reader.open(tgt)) {
            r.read("latent", 0, 600, y, 0);
            r.read("label", 0, 600, ly, 0);
        }
        java.util.Map<String, Integer> targetLabel = new java.util.HashMap<>();
        for (int j = 0; j < 600; j++) {
            targetLabel.put(y[3 * j] + "," + y[3 * j + 1] + "," + y[3 * j + 2], ly[j]);
        }
        for (int i = 0; i < 1200; i++) {
            Integer l = targetLabel.get(cal[3 * i] + "," + cal[3 * i + 1] + "," + cal[3 * i + 2]);
            assertEquals(Integer.valueOf(labels[i]), l, "row " + i + " lands on a target row of its own label");
        }
        Path bare = tmp.resolve("bare.h5");
        try (Hdf5Writer w = Hdf5Writer.create(bare)) {
            w.dataset("latent", DType.FLOAT32, 3).append(new float[6], 0, 2);
            w.commit();
        }
        CliRunner.Result missing = CliRunner.run("calibrate", "apply", "--model", model.toString(), "--input",
                bare.toString(), "--output", tmp.resolve("bare-cal.h5").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("bare.h5") && missing.err().contains("label"), missing.err());
        assertFalse(Files.exists(tmp.resolve("bare-cal.h5")));
    }

    @Test
    void badInputsGiveOneLineNamingFileAndDatasetAndExitTwo() throws Exception {
        Path src = write(tmp.resolve("sim.h5"), 200, 3, 0, false, 1);
        Path wide = write(tmp.resolve("wide.h5"), 200, 4, 0, false, 2);
        Path nan = write(tmp.resolve("nan.h5"), 200, 3, 0, true, 3);
        CliRunner.Result r = CliRunner.run("calibrate", "fit", "--source", src.toString(), "--target",
                wide.toString(), "--output", tmp.resolve("m1").toString(), "--steps", "5");
        assertEquals(2, r.status());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("wide.h5") && r.err().contains("'latent'") && r.err().contains("width 4"), r.err());
        r = CliRunner.run("calibrate", "fit", "--source", src.toString(), "--target", nan.toString(), "--output",
                tmp.resolve("m2").toString(), "--steps", "5");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("nan.h5") && r.err().contains("2 rows with NaN"), r.err());
        r = CliRunner.run("calibrate", "fit", "--source", src.toString(), "--target", src.toString(), "--dataset",
                "missing", "--output", tmp.resolve("m3").toString(), "--steps", "5");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("sim.h5") && r.err().contains("'missing'"), r.err());
        assertFalse(Files.exists(tmp.resolve("m1")));
        // a model applied to another width: refused, nothing written
        assertEquals(0, CliRunner.run("calibrate", "fit", "--source", src.toString(), "--target", src.toString(),
                "--output", tmp.resolve("m4").toString(), "--steps", "5", "--width", "4", "--batch", "32").status());
        Path out = tmp.resolve("out.h5");
        r = CliRunner.run("calibrate", "apply", "--model", tmp.resolve("m4").toString(), "--input", wide.toString(),
                "--output", out.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("wide.h5") && r.err().contains("width 4") && r.err().contains("width 3"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void bootstrapMembersGiveBandsInEvaluateAndAStdInApply() throws Exception {
        Path src = write(tmp.resolve("sim.h5"), 600, 3, 0, false, 1);
        Path tgt = write(tmp.resolve("data.h5"), 600, 3, 0.8, false, 2);
        Path model = tmp.resolve("model");
        String[] fitArgs = {"calibrate", "fit", "--source", src.toString(), "--target", tgt.toString(), "--output",
            model.toString(), "--steps", "150", "--batch", "256", "--bootstrap", "2"};
        CliRunner.Result fit = CliRunner.run(fitArgs);
        assertEquals(0, fit.status(), fit.err());
        assertTrue(fit.out().contains("2 bootstrap members"), fit.out());
        Path member = model.resolve("bootstrap/001/map/model.json");
        // the description records the fit's wall time: unchanged bytes mean the re-run skipped the member
        byte[] before = Files.readAllBytes(member);
        CliRunner.Result again = CliRunner.run(fitArgs);
        assertEquals(0, again.status(), again.err());
        assertArrayEquals(before, Files.readAllBytes(member));

        Path report = tmp.resolve("report");
        CliRunner.Result eval = CliRunner.run("calibrate", "evaluate", "--model", model.toString(), "--source",
                src.toString(), "--target", tgt.toString(), "--no-closure", "--output", report.toString());
        assertEquals(0, eval.status(), eval.err());
        Object m = Json.read(report.resolve("metrics.json"));
        assertEquals(2, Json.number(Json.at(m, "bootstrap", "members")));
        double mean = Json.number(Json.at(m, "bootstrap", "latent_w1_mean", "mean"));
        double lo = Json.number(Json.at(m, "bootstrap", "latent_w1_mean", "lo"));
        double hi = Json.number(Json.at(m, "bootstrap", "latent_w1_mean", "hi"));
        double std = Json.number(Json.at(m, "bootstrap", "latent_w1_mean", "std"));
        double main = Json.number(Json.at(m, "latent_w1", "mean_calibrated"));
        double raw = Json.number(Json.at(m, "latent_w1", "mean_raw"));
        // two members: the percentiles interpolate between them, std = |a − b| / √2, lo..hi = 0.68 |a − b|
        assertTrue(std > 0 && lo < mean && mean < hi, lo + " " + mean + " " + hi + " " + std);
        assertEquals(0.68 * Math.sqrt(2) * std, hi - lo, 1e-9);
        // every member calibrates: far below the raw distance (1.2 here). Members sit above the main map (0.03,
        // evaluated on its own target rows): each maps onto a resample, which differs from the target by ~1/√n
        assertTrue(mean < 0.2 * raw && mean > main, raw + " " + main + " " + mean);
        assertEquals(3, ((java.util.List<?>) Json.at(m, "bootstrap", "pca_w1")).size());
        assertTrue(Json.number(Json.at(m, "bootstrap", "pca_w1", 0, "std")) > 0);
        assertTrue(Files.readString(report.resolve("index.html")).contains("bootstrap members"));
        CliRunner.Result plain = CliRunner.run("calibrate", "evaluate", "--model", model.toString(), "--source",
                src.toString(), "--target", tgt.toString(), "--no-closure", "--no-bootstrap", "--output",
                tmp.resolve("plain").toString());
        assertEquals(0, plain.status(), plain.err());
        assertFalse(((java.util.Map<?, ?>) Json.read(tmp.resolve("plain/metrics.json"))).containsKey("bootstrap"));

        Path out = tmp.resolve("sim-cal.h5");
        CliRunner.Result apply = CliRunner.run("calibrate", "apply", "--model", model.toString(), "--input",
                src.toString(), "--output", out.toString(), "--bootstrap-std");
        assertEquals(0, apply.status(), apply.err());
        float[] in = new float[600 * 3];
        float[] sd = new float[600 * 3];
        try (Hdf5Reader r = Hdf5Reader.open(out)) {
            r.read("latent", 0, 600, in, 0);
            r.read("latent_calibrated_std", 0, 600, sd, 0);
        }
        // the std of two members a, b is |a − b| / √2, row by row
        try (MapEnsemble e = MapEnsemble.load(NnRuntime.start(NnSettings.defaults().withThreads(1)), model)) {
            java.util.List<Rows> y = e.apply(new Rows(in, 600, 3), null);
            int differ = 0;
            for (int i = 0; i < in.length; i++) {
                double expected = Math.abs(y.get(0).values()[i] - y.get(1).values()[i]) / Math.sqrt(2);
                assertEquals(expected, sd[i], 1e-5 * (1 + expected), "value " + i);
                differ += expected > 0 ? 1 : 0;
            }
            assertTrue(differ > in.length / 10, differ + " of " + in.length + " values differ between members");
        }
    }

    @Test
    void negativeBootstrapIsAUsageErrorAndWritesNothing() throws Exception {
        Path src = write(tmp.resolve("sim.h5"), 100, 3, 0, false, 1);
        CliRunner.Result r = CliRunner.run("calibrate", "fit", "--source", src.toString(), "--target",
                src.toString(), "--output", tmp.resolve("m").toString(), "--bootstrap", "-1");
        assertEquals(2, r.status());
        // the message, then picocli's usage hint
        assertTrue(r.errLines().get(0).contains("--bootstrap") && r.errLines().get(0).contains("-1"), r.err());
        assertTrue(r.errLines().size() == 2 && r.errLines().get(1).contains("--help"), r.err());
        assertFalse(Files.exists(tmp.resolve("m")));
        // asking for a std without members is refused by name
        assertEquals(0, CliRunner.run("calibrate", "fit", "--source", src.toString(), "--target", src.toString(),
                "--output", tmp.resolve("m2").toString(), "--steps", "20").status());
        r = CliRunner.run("calibrate", "apply", "--model", tmp.resolve("m2").toString(), "--input", src.toString(),
                "--output", tmp.resolve("o.h5").toString(), "--bootstrap-std");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("no bootstrap members"), r.err());
        assertFalse(Files.exists(tmp.resolve("o.h5")));
    }
}
