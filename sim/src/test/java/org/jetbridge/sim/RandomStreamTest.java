package org.jetbridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** Moments of the sampling distributions and the independence of per-event streams. */
class RandomStreamTest {

    private static double[] moments(java.util.function.DoubleSupplier f, int n) {
        double s = 0;
        double s2 = 0;
        for (int i = 0; i < n; i++) {
            double x = f.getAsDouble();
            s += x;
            s2 += x * x;
        }
        double m = s / n;
        return new double[] {m, s2 / n - m * m};
    }

    @Test
    void distributionsHaveTheirMeansAndVariances() {
        RandomStream r = new RandomStream(71);
        int n = 200000;
        for (double mu : new double[] {0.5, 7, 29.9, 30.1, 150}) {
            double[] m = moments(() -> r.poisson(mu), n);
            assertEquals(mu, m[0], 5 * Math.sqrt(mu / n), "Poisson mean " + mu);
            assertEquals(mu, m[1], 0.03 * mu, "Poisson variance " + mu);
        }
        double[] g = moments(() -> r.gamma(0.7), n);
        assertEquals(0.7, g[0], 0.01);
        assertEquals(0.7, g[1], 0.02);
        double[] nb = moments(() -> r.negativeBinomial(30, 1.8), n);
        assertEquals(30, nb[0], 0.3);
        assertEquals(30 + 900 / 1.8, nb[1], 0.03 * 530);
        double[] bw = moments(() -> r.breitWigner(80.4, 2.1, 60, 100), n);
        assertEquals(80.4, bw[0], 0.05);
    }

    @Test
    void eventStreamsDependOnSeedAndIndexOnly() {
        assertEquals(RandomStream.forEvent(5, 17).uniform(), RandomStream.forEvent(5, 17).uniform());
        assertNotEquals(RandomStream.forEvent(5, 17).uniform(), RandomStream.forEvent(5, 18).uniform());
        assertNotEquals(RandomStream.forEvent(5, 17).uniform(), RandomStream.forEvent(6, 17).uniform());
        // neighbouring streams are uncorrelated: first draws of consecutive events
        int n = 100000;
        double sxy = 0;
        double prev = RandomStream.forEvent(1, 0).uniform() - 0.5;
        for (int i = 1; i < n; i++) {
            double x = RandomStream.forEvent(1, i).uniform() - 0.5;
            sxy += x * prev;
            prev = x;
        }
        assertEquals(0, sxy / n * 12, 5 / Math.sqrt(n));
    }
}
