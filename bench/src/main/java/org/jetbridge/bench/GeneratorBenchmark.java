package org.jetbridge.bench;

import java.util.List;
import java.util.Locale;
import org.jetbridge.sim.EventLoop;
import org.jetbridge.sim.FlavourJet;
import org.jetbridge.sim.FlavourJets;
import org.jetbridge.sim.Generator;
import org.jetbridge.sim.GeneratorSettings;
import org.jetbridge.sim.MinBiasPool;
import org.jetbridge.sim.TopJets;

/**
 * Throughput of the testbed generator on one thread (per core): flavour jets per second with the detector,
 * tt̄ events and top jets per second, minimum-bias interactions per second, and tt̄ events with pile-up.
 * Usage: {@code GeneratorBenchmark [seconds-per-measurement (default 5)]}. Plain harness, not JMH: each
 * figure is the best of three timed rounds after a warm-up round.
 */
public final class GeneratorBenchmark {
    private GeneratorBenchmark() {
    }

    @FunctionalInterface
    private interface Round {
        /** Runs a batch starting at event {@code first}; returns the number of items produced. */
        long run(long first, int events);
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private static Rate rate(String name, String unit, int batch, double seconds, Round r) {
        long first = 0;
        r.run(first, batch); // warm-up
        first += batch;
        double best = 0;
        double bestCpu = 0;
        for (int round = 0; round < 3; round++) {
            long items = 0;
            int events = 0;
            long t0 = System.nanoTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            while (System.nanoTime() - t0 < seconds / 3 * 1e9) {
                items += r.run(first, batch);
                first += batch;
                events += batch;
            }
            double dt = (System.nanoTime() - t0) / 1e9;
            double cpu = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
            best = Math.max(best, items / dt);
            bestCpu = Math.max(bestCpu, items / cpu);
            if (round == 2) {
                System.out.printf(Locale.ROOT, "%-44s %10.0f %s/s  (%.0f per CPU second; %d events, %.1f "
                        + "items/event)%n", name, best, unit, bestCpu, events, items / (double) events);
            }
        }
        return new Rate(name, unit, best, bestCpu);
    }

    /**
     * One measured rate: {@code perSecond} {@code unit}s per wall-clock second and {@code perCpuSecond} per second
     * of this thread's CPU time (the generator runs on the calling thread, so the latter ignores other jobs).
     */
    record Rate(String name, String unit, double perSecond, double perCpuSecond) {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5.0;
        System.out.printf(Locale.ROOT, "jetbridge generator benchmark, 1 thread, %s, %d available processors%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        measure(seconds);
        FlavourJets flavour = new FlavourJets(GeneratorSettings.nominal(), 0.4);
        List<FlavourJet> sample = flavour.generate(7, 0, 2000, 2);
        System.out.printf(Locale.ROOT, "check: %d jets from 2000 events on 2 threads%n", sample.size());
    }

    /** The suite's entry: every rate per CPU second with {@code 1.5 s × scale} per measurement, no reference. */
    static List<Suite.Row> suite(Suite.Options o) {
        List<Suite.Row> rows = new java.util.ArrayList<>();
        for (Rate r : measure(1.5 * o.scale())) {
            rows.add(Suite.Row.rate("generator", r.name() + ", 1 thread", r.perCpuSecond(), null, null,
                    r.unit() + "/s", String.format(Locale.ROOT, "per thread CPU second (wall clock: %.0f/s); best of "
                            + "3 rounds", r.perSecond())));
        }
        return rows;
    }

    /** Measures (and prints) every rate with {@code seconds} per measurement. */
    static List<Rate> measure(double seconds) {
        List<Rate> out = new java.util.ArrayList<>();
        GeneratorSettings nominal = GeneratorSettings.nominal();
        FlavourJets flavour = new FlavourJets(nominal, 0.4);
        out.add(rate("flavour jets (R=0.4, detector, nominal)", "jets", 200, seconds,
                (f, n) -> flavour.generate(1, f, n, 1).size()));
        FlavourJets data = new FlavourJets(GeneratorSettings.data(), 0.4);
        out.add(rate("flavour jets (R=0.4, detector, data)", "jets", 200, seconds,
                (f, n) -> data.generate(2, f, n, 1).size()));
        Generator g = new Generator(nominal);
        out.add(rate("ttbar events (no pile-up)", "events", 100, seconds,
                (f, n) -> EventLoop.run(3, f, n, 1, (i, r) -> g.ttbarEvent(r)).size()));
        TopJets tops = new TopJets(nominal);
        out.add(rate("top jets (R=1.0, particle level)", "jets", 100, seconds,
                (f, n) -> tops.generate(4, f, n, 1).size()));
        out.add(rate("minimum-bias interactions (pool)", "interactions", 500, seconds,
                (f, n) -> MinBiasPool.generate(nominal, 5, f, n, 1).interactions()));
        Generator pu = new Generator(nominal.with("pileup.mu", "60"));
        out.add(rate("ttbar + pile-up mu=60 (full events)", "events", 5, seconds,
                (f, n) -> EventLoop.run(6, f, n, 1, (i, r) -> pu.ttbarEvent(r, true)).size()));
        return out;
    }
}
