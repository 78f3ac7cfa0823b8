package org.jetbridge.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BlocksTest {

    private static float[] gaussian(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextDouble() * 6 - 3);
        }
        return v;
    }

    @Test
    void runtimeStartsOfflineWithPinnedThreadsAndTunedMalloc() {
        NnRuntime rt = TestRuntime.get();
        assertEquals("PyTorch", rt.engine().getEngineName());
        assertEquals(NnRuntime.versions().torch(), rt.engine().getVersion());
        assertEquals("true", System.getProperty("ai.djl.offline"));
        assertEquals("2", System.getProperty("ai.djl.pytorch.num_threads"));
        assertTrue(rt.mallocTuned(), "mallopt failed on glibc");
        // Idempotent for equal settings, loud for conflicting ones.
        assertEquals(rt, NnRuntime.start(rt.settings()));
        assertThrows(IllegalStateException.class, () -> NnRuntime.start(rt.settings().withThreads(1)));
        assertThrows(IllegalArgumentException.class, () -> new NnSettings("cpu", 0, rt.settings().cacheDir()));
    }

    @Test
    void layerNormRowsHaveZeroMeanUnitVarianceThenAffine() {
        NnRuntime rt = TestRuntime.get();
        try (ParameterStore store = new ParameterStore(rt, 1); NDManager m = rt.newManager()) {
            LayerNorm ln = new LayerNorm(store, "ln", 16);
            float[] x = gaussian(3, 5 * 16);
            float[] y = ln.forward(m.create(x, new Shape(5, 16))).toFloatArray();
            for (int r = 0; r < 5; r++) {
                double mean = 0;
                double var = 0;
                for (int c = 0; c < 16; c++) {
                    mean += x[r * 16 + c];
                }
                mean /= 16;
                for (int c = 0; c < 16; c++) {
                    var += (x[r * 16 + c] - mean) * (x[r * 16 + c] - mean);
                }
                var /= 16;
                for (int c = 0; c < 16; c++) {
                    double expected = (x[r * 16 + c] - mean) / Math.sqrt(var + LayerNorm.EPS);
                    assertEquals(expected, y[r * 16 + c], 2e-6, "row " + r + " col " + c);
                }
            }
            // Affine part: gamma = 2, beta = -1 must give 2·y − 1.
            store.get("ln.weight").muli(2f);
            store.get("ln.bias").subi(1f);
            float[] y2 = ln.forward(m.create(x, new Shape(5, 16))).toFloatArray();
            for (int i = 0; i < y.length; i++) {
                assertEquals(2 * y[i] - 1, y2[i], 1e-5);
            }
        }
    }

    @Test
    void maskedKeysAreIgnoredExactly() {
        NnRuntime rt = TestRuntime.get();
        int d = 8;
        try (ParameterStore store = new ParameterStore(rt, 2); NDManager m = rt.newManager()) {
            MultiHeadAttention att = new MultiHeadAttention(store, "att", d, 2, false);
            // Two sequences of length 5 whose last two entries are padding with wildly different contents.
            float[] a = gaussian(5, 5 * d);
            float[] b = a.clone();
            for (int i = 3 * d; i < 5 * d; i++) {
                b[i] = 1000f * (i % 7) - 3000f;
            }
            float[] mask = {1, 1, 1, 0, 0};
            NDArray bias = MultiHeadAttention.keyBias(m.create(mask, new Shape(1, 5)));
            float[] ya = att.forward(m.create(a, new Shape(1, 5, d)), bias).toFloatArray();
            float[] yb = att.forward(m.create(b, new Shape(1, 5, d)), bias).toFloatArray();
            // Real positions: identical bits whatever the padded entries hold.
            for (int i = 0; i < 3 * d; i++) {
                assertEquals(Float.floatToIntBits(ya[i]), Float.floatToIntBits(yb[i]), "element " + i);
            }
            // And equal to attention over the unpadded sequence alone.
            float[] alone = att.forward(m.create(java.util.Arrays.copyOf(a, 3 * d), new Shape(1, 3, d)), null)
                    .toFloatArray();
            for (int i = 0; i < 3 * d; i++) {
                assertEquals(alone[i], ya[i], 1e-6, "element " + i);
            }
        }
    }

    @Test
    void encoderWithoutTokenIsPermutationEquivariantAndCrossBlockIsInvariantToContextOrder() {
        NnRuntime rt = TestRuntime.get();
        int d = 16;
        int n = 6;
        int[] perm = {4, 2, 0, 5, 1, 3};
        try (ParameterStore store = new ParameterStore(rt, 3); NDManager m = rt.newManager()) {
            TransformerEncoder enc = new TransformerEncoder(store, "enc",
                    new TransformerEncoder.Config(d, 2, 4, 32, FeedForward.Kind.GLU));
            TransformerBlock cross = new TransformerBlock(store, "cross", d, 4, 32, FeedForward.Kind.GELU, true);
            float[] x = gaussian(7, n * d);
            float[] mask = {1, 1, 0, 1, 1, 0};
            float[] xp = new float[x.length];
            float[] mp = new float[n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(x, perm[i] * d, xp, i * d, d);
                mp[i] = mask[perm[i]];
            }
            float[] y = enc.forward(m.create(x, new Shape(1, n, d)), m.create(mask, new Shape(1, n))).toFloatArray();
            float[] yp = enc.forward(m.create(xp, new Shape(1, n, d)), m.create(mp, new Shape(1, n)))
                    .toFloatArray();
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < d; c++) {
                    assertEquals(y[perm[i] * d + c], yp[i * d + c], 1e-5, "token " + i + " channel " + c);
                }
            }
            float[] q = gaussian(8, 2 * d);
            NDArray query = m.create(q, new Shape(1, 2, d));
            float[] c1 = cross.forward(query, m.create(x, new Shape(1, n, d)),
                    MultiHeadAttention.keyBias(m.create(mask, new Shape(1, n)))).toFloatArray();
            float[] c2 = cross.forward(query, m.create(xp, new Shape(1, n, d)),
                    MultiHeadAttention.keyBias(m.create(mp, new Shape(1, n)))).toFloatArray();
            assertArrayEquals(c1, c2, 1e-5f);
        }
    }

    @Test
    void mlpHeadExposesPreActivationsAndResumesFromAnyLayer() {
        NnRuntime rt = TestRuntime.get();
        try (ParameterStore store = new ParameterStore(rt, 4); NDManager m = rt.newManager()) {
            MlpHead head = new MlpHead(store, "head", 12, 32, 16, 8, 3);
            NDArray x = m.create(gaussian(9, 4 * 12), new Shape(4, 12));
            List<NDArray> pre = head.preActivations(x);
            assertEquals(4, pre.size());
            assertEquals(new Shape(4, 16), pre.get(1).getShape());
            assertEquals(16, head.width(1));
            // Layer 2 by hand: GELU(pre1)·W2 + b2 with erf GELU.
            float[] p1 = pre.get(1).toFloatArray();
            float[] w = store.get("head.2.weight").toFloatArray();
            float[] b = store.get("head.2.bias").toFloatArray();
            float[] p2 = pre.get(2).toFloatArray();
            for (int r = 0; r < 4; r++) {
                for (int o = 0; o < 8; o++) {
                    double s = b[o];
                    for (int i = 0; i < 16; i++) {
                        double z = p1[r * 16 + i];
                        s += z * 0.5 * (1 + erf(z / Math.sqrt(2))) * w[i * 8 + o];
                    }
                    assertEquals(s, p2[r * 8 + o], 1e-5);
                }
            }
            List<NDArray> resumed = head.forwardFrom(1, pre.get(1));
            assertArrayEquals(pre.get(3).toFloatArray(), resumed.get(1).toFloatArray(), 0f);
            assertThrows(IllegalArgumentException.class, () -> head.forwardFrom(1, pre.get(2)));
        }
    }

    @Test
    void gluFeedForwardMatchesHandComputation() {
        NnRuntime rt = TestRuntime.get();
        int d = 3;
        int h = 4;
        try (ParameterStore store = new ParameterStore(rt, 8); NDManager m = rt.newManager()) {
            FeedForward ff = new FeedForward(store, "ff", d, h, FeedForward.Kind.GLU);
            float[] x = gaussian(4, 2 * d);
            float[] y = ff.forward(m.create(x, new Shape(2, d))).toFloatArray();
            float[] wu = store.get("ff.up.weight").toFloatArray();
            float[] bu = store.get("ff.up.bias").toFloatArray();
            float[] wd = store.get("ff.down.weight").toFloatArray();
            float[] bd = store.get("ff.down.bias").toFloatArray();
            for (int r = 0; r < 2; r++) {
                double[] u = new double[2 * h];
                for (int j = 0; j < 2 * h; j++) {
                    u[j] = bu[j];
                    for (int i = 0; i < d; i++) {
                        u[j] += x[r * d + i] * wu[i * 2 * h + j];
                    }
                }
                for (int o = 0; o < d; o++) {
                    double s = bd[o];
                    for (int j = 0; j < h; j++) {
                        double g = u[h + j];
                        s += u[j] * g * 0.5 * (1 + erf(g / Math.sqrt(2))) * wd[j * d + o];
                    }
                    assertEquals(s, y[r * d + o], 1e-5, "row " + r + " out " + o);
                }
            }
        }
    }

    @Test
    void crossAttentionToOneRealContextTokenIgnoresTheQueries() {
        NnRuntime rt = TestRuntime.get();
        int d = 8;
        try (ParameterStore store = new ParameterStore(rt, 9); NDManager m = rt.newManager()) {
            MultiHeadAttention att = new MultiHeadAttention(store, "x", d, 2, true);
            NDArray queries = m.create(gaussian(10, 3 * d), new Shape(1, 3, d));
            NDArray context = m.create(gaussian(11, 4 * d), new Shape(1, 4, d));
            NDArray bias = MultiHeadAttention.keyBias(m.create(new float[] {0, 0, 1, 0}, new Shape(1, 4)));
            // All attention weight on context token 2: every query gets out(value(token 2)), exactly.
            float[] y = att.forward(queries, context, bias).toFloatArray();
            float[] alone = att.forward(queries.get(":, 0:1, :"), context.get(":, 2:3, :"), null).toFloatArray();
            for (int q = 0; q < 3; q++) {
                for (int c = 0; c < d; c++) {
                    assertEquals(alone[c], y[q * d + c], 1e-6, "query " + q + " channel " + c);
                }
            }
            assertThrows(IllegalStateException.class, () -> att.forward(queries, null));
        }
    }

    /** erf to ~1e-12 by its Maclaurin series (|z| small here) or the continued complement. */
    private static double erf(double z) {
        double sum = 0;
        double term = z;
        for (int n = 0; n < 200; n++) {
            sum += term / (2 * n + 1);
            term *= -z * z / (n + 1);
            if (Math.abs(term) < 1e-17) {
                break;
            }
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }

    @Test
    void tokensArePrependedAndNeverMasked() {
        NnRuntime rt = TestRuntime.get();
        try (ParameterStore store = new ParameterStore(rt, 5); NDManager m = rt.newManager()) {
            Tokens tok = new Tokens(store, "cls", 2, 4);
            NDArray x = m.create(gaussian(1, 3 * 5 * 4), new Shape(3, 5, 4));
            NDArray y = tok.prepend(x);
            assertEquals(new Shape(3, 7, 4), y.getShape());
            float[] t = store.get("cls").toFloatArray();
            float[] yy = y.toFloatArray();
            for (int bIdx = 0; bIdx < 3; bIdx++) {
                for (int i = 0; i < 8; i++) {
                    assertEquals(t[i], yy[bIdx * 28 + i], 0f);
                }
            }
            float[] mask = tok.prependMask(m.zeros(new Shape(3, 5))).toFloatArray();
            assertEquals(1f, mask[0]);
            assertEquals(1f, mask[1]);
            assertEquals(0f, mask[2]);
        }
    }
}
