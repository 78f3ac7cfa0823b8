package org.jetbridge.calib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    @Test
    void jacobiEigenDecompositionReconstructsAndIsOrthonormal() {
        double[][] s = SyntheticLatents.Gaussian.random(12, 0, 0.1, 10, 3).covariance();
        SymmetricEigen e = SymmetricEigen.of(s);
        double[][] back = e.apply(l -> l);
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 12; j++) {
                assertEquals(s[i][j], back[i][j], 1e-12);
                double dot = 0;
                for (int k = 0; k < 12; k++) {
                    dot += e.vectors()[k][i] * e.vectors()[k][j];
                }
                assertEquals(i == j ? 1 : 0, dot, 1e-12);
            }
            if (i > 0) {
                assertTrue(e.values()[i] <= e.values()[i - 1]);
            }
        }
    }

    @Test
    void gaussianBrenierMapPushesTheCovarianceForwardAndIsSymmetric() {
        int d = 8;
        SyntheticLatents.Gaussian g1 = SyntheticLatents.Gaussian.random(d, 1, 0.2, 5, 1);
        SyntheticLatents.Gaussian g2 = SyntheticLatents.Gaussian.random(d, 1, 0.2, 5, 2);
        GaussianMap m = GaussianMap.between(g1.mean(), g1.covariance(), g2.mean(), g2.covariance());
        double[][] a = m.a();
        double[][] push = GaussianMap.multiply(GaussianMap.multiply(a, g1.covariance()), a);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                assertEquals(g2.covariance()[i][j], push[i][j], 1e-9);
                assertEquals(a[i][j], a[j][i], 1e-12);
            }
        }
        assertTrue(SymmetricEigen.of(a).values()[d - 1] > 0);
        assertArrayClose(g2.mean(), m.apply(g1.mean()));
        // in scaled coordinates the map still pushes Σ₁ to Σ₂; with unit scales it is the plain map
        double[] scale = new double[d];
        java.util.Arrays.fill(scale, 1);
        GaussianMap unit = GaussianMap.between(g1.mean(), g1.covariance(), g2.mean(), g2.covariance(), scale);
        for (int i = 0; i < d; i++) {
            assertArrayClose(a[i], unit.a()[i]);
            scale[i] = 0.5 + i;
        }
        double[][] b = GaussianMap.between(g1.mean(), g1.covariance(), g2.mean(), g2.covariance(), scale).a();
        double[][] pushB = GaussianMap.multiply(GaussianMap.multiply(b, g1.covariance()), transpose(b));
        for (int i = 0; i < d; i++) {
            assertArrayClose(g2.covariance()[i], pushB[i]);
        }
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    private static void assertArrayClose(double[] e, double[] a) {
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], 1e-9);
        }
    }

    @Test
    void wassersteinOfAShiftIsTheShiftAndOfUniformsIsKnown() {
        SplittableRandom r = new SplittableRandom(1);
        double[] a = new double[5000];
        double[] b = new double[5000];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextGaussian();
            b[i] = a[i] + 0.7;
        }
        assertEquals(0.7, Wasserstein.w1(a, b), 1e-12);
        // U(0,1) vs U(0,2): ∫|u − 2u| du = 1/2
        double[] u = new double[20001];
        double[] v = new double[20001];
        for (int i = 0; i < u.length; i++) {
            u[i] = i / 20000.0;
            v[i] = 2 * i / 20000.0;
        }
        assertEquals(0.5, Wasserstein.w1(u, v), 1e-3);
    }

    @Test
    void quantileMapOfAffineSamplesIsAffine() {
        double[] x = new double[1001];
        double[] y = new double[1001];
        for (int i = 0; i < x.length; i++) {
            x[i] = i * 0.01;
            y[i] = 3 + 2 * (1000 - i) * 0.01; // same set as 3 + 2x, given in another order
        }
        QuantileMap q = QuantileMap.fit(x, y);
        for (double t : new double[] {0, 0.005, 1.234, 9.99, 10}) {
            assertEquals(3 + 2 * t, q.apply(t), 1e-9);
        }
    }

    @Test
    void classifierTwoSampleTestSeesShiftsAndNotResamples() {
        var rt = CalibTestRuntime.get();
        SyntheticLatents.Gaussian g = SyntheticLatents.Gaussian.standard(4);
        Rows a = g.sample(4000, 1);
        Rows same = g.sample(4000, 2);
        float[] shifted = g.sample(4000, 3).values();
        for (int i = 0; i < shifted.length; i += 4) {
            shifted[i] += 1.0f;
        }
        TwoSampleTest.Settings s = new TwoSampleTest.Settings(32, 200, 256, 2e-3, 1);
        double aucSame = TwoSampleTest.run(rt, a, same, s).auc();
        double aucShift = TwoSampleTest.run(rt, a, new Rows(shifted, 4000, 4), s).auc();
        assertEquals(0.5, aucSame, 0.04);
        // two unit Gaussians 1σ apart: the optimal classifier has AUC Φ(1/√2) = 0.760
        assertEquals(0.760, aucShift, 0.03);
    }

    @Test
    void pcaFindsTheDominantDirection() {
        int n = 5000;
        SplittableRandom r = new SplittableRandom(4);
        float[] v = new float[n * 3];
        for (int i = 0; i < n; i++) {
            double t = 3 * r.nextGaussian();
            v[3 * i] = (float) (t / Math.sqrt(2) + 0.1 * r.nextGaussian());
            v[3 * i + 1] = (float) (t / Math.sqrt(2) + 0.1 * r.nextGaussian());
            v[3 * i + 2] = (float) (0.5 * r.nextGaussian());
        }
        Pca p = Pca.fit(new Rows(v, n, 3), 2);
        assertEquals(1 / Math.sqrt(2), Math.abs(p.components()[0][0]), 0.01);
        assertEquals(1 / Math.sqrt(2), Math.abs(p.components()[0][1]), 0.01);
        assertEquals(9, p.variances()[0], 0.5);
        assertEquals(1, Math.abs(p.components()[1][2]), 0.01);
    }
}
