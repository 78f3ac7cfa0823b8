package org.jetbridge.calib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.jetbridge.nn.NnRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionedMapTest {

    private static final NnRuntime RT = CalibTestRuntime.get();
    private static final SemiDiscreteMap.Settings SETTINGS = new SemiDiscreteMap.Settings(1000, 600, 1024, 0.2, 0, 3);

    @TempDir
    Path tmp;

    /**
     * One-dimensional rows of two categories: label 0 ~ N(0, 1) on both sides; label 1 ~ N(0, 1) in the source and
     * N(1, 0.6²) in the target. Column 0 of the conditions is the label.
     */
    private static Rows[] sample(int n, boolean target, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        float[] label = new float[n];
        for (int i = 0; i < n; i++) {
            label[i] = i % 2;
            x[i] = (float) (target && label[i] == 1 ? 1 + 0.6 * r.nextGaussian() : r.nextGaussian());
        }
        return new Rows[] {new Rows(x, n, 1), new Rows(label, n, 1)};
    }

    private static double[] meanStd(Rows x, Rows labels, int label) {
        double s = 0;
        double s2 = 0;
        int n = 0;
        for (int i = 0; i < x.rows(); i++) {
            if (labels.get(i, 0) == label) {
                s += x.get(i, 0);
                s2 += x.get(i, 0) * x.get(i, 0);
                n++;
            }
        }
        double m = s / n;
        return new double[] {m, Math.sqrt(s2 / n - m * m)};
    }

    private static PartitionedMap fit(Rows[] src, Rows[] tgt) throws Exception {
        return PartitionedMap.fit(RT, src[0], src[1], tgt[0], tgt[1], List.of("flavour"), "x",
                (k, x, cx, y, cy) -> SemiDiscreteMap.fit(RT, x, cx, y, cy, List.of(), "x", SETTINGS.withSeed(k), null),
                null);
    }

    /**
     * Per category the partitioned map reproduces that category's target mean and width; the inclusive map of the
     * same rows, fitted on the mixture, moves the unchanged category by far more than the tolerance (so the check
     * separates the two).
     */
    @Test
    void eachCategoryClosesOnItsOwnTargetWhereTheInclusiveMapCannot() throws Exception {
        Rows[] src = sample(40_000, false, 1);
        Rows[] tgt = sample(4_000, true, 2);
        Rows[] probe = sample(8_000, false, 3);
        try (PartitionedMap map = fit(src, tgt);
                SemiDiscreteMap inclusive = SemiDiscreteMap.fit(RT, src[0], null, tgt[0], null, List.of(), "x",
                        SETTINGS.withMaxTargets(2000), null)) {
            Rows out = map.apply(probe[0], probe[1]);
            Rows outInclusive = inclusive.apply(probe[0], null);
            double[][] expected = {{0, 1}, {1, 0.6}};
            for (int k = 0; k < 2; k++) {
                double[] got = meanStd(out, probe[1], k);
                assertEquals(expected[k][0], got[0], 0.06, "category " + k + " mean");
                assertEquals(expected[k][1], got[1], 0.06, "category " + k + " std");
            }
            // both source categories are N(0, 1), so the mixture's map gives each the target mixture (mean 0.5)
            double[] mixed = meanStd(outInclusive, probe[1], 0);
            assertTrue(Math.abs(mixed[0]) > 0.3, "inclusive map moves category 0 by " + mixed[0]);
            assertEquals(List.of("flavour"), map.conditionNames());
            assertEquals(List.of(0, 1), map.description().labels());
        }
    }

    @Test
    void savedMapLoadsAndAppliesIdentically() throws Exception {
        Rows[] src = sample(8_000, false, 4);
        Rows[] tgt = sample(2_000, true, 5);
        Rows[] probe = sample(500, false, 6);
        try (PartitionedMap map = fit(src, tgt)) {
            map.save(tmp.resolve("fit").resolve(TransportMap.DIR));
            try (CalibrationMap loaded = CalibrationMap.load(RT, tmp.resolve("fit"))) {
                assertInstanceOf(PartitionedMap.class, loaded);
                assertArrayEquals(map.apply(probe[0], probe[1]).values(), loaded.apply(probe[0], probe[1]).values());
            }
        }
    }

    @Test
    void categoriesTheMapDoesNotKnowAreRefusedByName() throws Exception {
        Rows[] src = sample(4_000, false, 7);
        Rows[] tgt = sample(1_000, true, 8);
        try (PartitionedMap map = fit(src, tgt)) {
            Rows x = new Rows(new float[] {0.1f, 0.2f}, 2, 1);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> map.apply(x, new Rows(new float[] {1, 2}, 2, 1)));
            assertTrue(e.getMessage().contains("flavour = 2") && e.getMessage().contains("row 1"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> map.apply(x, new Rows(new float[] {1, 0.5f}, 2,
                    1)));
            assertTrue(e.getMessage().contains("not an integer"), e.getMessage());
        }
        // a source category without target rows cannot be fitted
        Rows onlyZero = new Rows(new float[tgt[1].rows()], tgt[1].rows(), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fit(src,
                new Rows[] {tgt[0], onlyZero}));
        assertTrue(e.getMessage().contains("flavour = 1") && e.getMessage().contains("no target rows"),
                e.getMessage());
    }
}
