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
        if (args.length > 4 && args[4].equals("semi")) {
            semiDiscrete(NnRuntime.start(NnSettings.defaults().withThreads(threads)), threads, (int) rounds, applyRows);
            return;
        }
        double[] r = measure(threads, rounds, width, applyRows);
        System.out.println(String.format(Locale.ROOT, "threads %d width %d: fit %.1f rounds/s (batch %d, %d "
                + "rounds incl. checkpoints), apply %.0f rows/s", threads, width, r[0], OtConfig.defaults().batch(),
                rounds, r[1]));
    }

    /** {fit rounds/s, apply rows/s} on the 128-d synthetic mixture pair. */
    static double[] measure(int threads, long rounds, int width, int applyRows) throws Exception {
        NnRuntime rt = NnRuntime.start(NnSettings.defaults().withThreads(threads));
        SyntheticLatents.MixturePair p = SyntheticLatents.mixturePair(128, 3, 20_000, 1.0, 0.2, 0.5, 7);
        Path dir = Files.createTempDirectory("calib-bench");
        OtConfig c = OtConfig.defaults().withWidth(width).withSteps(rounds);
        OtTrainer.FitOutput fit = new OtTrainer(rt, c).progress(new PrintStream(new ByteArrayOutputStream()))
                .fit(p.source(), null, p.target(), null, List.of(), "latent", dir);
        try (TransportMap map = fit.map()) {
            Rows big = SyntheticLatents.mixturePair(128, 3, applyRows, 1.0, 0.2, 0.5, 7, 8, 0.2).source();
            map.apply(big.slice(0, Math.min(applyRows, 10_000)), null); // warm-up
            long t0 = System.nanoTime();
            map.apply(big, null);
            double s = (System.nanoTime() - t0) * 1e-9;
            return new double[] {rounds / fit.result().seconds(), applyRows / s};
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /**
     * The suite's entry: {@code max(50, 150 × scale)} fit rounds at the default configuration (width 128, batch
     * 512 per side, joint mode) and {@code max(20k, 100k × scale)} rows applied in memory, 128-d.
     */
    static List<Suite.Row> suite(Suite.Options o) throws Exception {
        long rounds = Math.max(50, Math.round(150 * o.scale()));
        int rows = (int) Math.max(20_000, Math.round(100_000 * o.scale()));
        double[] r = measure(o.threads(), rounds, 128, rows);
        String t = ", " + o.threads() + " thread" + (o.threads() > 1 ? "s" : "");
        int semiSteps = (int) Math.max(20, Math.round(60 * o.scale()));
        int semiRows = (int) Math.max(50_000, Math.round(100_000 * o.scale()));
        double[] sd = semiDiscrete(NnRuntime.start(NnSettings.defaults().withThreads(o.threads())), o.threads(),
                semiSteps, semiRows);
        return List.of(
                Suite.Row.rate("calibration", "OT fit (ICNN width 128, depth 2, batch 512, 128-d)" + t, r[0], null,
                        null, "rounds/s", rounds + " rounds incl. checkpoints"),
                Suite.Row.rate("calibration", "OT apply, in memory (128-d)" + t, r[1], null, null, "rows/s",
                        rows + " rows"),
                Suite.Row.rate("calibration", "semi-discrete fit (default, 128-d, support " + (long) sd[2] + ")" + t,
                        sd[0], null, null, "steps/s", semiSteps + " dual-ascent steps incl. the final mass check"),
                Suite.Row.rate("calibration", "semi-discrete apply, in memory (128-d)" + t, sd[1], null, null,
                        "rows/s", "20000 rows"));
    }

    /** {fit steps/s, apply rows/s, support size} of the default semi-discrete map on the synthetic pair. */
    private static double[] semiDiscrete(NnRuntime rt, int threads, int steps, int rows) {
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
            return new double[] {steps / fit, probe.rows() / a, map.description().targets()};
        }
    }
}
