package org.jetbridge.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Gradients must not depend on when the Java garbage collector runs: a constant that autograd saved for the backward
 * pass must stay alive until then (the cause of the tagger's random divergence).
 */
class ScalarsTest {

    private static float[] values(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextDouble() * 4 - 2);
        }
        return v;
    }

    /** Runs the collector, lets the cleaner free unreachable direct buffers and reuses small native blocks. */
    private static void collectGarbage() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            List<ByteBuffer> reuse = new ArrayList<>();
            for (int k = 0; k < 64; k++) {
                ByteBuffer b = ByteBuffer.allocateDirect(4);
                b.putFloat(0, Float.NaN);
                reuse.add(b);
            }
        }
    }

    /** d(Σ f(x)²)/dx for x [2, 5, 8], with a full garbage collection between forward and backward if asked. */
    private static float[] inputGradient(Function<NDArray, NDArray> f, float[] x, boolean collect) {
        NnRuntime rt = TestRuntime.get();
        try (NDManager m = rt.newManager()) {
            NDArray in = m.create(x, new Shape(2, 5, 8));
            in.setRequiresGradient(true);
            try (GradientCollector c = rt.engine().newGradientCollector()) {
                NDArray loss = f.apply(in).square().sum();
                if (collect) {
                    collectGarbage();
                }
                c.backward(loss);
            }
            return in.getGradient().toFloatArray();
        }
    }

    @Test
    void scaledGradientIsExactAfterGarbageCollection() {
        float[] x = values(7, 80);
        float[] g = inputGradient(a -> Scalars.times(a, 0.125f), x, true);
        for (int i = 0; i < x.length; i++) {
            // d(c·x)²/dx = 2c²x, exact in float32 for c = 1/8
            assertEquals(2 * 0.125f * 0.125f * x[i], g[i], 0f, "element " + i);
        }
    }

    @Test
    void attentionGradientDoesNotDependOnGarbageCollection() {
        NnRuntime rt = TestRuntime.get();
        try (ParameterStore store = new ParameterStore(rt, 4)) {
            MultiHeadAttention att = new MultiHeadAttention(store, "att", 8, 2, false);
            float[] x = values(9, 80);
            float[] quiet = inputGradient(a -> att.forward(a, null), x, false);
            for (int rep = 0; rep < 3; rep++) {
                assertArrayEquals(quiet, inputGradient(a -> att.forward(a, null), x, true), "repeat " + rep);
            }
        }
    }
}
