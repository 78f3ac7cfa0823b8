package org.jetbridge.calib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.report.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtTrainerTest {

    @TempDir
    Path tmp;

    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    /** x ~ N(0, I₂); y ~ N((2, −1), diag(0.5², 1.5²)): the optimal map is x ↦ μ + diag(0.5, 1.5) x. */
    private static Rows[] shiftedPair(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n * 2];
        float[] y = new float[n * 2];
        for (int i = 0; i < n; i++) {
            x[2 * i] = (float) r.nextGaussian();
            x[2 * i + 1] = (float) r.nextGaussian();
            y[2 * i] = (float) (2 + 0.5 * r.nextGaussian());
            y[2 * i + 1] = (float) (-1 + 1.5 * r.nextGaussian());
        }
        return new Rows[] {new Rows(x, n, 2), new Rows(y, n, 2)};
    }

    private static OtConfig small(long steps) {
        return OtConfig.defaults().withWidth(16).withSteps(steps).withBatch(128).withLearningRate(1e-2, 1e-4)
                .withCheckpointEvery(10);
    }

    @Test
    void interruptedAndResumedFitEndsWithTheSameMapAsAStraightOne() throws Exception {
        NnRuntime rt = CalibTestRuntime.get();
        Rows[] p = shiftedPair(2000, 1);
        Rows probe = shiftedPair(300, 2)[0];
        float[] straight;
        try (TransportMap m = new OtTrainer(rt, small(60)).progress(QUIET)
                .fit(p[0], null, p[1], null, List.of(), "x", tmp.resolve("a")).map()) {
            straight = m.apply(probe, null).values();
        }
        Path b = tmp.resolve("b");
        OtTrainer.FitOutput first = new OtTrainer(rt, small(60)).progress(QUIET).stopAfter(30)
                .fit(p[0], null, p[1], null, List.of(), "x", b);
        first.map().close();
        assertEquals(30, first.result().steps());
        float[] resumed;
        try (TransportMap m = new OtTrainer(rt, small(60)).progress(QUIET)
                .fit(p[0], null, p[1], null, List.of(), "x", b).map()) {
            assertEquals(60, m.description().steps());
            resumed = m.apply(probe, null).values();
        }
        assertArrayEquals(straight, resumed);
        // a different configuration must not resume silently
        assertThrows(IllegalArgumentException.class, () -> new OtTrainer(rt, small(61)).progress(QUIET)
                .fit(p[0], null, p[1], null, List.of(), "x", b));
    }

    @Test
    void divergenceGuardStopsCleanlyAndKeepsTheLastGoodCheckpoint() throws Exception {
        NnRuntime rt = CalibTestRuntime.get();
        Rows[] p = shiftedPair(2000, 3);
        Path dir = tmp.resolve("div");
        // a limit every f-loss exceeds: the very first round counts as exploding
        OtTrainer.FitOutput fit = new OtTrainer(rt, small(50).withDivergenceLimit(1e-12)).progress(QUIET)
                .fit(p[0], null, p[1], null, List.of(), "x", dir);
        try (TransportMap map = fit.map()) {
            assertTrue(fit.result().diverged());
            assertTrue(fit.result().message().contains("restored the last good checkpoint"), fit.result().message());
            assertEquals(0, fit.result().steps());
            assertTrue(map.description().diverged());
            Object log = Json.read(dir.resolve(OtTrainer.LOG));
            assertEquals(Boolean.TRUE, Json.at(log, "diverged"));
            // the kept map is the untrained warm start: close to the identity
            Rows probe = shiftedPair(200, 4)[0];
            Rows out = map.apply(probe, null);
            for (int i = 0; i < probe.values().length; i++) {
                assertEquals(probe.values()[i], out.values()[i], 0.5);
            }
        }
        assertTrue(Files.isRegularFile(dir.resolve(TransportMap.DIR).resolve("model.json")));
    }

    /**
     * Alternating rounds (3 g-updates, 1 f-update) learn a shift with contractions. Known weakness, not asserted:
     * with this budget they under-expand (target std 1.5 from a unit source reached only 0.96 after 500 rounds).
     */
    @Test
    void alternatingModeLearnsAShiftAndContraction() throws Exception {
        NnRuntime rt = CalibTestRuntime.get();
        int n = 5000;
        SplittableRandom r = new SplittableRandom(5);
        float[] x = new float[n * 2];
        float[] y = new float[n * 2];
        for (int i = 0; i < n; i++) {
            x[2 * i] = (float) r.nextGaussian();
            x[2 * i + 1] = (float) r.nextGaussian();
            y[2 * i] = (float) (2 + 0.5 * r.nextGaussian());
            y[2 * i + 1] = (float) (-1 + 0.7 * r.nextGaussian());
        }
        OtConfig c = small(500).withMode(OtConfig.Mode.ALTERNATING, 3, 1);
        try (TransportMap map = new OtTrainer(rt, c).progress(QUIET)
                .fit(new Rows(x, n, 2), null, new Rows(y, n, 2), null, List.of(), "x", tmp.resolve("alt")).map()) {
            Rows probe = shiftedPair(4000, 6)[0];
            Standardisation s = Standardisation.fit(map.apply(probe, null));
            assertEquals(2, s.mean()[0], 0.1);
            assertEquals(-1, s.mean()[1], 0.1);
            assertEquals(0.5, s.std()[0], 0.1);
            assertEquals(0.7, s.std()[1], 0.1);
        }
    }

    @Test
    void conditionalMapFollowsTheCondition() throws Exception {
        NnRuntime rt = CalibTestRuntime.get();
        int n = 8000;
        SplittableRandom r = new SplittableRandom(7);
        float[] x = new float[n];
        float[] y = new float[n];
        float[] wx = new float[n];
        float[] wy = new float[n];
        for (int i = 0; i < n; i++) {
            wx[i] = (float) (2 * r.nextDouble() - 1);
            wy[i] = (float) (2 * r.nextDouble() - 1);
            x[i] = (float) r.nextGaussian();
            y[i] = (float) (2 * wy[i] + 0.5 * r.nextGaussian()); // y | ω ~ N(2ω, 0.5²)
        }
        OtConfig c = small(1500).withCheckpointEvery(500);
        try (TransportMap map = new OtTrainer(rt, c).progress(QUIET).fit(new Rows(x, n, 1), new Rows(wx, n, 1),
                new Rows(y, n, 1), new Rows(wy, n, 1), List.of("w"), "x", tmp.resolve("cond")).map()) {
            assertEquals(1, map.conditions());
            // at fixed ω the optimal map is x ↦ 2ω + 0.5x: check the conditional means at ω = −0.8 and 0.8
            int m = 4000;
            float[] probe = new float[m];
            for (int i = 0; i < m; i++) {
                probe[i] = (float) r.nextGaussian();
            }
            for (float w : new float[] {-0.8f, 0.8f}) {
                float[] ws = new float[m];
                java.util.Arrays.fill(ws, w);
                Standardisation s = Standardisation.fit(map.apply(new Rows(probe, m, 1), new Rows(ws, m, 1)));
                assertEquals(2 * w, s.mean()[0], 0.25, "conditional mean at w = " + w);
            }
        }
    }

    @Test
    void applyStreamsInChunksDeterministically() throws Exception {
        NnRuntime rt = CalibTestRuntime.get();
        Rows[] p = shiftedPair(2000, 8);
        try (TransportMap map = new OtTrainer(rt, small(20)).progress(QUIET)
                .fit(p[0], null, p[1], null, List.of(), "x", tmp.resolve("apply")).map()) {
            Rows big = shiftedPair(TransportMap.CHUNK * 2 + 123, 9)[0];
            float[] whole = map.apply(big, null).values();
            assertArrayEquals(whole, map.apply(big, null).values());
            Rows part = big.slice(TransportMap.CHUNK + 5, TransportMap.CHUNK + 50);
            float[] sub = map.apply(part, null).values();
            for (int i = 0; i < sub.length; i++) {
                assertEquals(whole[(TransportMap.CHUNK + 5) * 2 + i], sub[i], 1e-5f);
            }
            // round trip through the saved directory
            try (TransportMap loaded = TransportMap.load(rt, tmp.resolve("apply"))) {
                assertArrayEquals(whole, loaded.apply(big, null).values());
            }
            assertThrows(IllegalArgumentException.class, () -> map.apply(new Rows(new float[6], 2, 3), null));
        }
    }

    @Test
    void badInputsAreRefused() {
        NnRuntime rt = CalibTestRuntime.get();
        Rows[] p = shiftedPair(100, 10);
        Rows wide = new Rows(new float[300], 100, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OtTrainer(rt, small(5))
                .progress(QUIET).fit(p[0], null, wide, null, List.of(), "x", tmp.resolve("bad")));
        assertTrue(e.getMessage().contains("width 2") && e.getMessage().contains("3"), e.getMessage());
        Rows w = new Rows(new float[100], 100, 1);
        e = assertThrows(IllegalArgumentException.class, () -> new OtTrainer(rt, small(5)).progress(QUIET)
                .fit(p[0], w, p[1], null, List.of("w"), "x", tmp.resolve("bad2")));
        assertTrue(e.getMessage().contains("source only"), e.getMessage());
        float[] nan = p[1].values().clone();
        nan[7] = Float.NaN;
        e = assertThrows(IllegalArgumentException.class, () -> new OtTrainer(rt, small(5)).progress(QUIET)
                .fit(p[0], null, new Rows(nan, 100, 2), null, List.of(), "x", tmp.resolve("bad3")));
        assertTrue(e.getMessage().contains("target rows: 1 rows with NaN") && e.getMessage().contains("row 3"),
                e.getMessage());
        assertFalse(Files.exists(tmp.resolve("bad").resolve(TransportMap.DIR)));
    }
}
