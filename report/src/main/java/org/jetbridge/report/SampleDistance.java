package org.jetbridge.report;

import java.util.Arrays;

/**
 * Distances between the empirical distributions of two one-dimensional samples: the Wasserstein-1 distance
 * ∫|F_a − F_b| dt (in the samples' units) and the Kolmogorov–Smirnov distance sup|F_a − F_b|. Exact, one merge pass
 * over the sorted samples, O((n+m) log(n+m)); ties are stepped over together so the KS value is that of the CDFs.
 *
 * @param wasserstein W1 in the samples' units
 * @param ks sup |F_a − F_b|
 */
public record SampleDistance(double wasserstein, double ks) {

    /** Distances between samples {@code a} and {@code b} (neither empty, no NaN). */
    public static SampleDistance of(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("sample distance: empty sample (" + a.length + ", " + b.length + ")");
        }
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        if (Double.isNaN(x[x.length - 1]) || Double.isNaN(y[y.length - 1])) {
            throw new IllegalArgumentException("sample distance: NaN in a sample");
        }
        double w = 0;
        double ks = 0;
        int i = 0;
        int j = 0;
        double prev = Math.min(x[0], y[0]);
        while (i < x.length || j < y.length) {
            double next = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i] : y[j];
            w += Math.abs((double) i / x.length - (double) j / y.length) * (next - prev);
            while (i < x.length && x[i] == next) {
                i++;
            }
            while (j < y.length && y[j] == next) {
                j++;
            }
            ks = Math.max(ks, Math.abs((double) i / x.length - (double) j / y.length));
            prev = next;
        }
        return new SampleDistance(w, ks);
    }
}
