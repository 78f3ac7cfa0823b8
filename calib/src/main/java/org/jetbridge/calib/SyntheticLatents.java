package org.jetbridge.calib;

import java.util.SplittableRandom;

/**
 * Synthetic source/target pairs with known structure, for closure tests and benchmarks: Gaussians with a known
 * Brenier map, and latent-like Gaussian mixtures whose target has shifted, rescaled and rotated components (the
 * situation of a tagger latent in simulation vs data). Deterministic for a given seed.
 */
public final class SyntheticLatents {

    private SyntheticLatents() {}

    /**
     * A Gaussian N(μ, Σ) with μ ~ N(0, meanScale²) per component and Σ = Q diag(λ) Qᵀ, Q a random rotation, λ
     * log-uniform in [lo, hi].
     *
     * @param mean the mean μ
     * @param covariance the covariance Σ
     */
    public record Gaussian(double[] mean, double[][] covariance) {

        /** A random Gaussian in {@code dim} dimensions. */
        public static Gaussian random(int dim, double meanScale, double lo, double hi, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            double[] mu = new double[dim];
            double[] lambda = new double[dim];
            for (int i = 0; i < dim; i++) {
                mu[i] = meanScale * r.nextGaussian();
                lambda[i] = lo * Math.pow(hi / lo, r.nextDouble());
            }
            double[][] q = rotation(dim, r);
            double[][] s = new double[dim][dim];
            for (int i = 0; i < dim; i++) {
                for (int j = 0; j < dim; j++) {
                    for (int k = 0; k < dim; k++) {
                        s[i][j] += q[i][k] * lambda[k] * q[j][k];
                    }
                }
            }
            return new Gaussian(mu, s);
        }

        /** The standard normal in {@code dim} dimensions. */
        public static Gaussian standard(int dim) {
            double[][] s = new double[dim][dim];
            for (int i = 0; i < dim; i++) {
                s[i][i] = 1;
            }
            return new Gaussian(new double[dim], s);
        }

        /** {@code n} samples μ + L z with Σ = L Lᵀ (L the symmetric root). */
        public Rows sample(int n, long seed) {
            int d = mean.length;
            double[][] root = SymmetricEigen.of(covariance).apply(l -> Math.sqrt(Math.max(l, 0)));
            SplittableRandom r = new SplittableRandom(seed);
            float[] out = new float[n * d];
            double[] z = new double[d];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    z[j] = r.nextGaussian();
                }
                for (int j = 0; j < d; j++) {
                    double v = mean[j];
                    for (int k = 0; k < d; k++) {
                        v += root[j][k] * z[k];
                    }
                    out[i * d + j] = (float) v;
                }
            }
            return new Rows(out, n, d);
        }
    }

    /**
     * A latent-like pair in {@code dim} dimensions: a source mixture of {@code components} Gaussians (random means of
     * norm ≈ 3, per-dimension widths in [0.5, 1.5]) and a target made from the same components, each shifted by
     * ≈ {@code shift}, rescaled by factors in [1 − scale, 1 + scale] and rotated in a random plane by up to
     * {@code angle} radians; component weights differ (±10 % by default) between the two. Also returns the component labels
     * (a stand-in for jet flavour).
     *
     * @param source source rows
     * @param sourceLabels source component per row
     * @param target target rows
     * @param targetLabels target component per row
     */
    public record MixturePair(Rows source, int[] sourceLabels, Rows target, int[] targetLabels) {}

    /** Generates a {@link MixturePair} with {@code n} rows per side; the samples are drawn with {@code seed} too. */
    public static MixturePair mixturePair(int dim, int components, int n, double shift, double scale, double angle,
            long seed) {
        return mixturePair(dim, components, n, shift, scale, angle, seed, seed, 0.2);
    }

    /**
     * As above, with the distributions fixed by {@code seed}, the rows drawn with {@code sampleSeed} (held-out
     * samples of the same pair) and the target's component weights 1 ± weightJitter/2 (0.2 above; 0: equal
     * fractions, so no mass has to move between components).
     */
    public static MixturePair mixturePair(int dim, int components, int n, double shift, double scale, double angle,
            long seed, long sampleSeed, double weightJitter) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] means = new double[components][dim];
        double[][] widths = new double[components][dim];
        double[][] targetMeans = new double[components][dim];
        double[][] targetWidths = new double[components][dim];
        int[][] planes = new int[components][2];
        double[] angles = new double[components];
        double[] wSource = new double[components];
        double[] wTarget = new double[components];
        for (int c = 0; c < components; c++) {
            for (int j = 0; j < dim; j++) {
                means[c][j] = 3 * r.nextGaussian() / Math.sqrt(dim) * Math.sqrt(3);
                widths[c][j] = 0.5 + r.nextDouble();
                targetMeans[c][j] = means[c][j] + shift * r.nextGaussian() / Math.sqrt(dim);
                targetWidths[c][j] = widths[c][j] * (1 - scale + 2 * scale * r.nextDouble());
            }
            planes[c][0] = r.nextInt(dim);
            planes[c][1] = (planes[c][0] + 1 + r.nextInt(dim - 1)) % dim;
            angles[c] = angle * (2 * r.nextDouble() - 1);
            wSource[c] = 1;
            wTarget[c] = 1 + weightJitter * (r.nextDouble() - 0.5);
        }
        int[] sl = new int[n];
        int[] tl = new int[n];
        SplittableRandom samples = new SplittableRandom(sampleSeed * 0x9E3779B97F4A7C15L + 17);
        Rows s = draw(means, widths, null, null, wSource, n, samples.split(), sl);
        Rows t = draw(targetMeans, targetWidths, planes, angles, wTarget, n, samples.split(), tl);
        return new MixturePair(s, sl, t, tl);
    }

    private static Rows draw(double[][] means, double[][] widths, int[][] planes, double[] angles, double[] weights,
            int n, SplittableRandom r, int[] labels) {
        int k = means.length;
        int d = means[0].length;
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        float[] out = new float[n * d];
        double[] z = new double[d];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble() * total;
            int c = 0;
            while (c < k - 1 && u >= weights[c]) {
                u -= weights[c];
                c++;
            }
            labels[i] = c;
            for (int j = 0; j < d; j++) {
                z[j] = widths[c][j] * r.nextGaussian();
            }
            if (planes != null) {
                int p = planes[c][0];
                int q = planes[c][1];
                double cs = Math.cos(angles[c]);
                double sn = Math.sin(angles[c]);
                double zp = z[p];
                double zq = z[q];
                z[p] = cs * zp - sn * zq;
                z[q] = sn * zp + cs * zq;
            }
            for (int j = 0; j < d; j++) {
                out[i * d + j] = (float) (means[c][j] + z[j]);
            }
        }
        return new Rows(out, n, d);
    }

    private static double[][] rotation(int dim, SplittableRandom r) {
        double[][] q = new double[dim][dim];
        for (int k = 0; k < dim; k++) {
            for (int i = 0; i < dim; i++) {
                q[i][k] = r.nextGaussian();
            }
            // Gram-Schmidt against previous columns
            for (int p = 0; p < k; p++) {
                double dot = 0;
                for (int i = 0; i < dim; i++) {
                    dot += q[i][k] * q[i][p];
                }
                for (int i = 0; i < dim; i++) {
                    q[i][k] -= dot * q[i][p];
                }
            }
            double norm = 0;
            for (int i = 0; i < dim; i++) {
                norm += q[i][k] * q[i][k];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < dim; i++) {
                q[i][k] /= norm;
            }
        }
        return q;
    }
}
