package org.jetbridge.calib;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The W1 noise floor of the per-flavour score closure: estimated from the target alone, it must predict the W1
 * between two independent samples of the given sizes drawn from one distribution, and stay far below a real shift.
 */
class NoiseFloorTest {

    private static double[] sample(SplittableRandom r, int n, double shift) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            // a skewed score-like distribution on (0, 1)
            double u = r.nextDouble();
            v[i] = u * u + shift;
        }
        return v;
    }

    @Test
    void floorPredictsTheW1OfSameDistributionSamples() {
        SplittableRandom r = new SplittableRandom(5);
        for (int[] sizes : new int[][] {{2000, 2000}, {500, 4000}, {8000, 1000}}) {
            double floor = 0;
            double actual = 0;
            int trials = 40;
            for (int t = 0; t < trials; t++) {
                double[] target = sample(r, sizes[1], 0);
                double[] source = sample(r, sizes[0], 0);
                floor += CalibrationReport.w1NoiseFloor(target, source.length, t);
                actual += Wasserstein.w1(target, source);
            }
            double ratio = floor / actual;
            assertTrue(ratio > 0.8 && ratio < 1.25, "floor / actual W1 for sizes " + sizes[0] + ", " + sizes[1]
                    + ": " + ratio);
        }
    }

    @Test
    void aRealShiftStandsFarAboveTheFloor() {
        SplittableRandom r = new SplittableRandom(6);
        double[] target = sample(r, 5000, 0);
        double[] source = sample(r, 5000, 0.05);
        double floor = CalibrationReport.w1NoiseFloor(target, source.length, 1);
        double w1 = Wasserstein.w1(target, source);
        assertTrue(Math.abs(w1 - 0.05) < 0.01, "W1 of a 0.05 shift: " + w1);
        assertTrue(floor < w1 / 5, "floor " + floor + " vs W1 " + w1);
    }
}
