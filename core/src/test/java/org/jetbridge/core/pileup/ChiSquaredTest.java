package org.jetbridge.core.pileup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** χ² CDF against closed forms, on both sides of the series/continued-fraction switch. */
class ChiSquaredTest {
    // erf(z) to 16 digits (standard tables) for z = 0.5, 1, 1.5, 2, 3
    private static final double[][] ERF = {{0.5, 0.5204998778130465}, {1.0, 0.8427007929497149},
        {1.5, 0.9661051464753108}, {2.0, 0.9953222650189527}, {3.0, 0.9999779095030014}};

    @Test
    void oneDegreeOfFreedomIsErf() {
        for (double[] row : ERF) {
            double z = row[0];
            // F(x; 1) = erf(√(x/2)), so x = 2 z²
            assertEquals(row[1], ChiSquared.cdf(2 * z * z, 1), 1e-14, "z=" + z);
        }
    }

    @Test
    void evenAndOddDegreesMatchClosedForms() {
        for (double x = 0.01; x < 60; x *= 1.37) {
            double h = Math.exp(-x / 2);
            assertEquals(1 - h, ChiSquared.cdf(x, 2), 1e-14, "2 dof x=" + x);
            assertEquals(1 - h * (1 + x / 2), ChiSquared.cdf(x, 4), 1e-14, "4 dof x=" + x);
            // F(x; 3) = F(x; 1) − √(2x/π) e^{−x/2}, recursion of the gamma function
            assertEquals(ChiSquared.cdf(x, 1) - Math.sqrt(2 * x / Math.PI) * h, ChiSquared.cdf(x, 3), 1e-14,
                    "3 dof x=" + x);
        }
        assertEquals(ERF[1][1] - Math.sqrt(4 / Math.PI) * Math.exp(-1), ChiSquared.cdf(2, 3), 1e-14);
    }

    @Test
    void limitsAndBadInput() {
        assertEquals(0.0, ChiSquared.cdf(0, 1));
        assertEquals(0.0, ChiSquared.cdf(-3, 1));
        assertEquals(1.0, ChiSquared.cdf(Double.POSITIVE_INFINITY, 1));
        assertEquals(1.0, ChiSquared.cdf(1e4, 1), 1e-15);
        assertEquals(0.5 * Math.log(Math.PI), ChiSquared.logGamma(0.5), 1e-14);
        assertEquals(Math.log(120), ChiSquared.logGamma(6), 1e-13);
        assertThrows(IllegalArgumentException.class, () -> ChiSquared.cdf(1, 0));
        assertThrows(IllegalArgumentException.class, () -> ChiSquared.cdf(Double.NaN, 1));
    }
}
