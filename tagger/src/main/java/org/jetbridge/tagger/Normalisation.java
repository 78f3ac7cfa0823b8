package org.jetbridge.tagger;

import java.util.Arrays;
import java.util.Locale;
import org.jetbridge.nn.HostArray;

/**
 * Robust per-input normalisation fitted on the training set: median and inter-quartile range (75th − 25th
 * percentile, linear interpolation between order statistics as NumPy's default) of every {@link ConstituentFeatures}
 * input, applied as {@code (x − median) / IQR} (then asinh for the heavy-tailed track inputs, which are fitted on
 * charged constituents only and stay 0 for neutrals). Identity inputs keep median 0 and IQR 1. An IQR of 0 (an input
 * constant on half the sample) is replaced by 1 so that the map stays finite.
 *
 * @param median per input, in input units
 * @param iqr per input, in input units, &gt; 0
 */
public record Normalisation(double[] median, double[] iqr) {

    public Normalisation {
        if (median.length != ConstituentFeatures.COUNT || iqr.length != ConstituentFeatures.COUNT) {
            throw new IllegalArgumentException("normalisation: expected " + ConstituentFeatures.COUNT
                    + " inputs, got " + median.length + " medians and " + iqr.length + " IQRs");
        }
        for (int f = 0; f < median.length; f++) {
            if (!Double.isFinite(median[f]) || !(iqr[f] > 0) || !Double.isFinite(iqr[f])) {
                throw new IllegalArgumentException("normalisation of '" + ConstituentFeatures.NAMES.get(f)
                        + "': median " + median[f] + ", IQR " + iqr[f] + "; expected finite, IQR > 0");
            }
        }
        median = median.clone();
        iqr = iqr.clone();
    }

    @Override
    public double[] median() {
        return median.clone();
    }

    @Override
    public double[] iqr() {
        return iqr.clone();
    }

    /**
     * Accumulates raw inputs of real constituents and fits the normalisation; memory is 4 bytes per value kept.
     */
    public static final class Fitter {
        private final float[][] values = new float[ConstituentFeatures.COUNT][];
        private final int[] sizes = new int[ConstituentFeatures.COUNT];

        public Fitter() {
            for (int f = 0; f < values.length; f++) {
                values[f] = new float[1024];
            }
        }

        /** Adds one constituent's raw inputs ({@link ConstituentFeatures#COUNT} values from {@code at}). */
        public void add(float[] raw, int at) {
            boolean charged = ConstituentFeatures.charged(raw, at);
            for (int f = 0; f < ConstituentFeatures.COUNT; f++) {
                ConstituentFeatures.Kind k = ConstituentFeatures.KINDS.get(f);
                if (k == ConstituentFeatures.Kind.ROBUST || (k == ConstituentFeatures.Kind.TRACK && charged)) {
                    if (sizes[f] == values[f].length) {
                        values[f] = Arrays.copyOf(values[f], 2 * sizes[f]);
                    }
                    values[f][sizes[f]++] = raw[at + f];
                }
            }
        }

        /** Number of constituents added. */
        public long constituents() {
            return sizes[0];
        }

        /** The fitted normalisation; fails when no constituent (or no charged one) was added. */
        public Normalisation fit() {
            double[] median = new double[ConstituentFeatures.COUNT];
            double[] iqr = new double[ConstituentFeatures.COUNT];
            for (int f = 0; f < median.length; f++) {
                if (ConstituentFeatures.KINDS.get(f) == ConstituentFeatures.Kind.IDENTITY) {
                    iqr[f] = 1;
                    continue;
                }
                if (sizes[f] == 0) {
                    throw new IllegalArgumentException("normalisation: no " + (ConstituentFeatures.KINDS.get(f)
                            == ConstituentFeatures.Kind.TRACK ? "charged " : "") + "constituents to fit input '"
                            + ConstituentFeatures.NAMES.get(f) + "'");
                }
                float[] v = Arrays.copyOf(values[f], sizes[f]);
                Arrays.sort(v);
                median[f] = quantile(v, 0.5);
                double q = quantile(v, 0.75) - quantile(v, 0.25);
                iqr[f] = q > 0 ? q : 1;
            }
            return new Normalisation(median, iqr);
        }
    }

    /** Quantile p of sorted values with linear interpolation at position (n − 1)·p. */
    static double quantile(float[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * ((double) sorted[hi] - sorted[lo]);
    }

    /** Normalises {@link ConstituentFeatures#COUNT} raw inputs in place from {@code at}. */
    public void apply(float[] x, int at) {
        boolean charged = ConstituentFeatures.charged(x, at);
        for (int f = 0; f < ConstituentFeatures.COUNT; f++) {
            switch (ConstituentFeatures.KINDS.get(f)) {
                case ROBUST -> x[at + f] = (float) ((x[at + f] - median[f]) / iqr[f]);
                case TRACK -> x[at + f] = charged ? (float) asinh((x[at + f] - median[f]) / iqr[f]) : 0f;
                case IDENTITY -> { }
            }
        }
    }

    private static double asinh(double z) {
        return Math.copySign(Math.log(Math.abs(z) + Math.sqrt(z * z + 1)), z);
    }

    /** The two arrays as stored with a model ({@code extra/normalisation_median}, {@code ..._iqr}). */
    public HostArray medianArray() {
        return HostArray.ofDoubles(median, median.length);
    }

    public HostArray iqrArray() {
        return HostArray.ofDoubles(iqr, iqr.length);
    }

    public static Normalisation of(HostArray median, HostArray iqr) {
        return new Normalisation(median.toDoubles(), iqr.toDoubles());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalisation n && Arrays.equals(n.median, median) && Arrays.equals(n.iqr, iqr);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(median) + Arrays.hashCode(iqr);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Normalisation[");
        for (int f = 0; f < median.length; f++) {
            s.append(String.format(Locale.ROOT, "%s%s: %.4g/%.4g", f == 0 ? "" : ", ", ConstituentFeatures.NAMES.get(f),
                    median[f], iqr[f]));
        }
        return s.append(']').toString();
    }
}
