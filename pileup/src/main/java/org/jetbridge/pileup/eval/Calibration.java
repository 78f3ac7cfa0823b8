package org.jetbridge.pileup.eval;

import java.util.Arrays;

/**
 * Calibration of a posterior given as K samples per jet: the quantile of the truth among the samples (uniform on
 * [0, 1] for a calibrated posterior) and the coverage of central intervals (the fraction of jets whose truth lies
 * between the sample quantiles (1 − c)/2 and (1 + c)/2; c for a calibrated posterior, less for an over-confident one).
 */
public final class Calibration {
    /** The nominal probability of the reported central interval, ±1σ of a normal distribution. */
    public static final double CENTRAL_68 = 0.68;

    private Calibration() {
    }

    /**
     * Fraction of the samples below the truth, ties counted half: the truth's rank quantile in [0, 1]
     * (the samples are not modified).
     */
    public static double truthQuantile(double[] samples, double truth) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("posterior needs at least one sample");
        }
        double below = 0;
        for (double s : samples) {
            if (s < truth) {
                below += 1;
            } else if (s == truth) {
                below += 0.5;
            }
        }
        return below / samples.length;
    }

    /** True when the truth lies in the central interval of probability {@code level} of the samples. */
    public static boolean covers(double[] samples, double truth, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("interval probability must be in (0, 1), got " + level);
        }
        double[] s = samples.clone();
        Arrays.sort(s);
        return truth >= Stats.quantileSorted(s, (1 - level) / 2) && truth <= Stats.quantileSorted(s, (1 + level) / 2);
    }

    /** Fraction of jets covered: {@code samples[j]} is the posterior of jet j, {@code truth[j]} its truth. */
    public static double coverage(double[][] samples, double[] truth, double level) {
        if (samples.length != truth.length || truth.length == 0) {
            throw new IllegalArgumentException("need one posterior per truth value and at least one jet, got "
                    + samples.length + " posteriors and " + truth.length + " truths");
        }
        int in = 0;
        for (int j = 0; j < truth.length; j++) {
            in += covers(samples[j], truth[j], level) ? 1 : 0;
        }
        return (double) in / truth.length;
    }
}
