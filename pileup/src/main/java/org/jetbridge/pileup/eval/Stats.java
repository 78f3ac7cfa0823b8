package org.jetbridge.pileup.eval;

import java.util.Arrays;

/**
 * The summary statistics of the pile-up evaluation: per-jet relative errors RE = (pred − truth)/truth, bias =
 * median(RE) and resolution = IQR(RE)/1.349 (the σ of a normal distribution with that inter-quartile range), and
 * quantiles with linear interpolation between order statistics (position (n − 1)·p, "type 7").
 */
public final class Stats {
    /** IQR of a unit normal distribution, 2 Φ⁻¹(¾). */
    public static final double NORMAL_IQR = 1.3489795003921634;

    private Stats() {
    }

    /** Quantile p ∈ [0, 1] of values already sorted ascending (NaN for an empty array). */
    public static double quantileSorted(double[] sorted, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile must be in [0, 1], got " + p);
        }
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double x = (n - 1) * p;
        int i = (int) Math.floor(x);
        if (i >= n - 1) {
            return sorted[n - 1];
        }
        double f = x - i;
        return sorted[i] + f * (sorted[i + 1] - sorted[i]);
    }

    /** Quantile p of unsorted values (the input is not modified). */
    public static double quantile(double[] values, double p) {
        double[] s = values.clone();
        Arrays.sort(s);
        return quantileSorted(s, p);
    }

    public static double median(double[] values) {
        return quantile(values, 0.5);
    }

    /** Median relative error (NaN for no values). */
    public static double bias(double[] relativeErrors) {
        return median(relativeErrors);
    }

    /** IQR(RE)/1.349 (NaN for no values). */
    public static double resolution(double[] relativeErrors) {
        double[] s = relativeErrors.clone();
        Arrays.sort(s);
        return (quantileSorted(s, 0.75) - quantileSorted(s, 0.25)) / NORMAL_IQR;
    }

    /**
     * (pred − truth)/truth for every jet whose truth is non-zero; jets with truth 0 (RE undefined, e.g. τ32 of a
     * jet with two constituents) are left out and counted in {@link RelativeErrors#undefined()}.
     */
    public static RelativeErrors relativeErrors(double[] predicted, double[] truth) {
        if (predicted.length != truth.length) {
            throw new IllegalArgumentException("predicted and truth differ in length: " + predicted.length + " vs "
                    + truth.length);
        }
        double[] re = new double[truth.length];
        int n = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] != 0) {
                re[n++] = (predicted[i] - truth[i]) / truth[i];
            }
        }
        return new RelativeErrors(Arrays.copyOf(re, n), truth.length - n);
    }

    /** Relative errors of the jets with a defined RE, and how many jets had none (truth = 0). */
    public record RelativeErrors(double[] values, int undefined) {
    }
}
