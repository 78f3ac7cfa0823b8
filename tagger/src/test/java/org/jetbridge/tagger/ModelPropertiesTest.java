package org.jetbridge.tagger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.jetbridge.nn.NnRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Symmetries of the untrained network (they hold for any weights): padding with garbage changes nothing, the
 * order of the constituents does not matter, and the frozen head reproduces the model from its own latents.
 */
class ModelPropertiesTest {

    private static final int F = ConstituentFeatures.COUNT;
    private static final int B = 6;
    private static final int N = 9;
    private static NnRuntime rt;
    private static TaggerModel model;

    @BeforeAll
    static void build() {
        rt = TestData.runtime();
        double[] median = new double[F];
        double[] iqr = new double[F];
        java.util.Arrays.fill(iqr, 1);
        model = new TaggerModel(rt, TaggerConfig.preset("small").withMaxConstituents(N),
                new Normalisation(median, iqr), 5);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** Random inputs for B jets with 1..N real constituents (prefix masks). */
    private static float[][] inputs(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[B * N * F];
        float[] mask = new float[B * N];
        for (int b = 0; b < B; b++) {
            int n = 1 + b * (N - 1) / (B - 1);
            for (int k = 0; k < n; k++) {
                mask[b * N + k] = 1;
                for (int f = 0; f < F; f++) {
                    x[(b * N + k) * F + f] = (float) r.nextGaussian();
                }
            }
        }
        return new float[][] {x, mask};
    }

    /** Latents and probabilities of the B jets, concatenated (the untrained head squashes probabilities). */
    private static float[] probabilities(float[] x, float[] mask, int n) {
        try (NDManager m = rt.newManager()) {
            TaggerModel.Outputs o = model.forward(m.create(x, new Shape(B, n, F)), m.create(mask, new Shape(B, n)));
            float[] l = o.latent().toFloatArray();
            float[] p = o.probabilities().toFloatArray();
            float[] out = java.util.Arrays.copyOf(l, l.length + p.length);
            System.arraycopy(p, 0, out, l.length, p.length);
            return out;
        }
    }

    @Test
    void paddedConstituentsWithGarbageFeaturesChangeNothing() {
        float[][] in = inputs(1);
        float[] reference = probabilities(in[0], in[1], N);
        // append 7 padded slots per jet full of large garbage, and fill the existing padded slots with garbage too
        int n2 = N + 7;
        float[] x = new float[B * n2 * F];
        float[] mask = new float[B * n2];
        SplittableRandom r = new SplittableRandom(9);
        for (int b = 0; b < B; b++) {
            for (int k = 0; k < n2; k++) {
                boolean real = k < N && in[1][b * N + k] == 1;
                mask[b * n2 + k] = real ? 1 : 0;
                for (int f = 0; f < F; f++) {
                    x[(b * n2 + k) * F + f] = real ? in[0][(b * N + k) * F + f] : (float) (1e3 * r.nextGaussian());
                }
            }
        }
        float[] padded = probabilities(x, mask, n2);
        assertArrayEquals(reference, padded, 1e-5f);
        // and the garbage really reaches the network when unmasked
        java.util.Arrays.fill(mask, 1f);
        float[] unmasked = probabilities(x, mask, n2);
        assertTrue(maxDifference(reference, unmasked) > 1e-3);
    }

    @Test
    void outputIsInvariantUnderPermutationsOfTheConstituents() {
        float[][] in = inputs(2);
        float[] reference = probabilities(in[0], in[1], N);
        float[] x = new float[B * N * F];
        float[] mask = new float[B * N];
        for (int b = 0; b < B; b++) {
            // reverse the order of all N slots (real ones end up behind the padding: masks need not be prefixes)
            for (int k = 0; k < N; k++) {
                int from = N - 1 - k;
                mask[b * N + k] = in[1][b * N + from];
                System.arraycopy(in[0], (b * N + from) * F, x, (b * N + k) * F, F);
            }
        }
        assertArrayEquals(reference, probabilities(x, mask, N), 1e-5f);
        assertTrue(maxDifference(reference, probabilities(inputs(3)[0], in[1], N)) > 1e-4,
                "a different set of constituents gives a different output");
    }

    @Test
    void frozenHeadReproducesTheModelFromItsOwnLatents() {
        float[][] in = inputs(4);
        FrozenHead head = model.frozenHead();
        assertEquals(128, head.latentWidth());
        assertEquals(16, head.penultimateWidth());
        try (NDManager m = rt.newManager()) {
            TaggerModel.Outputs full = model.forward(m.create(in[0], new Shape(B, N, F)),
                    m.create(in[1], new Shape(B, N)));
            float[] latent = full.latent().toFloatArray();
            TaggerModel.Outputs again = head.forward(m.create(latent, new Shape(B, 128)));
            assertArrayEquals(full.penultimate().toFloatArray(), again.penultimate().toFloatArray());
            assertArrayEquals(full.probabilities().toFloatArray(), again.probabilities().toFloatArray());
            float[] pen = new float[B * 16];
            float[] p = new float[B * 3];
            head.apply(latent, B, pen, p);
            assertArrayEquals(full.probabilities().toFloatArray(), p);
            assertArrayEquals(full.penultimate().toFloatArray(), pen);
            NDArray wrong = m.zeros(new Shape(B, 64));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> head.forward(wrong));
            assertEquals("latents: expected shape [rows, 128], got (6, 64)", e.getMessage());
        }
    }

    private static double maxDifference(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }
}
