package org.jetbridge.calib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.report.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationReportBootstrapTest {

    private static final NnRuntime RT = CalibTestRuntime.get();
    private static final PrintStream QUIET = new PrintStream(java.io.OutputStream.nullOutputStream());

    @TempDir
    Path tmp;

    /** Class scores = softmax(x₀, x₁, 0) of a 2-d latent; the penultimate layer is the latent itself. */
    private static final LatentHead SOFTMAX = new LatentHead() {
        @Override
        public int latentWidth() {
            return 2;
        }

        @Override
        public int penultimateWidth() {
            return 2;
        }

        @Override
        public List<String> classNames() {
            return List.of("light", "c", "b");
        }

        @Override
        public void apply(float[] latents, int rows, float[] penultimate, float[] scores) {
            for (int i = 0; i < rows; i++) {
                double a = Math.exp(latents[2 * i]);
                double b = Math.exp(latents[2 * i + 1]);
                double z = a + b + 1;
                penultimate[2 * i] = latents[2 * i];
                penultimate[2 * i + 1] = latents[2 * i + 1];
                scores[3 * i] = (float) (a / z);
                scores[3 * i + 1] = (float) (b / z);
                scores[3 * i + 2] = (float) (1 / z);
            }
        }
    };

    private static Rows sample(int n, double shift, int[] labels, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[2 * n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            v[2 * i] = (float) (labels[i] + shift + r.nextGaussian());
            v[2 * i + 1] = (float) (-labels[i] - shift + r.nextGaussian());
        }
        return new Rows(v, n, 2);
    }

    @Test
    void everyCalibratedQuantityGetsABandAndTheOldKeysStay() throws Exception {
        int n = 400;
        int[] ls = new int[n];
        int[] lt = new int[n];
        Rows x = sample(n, 0, ls, 1);
        Rows y = sample(n, 1.2, lt, 2);
        MapEnsemble.MemberFit fit = (a, ca, b, cb, seed, dir) -> {
            SemiDiscreteMap.Settings s = new SemiDiscreteMap.Settings(n, 300, 256, 0.1, 0, seed);
            try (SemiDiscreteMap m = SemiDiscreteMap.fit(RT, a, ca, b, cb, List.of(), "latent", s, null)) {
                m.save(dir.resolve(TransportMap.DIR));
            }
        };
        Path model = tmp.resolve("model");
        fit.fit(x, null, y, null, 5, model);
        MapEnsemble.fit(4, 5, x, null, y, null, model, fit, QUIET);
        Rows xHeld = sample(n, 0, ls, 3);
        Rows yHeld = sample(n, 1.2, lt, 4);
        Map<String, Object> m;
        try (CalibrationMap map = CalibrationMap.load(RT, model); MapEnsemble e = MapEnsemble.load(RT, model)) {
            CalibrationReport.Options o = new CalibrationReport.Options(false,
                    new TwoSampleTest.Settings(16, 30, 128, 2e-3, 1));
            m = CalibrationReport.write(RT, map, new CalibrationReport.Inputs(xHeld, null, ls, yHeld, lt, SOFTMAX,
                    "test", e), o, tmp.resolve("report"), QUIET);
        }
        Object j = Json.read(tmp.resolve("report").resolve(CalibrationReport.METRICS));
        assertEquals(List.of("c2st_auc", "per_flavour", "score_w1", "latent_w1", "pca_w1", "rows", "bootstrap"),
                List.copyOf(m.keySet()));
        assertEquals(4, Json.number(Json.at(j, "bootstrap", "members")));
        for (String flavour : List.of("light", "c")) {
            for (String cls : List.of("light", "c", "b")) {
                double raw = Json.number(Json.at(j, "score_w1", flavour, "raw", cls));
                double lo = Json.number(Json.at(j, "bootstrap", "score_w1", flavour, cls, "lo"));
                double hi = Json.number(Json.at(j, "bootstrap", "score_w1", flavour, cls, "hi"));
                double mean = Json.number(Json.at(j, "bootstrap", "score_w1", flavour, cls, "mean"));
                double std = Json.number(Json.at(j, "bootstrap", "score_w1", flavour, cls, "std"));
                // members calibrate too (raw W1 of the shifted scores is several times larger), and differ
                assertTrue(std > 0 && lo <= mean && mean <= hi && hi < raw, flavour + "/" + cls + ": raw " + raw
                        + ", band " + lo + " .. " + hi + ", mean " + mean + " ± " + std);
            }
        }
        assertEquals(2, ((List<?>) Json.at(j, "bootstrap", "pca_w1")).size());
        double latent = Json.number(Json.at(j, "bootstrap", "latent_w1_mean", "mean"));
        assertTrue(latent < Json.number(Json.at(j, "latent_w1", "mean_raw")), "members calibrate the latent");
        String html = Files.readString(tmp.resolve("report").resolve(CalibrationReport.INDEX));
        assertTrue(html.contains("calibrated band") && html.contains("Class-score marginals"), "tables and plots");
        // a band drawn in every marginal: 2 latent + 2 PC + 6 class-score plots (main and ratio panel each)
        assertTrue(html.split("fill-opacity=\"0.25\"").length - 1 >= 2 * 10, "band groups in the SVGs");
    }
}
