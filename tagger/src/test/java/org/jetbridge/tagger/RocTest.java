package org.jetbridge.tagger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** AUC, rejection and score distances against hand-counted values. */
class RocTest {

    @Test
    void aucCountsPairsWithTiesAsHalf() {
        // pairs (s, b): 1>0, 1<2, 2>0, 2=2 (1/2), 3>0, 3>2 -> 4.5 of 6
        assertEquals(0.75, new Roc(new double[] {3, 1, 2}, new double[] {2, 0}).auc(), 1e-15);
        assertEquals(1, new Roc(new double[] {5, 6}, new double[] {1, 2, 3}).auc(), 1e-15);
        assertEquals(0.5, new Roc(new double[] {1, 1}, new double[] {1}).auc(), 1e-15);
    }

    @Test
    void rejectionAtEfficiency() {
        double[] s = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] b = {0, 0.5, 1.5, 2.5, 3.5};
        Roc roc = new Roc(s, b);
        // keeping 50 % of signal means score >= 6: no background passes
        assertEquals(0, roc.backgroundEfficiencyAt(0.5));
        // 80 %: score >= 3: one background (3.5) of 5 passes -> rejection 5
        assertEquals(5, roc.rejectionAt(0.8), 1e-12);
        // 100 %: score >= 1: 1.5, 2.5, 3.5 pass
        assertEquals(0.6, roc.backgroundEfficiencyAt(1.0), 1e-12);
    }

    @Test
    void shiftOfATranslatedSample() {
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
        assertEquals(1 - 0.75 * 0.75 / 2, s.auc(), 1e-3);
        ScoreShift same = ScoreShift.of(a, a.clone());
        assertEquals(0, same.wasserstein(), 1e-15);
        assertEquals(0, same.ks(), 1e-15);
        assertEquals(0.5, same.auc(), 1e-12);
    }
}
