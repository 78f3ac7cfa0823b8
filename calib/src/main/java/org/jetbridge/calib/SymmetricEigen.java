package org.jetbridge.calib;

import java.util.Arrays;

/**
 * Eigen-decomposition A = V diag(λ) Vᵀ of a real symmetric matrix by the cyclic Jacobi method (rotations until the
 * off-diagonal mass is below 1e-15 of the total), eigenvalues sorted in decreasing order, eigenvectors as columns.
 * O(n³) per sweep; meant for n up to a few hundred (covariances of latents, Gaussian maps).
 *
 * @param values eigenvalues, decreasing
 * @param vectors vectors[i][k] is component i of eigenvector k
 */
public record SymmetricEigen(double[] values, double[][] vectors) {

    private static final int MAX_SWEEPS = 100;

    /** Decomposes {@code a} (not modified); throws if it is not square and symmetric to 1e-9 relative. */
    public static SymmetricEigen of(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][];
        double scale = 0;
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("eigen: row " + i + " has " + a[i].length + " entries, expected " + n);
            }
            m[i] = a[i].clone();
            for (int j = 0; j < n; j++) {
                scale = Math.max(scale, Math.abs(a[i][j]));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (Math.abs(a[i][j] - a[j][i]) > 1e-9 * Math.max(scale, 1e-300)) {
                    throw new IllegalArgumentException("eigen: matrix not symmetric at (" + i + ", " + j + "): "
                            + a[i][j] + " vs " + a[j][i]);
                }
            }
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            double total = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double s = m[i][j] * m[i][j];
                    total += s;
                    if (i != j) {
                        off += s;
                    }
                }
            }
            if (off <= 1e-30 * total || off == 0) {
                break;
            }
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (m[p][q] == 0) {
                        continue;
                    }
                    // rotation angle that zeroes m[p][q] (Golub & Van Loan, sym.schur2)
                    double theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double mkp = m[k][p];
                        double mkq = m[k][q];
                        m[k][p] = c * mkp - s * mkq;
                        m[k][q] = s * mkp + c * mkq;
                    }
                    for (int k = 0; k < n; k++) {
                        double mpk = m[p][k];
                        double mqk = m[q][k];
                        m[p][k] = c * mpk - s * mqk;
                        m[q][k] = s * mpk + c * mqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(m[y][y], m[x][x]));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int k = 0; k < n; k++) {
            values[k] = m[order[k]][order[k]];
            for (int i = 0; i < n; i++) {
                vectors[i][k] = v[i][order[k]];
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    /** V diag(φ(λ)) Vᵀ for a function φ of the eigenvalues. */
    public double[][] apply(java.util.function.DoubleUnaryOperator phi) {
        int n = values.length;
        double[][] out = new double[n][n];
        for (int k = 0; k < n; k++) {
            double f = phi.applyAsDouble(values[k]);
            for (int i = 0; i < n; i++) {
                double vik = vectors[i][k] * f;
                for (int j = 0; j < n; j++) {
                    out[i][j] += vik * vectors[j][k];
                }
            }
        }
        return out;
    }
}
