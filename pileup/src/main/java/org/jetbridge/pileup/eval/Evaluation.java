package org.jetbridge.pileup.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jetbridge.pileup.ContaminatedJet;
import org.jetbridge.pileup.JetEstimate;
import org.jetbridge.pileup.PileupRemover;
import org.jetbridge.sim.EventLoop;

/**
 * Evaluates pile-up methods on contaminated jets of one pile-up level μ: every method's estimates, the
 * {@link JetObservables} of each estimate against those of the truth (hard-scatter constituents), bias and
 * resolution of the relative errors ({@link Stats}), and the wall time of the method's estimate call. A method that
 * returns K &gt; 1 estimates for some jet is a posterior: its point estimate is the median of each observable over
 * the K samples, and its calibration is measured (truth quantiles, coverage of the central 68 % interval).
 *
 * <p>Methods are any {@link PileupRemover}s, so studies are plumbing: quality versus sampler steps is several
 * posterior removers built with different step counts (distinct names), the inefficiency study the same removers
 * on jets overlaid with detector inefficiency.
 */
public final class Evaluation {
    /** Jets per estimate call: bounds the memory of posteriors with many samples per jet. */
    public static final int CHUNK = 256;

    private final List<PileupRemover> methods;
    private final int threads;

    /** Evaluation of the given methods (names must be unique), observables computed on {@code threads} threads. */
    public Evaluation(List<PileupRemover> methods, int threads) {
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("need at least one method to evaluate");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        Set<String> names = new HashSet<>();
        for (PileupRemover m : methods) {
            if (!names.add(m.name())) {
                throw new IllegalArgumentException("two methods are named '" + m.name() + "'");
            }
        }
        this.methods = List.copyOf(methods);
        this.threads = threads;
    }

    public List<PileupRemover> methods() {
        return methods;
    }

    /** One method's results at one μ; arrays indexed [observable][jet] in {@link JetObservables#NAMES} order. */
    public record MethodResult(String name, int samples, double[][] values, double[] coverage68,
                               double[][] truthQuantiles, double seconds) {
        /** True for a posterior (some jet had K &gt; 1 estimates): coverage and truth quantiles are filled. */
        public boolean isPosterior() {
            return samples > 1;
        }

        /** Jets per second of the method's estimate call (all K samples of a jet included). */
        public double jetsPerSecond() {
            return values[0].length / seconds;
        }
    }

    /** All methods at one μ, with the truth observables [observable][jet]. */
    public record PointResult(double mu, double[][] truth, List<MethodResult> methods) {
        public int jets() {
            return truth[0].length;
        }

        public MethodResult method(String name) {
            for (MethodResult m : methods) {
                if (m.name().equals(name)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("no method '" + name + "' at mu = " + mu);
        }

        public Stats.RelativeErrors relativeErrors(String method, int observable) {
            return Stats.relativeErrors(method(method).values()[observable], truth[observable]);
        }

        public double bias(String method, int observable) {
            return Stats.bias(relativeErrors(method, observable).values());
        }

        public double resolution(String method, int observable) {
            return Stats.resolution(relativeErrors(method, observable).values());
        }
    }

    /**
     * Every method on the jets of one μ; each method's estimate call gets at most {@link #CHUNK} jets and the seed
     * {@code seed} for the first chunk (a derived one for later chunks).
     */
    public PointResult evaluate(double mu, List<ContaminatedJet> jets, long seed) {
        if (jets.isEmpty()) {
            throw new IllegalArgumentException("no jets to evaluate at mu = " + mu);
        }
        double[][] truth = transpose(EventLoop.run(0, 0, jets.size(), threads,
                (i, rng) -> JetObservables.of(JetEstimate.of(JetObservables.momenta(jets.get((int) i).truth()))))
                .toArray(new double[0][]));
        List<MethodResult> out = new ArrayList<>();
        for (PileupRemover m : methods) {
            out.add(evaluate(m, jets, truth, seed, threads));
        }
        return new PointResult(mu, truth, List.copyOf(out));
    }

    /** One method on jets whose truth observables [observable][jet] are given. */
    public static MethodResult evaluate(PileupRemover m, List<ContaminatedJet> jets, double[][] truth, long seed,
                                        int threads) {
        // chunks bound the memory of K posterior samples per jet; chunk c gets its own seed (chunk 0 the given one)
        List<List<JetEstimate>> est = new ArrayList<>(jets.size());
        double seconds = 0;
        for (int c = 0; c < jets.size(); c += CHUNK) {
            List<ContaminatedJet> part = jets.subList(c, Math.min(jets.size(), c + CHUNK));
            long t0 = System.nanoTime();
            List<List<JetEstimate>> e = m.estimate(part, chunkSeed(seed, c));
            seconds += (System.nanoTime() - t0) * 1e-9;
            if (e.size() != part.size()) {
                throw new IllegalStateException(m.name() + " returned " + e.size() + " results for " + part.size()
                        + " jets");
            }
            est.addAll(e);
        }
        int k = 0;
        for (int j = 0; j < est.size(); j++) {
            if (est.get(j).isEmpty()) {
                throw new IllegalStateException(m.name() + " returned no estimate for jet " + j);
            }
            k = Math.max(k, est.get(j).size());
        }
        boolean posterior = k > 1;
        int n = jets.size();
        int no = JetObservables.COUNT;
        // per jet: the point values, then (posteriors) truth quantile and coverage flag per observable
        List<double[]> rows = EventLoop.run(0, 0, n, threads, (i, rng) -> {
            int j = (int) i;
            List<JetEstimate> e = est.get(j);
            double[][] s = new double[no][e.size()];
            for (int a = 0; a < e.size(); a++) {
                double[] v = JetObservables.of(e.get(a));
                for (int o = 0; o < no; o++) {
                    s[o][a] = v[o];
                }
            }
            double[] row = new double[3 * no];
            for (int o = 0; o < no; o++) {
                row[o] = Stats.median(s[o]);
                if (posterior) {
                    row[no + o] = Calibration.truthQuantile(s[o], truth[o][j]);
                    row[2 * no + o] = Calibration.covers(s[o], truth[o][j], Calibration.CENTRAL_68) ? 1 : 0;
                }
            }
            return row;
        });
        double[][] values = new double[no][n];
        double[][] quantiles = posterior ? new double[no][n] : null;
        double[] coverage = posterior ? new double[no] : null;
        for (int j = 0; j < n; j++) {
            double[] r = rows.get(j);
            for (int o = 0; o < no; o++) {
                values[o][j] = r[o];
                if (posterior) {
                    quantiles[o][j] = r[no + o];
                    coverage[o] += r[2 * no + o] / n;
                }
            }
        }
        return new MethodResult(m.name(), k, values, coverage, quantiles, seconds);
    }

    /**
     * Jets per second of one estimate call of a method on the given jets (wall time, the K samples of a posterior
     * included): the number for {@code sampling_jets_per_s}, e.g. of the posterior with and without context caching.
     */
    public static double jetsPerSecond(PileupRemover m, List<ContaminatedJet> jets, long seed) {
        long t0 = System.nanoTime();
        m.estimate(jets, seed);
        return jets.size() / ((System.nanoTime() - t0) * 1e-9);
    }

    /** The seed of the estimate call for jets {@code first …}: the run's seed for the first chunk. */
    static long chunkSeed(long seed, int first) {
        return seed + first * 0x9E3779B97F4A7C15L;
    }

    private static double[][] transpose(double[][] rows) {
        int n = rows.length;
        int m = rows[0].length;
        double[][] t = new double[m][n];
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < m; o++) {
                t[o][i] = rows[i][o];
            }
        }
        return t;
    }
}
