package org.jetbridge.calib;

import org.jetbridge.report.SampleDistance;

/** One-dimensional Wasserstein-1 distance ∫|F_a(t) − F_b(t)| dt between two empirical distributions (their units). */
public final class Wasserstein {

    private Wasserstein() {}

    /** Exact W1 of the empirical distributions of {@code a} and {@code b}; O((n+m) log(n+m)). */
    public static double w1(double[] a, double[] b) {
        return SampleDistance.of(a, b).wasserstein();
    }
}
