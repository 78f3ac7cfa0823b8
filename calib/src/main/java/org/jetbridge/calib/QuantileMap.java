package org.jetbridge.calib;

import java.util.Arrays;

/**
 * The one-dimensional optimal-transport map F_target⁻¹ ∘ F_source between two empirical distributions (monotone
 * rearrangement), by linear interpolation between order statistics; the reference for 1-D closure tests. Units: those
 * of the samples.
 */
public final class QuantileMap {

    private final double[] source;
    private final double[] target;

    private QuantileMap(double[] source, double[] target) {
        this.source = source;
        this.target = target;
    }

    /** The map between the empirical distributions of {@code source} and {@code target} (copied and sorted). */
    public static QuantileMap fit(double[] source, double[] target) {
        if (source.length < 2 || target.length < 2) {
            throw new IllegalArgumentException("quantile map: need at least 2 values per side, got " + source.length
                    + " and " + target.length);
        }
        double[] s = source.clone();
        double[] t = target.clone();
        Arrays.sort(s);
        Arrays.sort(t);
        return new QuantileMap(s, t);
    }

    /** F_target⁻¹(F_source(x)), with F_source the interpolated empirical CDF (clamped to the sample range). */
    public double apply(double x) {
        int n = source.length;
        double u;
        if (x <= source[0]) {
            u = 0;
        } else if (x >= source[n - 1]) {
            u = 1;
        } else {
            int i = Arrays.binarySearch(source, x);
            if (i < 0) {
                i = -i - 2;
            }
            double lo = source[i];
            double hi = source[Math.min(i + 1, n - 1)];
            double frac = hi > lo ? (x - lo) / (hi - lo) : 0;
            u = (i + frac) / (n - 1);
        }
        double pos = u * (target.length - 1);
        int j = (int) Math.floor(pos);
        if (j >= target.length - 1) {
            return target[target.length - 1];
        }
        return target[j] + (pos - j) * (target[j + 1] - target[j]);
    }
}
