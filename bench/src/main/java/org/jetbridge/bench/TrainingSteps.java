package org.jetbridge.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.nn.train.BatchSource;
import org.jetbridge.nn.train.TrainableModel;
import org.jetbridge.nn.train.Trainer;
import org.jetbridge.nn.train.TrainerConfig;

/** Training speed of any model under the one {@link Trainer}: steps per second, timed after as many warm-up steps. */
final class TrainingSteps {
    private TrainingSteps() {
    }

    /**
     * Steps per second over {@code steps} training steps, timed inside one run after {@code steps} warm-up steps
     * (a fresh, deleted-afterwards run directory; no validation, one checkpoint at the end).
     */
    static double perSecond(NnRuntime rt, TrainableModel model, BatchSource source, int steps) throws Exception {
        Path dir = Files.createTempDirectory("train-bench");
        try {
            int total = 2 * steps;
            TrainerConfig tc = TrainerConfig.defaults(total).withValidation(0, 0).withCheckpointEvery(total)
                    .withLogEvery(total);
            long[] t = new long[2];
            new Trainer(rt, tc).progress(new PrintStream(OutputStream.nullOutputStream()), false)
                    .afterStep(s -> {
                        if (s == steps) {
                            t[0] = System.nanoTime();
                        } else if (s == total) {
                            t[1] = System.nanoTime();
                        }
                    }).fit(model, source, null, dir);
            return steps / ((t[1] - t[0]) * 1e-9);
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
