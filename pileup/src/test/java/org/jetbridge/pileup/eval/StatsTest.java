package org.jetbridge.pileup.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jetbridge.sim.RandomStream;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        double[] v = {4, 1, 3, 2, 5};
        assertEquals(3, Stats.median(v));
        assertEquals(2, Stats.quantile(v, 0.25));
        assertEquals(1.4, Stats.quantile(v, 0.1), 1e-12);
        assertEquals(5, Stats.quantile(v, 1));
        assertEquals(2.5, Stats.median(new double[] {1, 2, 3, 4}));
        assertArrayEquals(new double[] {4, 1, 3, 2, 5}, v); // input untouched
    }

    /** Normal relative errors N(b, σ): bias → b and IQR/1.349 → σ. */
    @Test
    void normalErrorsGiveTheirMeanAndSigma() {
        RandomStream r = new RandomStream(3);
        int n = 200_000;
        double[] re = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = r.gaussian(0.05, 0.2);
        }
        // standard errors: median ≈ 1.25 σ/√n = 5.6e-4, IQR-σ ≈ 1.1 σ/√n = 4.9e-4
        assertEquals(0.05, Stats.bias(re), 2.5e-3);
        assertEquals(0.2, Stats.resolution(re), 2.5e-3);
    }

    /** A long tail moves neither bias nor resolution much: they are quantile-based. */
    @Test
    void outliersBarelyMoveTheQuantileStatistics() {
        RandomStream r = new RandomStream(4);
        int n = 100_000;
        double[] re = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = i % 100 == 0 ? 1e6 : r.gaussian(0, 0.1);
        }
        assertEquals(0.1, Stats.resolution(re), 0.005);
        assertEquals(0, Stats.bias(re), 0.005);
    }

    @Test
    void relativeErrorsLeaveOutAndCountZeroTruth() {
        Stats.RelativeErrors e = Stats.relativeErrors(new double[] {110, 5, 45}, new double[] {100, 0, 50});
        assertArrayEquals(new double[] {0.1, -0.1}, e.values(), 1e-12);
        assertEquals(1, e.undefined());
    }
}
