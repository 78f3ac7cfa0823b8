package org.jetbridge.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jetbridge.calib.OtConfig;
import org.jetbridge.calib.OtTrainer;
import org.jetbridge.calib.Rows;
import org.jetbridge.calib.SemiDiscreteMap;
import org.jetbridge.calib.SyntheticLatents;
import org.jetbridge.calib.TransportMap;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.nn.NnSettings;

/**
 * Throughput of the calibration engine on a 128-d synthetic latent pair: fit rounds/s with the default configuration
 * (width 128, batch 512, joint mode) and apply rows/s; with {@code semi} as fifth argument the semi-discrete map
 * instead (default support of 50 000 target rows out of {@code applyRows}, dual-ascent steps/s). Usage:
 * {@code CalibBenchmark [threads=1] [rounds=300] [width=128] [applyRows=200000] [icnn|semi]}.
 */
public final class CalibBenchmark {

    private CalibBenchmark() {}

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        long rounds = args.length > 1 ? Long.parseLong(args[1]) : 300;
        int width = args.length > 2 ? Integer.parseInt(args[2]) : 128;
        int applyRows = args.length > 3 ? Integer.parseInt(args[3]) : 200_000;
        NnRuntime rt = NnRuntime.start(NnSettings.defaults().withThreads(threads));
        if (args.length > 4 && args[4].equals("semi")) {
            semiDiscrete(rt, threads, (int) rounds, applyRows);
            return;
        }
        SyntheticLatents.MixturePair p = SyntheticLatents.mixturePair(128, 3, 20_000, 1.0, 0.2, 0.5, 7);
        Path dir = Files.createTempDirectory("calib-bench");
        OtConfig c = OtConfig.defaults().withWidth(width).withSteps(rounds);
        OtTrainer.FitOutput fit = new OtTrainer(rt, c).progress(new PrintStream(new ByteArrayOutputStream()))
                .fit(p.source(), null, p.target(), null, List.of(), "latent", dir);
        try (TransportMap map = fit.map()) {
            Rows big = SyntheticLatents.mixturePair(128, 3, applyRows, 1.0, 0.2, 0.5, 7, 8, 0.2).source();
            map.apply(big.slice(0, 10_000), null); // warm-up
            long t0 = System.nanoTime();
            map.apply(big, null);
            double s = (System.nanoTime() - t0) * 1e-9;
            System.out.println(String.format(Locale.ROOT, "threads %d width %d: fit %.1f rounds/s (batch %d, %d "
                    + "rounds incl. checkpoints), apply %.0f rows/s", threads, width,
                    rounds / fit.result().seconds(), c.batch(), rounds, applyRows / s));
        }
    }

    private static void semiDiscrete(NnRuntime rt, int threads, int steps, int rows) {
        SyntheticLatents.MixturePair p = SyntheticLatents.mixturePair(128, 3, rows, 1.0, 0.2, 0.5, 7);
        SemiDiscreteMap.Settings s = SemiDiscreteMap.Settings.defaults().withSteps(steps);
        try (SemiDiscreteMap map = SemiDiscreteMap.fit(rt, p.source(), null, p.target(), null, List.of(), "latent", s,
                null)) {
            double fit = map.description().seconds();
            Rows probe = p.source().slice(0, Math.min(rows, 20_000));
            map.apply(probe.slice(0, 1000), null); // warm-up
            long t0 = System.nanoTime();
            map.apply(probe, null);
            double a = (System.nanoTime() - t0) * 1e-9;
            System.out.println(String.format(Locale.ROOT, "threads %d semi-discrete: support %d, fit %.2f steps/s "
                    + "(batch %d, %d steps, %.1f s incl. the final mass check over min(%d, 4 x support) rows), apply %.0f rows/s",
                    threads, map.description().targets(), steps / fit, s.batch(), steps, fit, rows,
                    probe.rows() / a));
        }
    }
}
