package org.jetbridge.calib;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.jetbridge.nn.ModelArchive;
import org.jetbridge.nn.NnRuntime;

/**
 * The bootstrap ensemble of a calibration fit: member b is the same kind of map fitted on a resample (rows drawn with
 * replacement, same counts, conditions kept with their rows) of source and target, saved as a fit directory
 * {@code OUTPUT/}{@value #DIR}{@code /NNN/}. The spread of the members' outputs is the statistical uncertainty of the
 * map; outputs are in the data's units. Owns the loaded members ({@link #close}).
 */
public final class MapEnsemble implements AutoCloseable {

    /** Sub-directory of a fit's output that holds the members. */
    public static final String DIR = "bootstrap";

    /** Fits one member on the given (resampled) rows with {@code seed} and saves it into the fit directory {@code dir}. */
    @FunctionalInterface
    public interface MemberFit {
        void fit(Rows source, Rows sourceConditions, Rows target, Rows targetConditions, long seed, Path dir)
                throws IOException;
    }

    private final List<CalibrationMap> members;

    private MapEnsemble(List<CalibrationMap> members) {
        this.members = members;
    }

    /** Fit directory of member {@code b} of the fit written to {@code output}. */
    public static Path memberDir(Path output, int b) {
        return output.resolve(DIR).resolve(String.format(Locale.ROOT, "%03d", b));
    }

    /** Seed of member {@code b}: a deterministic, well-mixed function of the fit's seed and b. */
    public static long memberSeed(long seed, int b) {
        return new SplittableRandom(seed + 0x9E3779B97F4A7C15L * (b + 1L)).nextLong();
    }

    /** {@code n} row indices drawn uniformly with replacement from 0..n−1. */
    static int[] resample(int n, SplittableRandom random) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = random.nextInt(n);
        }
        return idx;
    }

    private static boolean saved(Path memberDir) {
        return Files.isRegularFile(memberDir.resolve(TransportMap.DIR).resolve(ModelArchive.DESCRIPTION));
    }

    /**
     * Fits members 0..{@code members}−1 of the fit written to {@code output}, skipping those already saved (resume);
     * one progress line per member on {@code log}.
     *
     * @return the number of members fitted by this call
     * @throws IllegalArgumentException when {@code members} is negative
     */
    public static int fit(int members, long seed, Rows source, Rows sourceConditions, Rows target,
            Rows targetConditions, Path output, MemberFit fit, PrintStream log) throws IOException {
        if (members < 0) {
            throw new IllegalArgumentException("bootstrap members: expected >= 0, got " + members);
        }
        int fitted = 0;
        for (int b = 0; b < members; b++) {
            Path dir = memberDir(output, b);
            if (saved(dir)) {
                log.println(String.format(Locale.ROOT, "bootstrap member %d/%d: already in %s, skipped", b + 1,
                        members, dir));
                continue;
            }
            long t0 = System.nanoTime();
            long s = memberSeed(seed, b);
            SplittableRandom random = new SplittableRandom(s);
            int[] is = resample(source.rows(), random);
            int[] it = resample(target.rows(), random);
            fit.fit(source.select(is), sourceConditions == null ? null : sourceConditions.select(is),
                    target.select(it), targetConditions == null ? null : targetConditions.select(it), s, dir);
            fitted++;
            log.println(String.format(Locale.ROOT, "bootstrap member %d/%d: fitted in %.1f s into %s", b + 1, members,
                    (System.nanoTime() - t0) * 1e-9, dir));
        }
        return fitted;
    }

    /**
     * Loads every member saved under {@code output/}{@value #DIR} (none when there is no such directory), in member
     * order, with {@link CalibrationMap#load}.
     *
     * @throws IllegalArgumentException naming the member directory when it holds no finished map
     */
    public static MapEnsemble load(NnRuntime runtime, Path output) throws IOException {
        Path root = output.resolve(DIR);
        List<CalibrationMap> maps = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return new MapEnsemble(maps);
        }
        List<Path> dirs;
        try (Stream<Path> s = Files.list(root)) {
            dirs = s.filter(p -> Files.isDirectory(p) && p.getFileName().toString().matches("[0-9]+")).sorted()
                    .toList();
        }
        try {
            for (Path d : dirs) {
                if (!saved(d)) {
                    throw new IllegalArgumentException(d + ": bootstrap member not finished (no " + TransportMap.DIR
                            + "/" + ModelArchive.DESCRIPTION + "); re-run calibrate fit with the same --output");
                }
                maps.add(CalibrationMap.load(runtime, d));
            }
        } catch (IOException | RuntimeException e) {
            new MapEnsemble(maps).close();
            throw e;
        }
        return new MapEnsemble(maps);
    }

    /** The members, in order (owned by this ensemble). */
    public List<CalibrationMap> members() {
        return members;
    }

    public int size() {
        return members.size();
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }

    /** Every member applied to {@code x} (conditions {@code cond} or null), in member order. */
    public List<Rows> apply(Rows x, Rows cond) {
        List<Rows> out = new ArrayList<>();
        for (CalibrationMap m : members) {
            out.add(m.apply(x, cond));
        }
        return out;
    }

    /**
     * Per-row, per-column standard deviation over the members (n − 1 denominator; 0 for a single member) of the
     * mapped rows: {@code n} rows of {@code in} ([n, d]) and {@code cond} ([n, c] or null) into {@code out} ([n, d]).
     */
    public void std(float[] in, float[] cond, float[] out, int n) {
        if (members.isEmpty()) {
            throw new IllegalStateException("bootstrap std: the ensemble has no members");
        }
        int d = members.get(0).dim();
        double[] mean = new double[n * d];
        double[] m2 = new double[n * d];
        float[] y = new float[n * d];
        int k = 0;
        for (CalibrationMap m : members) {
            m.apply(in, cond, y, n);
            k++;
            for (int i = 0; i < n * d; i++) { // Welford: no cancellation when the spread is small against the values
                double delta = y[i] - mean[i];
                mean[i] += delta / k;
                m2[i] += delta * (y[i] - mean[i]);
            }
        }
        for (int i = 0; i < n * d; i++) {
            out[i] = k < 2 ? 0f : (float) Math.sqrt(m2[i] / (k - 1));
        }
    }

    /**
     * Mean, standard deviation (n − 1) and the 16th and 84th percentiles (linear interpolation between order
     * statistics) of one quantity over the members.
     */
    public record Spread(double mean, double std, double lo, double hi) {

        public static Spread of(double[] values) {
            if (values.length == 0) {
                throw new IllegalArgumentException("spread: expected at least one value");
            }
            double[] s = values.clone();
            Arrays.sort(s);
            double mean = 0;
            for (double v : s) {
                mean += v;
            }
            mean /= s.length;
            double ss = 0;
            for (double v : s) {
                ss += (v - mean) * (v - mean);
            }
            double std = s.length < 2 ? 0 : Math.sqrt(ss / (s.length - 1));
            return new Spread(mean, std, percentile(s, 0.16), percentile(s, 0.84));
        }

        /** Percentile {@code q} of ascending {@code sorted} values, interpolated at position q·(n − 1). */
        public static double percentile(double[] sorted, double q) {
            double pos = q * (sorted.length - 1);
            int i = (int) Math.floor(pos);
            int j = Math.min(sorted.length - 1, i + 1);
            return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
        }
    }

    @Override
    public void close() {
        for (CalibrationMap m : members) {
            m.close();
        }
    }
}
