package org.jetbridge.pileup.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jetbridge.sim.RandomStream;
import org.junit.jupiter.api.Test;

class CalibrationTest {
    private static final int JETS = 4000;
    private static final int K = 200;

    /**
     * Jet j has a posterior N(c_j, 1); its truth is a draw from that same distribution (calibrated), and the
     * sampler draws K samples of N(c_j, width) — width 1 is calibrated, 0.5 over-confident.
     */
    private static double[][][] samplesAndTruth(double width, long seed) {
        RandomStream r = new RandomStream(seed);
        double[][] samples = new double[JETS][K];
        double[][] truth = new double[1][JETS];
        for (int j = 0; j < JETS; j++) {
            double c = r.gaussian(0, 10);
            truth[0][j] = r.gaussian(c, 1);
            for (int k = 0; k < K; k++) {
                samples[j][k] = r.gaussian(c, width);
            }
        }
        return new double[][][] {samples, truth};
    }

    @Test
    void calibratedPosteriorCovers68Percent() {
        double[][][] st = samplesAndTruth(1.0, 1);
        // binomial σ of 4000 jets: 0.0074; the finite-K interval adds a little spread
        assertEquals(0.68, Calibration.coverage(st[0], st[1][0], 0.68), 0.025);
        double[] q = new double[JETS];
        int low = 0;
        for (int j = 0; j < JETS; j++) {
            q[j] = Calibration.truthQuantile(st[0][j], st[1][0][j]);
            low += q[j] < 0.1 ? 1 : 0;
        }
        assertEquals(0.5, Stats.median(q), 0.03);
        assertEquals(0.1, (double) low / JETS, 0.015);
    }

    /** Intervals half as wide as they should be: coverage P(|Z| < 0.994 · ½) ≈ 0.38, far below 0.68. */
    @Test
    void overConfidentPosteriorUnderCovers() {
        double[][][] st = samplesAndTruth(0.5, 2);
        double cov = Calibration.coverage(st[0], st[1][0], 0.68);
        assertEquals(0.38, cov, 0.03);
        assertTrue(cov < 0.6);
    }

    @Test
    void truthQuantileCountsTiesHalf() {
        assertEquals(0.5, Calibration.truthQuantile(new double[] {1, 2, 2, 3}, 2));
        assertEquals(1.0, Calibration.truthQuantile(new double[] {1, 2}, 5));
        assertTrue(Calibration.covers(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 5, 0.68));
        assertTrue(!Calibration.covers(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 9, 0.68));
    }
}
