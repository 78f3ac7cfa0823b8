package org.jetbridge.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The performance suite: runs every benchmark of this module with short durations in one process, one after the
 * other, and writes one Markdown table (standard output and a file) in which each ratio comes from the two sides
 * measured back to back in this run. Plain harness, not JMH.
 *
 * <pre>
 * mvn -B -q -pl bench -am -DskipTests compile dependency:build-classpath -Dmdep.outputFile=/tmp/benchcp.txt
 * nice -n 10 java -cp bench/target/classes:$(cat /tmp/benchcp.txt) org.jetbridge.bench.Suite [options]
 * </pre>
 *
 * Options: {@code --scale S} multiplies every duration (default 1: about 3 minutes here), {@code --threads N}
 * libtorch and python3-torch threads (default 1: the most stable on a shared machine), {@code --only a,b} runs the
 * named entries ({@link #ENTRIES}), {@code --output FILE.md} (default {@code bench-results.md}),
 * {@code --python-library-path DIR} for the python side's BLAS ({@link PythonTorch}). Run from the repository root
 * (the clustering entry compiles {@code bench/src/main/cpp/fastjet_timing.cc}).
 *
 * <p>Adding a benchmark: give it a {@code static List<Suite.Row> suite(Suite.Options o)} and add one line to
 * {@link #ENTRIES}.
 */
public final class Suite {
    /** Settings every entry receives: duration scale, thread count, a scratch directory it may write into. */
    public record Options(double scale, int threads, Path workDir) {
    }

    /**
     * One line of the table: a jetbridge figure and, where a side-by-side reference exists, the reference's figure
     * and the time ratio jetbridge / reference (below 1: jetbridge is faster).
     *
     * @param unit       of both figures, e.g. "jets/s" or "µs/event"
     * @param timeRatio  jetbridge time / reference time for the same work, or NaN without a reference
     */
    public record Row(String benchmark, String measurement, double jetbridge, double reference, String referenceName,
                      String unit, double timeRatio, String note) {
        /** A throughput row (higher is better); the time ratio is reference rate / jetbridge rate. */
        public static Row rate(String benchmark, String measurement, double jetbridge, Double reference,
                               String referenceName, String unit, String note) {
            double ref = reference == null ? Double.NaN : reference;
            return new Row(benchmark, measurement, jetbridge, ref, referenceName, unit, ref / jetbridge, note);
        }

        /** A time row (lower is better) with the ratio as measured (e.g. the median of per-round ratios). */
        public static Row time(String benchmark, String measurement, double jetbridge, double reference,
                               String referenceName, String unit, double timeRatio, String note) {
            return new Row(benchmark, measurement, jetbridge, reference, referenceName, unit, timeRatio, note);
        }
    }

    /** A benchmark's suite entry point. */
    @FunctionalInterface
    public interface Benchmark {
        List<Row> run(Options options) throws Exception;
    }

    /** A named entry of the suite. */
    public record Entry(String name, Benchmark benchmark) {
    }

    /** Every benchmark, in the order they run: the nn entries last, after the pure-Java ones. */
    static final List<Entry> ENTRIES = List.of(
            new Entry("clustering", ClusteringBenchmark::suite),
            new Entry("generator", GeneratorBenchmark::suite),
            new Entry("nn", NnBenchmark::suite),
            new Entry("tagger", TaggerBenchmark::suite),
            new Entry("calibration", CalibBenchmark::suite),
            new Entry("pileup", PileupBenchmark::suite));

    private Suite() {
    }

    public static void main(String[] args) throws Exception {
        double scale = 1;
        int threads = 1;
        Path output = Path.of("bench-results.md");
        Set<String> only = new TreeSet<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--scale" -> scale = Double.parseDouble(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--output" -> output = Path.of(args[++i]);
                case "--only" -> only.addAll(List.of(args[++i].split(",")));
                case "--python-library-path" -> System.setProperty(PythonTorch.LIBRARY_PATH, args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i] + " (see the class comment of "
                            + Suite.class.getName() + ")");
                    System.exit(2);
                }
            }
        }
        for (String o : only) {
            if (ENTRIES.stream().noneMatch(e -> e.name().equals(o))) {
                System.err.println("--only: unknown entry '" + o + "', expected some of "
                        + ENTRIES.stream().map(Entry::name).toList());
                System.exit(2);
            }
        }
        Path dir = Files.createTempDirectory("jetbridge-suite");
        Options options = new Options(scale, threads, dir);
        List<Row> rows = new ArrayList<>();
        List<String> timings = new ArrayList<>();
        double loadBefore = TaggerBenchmark.loadAverage();
        Instant start = Instant.now();
        try {
            for (Entry e : ENTRIES) {
                if (!only.isEmpty() && !only.contains(e.name())) {
                    continue;
                }
                System.out.println("== " + e.name());
                long t0 = System.nanoTime();
                double load = TaggerBenchmark.loadAverage();
                rows.addAll(e.benchmark().run(options));
                timings.add(String.format(Locale.ROOT, "%s %.0f s (load %.1f → %.1f)", e.name(),
                        (System.nanoTime() - t0) * 1e-9, load, TaggerBenchmark.loadAverage()));
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        String table = markdown(rows, String.format(Locale.ROOT, "jetbridge performance suite, %s, %s %s, %d cores, "
                        + "--scale %s --threads %d; 1-min load average %.2f at the start, %.2f at the end; %s",
                start.truncatedTo(ChronoUnit.SECONDS), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), scale, threads,
                loadBefore, TaggerBenchmark.loadAverage(), String.join(", ", timings)));
        System.out.println();
        System.out.print(table);
        Files.writeString(output, table, StandardCharsets.UTF_8);
        System.out.println("table written to " + output.toAbsolutePath());
    }

    /** Writes a testbed file with {@code jetbridge generate PROCESS --events N --seed 1} (for entries that need data). */
    static void generate(String process, int events, Path file) {
        java.io.StringWriter err = new java.io.StringWriter();
        int status = org.jetbridge.cli.Main.execute(new java.io.PrintWriter(java.io.OutputStream.nullOutputStream()),
                new java.io.PrintWriter(err), "generate", process, "--events", String.valueOf(events), "--seed", "1",
                "--output", file.toString(), "-q");
        if (status != 0) {
            throw new IllegalStateException("generating " + file + " failed: " + err);
        }
    }

    /** The table: one row per measurement, the ratio column empty where there is no reference. */
    static String markdown(List<Row> rows, String caption) {
        StringBuilder b = new StringBuilder();
        b.append(caption).append("\n\n");
        b.append("| benchmark | measurement | jetbridge | reference | time ratio jetbridge / reference | notes |\n");
        b.append("| --- | --- | ---: | ---: | ---: | --- |\n");
        for (Row r : rows) {
            b.append("| ").append(r.benchmark()).append(" | ").append(r.measurement()).append(" | ")
                    .append(number(r.jetbridge())).append(' ').append(r.unit()).append(" | ")
                    .append(Double.isNaN(r.reference()) ? "–" : number(r.reference()) + " " + r.unit() + " ("
                            + r.referenceName() + ")")
                    .append(" | ").append(Double.isNaN(r.timeRatio()) ? "–"
                            : String.format(Locale.ROOT, "%.2f", r.timeRatio()))
                    .append(" | ").append(r.note() == null ? "" : r.note()).append(" |\n");
        }
        return b.toString();
    }

    /** Three significant digits at least, no exponent: 0.123, 12.3, 4567. */
    static String number(double v) {
        double a = Math.abs(v);
        return a >= 100 ? String.format(Locale.ROOT, "%.0f", v) : a >= 10 ? String.format(Locale.ROOT, "%.1f", v)
                : a >= 1 ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.ROOT, "%.3g", v);
    }
}
