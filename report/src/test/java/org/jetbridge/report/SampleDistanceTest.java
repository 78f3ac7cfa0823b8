package org.jetbridge.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SampleDistanceTest {

    @Test
    void shiftedSampleHasW1EqualToTheShift() {
        Random r = new Random(3);
        double[] a = new double[5000];
        double[] b = new double[5000];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextGaussian();
            b[i] = a[i] + 0.37;
        }
        SampleDistance d = SampleDistance.of(a, b);
        assertEquals(0.37, d.wasserstein(), 1e-12);
        assertEquals(0.0, SampleDistance.of(a, a.clone()).wasserstein(), 0.0);
        assertEquals(0.0, SampleDistance.of(a, a.clone()).ks(), 0.0);
    }

    @Test
    void handComputedCasesWithTiesAndUnequalSizes() {
        // F_a steps 1/2 at 0 and 1; F_b steps 1 at 1: |F_a − F_b| = 1/2 on [0, 1) → W1 = 1/2, KS = 1/2
        SampleDistance d = SampleDistance.of(new double[] {0, 1}, new double[] {1, 1, 1});
        assertEquals(0.5, d.wasserstein(), 1e-15);
        assertEquals(0.5, d.ks(), 1e-15);
        // disjoint supports: KS = 1, W1 = difference of means
        SampleDistance e = SampleDistance.of(new double[] {0, 0, 2}, new double[] {5, 7});
        assertEquals(1.0, e.ks(), 0.0);
        assertEquals(6.0 - 2.0 / 3.0, e.wasserstein(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> SampleDistance.of(new double[0], new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> SampleDistance.of(new double[] {Double.NaN}, new double[] {1}));
    }
}
