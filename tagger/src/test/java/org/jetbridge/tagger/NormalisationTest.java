package org.jetbridge.tagger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Median / IQR fit in closed form, charged-only fitting of track inputs, and the applied map. */
class NormalisationTest {

    private static final int F = ConstituentFeatures.COUNT;

    /** A raw input row with {@code v} in every continuous input, the given charge and a one-hot class. */
    private static float[] row(float v, boolean charged) {
        float[] r = new float[F];
        for (int f = 0; f < F; f++) {
            if (ConstituentFeatures.KINDS.get(f) != ConstituentFeatures.Kind.IDENTITY) {
                r[f] = v;
            }
        }
        r[7] = charged ? 1 : 0;
        r[charged ? 13 : 11] = 1;
        return r;
    }

    @Test
    void medianAndInterQuartileRangeInClosedForm() {
        Normalisation.Fitter fit = new Normalisation.Fitter();
        // values 1..9 on charged constituents, 100 and 200 on two neutral ones
        for (int v = 1; v <= 9; v++) {
            fit.add(row(v, true), 0);
        }
        fit.add(row(100, false), 0);
        fit.add(row(200, false), 0);
        Normalisation n = fit.fit();
        // all 11 values {1..9, 100, 200}: sorted positions (n-1)p = 5, 2.5, 7.5 -> median 6, q25 3.5, q75 8.5
        assertEquals(6, n.median()[0], 1e-12);
        assertEquals(5, n.iqr()[0], 1e-12);
        // track input d0 (index 3): charged only {1..9}: median 5, q25 3, q75 7
        assertEquals(5, n.median()[3], 1e-12);
        assertEquals(4, n.iqr()[3], 1e-12);
        // identity inputs untouched
        assertEquals(0, n.median()[7]);
        assertEquals(1, n.iqr()[7]);
        assertEquals(0, n.median()[12]);
        assertEquals(1, n.iqr()[12]);

        float[] x = row(11, true);
        n.apply(x, 0);
        assertEquals((11 - 6) / 5.0, x[0], 1e-6);
        double z = (11 - 5) / 4.0;
        assertEquals(Math.log(z + Math.sqrt(z * z + 1)), x[3], 1e-6);
        assertEquals(1, x[7]);
        assertEquals(1, x[13]);
        float[] neutral = row(11, false);
        n.apply(neutral, 0);
        assertEquals(0, neutral[3], "track inputs of neutrals stay 0");
        assertEquals((11 - 6) / 5.0, neutral[0], 1e-6);
    }

    @Test
    void quantileInterpolatesLinearlyBetweenOrderStatistics() {
        float[] v = {0, 10};
        assertEquals(2.5, Normalisation.quantile(v, 0.25), 1e-12);
        assertEquals(5, Normalisation.quantile(v, 0.5), 1e-12);
        assertEquals(7, Normalisation.quantile(new float[] {7}, 0.75), 1e-12);
    }

    @Test
    void constantInputGetsUnitScaleAndMissingChargedTracksAreAnError() {
        Normalisation.Fitter fit = new Normalisation.Fitter();
        for (int i = 0; i < 5; i++) {
            fit.add(row(3, true), 0);
        }
        assertEquals(1, fit.fit().iqr()[0], "IQR 0 is replaced by 1");
        Normalisation.Fitter neutralsOnly = new Normalisation.Fitter();
        neutralsOnly.add(row(1, false), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, neutralsOnly::fit);
        assertEquals("normalisation: no charged constituents to fit input 'd0'", e.getMessage());
    }

    @Test
    void rawInputsZeroImpactParametersOfNeutralsAndRejectNaN() {
        // file columns in the tagging dataset's order: pt eta phi deta dphi d0 d0err dz dzerr charge pid_class
        float[] neutral = {10, 0.5f, 1, 0.1f, -0.2f, 0.3f, 0.01f, 2, 0.02f, 0, 1};
        ConstituentFeatures.Columns cols = new ConstituentFeatures.Columns(new int[] {0, 3, 4, 5, 6, 7, 8, 9, 10}, 11);
        float[] out = new float[F];
        ConstituentFeatures.raw(neutral, 0, cols, 40, out, 0, () -> "x");
        assertEquals(Math.log(10), out[0], 1e-6);
        assertEquals(0.1f, out[1]);
        assertEquals(-0.2f, out[2]);
        for (int f = 3; f <= 9; f++) {
            assertEquals(0, out[f], ConstituentFeatures.NAMES.get(f));
        }
        assertEquals(Math.log(0.25), out[10], 1e-6);
        assertEquals(1, out[12]);
        float[] charged = {10, 0.5f, 1, 0.1f, -0.2f, 0.3f, 0.01f, 2, 0.5f, -1, 2};
        ConstituentFeatures.raw(charged, 0, cols, 40, out, 0, () -> "x");
        assertEquals(0.3f, out[3]);
        assertEquals(30, out[8], 1e-4);
        assertEquals(4, out[9], 1e-6);
        assertEquals(1, out[13]);
        charged[5] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConstituentFeatures.raw(charged, 0, cols, 40, out, 0, () -> "jet 7 constituent 2"));
        assertEquals("jet 7 constituent 2: feature 'd0' is NaN, expected a finite number", e.getMessage());
    }
}
