package org.jetbridge.tagger;

import java.util.Arrays;

/**
 * How far apart two samples of a score are: the 1-D Wasserstein-1 distance (area between the empirical CDFs), the
 * Kolmogorov–Smirnov distance (largest CDF difference) and the ROC AUC of the score as a discriminant of the
 * second sample against the first (0.5 when they are alike).
 *
 * @param wasserstein W1 in score units
 * @param ks sup |F_a − F_b|
 * @param auc P(score_b &gt; score_a) + ½ P(equal)
 */
public record ScoreShift(double wasserstein, double ks, double auc) {

    /** Distances between samples {@code a} (reference) and {@code b}. */
    public static ScoreShift of(double[] a, double[] b) {
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        double w = 0;
        double ks = 0;
        int i = 0;
        int j = 0;
        double prev = Math.min(x[0], y[0]);
        while (i < x.length || j < y.length) {
            double next = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i] : y[j];
            double fa = (double) i / x.length;
            double fb = (double) j / y.length;
            w += Math.abs(fa - fb) * (next - prev);
            while (i < x.length && x[i] == next) {
                i++;
            }
            while (j < y.length && y[j] == next) {
                j++;
            }
            ks = Math.max(ks, Math.abs((double) i / x.length - (double) j / y.length));
            prev = next;
        }
        double[] all = java.util.Arrays.copyOf(b, a.length + b.length);
        System.arraycopy(a, 0, all, b.length, a.length);
        boolean[] second = new boolean[all.length];
        java.util.Arrays.fill(second, 0, b.length, true);
        return new ScoreShift(w, ks, org.jetbridge.report.Roc.of(all, second).auc());
    }
}
