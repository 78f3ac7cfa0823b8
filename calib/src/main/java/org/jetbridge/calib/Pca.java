package org.jetbridge.calib;

/**
 * Principal components of a sample (fitted on the target in calibration reports): the mean and the leading
 * eigenvectors of the covariance, by {@link SymmetricEigen}. Projections are in the data's units.
 *
 * @param mean per-column mean
 * @param components components[k] is the k-th principal direction (unit length), by decreasing variance
 * @param variances variance along each component
 */
public record Pca(double[] mean, double[][] components, double[] variances) {

    /** The leading {@code k} components of {@code data}. */
    public static Pca fit(Rows data, int k) {
        int d = data.cols();
        if (k < 1 || k > d) {
            throw new IllegalArgumentException("pca: components must be in [1, " + d + "], got " + k);
        }
        double[] mean = Standardisation.fit(data).mean();
        double[][] cov = new double[d][d];
        double[] row = new double[d];
        for (int i = 0; i < data.rows(); i++) {
            for (int j = 0; j < d; j++) {
                row[j] = data.get(i, j) - mean[j];
            }
            for (int a = 0; a < d; a++) {
                double ra = row[a];
                for (int b = a; b < d; b++) {
                    cov[a][b] += ra * row[b];
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                cov[a][b] /= Math.max(1, data.rows() - 1);
                cov[b][a] = cov[a][b];
            }
        }
        SymmetricEigen e = SymmetricEigen.of(cov);
        double[][] comps = new double[k][d];
        double[] vars = new double[k];
        for (int c = 0; c < k; c++) {
            vars[c] = e.values()[c];
            for (int j = 0; j < d; j++) {
                comps[c][j] = e.vectors()[j][c];
            }
        }
        return new Pca(mean, comps, vars);
    }

    /** Projections of every row on the components: result[row][component]. */
    public double[][] project(Rows data) {
        int k = components.length;
        int d = mean.length;
        double[][] out = new double[data.rows()][k];
        for (int i = 0; i < data.rows(); i++) {
            for (int c = 0; c < k; c++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += (data.get(i, j) - mean[j]) * components[c][j];
                }
                out[i][c] = s;
            }
        }
        return out;
    }
}
