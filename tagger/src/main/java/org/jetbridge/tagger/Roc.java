package org.jetbridge.tagger;

import java.util.Arrays;

/**
 * Receiver-operating characteristic of a discriminant (higher = more signal-like) for a signal and a background
 * sample: the exact area under the curve (Mann–Whitney statistic, ties counted one half), the curve itself, and the
 * background rejection 1/ε_bkg at a given signal efficiency.
 */
public final class Roc {

    private final double[] signal;
    private final double[] background;

    /** Copies and sorts both samples; neither may be empty or contain NaN. */
    public Roc(double[] signal, double[] background) {
        if (signal.length == 0 || background.length == 0) {
            throw new IllegalArgumentException("ROC: need signal and background, got " + signal.length + " and "
                    + background.length + " entries");
        }
        this.signal = signal.clone();
        this.background = background.clone();
        Arrays.sort(this.signal);
        Arrays.sort(this.background);
        if (Double.isNaN(this.signal[this.signal.length - 1]) || Double.isNaN(this.background[this.background.length - 1])) {
            throw new IllegalArgumentException("ROC: discriminant contains NaN");
        }
    }

    /** P(score_signal &gt; score_background) + ½ P(equal). */
    public double auc() {
        double sum = 0;
        int lo = 0;
        int hi = 0;
        for (double s : signal) {
            while (lo < background.length && background[lo] < s) {
                lo++;
            }
            hi = Math.max(hi, lo);
            while (hi < background.length && background[hi] <= s) {
                hi++;
            }
            sum += lo + 0.5 * (hi - lo);
        }
        return sum / ((double) signal.length * background.length);
    }

    /** Fraction of {@code sorted} strictly above {@code cut}. */
    private static double above(double[] sorted, double cut) {
        int i = Arrays.binarySearch(sorted, cut);
        if (i < 0) {
            i = -i - 1;
        } else {
            while (i < sorted.length && sorted[i] == cut) {
                i++;
            }
        }
        return (double) (sorted.length - i) / sorted.length;
    }

    /**
     * Background efficiency when the cut keeps a signal efficiency of at least {@code efficiency}: the cut is
     * placed just below the signal score at quantile 1 − efficiency.
     */
    public double backgroundEfficiencyAt(double efficiency) {
        if (!(efficiency > 0 && efficiency <= 1)) {
            throw new IllegalArgumentException("signal efficiency: expected in (0, 1], got " + efficiency);
        }
        int keep = (int) Math.ceil(efficiency * signal.length - 1e-9);
        double cut = Math.nextDown(signal[signal.length - keep]);
        return above(background, cut);
    }

    /** 1 / background efficiency at {@code efficiency} (infinite when no background passes). */
    public double rejectionAt(double efficiency) {
        return 1 / backgroundEfficiencyAt(efficiency);
    }

    /**
     * The curve at {@code points} signal efficiencies evenly spaced in (0, 1]: rows of (signal efficiency,
     * background efficiency).
     */
    public double[][] curve(int points) {
        double[][] out = new double[points][];
        for (int i = 0; i < points; i++) {
            double e = (i + 1.0) / points;
            out[i] = new double[] {e, backgroundEfficiencyAt(e)};
        }
        return out;
    }
}
