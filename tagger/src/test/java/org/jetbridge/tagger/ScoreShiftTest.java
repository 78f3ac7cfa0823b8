package org.jetbridge.tagger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Score distances against closed-form values. */
class ScoreShiftTest {

    @Test
    void shiftOfATranslatedUniformSample() {
        int n = 1000;
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = i / (double) n;
            b[i] = a[i] + 0.25;
        }
        ScoreShift s = ScoreShift.of(a, b);
        assertEquals(0.25, s.wasserstein(), 1e-9);
        assertEquals(0.25, s.ks(), 2.0 / n); // empirical CDFs of grids step by 1/n
        // U(0,1) vs U(0.25,1.25): P(b > a) = 1 − (0.75²)/2
        assertEquals(1 - 0.75 * 0.75 / 2, s.auc(), 2e-3);
        ScoreShift same = ScoreShift.of(a, a.clone());
        assertEquals(0, same.wasserstein(), 1e-15);
        assertEquals(0, same.ks(), 1e-15);
        assertEquals(0.5, same.auc(), 1e-12);
    }

    @Test
    void wassersteinOfTwoPointSamplesIsTheAreaBetweenCdfs() {
        // a = {0, 1}, b = {0, 3}: CDFs differ by 1/2 on [1, 3) -> W1 = 1, KS = 1/2
        ScoreShift s = ScoreShift.of(new double[] {1, 0}, new double[] {3, 0});
        assertEquals(1, s.wasserstein(), 1e-15);
        assertEquals(0.5, s.ks(), 1e-15);
        // pairs (b, a): 0 vs 0 tie, 0 < 1, 3 > 0, 3 > 1 -> (0.5 + 0 + 1 + 1) / 4
        assertEquals(0.625, s.auc(), 1e-15);
    }
}
