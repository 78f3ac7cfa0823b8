package org.jetbridge.calib;

import java.util.Arrays;

/** One-dimensional Wasserstein-1 distance ∫|F_a(t) − F_b(t)| dt between two empirical distributions (their units). */
public final class Wasserstein {

    private Wasserstein() {}

    /** Exact W1 of the empirical distributions of {@code a} and {@code b}; O((n+m) log(n+m)). */
    public static double w1(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("wasserstein: empty sample (" + a.length + ", " + b.length + ")");
        }
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int i = 0;
        int j = 0;
        double total = 0;
        double prev = Math.min(x[0], y[0]);
        while (i < x.length || j < y.length) {
            double next = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i] : y[j];
            total += Math.abs((double) i / x.length - (double) j / y.length) * (next - prev);
            prev = next;
            if (j >= y.length || (i < x.length && x[i] <= y[j])) {
                i++;
            } else {
                j++;
            }
        }
        return total;
    }
}
