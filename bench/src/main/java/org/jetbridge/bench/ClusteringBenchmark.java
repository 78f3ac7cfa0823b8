package org.jetbridge.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jetbridge.core.ClusterSequence;
import org.jetbridge.core.ClusteringStrategy;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Jet;
import org.jetbridge.core.JetDefinition;

/**
 * Side-by-side clustering time of jetbridge and FastJet (anti-kt, E-scheme, inclusive jets above a pT cut) on
 * Pythia hard events with overlaid Pythia pile-up at fixed multiplicities; prints µs per event and the ratio
 * jetbridge/FastJet. FastJet runs in a C++ program of ours (src/main/cpp/fastjet_timing.cc) built here with g++
 * and fastjet-config, on the very same events. Rounds alternate Java and C++ so machine load hits both alike.
 *
 * <p>Run from the repository root: {@code mvn -B -q -pl bench -am package -DskipTests && java -cp
 * core/target/classes:bench/target/classes org.jetbridge.bench.ClusteringBenchmark [options]}. Options:
 * {@code --sizes 500,1000,2000,4000 --rounds 5 --seconds 0.4 --radius 0.4 --ptmin 5 --events 10 --clock cpu|wall
 * --strategies --pileup-only} (--strategies also times each jetbridge strategy separately; --pileup-only leaves
 * out the hard event). The default clock is each side's thread
 * CPU time, so that other jobs on a shared machine inflate neither side; JIT and GC threads are not counted.
 */
public final class ClusteringBenchmark {
    private static final String CPP = "fastjet_timing.cc";
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private static boolean cpuClock = true;

    private ClusteringBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = {500, 1000, 2000, 4000};
        int rounds = 5;
        double seconds = 0.4;
        double radius = 0.4;
        double ptMin = 5.0;
        int nEvents = 10;
        boolean strategies = false;
        boolean pileupOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--radius" -> radius = Double.parseDouble(args[++i]);
                case "--ptmin" -> ptMin = Double.parseDouble(args[++i]);
                case "--events" -> nEvents = Integer.parseInt(args[++i]);
                case "--strategies" -> strategies = true;
                case "--pileup-only" -> pileupOnly = true;
                case "--clock" -> cpuClock = switch (args[++i]) {
                    case "cpu" -> true;
                    case "wall" -> false;
                    default -> throw new IllegalArgumentException("--clock takes cpu or wall, got " + args[i]);
                };
                default -> {
                    System.err.println("unknown option " + args[i] + " (see the class comment for the options)");
                    System.exit(2);
                }
            }
        }
        Path dir = Files.createTempDirectory("jetbridge-bench");
        try {
            run(dir, sizes, rounds, seconds, radius, ptMin, nEvents, strategies, pileupOnly);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /**
     * The suite's entry: anti-kt R = 0.4 at 500 … 4000 particles, 3 rounds of {@code 0.2 s × scale} per size and
     * side; rows in µs per event, reference FastJet.
     */
    static List<Suite.Row> suite(Suite.Options o) throws IOException, InterruptedException {
        int[] sizes = {500, 1000, 2000, 4000};
        double[][][] t = run(o.workDir(), sizes, 3, 0.2 * o.scale(), 0.4, 5.0, 10, false, false);
        List<Suite.Row> rows = new ArrayList<>();
        for (int k = 0; k < sizes.length; k++) {
            double[] ratio = new double[t[0][k].length];
            for (int r = 0; r < ratio.length; r++) {
                ratio[r] = t[0][k][r] / t[1][k][r];
            }
            double[] sorted = ratio.clone();
            Arrays.sort(sorted);
            rows.add(Suite.Row.time("clustering", "anti-kt R = 0.4, " + sizes[k] + " particles", median(t[0][k]) * 1e-3,
                    median(t[1][k]) * 1e-3, "FastJet 3.4", "µs/event", median(ratio), String.format(Locale.ROOT,
                    "thread CPU time; per-round ratios [%.2f, %.2f]", sorted[0], sorted[sorted.length - 1])));
        }
        return rows;
    }

    /** Runs the comparison, prints its table and returns ns per event {jetbridge, FastJet}[size][round]. */
    private static double[][][] run(Path dir, int[] sizes, int rounds, double seconds, double radius, double ptMin,
            int nEvents, boolean strategies, boolean pileupOnly) throws IOException, InterruptedException {
        JetDefinition def = JetDefinition.antiKt(radius);
        ClusteringEvents source = ClusteringEvents.load();
        Path exe = compileTiming(dir);
        List<List<List<FourMomentum>>> sets = new ArrayList<>();
        List<String> files = new ArrayList<>();
        Random rnd = new Random(20240607L);
        for (int n : sizes) {
            List<List<FourMomentum>> evs = new ArrayList<>();
            for (int i = 0; i < nEvents; i++) {
                evs.add(source.overlay(pileupOnly ? -1 : i, n, rnd));
            }
            sets.add(evs);
            Path f = dir.resolve("events-" + n + ".dat");
            ClusteringEvents.write(f, evs);
            files.add(f.toString());
        }

        System.out.printf(Locale.ROOT, "anti-kt R = %g, ptmin = %g GeV, %d events per size (%s),"
                + " %d rounds x %.2f s per measurement, %s clock; %s; %d cores%n", radius, ptMin, nEvents,
                pileupOnly ? "Pythia pile-up only" : "Pythia hard + pile-up", rounds,
                seconds, cpuClock ? "thread CPU" : "wall",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        // JIT warm-up of what is measured (AUTO, every size), long enough for C2 to compile the loops. Other
        // strategies are only run afterwards (--strategies), so their code paths do not blur the profile C2 uses.
        long warmEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(3000);
        while (System.nanoTime() < warmEnd) {
            for (List<List<FourMomentum>> evs : sets) {
                timeJava(evs, def, ClusteringStrategy.AUTO, ptMin, 0.0);
            }
        }

        double[][] java = new double[sizes.length][rounds];
        double[][] fj = new double[sizes.length][rounds];
        for (int r = 0; r < rounds; r++) {
            double[] fjRound = timeFastJet(exe, radius, ptMin, seconds, files);
            for (int k = 0; k < sizes.length; k++) {
                java[k][r] = timeJava(sets.get(k), def, ClusteringStrategy.AUTO, ptMin, seconds);
                fj[k][r] = fjRound[k];
            }
        }
        double[][][] perStrategy = new double[ClusteringStrategy.values().length][sizes.length][rounds];
        if (strategies) {
            long strategyWarmEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(3000);
            while (System.nanoTime() < strategyWarmEnd) {
                for (List<List<FourMomentum>> evs : sets) {
                    for (ClusteringStrategy s : ClusteringStrategy.values()) {
                        timeJava(evs, def, s, ptMin, 0.0);
                    }
                }
            }
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < sizes.length; k++) {
                    for (ClusteringStrategy s : ClusteringStrategy.values()) {
                        perStrategy[s.ordinal()][k][r] = timeJava(sets.get(k), def, s, ptMin, seconds / 2);
                    }
                }
            }
        }

        System.out.printf(Locale.ROOT, "%6s %-17s %22s %22s %18s%n", "N", "jetbridge (AUTO)", "jetbridge µs/event",
                "FastJet µs/event", "ratio median");
        System.out.printf(Locale.ROOT, "%6s %-17s %22s %22s %18s%n", "", "strategy", "median [min, max]",
                "median [min, max]", "[min, max]");
        for (int k = 0; k < sizes.length; k++) {
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratio[r] = java[k][r] / fj[k][r];
            }
            ClusteringStrategy used = new ClusterSequence(sets.get(k).get(0), def).strategy();
            System.out.printf(Locale.ROOT, "%6d %-17s %22s %22s %18s%n", sizes[k], used, stats(java[k], 1e-3),
                    stats(fj[k], 1e-3), statsRatio(ratio));
        }
        if (strategies) {
            System.out.println();
            System.out.printf(Locale.ROOT, "%6s", "N");
            for (ClusteringStrategy s : ClusteringStrategy.values()) {
                System.out.printf(Locale.ROOT, " %18s", s);
            }
            System.out.println("   (jetbridge µs/event, median; run after the table above)");
            for (int k = 0; k < sizes.length; k++) {
                System.out.printf(Locale.ROOT, "%6d", sizes[k]);
                for (ClusteringStrategy s : ClusteringStrategy.values()) {
                    System.out.printf(Locale.ROOT, " %18.1f", median(perStrategy[s.ordinal()][k]) * 1e-3);
                }
                System.out.println();
            }
        }
        return new double[][][] {java, fj};
    }

    /** ns per event clustering the events round robin for at least the given time (once through when 0). */
    static double timeJava(List<List<FourMomentum>> events, JetDefinition def, ClusteringStrategy strategy,
            double ptMin, double seconds) {
        long limit = (long) (seconds * 1e9);
        long t0 = now();
        long count = 0;
        double sink = 0;
        long elapsed;
        do {
            for (List<FourMomentum> ev : events) {
                ClusterSequence cs = new ClusterSequence(ev, def, strategy);
                List<Jet> jets = cs.inclusiveJets(ptMin);
                sink += jets.isEmpty() ? 0.0 : jets.get(0).pt() + jets.size();
                count++;
            }
            elapsed = now() - t0;
        } while (elapsed < limit);
        if (sink == 42.4242) {
            System.out.print(""); // keeps the result alive
        }
        return (double) elapsed / count;
    }

    /** The clock both sides use: this thread's CPU time (robust to other jobs on a shared machine) or wall time. */
    private static long now() {
        return cpuClock ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private static double[] timeFastJet(Path exe, double radius, double ptMin, double seconds, List<String> files)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(exe.toString(), cpuClock ? "cpu" : "wall", Double.toString(radius),
                Double.toString(ptMin), Double.toString(seconds)));
        cmd.addAll(files);
        String out = run(cmd);
        String[] lines = out.strip().split("\n");
        if (lines.length != files.size()) {
            throw new IllegalStateException("fastjet_timing printed " + lines.length + " lines for " + files.size()
                    + " files:\n" + out);
        }
        double[] ns = new double[files.size()];
        for (int i = 0; i < lines.length; i++) {
            ns[i] = Double.parseDouble(lines[i].trim().split("\\s+")[1]);
        }
        return ns;
    }

    private static Path compileTiming(Path dir) throws IOException, InterruptedException {
        Path src = null;
        for (String c : new String[] {"bench/src/main/cpp/" + CPP, "src/main/cpp/" + CPP}) {
            if (Files.exists(Path.of(c))) {
                src = Path.of(c);
                break;
            }
        }
        if (src == null) {
            throw new IllegalStateException("cannot find bench/src/main/cpp/" + CPP + ": run from the repository root");
        }
        Path exe = dir.resolve("fastjet_timing");
        List<String> cmd = new ArrayList<>(List.of("g++", "-O2", "-std=c++17", "-o", exe.toString(), src.toString()));
        for (String flag : run(List.of("fastjet-config", "--cxxflags", "--libs")).trim().split("\\s+")) {
            cmd.add(flag);
        }
        run(cmd);
        return exe;
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("command failed: " + String.join(" ", cmd) + "\n" + out);
        }
        return out;
    }

    private static String stats(double[] v, double scale) {
        double[] s = v.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "%.1f [%.1f, %.1f]", median(v) * scale, s[0] * scale, s[s.length - 1] * scale);
    }

    private static String statsRatio(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", median(v), s[0], s[s.length - 1]);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }
}
