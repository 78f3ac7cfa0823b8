package org.jetbridge.calib;

/**
 * Per-column affine standardisation x ↦ (x − mean)/std, fitted on the target (data) side and applied to both sides,
 * as in the reference training; saved with every transport map. Units: mean and std in the data's units.
 *
 * @param mean per-column mean
 * @param std per-column standard deviation (columns with zero spread use 1)
 */
public record Standardisation(double[] mean, double[] std) {

    public Standardisation {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("standardisation: " + mean.length + " means but " + std.length
                    + " standard deviations");
        }
        for (double s : std) {
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("standardisation: standard deviations must be positive, got " + s);
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    public int dim() {
        return mean.length;
    }

    /** Mean and standard deviation of every column of {@code data} (two passes, double accumulation). */
    public static Standardisation fit(Rows data) {
        int d = data.cols();
        double[] mean = new double[d];
        double[] var = new double[d];
        float[] v = data.values();
        for (int i = 0; i < data.rows(); i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += v[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= Math.max(1, data.rows());
        }
        for (int i = 0; i < data.rows(); i++) {
            for (int j = 0; j < d; j++) {
                double dx = v[i * d + j] - mean[j];
                var[j] += dx * dx;
            }
        }
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            double s = Math.sqrt(var[j] / Math.max(1, data.rows() - 1));
            std[j] = s > 0 && Double.isFinite(s) ? s : 1;
        }
        return new Standardisation(mean, std);
    }

    /** (x − mean)/std for {@code n} rows of {@code in} into {@code out} (may be the same array). */
    public void forward(float[] in, float[] out, int n) {
        int d = mean.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                out[i * d + j] = (float) ((in[i * d + j] - mean[j]) / std[j]);
            }
        }
    }

    /** mean + std·z for {@code n} rows. */
    public void inverse(float[] in, float[] out, int n) {
        int d = mean.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                out[i * d + j] = (float) (mean[j] + std[j] * in[i * d + j]);
            }
        }
    }

    /** A standardised copy of {@code data}. */
    public Rows forward(Rows data) {
        float[] out = new float[data.values().length];
        forward(data.values(), out, data.rows());
        return new Rows(out, data.rows(), data.cols());
    }
}
