package org.jetbridge.calib;

/**
 * The closed-form optimal-transport (Brenier) map between Gaussians N(μ₁, Σ₁) → N(μ₂, Σ₂) for the quadratic cost:
 * T(x) = μ₂ + A (x − μ₁), A = Σ₁^{-1/2} (Σ₁^{1/2} Σ₂ Σ₁^{1/2})^{1/2} Σ₁^{-1/2} (symmetric positive definite), with
 * matrix roots from {@link SymmetricEigen}. The reference for the Gaussian closure test of learned maps.
 *
 * @param mu1 source mean
 * @param mu2 target mean
 * @param a the linear part A (symmetric positive definite for the plain quadratic cost)
 */
public record GaussianMap(double[] mu1, double[] mu2, double[][] a) {

    /** The Brenier map between two Gaussians with positive definite covariances. */
    public static GaussianMap between(double[] mu1, double[][] sigma1, double[] mu2, double[][] sigma2) {
        int n = mu1.length;
        if (mu2.length != n || sigma1.length != n || sigma2.length != n) {
            throw new IllegalArgumentException("gaussian map: dimensions differ: " + n + ", " + mu2.length + ", "
                    + sigma1.length + ", " + sigma2.length);
        }
        SymmetricEigen e1 = SymmetricEigen.of(sigma1);
        if (e1.values()[n - 1] <= 0) {
            throw new IllegalArgumentException("gaussian map: source covariance is not positive definite (smallest "
                    + "eigenvalue " + e1.values()[n - 1] + ")");
        }
        double[][] root = e1.apply(Math::sqrt);
        double[][] invRoot = e1.apply(l -> 1 / Math.sqrt(l));
        double[][] middle = symmetrise(multiply(multiply(root, sigma2), root));
        double[][] middleRoot = SymmetricEigen.of(middle).apply(l -> Math.sqrt(Math.max(l, 0)));
        double[][] a = symmetrise(multiply(multiply(invRoot, middleRoot), invRoot));
        // (symmetric in the unscaled case; the scaled variant above conjugates it with D)
        return new GaussianMap(mu1.clone(), mu2.clone(), a);
    }

    /**
     * The optimal map for the quadratic cost measured in scaled coordinates x/scale (per component), which is what a
     * map fitted on standardised inputs approximates: with D = diag(scale), T(x) = μ₂ + D A' D⁻¹ (x − μ₁) where A' is
     * the Brenier map between N(·, D⁻¹Σ₁D⁻¹) and N(·, D⁻¹Σ₂D⁻¹). (Optimal maps are not invariant under anisotropic
     * rescaling; they are under translations.)
     */
    public static GaussianMap between(double[] mu1, double[][] sigma1, double[] mu2, double[][] sigma2,
            double[] scale) {
        int n = mu1.length;
        if (scale.length != n) {
            throw new IllegalArgumentException("gaussian map: " + scale.length + " scales for dimension " + n);
        }
        double[][] s1 = new double[n][n];
        double[][] s2 = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s1[i][j] = sigma1[i][j] / (scale[i] * scale[j]);
                s2[i][j] = sigma2[i][j] / (scale[i] * scale[j]);
            }
        }
        double[][] a = between(new double[n], s1, new double[n], s2).a();
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i][j] = scale[i] * a[i][j] / scale[j];
            }
        }
        return new GaussianMap(mu1.clone(), mu2.clone(), out);
    }

    /** T(x) for one point. */
    public double[] apply(double[] x) {
        int n = mu1.length;
        double[] out = mu2.clone();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i] += a[i][j] * (x[j] - mu1[j]);
            }
        }
        return out;
    }

    /** T applied to every row. */
    public Rows apply(Rows x) {
        int n = x.cols();
        float[] out = new float[x.values().length];
        double[] row = new double[n];
        for (int r = 0; r < x.rows(); r++) {
            for (int j = 0; j < n; j++) {
                row[j] = x.get(r, j);
            }
            double[] t = apply(row);
            for (int j = 0; j < n; j++) {
                out[r * n + j] = (float) t[j];
            }
        }
        return new Rows(out, x.rows(), n);
    }

    /**
     * The closure metric mean ‖T_learned(x) − T(x)‖ / mean ‖x − T(x)‖ over the rows of {@code x}, where
     * {@code learned} holds T_learned(x) row by row.
     */
    public double relativeError(Rows x, Rows learned) {
        Rows exact = apply(x);
        double err = 0;
        double moved = 0;
        int n = x.cols();
        for (int r = 0; r < x.rows(); r++) {
            double e = 0;
            double m = 0;
            for (int j = 0; j < n; j++) {
                double t = exact.get(r, j);
                e += Math.pow(learned.get(r, j) - t, 2);
                m += Math.pow(x.get(r, j) - t, 2);
            }
            err += Math.sqrt(e);
            moved += Math.sqrt(m);
        }
        return err / moved;
    }

    static double[][] multiply(double[][] x, double[][] y) {
        int n = x.length;
        int k = y.length;
        int m = y[0].length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < k; l++) {
                double xil = x[i][l];
                for (int j = 0; j < m; j++) {
                    out[i][j] += xil * y[l][j];
                }
            }
        }
        return out;
    }

    private static double[][] symmetrise(double[][] s) {
        int n = s.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i][j] = 0.5 * (s[i][j] + s[j][i]);
            }
        }
        return out;
    }
}
