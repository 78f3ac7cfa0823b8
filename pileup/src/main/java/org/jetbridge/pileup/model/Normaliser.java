package org.jetbridge.pileup.model;

import java.util.Arrays;
import org.jetbridge.nn.HostArray;

/**
 * Per-feature standardisation (x − mean)/std with running statistics (Welford, in double) that freeze by
 * themselves once {@code warmup} rows have been seen; only frozen statistics are used and saved with the model.
 */
public final class Normaliser {
    private final int features;
    private final long warmup;
    private long count;
    private final double[] mean;
    private final double[] m2;
    private float[] frozenMean;
    private float[] frozenStd;

    /** Accumulates until {@code warmup} rows are seen, then freezes. */
    public Normaliser(int features, long warmup) {
        if (features < 1 || warmup < 1) {
            throw new IllegalArgumentException("normaliser: need features >= 1 and warmup >= 1, got " + features
                    + ", " + warmup);
        }
        this.features = features;
        this.warmup = warmup;
        this.mean = new double[features];
        this.m2 = new double[features];
    }

    /** Frozen statistics, as saved (std > 0). */
    public static Normaliser frozen(float[] mean, float[] std) {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("normaliser: mean has " + mean.length + " entries, std "
                    + std.length);
        }
        for (int i = 0; i < std.length; i++) {
            if (!(std[i] > 0) || !Float.isFinite(mean[i])) {
                throw new IllegalArgumentException("normaliser: feature " + i + " has mean " + mean[i] + ", std "
                        + std[i] + "; expected finite mean and std > 0");
            }
        }
        Normaliser n = new Normaliser(mean.length, 1);
        n.frozenMean = mean.clone();
        n.frozenStd = std.clone();
        n.count = 1;
        return n;
    }

    /** Adds {@code rows} rows of {@code values} (row-major, from 0) unless frozen; freezes at the warm-up count. */
    public void observe(float[] values, int rows) {
        for (int r = 0; r < rows && !isFrozen(); r++) {
            count++;
            for (int f = 0; f < features; f++) {
                double x = values[r * features + f];
                double d = x - mean[f];
                mean[f] += d / count;
                m2[f] += d * (x - mean[f]);
            }
            if (count >= warmup) {
                freeze();
            }
        }
    }

    /** Freezes now (at least one row must have been seen); a constant feature gets std 1. */
    public void freeze() {
        if (isFrozen()) {
            return;
        }
        if (count == 0) {
            throw new IllegalStateException("normaliser: no rows seen before freezing");
        }
        frozenMean = new float[features];
        frozenStd = new float[features];
        for (int f = 0; f < features; f++) {
            frozenMean[f] = (float) mean[f];
            double sd = Math.sqrt(m2[f] / count);
            frozenStd[f] = sd > 1e-8 ? (float) sd : 1f;
        }
    }

    public boolean isFrozen() {
        return frozenMean != null;
    }

    public long count() {
        return count;
    }

    public int features() {
        return features;
    }

    public float[] mean() {
        return requireFrozen().frozenMean.clone();
    }

    public float[] std() {
        return requireFrozen().frozenStd.clone();
    }

    /** Standardises {@code rows} rows of {@code in} into {@code out} at {@code outOffset}. */
    public void apply(float[] in, int rows, float[] out, int outOffset) {
        requireFrozen();
        for (int r = 0; r < rows; r++) {
            for (int f = 0; f < features; f++) {
                int i = r * features + f;
                out[outOffset + i] = (in[i] - frozenMean[f]) / frozenStd[f];
            }
        }
    }

    /** Undoes {@link #apply} in place on {@code rows} rows from {@code offset}. */
    public void invert(float[] values, int offset, int rows) {
        requireFrozen();
        for (int r = 0; r < rows; r++) {
            for (int f = 0; f < features; f++) {
                int i = offset + r * features + f;
                values[i] = values[i] * frozenStd[f] + frozenMean[f];
            }
        }
    }

    /** Mean and std as one [2, features] array for a model archive. */
    public HostArray toArray() {
        float[] v = Arrays.copyOf(mean(), 2 * features);
        System.arraycopy(frozenStd, 0, v, features, features);
        return HostArray.ofFloats(v, 2, features);
    }

    /** Reads {@link #toArray()} back. */
    public static Normaliser fromArray(HostArray a, String name) {
        long[] s = a.shape();
        if (s.length != 2 || s[0] != 2) {
            throw new IllegalArgumentException(name + ": expected a [2, features] normaliser array, got "
                    + Arrays.toString(s));
        }
        float[] v = a.toFloats();
        int f = (int) s[1];
        return frozen(Arrays.copyOf(v, f), Arrays.copyOfRange(v, f, 2 * f));
    }

    private Normaliser requireFrozen() {
        if (!isFrozen()) {
            throw new IllegalStateException("normaliser used before its warm-up of " + warmup + " rows ended ("
                    + count + " seen)");
        }
        return this;
    }

    @Override
    public String toString() {
        return isFrozen() ? "mean " + Arrays.toString(frozenMean) + " std " + Arrays.toString(frozenStd)
                : "warming up (" + count + "/" + warmup + ")";
    }
}
