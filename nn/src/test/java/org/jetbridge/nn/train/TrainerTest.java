package org.jetbridge.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jetbridge.nn.HostArray;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.nn.Npz;
import org.jetbridge.nn.ParameterStore;
import org.jetbridge.nn.TestRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    /** Loss Σ c·w with a constant gradient c: through the whole loop, AdamW must move each w by exactly lr·c/(|c|+ε). */
    @Test
    void constantGradientFollowsClosedFormThroughTheLoop(@TempDir Path dir) throws Exception {
        NnRuntime rt = TestRuntime.get();
        float[] c = {0.5f, -2f, 0.125f};
        try (ParameterStore store = new ParameterStore(rt, 1)) {
            NDArray w = store.constant("w", 1f, true, 3);
            TrainableModel model = new TrainableModel() {
                @Override
                public ParameterStore parameters() {
                    return store;
                }

                @Override
                public NDArray loss(NDList batch) {
                    return batch.get(0).mul(w).sum();
                }
            };
            BatchSource constant = new BatchSource() {
                @Override
                public long batchesPerEpoch() {
                    return 1;
                }

                @Override
                public NDList batch(long epoch, long index, NDManager m) {
                    return new NDList(m.create(c));
                }
            };
            TrainerConfig cfg = TrainerConfig.defaults(4)
                    .withSchedule(new LearningRateSchedule(LearningRateSchedule.Kind.CONSTANT, 0.01, 0, 4, 0))
                    .withOptimizer(0.9, 0.999, 1e-8, 0).withClipNorm(0).withEmaDecay(0).withValidation(0, 0);
            new Trainer(rt, cfg).progress(QUIET, false).fit(model, constant, null, dir);
            float[] got = w.toFloatArray();
            for (int i = 0; i < 3; i++) {
                // If gradients accumulated between steps, m̂/√v̂ would differ from sign(c) and this would fail.
                assertEquals(1 - 4 * 0.01 * c[i] / (Math.abs(c[i]) + 1e-8), got[i], 1e-6, "w[" + i + "]");
            }
        }
    }

    @Test
    void learnsToyProblemAndWritesLogAndCheckpoints(@TempDir Path dir) throws Exception {
        NnRuntime rt = TestRuntime.get();
        try (Toy toy = new Toy(rt, 3)) {
            double before = Toy.validation(rt).evaluate(toy, 0);
            TrainerConfig cfg = TrainerConfig.defaults(300).withSchedule(new LearningRateSchedule(
                    LearningRateSchedule.Kind.COSINE, 1e-2, 15, 300, 0.05)).withEmaDecay(0.95).withValidation(50, 0);
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            int[] owned = new int[301];
            TrainingResult r = new Trainer(rt, cfg.withLogEvery(100))
                    .progress(new PrintStream(log, true, StandardCharsets.UTF_8), false)
                    .afterStep(s -> owned[(int) s] = toy.store.manager().getManagedArrays().size())
                    .fit(toy, Toy.source(), Toy.validation(rt), dir);
            assertEquals(300, r.steps());
            // Ownership: no per-step array may end up on the long-lived parameter manager (parameters, moments, EMA).
            assertEquals(toy.store.names().size() * 4, owned[1]);
            assertEquals(owned[1], owned[300]);
            assertTrue(r.bestMetric() < 0.1 * before, "validation MSE " + before + " -> " + r.bestMetric());
            assertTrue(log.toString(StandardCharsets.UTF_8).contains("step 200/300 loss"), log::toString);
            JsonObject json = JsonParser.parseString(Files.readString(dir.resolve(Trainer.LOG))).getAsJsonObject();
            assertEquals(300, json.getAsJsonArray("curveLoss").size());
            assertEquals(6, json.getAsJsonArray("validationMetric").size());
            assertEquals(NnRuntime.versions().torch(), json.getAsJsonObject("versions").get("torch").getAsString());
            assertEquals(300, Trainer.checkpointStep(dir.resolve(Trainer.LAST)));
            assertEquals(r.bestStep(), Trainer.checkpointStep(dir.resolve(Trainer.BEST)));
            // The best checkpoint's EMA weights reproduce the best validation metric.
            Trainer.loadWeights(dir.resolve(Trainer.BEST), toy.store, true);
            assertEquals(r.bestMetric(), Toy.validation(rt).evaluate(toy, 0), 1e-7);
        }
    }

    private static Map<String, HostArray> straightRun(NnRuntime rt, Path dir) throws Exception {
        try (Toy toy = new Toy(rt, 3)) {
            TrainingResult r = new Trainer(rt, Toy.resumeConfig()).progress(QUIET, false)
                    .fit(toy, Toy.source(), Toy.validation(rt), dir);
            assertFalse(r.interrupted());
            return Npz.read(dir.resolve(Trainer.LAST)).arrays();
        }
    }

    @Test
    void interruptedAndResumedRunEqualsStraightRunBitForBit(@TempDir Path dir) throws Exception {
        NnRuntime rt = TestRuntime.get();
        Map<String, HostArray> straight = straightRun(rt, dir.resolve("straight"));
        Path resumed = dir.resolve("resumed");
        try (Toy toy = new Toy(rt, 3)) {
            long[] done = {0};
            TrainingResult r = new Trainer(rt, Toy.resumeConfig()).progress(QUIET, false)
                    .afterStep(s -> done[0] = s).stopWhen(() -> done[0] >= 37)
                    .fit(toy, Toy.source(), Toy.validation(rt), resumed);
            assertTrue(r.interrupted());
            assertEquals(30, Trainer.checkpointStep(resumed.resolve(Trainer.LAST)));
        }
        // A fresh model with different initial weights: everything must come from the checkpoint.
        try (Toy toy = new Toy(rt, 99)) {
            TrainingResult r = new Trainer(rt, Toy.resumeConfig()).progress(QUIET, false)
                    .fit(toy, Toy.source(), Toy.validation(rt), resumed);
            assertEquals(60, r.steps());
        }
        assertSameArrays(straight, Npz.read(resumed.resolve(Trainer.LAST)).arrays());
        assertEquals(Files.readString(dir.resolve("straight").resolve(Trainer.LOG)),
                Files.readString(resumed.resolve(Trainer.LOG)));
    }

    @Test
    void killedProcessResumesToTheStraightResult(@TempDir Path dir) throws Exception {
        NnRuntime rt = TestRuntime.get();
        Path run = dir.resolve("killed");
        Process child = child(run);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null && !line.equals("step 23")) {
                // wait until the child is past its second checkpoint
            }
            // (a lazy message: reading the child's stderr eagerly would block until it exits)
            assertEquals("step 23", line, () -> "child ended before step 23");
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, child.exitValue(), "child was not killed by SIGKILL");
        }
        assertTrue(Files.isDirectory(run.resolveSibling("djl-cache")), "libtorch not unpacked into the fresh cache");
        long at = Trainer.checkpointStep(run.resolve(Trainer.LAST));
        assertTrue(at >= 20 && at < 60, "checkpoint step after kill " + at);
        Process resume = child(run);
        resume.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        String err = new String(resume.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(resume.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, resume.exitValue(), err);
        assertTrue(err.contains("resuming"), err);
        assertSameArrays(straightRun(rt, dir.resolve("straight")), Npz.read(run.resolve(Trainer.LAST)).arrays());
    }

    /**
     * A child JVM training the toy run. It gets an empty libtorch cache (so the natives are unpacked from the jar
     * on the class path) and a proxy to an unroutable address (so any network access would fail): the runtime
     * must work without a network, as in CI.
     */
    private static Process child(Path run) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path cache = run.resolveSibling("djl-cache");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-D" + org.jetbridge.nn.NnSettings.CACHE_DIR_PROPERTY + "=" + cache,
                "-Dhttp.proxyHost=192.0.2.1", "-Dhttp.proxyPort=9", "-Dhttps.proxyHost=192.0.2.1",
                "-Dhttps.proxyPort=9", ResumeChild.class.getName(), run.toString(),
                Integer.toString(TestRuntime.THREADS)).start();
    }

    private static void assertSameArrays(Map<String, HostArray> expected, Map<String, HostArray> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String k : expected.keySet()) {
            assertArrayEquals(expected.get(k).data(), actual.get(k).data(), k);
        }
    }

    @Test
    void divergedStepNeverReachesACheckpoint(@TempDir Path dir) throws Exception {
        NnRuntime rt = TestRuntime.get();
        try (Toy toy = new Toy(rt, 3)) {
            BatchSource poisoned = new BatchSource() {
                @Override
                public long batchesPerEpoch() {
                    return 100;
                }

                @Override
                public NDList batch(long epoch, long index, NDManager m) {
                    NDList b = Toy.batch(1, epoch, index, m);
                    return index == 17 ? new NDList(b.get(0), b.get(1).mul(Float.NaN)) : b;
                }
            };
            TrainerConfig cfg = TrainerConfig.defaults(40).withCheckpointEvery(5).withValidation(5, 0);
            Trainer trainer = new Trainer(rt, cfg).progress(QUIET, false);
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> trainer.fit(toy, poisoned, Toy.validation(rt), dir));
            assertEquals(17, e.step());
            assertEquals(15, Trainer.checkpointStep(dir.resolve(Trainer.LAST)));
            for (HostArray a : Npz.read(dir.resolve(Trainer.LAST)).arrays().values()) {
                if (a.type() == ai.djl.ndarray.types.DataType.FLOAT32) {
                    for (float f : a.toFloats()) {
                        assertTrue(Float.isFinite(f));
                    }
                }
            }
        }
    }

    @Test
    void earlyStoppingAfterPatienceValidationsWithoutImprovement(@TempDir Path dir) throws Exception {
        NnRuntime rt = TestRuntime.get();
        try (Toy toy = new Toy(rt, 3)) {
            double[] metrics = {5, 4, 4.5, 4.2, 4.1, 1, 1};
            int[] call = {0};
            TrainerConfig cfg = TrainerConfig.defaults(70).withValidation(10, 3).withCheckpointEvery(10);
            TrainingResult r = new Trainer(rt, cfg).progress(QUIET, false)
                    .fit(toy, Toy.source(), (m, s) -> metrics[call[0]++], dir);
            assertTrue(r.stoppedEarly());
            assertEquals(50, r.steps());
            assertEquals(4, r.bestMetric(), 0);
            assertEquals(20, r.bestStep());
            assertEquals(20, Trainer.checkpointStep(dir.resolve(Trainer.BEST)));
            assertEquals(50, Trainer.checkpointStep(dir.resolve(Trainer.LAST)));
            // Resuming a finished (early-stopped) run does nothing more.
            assertEquals(50, new Trainer(rt, cfg).progress(QUIET, false)
                    .fit(toy, Toy.source(), (m, s) -> 0, dir).steps());
        }
    }

    @Test
    void resumeWithAnotherConfigurationIsRefused(@TempDir Path dir) throws Exception {
        NnRuntime rt = TestRuntime.get();
        try (Toy toy = new Toy(rt, 3)) {
            new Trainer(rt, TrainerConfig.defaults(10)).progress(QUIET, false).fit(toy, Toy.source(), null, dir);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Trainer(rt,
                    TrainerConfig.defaults(10).withSeed(5)).progress(QUIET, false).fit(toy, Toy.source(), null, dir));
            assertTrue(e.getMessage().contains("different training configuration"), e.getMessage());
        }
    }

    @Test
    void progressBarOnTerminal() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(buf, true, StandardCharsets.UTF_8), true, 4, 1);
        p.step(4, 0.5, 1e-3);
        String s = buf.toString(StandardCharsets.UTF_8);
        assertTrue(s.startsWith("\r[##############################] 4/4 loss 0.50000"), s);
    }
}
