package org.jetbridge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.nn.NnSettings;
import org.jetbridge.nn.train.Trainer;
import org.jetbridge.nn.train.TrainerConfig;
import org.jetbridge.tagger.Inference;
import org.jetbridge.tagger.Normalisation;
import org.jetbridge.tagger.TaggerConfig;
import org.jetbridge.tagger.TaggerModel;
import org.jetbridge.tagger.TaggingBatchSource;
import org.jetbridge.tagger.TaggingFile;
import org.jetbridge.tagger.TrainingRun;

/**
 * Tagger throughput on this machine: training jets/s (AdamW steps with EMA, batch 256, as {@code tagger train}
 * runs them) and inference jets/s (forward passes of 512 jets, as {@code tagger embed} runs them) for the given
 * presets. Usage: {@code TaggerBenchmark FILE.h5 [threads (default: cores)] [train-steps (default 100)]
 * [presets (default: default,paper)]}. Plain harness, not JMH. libtorch pays a one-off cost (~0.3 s) the first
 * time it meets a tensor shape, and length-bucketed batches come in up to 64 shapes, so each figure follows a
 * warm-up of the same length (train-steps steps; 16 chunks of inference) that meets most shapes first.
 */
public final class TaggerBenchmark {
    private TaggerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: TaggerBenchmark FILE.h5 [threads] [train-steps] [presets]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        String[] presets = (args.length > 3 ? args[3] : "default,paper").split(",");
        NnRuntime rt = NnRuntime.start(NnSettings.defaults().withThreads(threads));
        double load = loadAverage();
        System.out.printf(Locale.ROOT, "tagger benchmark: %s, %d threads, load average %.2f%n", file, threads, load);
        try (TaggingFile in = TaggingFile.open(file)) {
            int batch = 256;
            for (String preset : presets) {
                TaggerConfig config = TaggerConfig.preset(preset);
                Normalisation norm = TrainingRun.fit(in, config.maxConstituents(), 20_000);
                try (TaggerModel model = new TaggerModel(rt, config, norm, 1)) {
                    TaggingBatchSource source = new TaggingBatchSource(in, norm, config.maxConstituents(), batch,
                            TaggingBatchSource.DEFAULT_BLOCK_ROWS, 1);
                    double train = trainRate(rt, model, source, steps);
                    long jets = Math.min(in.jets(), 16L * Inference.CHUNK);
                    Inference.run(rt, model, in, jets, Inference.CHUNK, c -> { }); // warm-up
                    long t0 = System.nanoTime();
                    Inference.run(rt, model, in, jets, Inference.CHUNK, c -> { });
                    double infer = jets / ((System.nanoTime() - t0) * 1e-9);
                    System.out.printf(Locale.ROOT,
                            "%-8s %9d parameters  training %8.1f jets/s  inference %8.1f jets/s%n",
                            preset, model.parameters().count(), train, infer);
                }
            }
        }
    }

    /** The 1-minute load average from /proc/loadavg (the machine is shared; NaN where unavailable). */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * Jets per second over {@code steps} training steps of batch 256, timed inside one run after {@code steps}
     * warm-up steps (a fresh run directory).
     */
    private static double trainRate(NnRuntime rt, TaggerModel model, TaggingBatchSource source, int steps)
            throws Exception {
        Path dir = Files.createTempDirectory("tagger-bench");
        try {
            int total = 2 * steps;
            TrainerConfig tc = TrainerConfig.defaults(total).withValidation(0, 0).withCheckpointEvery(total)
                    .withLogEvery(total);
            long[] t = new long[2];
            new Trainer(rt, tc).progress(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), false)
                    .afterStep(s -> {
                        if (s == steps) {
                            t[0] = System.nanoTime();
                        } else if (s == total) {
                            t[1] = System.nanoTime();
                        }
                    }).fit(model, source, null, dir);
            return steps * 256.0 / ((t[1] - t[0]) * 1e-9);
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
