package org.jetbridge.bench;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Jet;
import org.jetbridge.core.groom.CambridgeReclustering;
import org.jetbridge.core.groom.SoftDrop;
import org.jetbridge.core.substructure.EnergyCorrelators;
import org.jetbridge.core.substructure.JetContext;
import org.jetbridge.core.substructure.Observable;
import org.jetbridge.core.substructure.Observables;

/**
 * Plain-main benchmark (warm-up, then timed rounds; median reported) of per-jet substructure costs on synthetic
 * 100-constituent jets: C/A reclustering + SoftDrop(β = 1, z_cut = 0.1), the fast ECF(3) against the O(n³)
 * definition, and all registered observables through one context. Times in microseconds of thread CPU time per jet.
 *
 * <p>Usage: {@code SoftDropBenchmark [--constituents 100] [--jets 200] [--seconds 2] [--write-jets file]};
 * {@code --write-jets} writes the same jets in FastJet text format (one jet per event) for the C++ harness
 * {@code bench/src/main/cpp/softdrop_bench.cc}, so both time identical inputs.
 */
public final class SoftDropBenchmark {
    private SoftDropBenchmark() {
    }

    /** Benchmarked operation over all jets; returns a checksum so the JIT cannot drop the work. */
    private interface Work {
        double run(List<Jet> jets);
    }

    public static void main(String[] args) throws IOException {
        int n = 100;
        int nJets = 200;
        double seconds = 2.0;
        Path write = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--constituents" -> n = Integer.parseInt(value(args, ++i));
                case "--jets" -> nJets = Integer.parseInt(value(args, ++i));
                case "--seconds" -> seconds = Double.parseDouble(value(args, ++i));
                case "--write-jets" -> write = Paths.get(value(args, ++i));
                default -> throw new IllegalArgumentException("argument " + (i + 1) + ": unknown option " + args[i]
                        + " (expected --constituents, --jets, --seconds or --write-jets)");
            }
        }
        List<Jet> jets = syntheticJets(nJets, n, 20241125L);
        if (write != null) {
            writeJets(jets, write);
            System.out.println("wrote " + nJets + " jets to " + write);
        }
        SoftDrop sd = new SoftDrop(1.0, 0.1);
        System.out.printf(Locale.ROOT, "%d jets x %d constituents, Java %s%n", nJets, n, System.getProperty("java.version"));
        time("C/A reclustering + SoftDrop(b=1, z=0.1)", jets, seconds, js -> {
            double s = 0;
            for (Jet j : js) {
                s += sd.groom(CambridgeReclustering.of(j)).jet().m();
            }
            return s;
        });
        time("C/A reclustering only", jets, seconds, js -> {
            double s = 0;
            for (Jet j : js) {
                s += CambridgeReclustering.of(j).root().pt();
            }
            return s;
        });
        double fast = time("ECF(1,2,3) beta=1, fast (incl. dR matrix)", jets, seconds, js -> {
            double s = 0;
            for (Jet j : js) {
                s += JetContext.of(j).energyCorrelators(1.0).ecf3();
            }
            return s;
        });
        List<double[][]> arrays = new ArrayList<>();
        for (Jet j : jets) {
            arrays.add(ypt(j));
        }
        double naive = time("ECF(1,2,3) beta=1, naive definition", jets, seconds, js -> {
            double s = 0;
            for (double[][] a : arrays) {
                s += EnergyCorrelators.naive(a[0], a[1], a[2], 1.0).ecf3();
            }
            return s;
        });
        System.out.printf(Locale.ROOT, "  ECF speed-up (naive/fast): %.1fx%n", naive / fast);
        List<Observable> all = Observables.standardWith(Observables.referenceSoftDrops());
        time("all " + all.size() + " registered observables, one context", jets, seconds, js -> {
            double s = 0;
            for (Jet j : js) {
                s += Observables.evaluate(all, j)[0];
            }
            return s;
        });
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("argument " + i + " (" + args[i - 1] + ") needs a value");
        }
        return args[i];
    }

    /**
     * Runs warm-up for `seconds`, then 5 rounds of about `seconds`/2 each; prints and returns the median µs/jet of
     * this thread's CPU time (robust when other processes share the cores; wall-clock median printed beside it).
     */
    private static double time(String label, List<Jet> jets, double seconds, Work w) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double sink = 0;
        long warmEnd = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < warmEnd) {
            sink += w.run(jets);
        }
        double[] perJet = new double[5];
        double[] wall = new double[5];
        for (int r = 0; r < perJet.length; r++) {
            long end = System.nanoTime() + (long) (seconds * 0.5e9);
            long t0 = System.nanoTime();
            long c0 = cpu.getCurrentThreadCpuTime();
            long calls = 0;
            do {
                sink += w.run(jets);
                calls++;
            } while (System.nanoTime() < end);
            perJet[r] = (cpu.getCurrentThreadCpuTime() - c0) / 1e3 / (calls * jets.size());
            wall[r] = (System.nanoTime() - t0) / 1e3 / (calls * jets.size());
        }
        Arrays.sort(perJet);
        Arrays.sort(wall);
        System.out.printf(Locale.ROOT, "%-50s %10.2f us/jet CPU (rounds %.2f..%.2f; wall %.2f) checksum %.6g%n", label,
                perJet[2], perJet[0], perJet[4], wall[2], w.run(jets));
        if (Double.isNaN(sink)) {
            System.out.println("(NaN checksum)");
        }
        return perJet[2];
    }

    private static double[][] ypt(Jet j) {
        List<FourMomentum> c = j.constituents();
        double[][] a = new double[3][c.size()];
        for (int i = 0; i < c.size(); i++) {
            a[0][i] = c.get(i).pt();
            a[1][i] = c.get(i).rapidity();
            a[2][i] = c.get(i).phi02pi();
        }
        return a;
    }

    /**
     * Boosted-jet-like synthetic jets of exactly n particles: two or three hard prongs inside R = 0.8 sharing
     * ~500 GeV, each a collinear spray with a steep pT spectrum, plus ~30 % soft particles spread over the jet.
     */
    static List<Jet> syntheticJets(int count, int n, long seed) {
        Random r = new Random(seed);
        List<Jet> jets = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            double y0 = 4 * r.nextDouble() - 2;
            double phi0 = 2 * Math.PI * r.nextDouble() - Math.PI;
            int prongs = 2 + r.nextInt(2);
            double[][] axes = new double[prongs][];
            for (int k = 0; k < prongs; k++) {
                axes[k] = new double[] {y0 + 0.3 * r.nextGaussian(), phi0 + 0.3 * r.nextGaussian(),
                        500.0 / prongs * (0.5 + r.nextDouble())};
            }
            List<FourMomentum> ps = new ArrayList<>(n);
            int soft = (int) (0.3 * n);
            for (int i = 0; i < n - soft; i++) {
                double[] a = axes[i % prongs];
                double pt = a[2] * Math.pow(r.nextDouble(), 4) / 6 + 0.2;
                ps.add(FourMomentum.fromPtYPhiM(pt, a[0] + 0.04 * r.nextGaussian(), a[1] + 0.04 * r.nextGaussian(),
                        r.nextBoolean() ? 0.13957 : 0.0));
            }
            for (int i = 0; i < soft; i++) {
                double rr = 0.8 * Math.sqrt(r.nextDouble());
                double t = 2 * Math.PI * r.nextDouble();
                ps.add(FourMomentum.fromPtYPhiM(0.1 + 2 * r.nextDouble(), y0 + rr * Math.cos(t), phi0 + rr * Math.sin(t),
                        0.0));
            }
            jets.add(Jet.of(ps));
        }
        return jets;
    }

    private static void writeJets(List<Jet> jets, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (Jet j : jets) {
                for (FourMomentum p : j.constituents()) {
                    // Double.toString round-trips exactly, so C++ reads the same doubles
                    w.write(p.px() + " " + p.py() + " " + p.pz() + " " + p.e() + "\n");
                }
                w.write("#END\n");
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
