package org.jetbridge.tagger;

import java.util.Arrays;
import org.jetbridge.report.Roc;
import org.jetbridge.report.SampleDistance;

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
        SampleDistance d = SampleDistance.of(a, b);
        double[] all = Arrays.copyOf(b, a.length + b.length);
        System.arraycopy(a, 0, all, b.length, a.length);
        boolean[] second = new boolean[all.length];
        Arrays.fill(second, 0, b.length, true);
        return new ScoreShift(d.wasserstein(), d.ks(), Roc.of(all, second).auc());
    }
}
