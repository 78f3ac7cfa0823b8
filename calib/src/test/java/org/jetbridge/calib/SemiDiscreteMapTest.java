package org.jetbridge.calib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.jetbridge.nn.NnRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SemiDiscreteMapTest {

    private static final NnRuntime RT = CalibTestRuntime.get();

    @TempDir
    Path tmp;

    static Rows gaussian1d(int n, double mean, double sigma, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (mean + sigma * r.nextGaussian());
        }
        return new Rows(v, n, 1);
    }

    /** In one dimension the OT map onto N target points is the empirical quantile map y_(⌈N F(x)⌉). */
    @Test
    void oneDimensionalMapIsTheQuantileMapOfTheTargetSample() {
        Rows x = gaussian1d(40_000, 0, 1, 1);
        Rows y = gaussian1d(200, 1.5, 0.5, 2);
        SemiDiscreteMap.Settings s = new SemiDiscreteMap.Settings(1000, 600, 1024, 0.2, 0, 3);
        try (SemiDiscreteMap map = SemiDiscreteMap.fit(RT, x, null, y, null, List.of(), "x", s, null)) {
            float[] sorted = y.values().clone();
            Arrays.sort(sorted);
            Rows probe = gaussian1d(2000, 0, 1, 4);
            Rows t = map.apply(probe, null);
            int within = 0;
            for (int i = 0; i < probe.rows(); i++) {
                double u = 0.5 * (1 + erf(probe.values()[i] / Math.sqrt(2)));
                int rank = Arrays.binarySearch(sorted, t.values()[i]);
                assertTrue(rank >= 0, "every output is a target point");
                // sampling noise of the dual ascent: allow a few ranks
                if (Math.abs(rank - (u * sorted.length - 0.5)) <= 4) {
                    within++;
                }
            }
            assertTrue(within > 0.95 * probe.rows(), within + " of " + probe.rows() + " within 4 ranks");
            // dual-ascent noise leaves a few tail cells unbalanced
            assertTrue(map.description().unusedFraction() <= 0.05 && map.description().maxCellRatio() < 3,
                    map.summary());
        }
    }

    /**
     * The regression case of the real tagger latents: three well separated clusters, each shifted differently
     * between source and target, with mixture fractions kept. A flavour-blind map must still send each cluster to
     * its own shifted image (quadratic cost never pays to swap clusters), and its outputs are cyclically monotone
     * (the gradient of a convex potential).
     */
    @Test
    void inclusiveMapKeepsEachClusterOnItsOwnShiftedImage() throws Exception {
        int d = 16;
        int n = 6000;
        SplittableRandom r = new SplittableRandom(5);
        double[][] centre = new double[3][d];
        double[][] shift = new double[3][d];
        for (int k = 0; k < 3; k++) {
            centre[k][k] = 8;
            for (int j = 0; j < d; j++) {
                // 0.3 of the within-cluster width in every direction, as per-dimension shifts of the real latents
                shift[k][j] = 0.3 * (j < 2 ? 1 : 0.01) * r.nextGaussian();
            }
        }
        // a thin sheet: 2 wide directions, the rest 100x narrower, as in the tagger's latent spectrum
        int[] lx = new int[n];
        int[] ly = new int[n];
        Rows x = cluster(n, d, centre, null, lx, r);
        Rows y = cluster(n, d, centre, shift, ly, r);
        SemiDiscreteMap.Settings s = new SemiDiscreteMap.Settings(n, 500, 1024, 0.2, 0, 6); // whole target: exact cluster fractions
        try (SemiDiscreteMap map = SemiDiscreteMap.fit(RT, x, null, y, null, List.of(), "latent", s, null)) {
            int[] lp = new int[n];
            Rows probe = cluster(n, d, centre, null, lp, r);
            Rows t = map.apply(probe, null);
            int kept = 0;
            boolean[] stayed = new boolean[n];
            for (int i = 0; i < n; i++) {
                int nearest = 0;
                for (int k = 1; k < 3; k++) {
                    if (Math.abs(t.get(i, k) - centre[k][k]) < Math.abs(t.get(i, nearest) - centre[nearest][nearest])) {
                        nearest = k;
                    }
                }
                stayed[i] = nearest == lp[i];
                kept += stayed[i] ? 1 : 0;
            }
            // measured 98.5 %: the stochastic dual weights leave cluster masses balanced to ~1 %
            assertTrue(kept > 0.97 * n, kept + " of " + n + " rows stay in their cluster");
            for (int k = 0; k < 3; k++) {
                double[] mean = new double[d];
                int count = 0;
                for (int i = 0; i < n; i++) {
                    if (lp[i] == k && stayed[i]) { // the few swapped rows would dominate the offset dimensions
                        count++;
                        for (int j = 0; j < d; j++) {
                            mean[j] += t.get(i, j);
                        }
                    }
                }
                for (int j = 0; j < d; j++) {
                    double expected = centre[k][j] + shift[k][j];
                    assertEquals(expected, mean[j] / count, 0.15 * (j < 2 ? 1 : 0.01), "cluster " + k + " dim " + j);
                }
            }
            double[] std = map.standardisation().std();
            for (int a = 0; a < 300; a++) {
                for (int b = 0; b < 300; b++) {
                    double dot = 0;
                    for (int j = 0; j < d; j++) {
                        // monotone in the standardised coordinates the cost is quadratic in
                        dot += (t.get(a, j) - t.get(b, j)) * (probe.get(a, j) - probe.get(b, j)) / (std[j] * std[j]);
                    }
                    assertTrue(dot >= -1e-2, "monotone pair " + a + ", " + b + ": " + dot);
                }
            }
            Path dir = tmp.resolve("map");
            map.save(dir);
            try (CalibrationMap loaded = CalibrationMap.load(RT, tmp)) {
                assertTrue(loaded instanceof SemiDiscreteMap);
                assertArrayEquals(t.values(), loaded.apply(probe, null).values());
                assertThrows(IllegalArgumentException.class, () -> loaded.apply(new Rows(new float[10], 1, 10), null));
            }
        }
    }

    @Test
    void conditionsPairRowsWithinTheirKinematicNeighbourhood() {
        // latent carries no information about the condition: only the condition term can keep pairs local
        int n = 3000;
        SplittableRandom r = new SplittableRandom(8);
        float[] x = new float[n];
        float[] y = new float[n];
        float[] wx = new float[n];
        float[] wy = new float[n];
        for (int i = 0; i < n; i++) {
            wx[i] = (float) r.nextDouble();
            wy[i] = (float) r.nextDouble();
            x[i] = (float) r.nextGaussian();
            y[i] = (float) (wy[i] + 0.3 * r.nextGaussian()); // target latent depends on the condition
        }
        Rows cx = new Rows(wx, n, 1);
        Rows cy = new Rows(wy, n, 1);
        SemiDiscreteMap.Settings s = new SemiDiscreteMap.Settings(n, 300, 1024, 0.2, 50, 9);
        try (SemiDiscreteMap map = SemiDiscreteMap.fit(RT, new Rows(x, n, 1), cx, new Rows(y, n, 1), cy,
                List.of("w"), "x", s, null)) {
            Rows t = map.apply(new Rows(x, n, 1), cx);
            double lowMean = 0;
            double highMean = 0;
            int low = 0;
            int high = 0;
            for (int i = 0; i < n; i++) {
                if (wx[i] < 0.2) {
                    lowMean += t.values()[i];
                    low++;
                } else if (wx[i] > 0.8) {
                    highMean += t.values()[i];
                    high++;
                }
            }
            // target conditional means: 0.1 and 0.9; unconditional matching would give ≈ 0.5 for both
            assertEquals(0.1, lowMean / low, 0.1);
            assertEquals(0.9, highMean / high, 0.1);
            assertThrows(IllegalArgumentException.class, () -> map.apply(new Rows(x, n, 1), null));
        }
    }

    @Test
    void badInputIsRefusedByName() {
        Rows a = new Rows(new float[20], 10, 2);
        Rows b = new Rows(new float[30], 10, 3);
        SemiDiscreteMap.Settings s = SemiDiscreteMap.Settings.defaults().withSteps(5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SemiDiscreteMap.fit(RT, a, null, b, null, List.of(), "x", s, null));
        assertTrue(e.getMessage().contains("width"), e.getMessage());
        float[] nan = new float[20];
        nan[7] = Float.NaN;
        e = assertThrows(IllegalArgumentException.class,
                () -> SemiDiscreteMap.fit(RT, new Rows(nan, 10, 2), null, a, null, List.of(), "x", s, null));
        assertTrue(e.getMessage().contains("1 rows with NaN") && e.getMessage().contains("row 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SemiDiscreteMap.fit(RT, a,
                new Rows(new float[10], 10, 1), a, null, List.of("pt"), "x", s, null));
        assertTrue(e.getMessage().contains("source only"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("map")));
    }

    private static Rows cluster(int n, int d, double[][] centre, double[][] shift, int[] label, SplittableRandom r) {
        float[] v = new float[n * d];
        for (int i = 0; i < n; i++) {
            // exact fractions 0.45, 0.3, 0.25 on both sides: no mass has to change cluster
            int k = i % 20 < 9 ? 0 : i % 20 < 15 ? 1 : 2;
            label[i] = k;
            for (int j = 0; j < d; j++) {
                double width = j < 2 ? 1 : 0.01;
                v[i * d + j] = (float) (centre[k][j] + (shift == null ? 0 : shift[k][j]) + width * r.nextGaussian());
            }
        }
        return new Rows(v, n, d);
    }

    static double erf(double x) {
        // Abramowitz–Stegun 7.1.26 is too coarse for rank checks; integrate the Gaussian density instead
        double t = Math.abs(x);
        int steps = 2000;
        double h = t / steps;
        double sum = 0;
        for (int i = 0; i <= steps; i++) {
            double w = i == 0 || i == steps ? 0.5 : 1;
            sum += w * Math.exp(-(i * h) * (i * h));
        }
        double v = 2 / Math.sqrt(Math.PI) * sum * h;
        return x < 0 ? -v : v;
    }
}
