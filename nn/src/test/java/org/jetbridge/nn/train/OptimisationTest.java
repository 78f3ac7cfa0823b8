package org.jetbridge.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.nn.ParameterStore;
import org.jetbridge.nn.TestRuntime;
import org.junit.jupiter.api.Test;

class OptimisationTest {

    @Test
    void adamWTwoStepsMatchClosedForm() {
        NnRuntime rt = TestRuntime.get();
        double lr = 0.1;
        double b1 = 0.8;
        double b2 = 0.95;
        double eps = 1e-3;
        double wd = 0.2;
        double[] w0 = {0.5, -1.5, 2.0};
        double[][] gw = {{0.3, -2.0, 0.01}, {-0.7, 1.0, 0.02}};
        double[] b0 = {1.0, 0.0};
        double[][] gb = {{4.0, -0.5}, {4.0, 0.25}};
        try (ParameterStore store = new ParameterStore(rt, 1); NDManager scratch = rt.newManager()) {
            NDArray w = store.constant("w", 0, true, 3);
            NDArray b = store.constant("b", 0, false, 2);
            w.set(toFloat(w0));
            b.set(toFloat(b0));
            try (AdamW adam = new AdamW(store, b1, b2, eps, wd)) {
                for (int t = 0; t < 2; t++) {
                    adam.update(List.of(scratch.create(toFloat(gw[t])), scratch.create(toFloat(gb[t]))), lr, scratch);
                }
                assertEquals(2, adam.steps());
            }
            double[] ew = adamW(w0, gw, lr, b1, b2, eps, wd);
            double[] eb = adamW(b0, gb, lr, b1, b2, eps, 0);
            float[] aw = w.toFloatArray();
            float[] ab = b.toFloatArray();
            for (int i = 0; i < 3; i++) {
                assertEquals(ew[i], aw[i], 2e-6, "w[" + i + "]");
            }
            for (int i = 0; i < 2; i++) {
                assertEquals(eb[i], ab[i], 2e-6, "b[" + i + "]");
            }
            // Weight decay acts on w only: with wd the first entry differs from the undecayed update.
            double[] noDecay = adamW(w0, gw, lr, b1, b2, eps, 0);
            assertEquals(0.5 * (1 - lr * wd) * (1 - lr * wd) - 0.5, ew[0] - noDecay[0], 0.02);
        }
    }

    /** Textbook decoupled AdamW in double precision, PyTorch's order. */
    private static double[] adamW(double[] p0, double[][] g, double lr, double b1, double b2, double eps, double wd) {
        double[] p = p0.clone();
        double[] m = new double[p.length];
        double[] v = new double[p.length];
        for (int t = 1; t <= g.length; t++) {
            for (int i = 0; i < p.length; i++) {
                double gi = g[t - 1][i];
                p[i] *= 1 - lr * wd;
                m[i] = b1 * m[i] + (1 - b1) * gi;
                v[i] = b2 * v[i] + (1 - b2) * gi * gi;
                double mhat = m[i] / (1 - Math.pow(b1, t));
                double vhat = v[i] / (1 - Math.pow(b2, t));
                p[i] -= lr * mhat / (Math.sqrt(vhat) + eps);
            }
        }
        return p;
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    @Test
    void warmupCosineAndConstantSchedules() {
        LearningRateSchedule cos = new LearningRateSchedule(LearningRateSchedule.Kind.COSINE, 1.0, 10, 110, 0.1);
        assertEquals(0.1, cos.at(0), 1e-15);
        assertEquals(0.5, cos.at(4), 1e-15);
        assertEquals(1.0, cos.at(9), 1e-15);
        assertEquals(1.0, cos.at(10), 1e-15);
        assertEquals(0.55, cos.at(60), 1e-15);
        assertEquals(0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * 0.25)), cos.at(35), 1e-15);
        assertEquals(0.1, cos.at(110), 1e-15);
        LearningRateSchedule flat = new LearningRateSchedule(LearningRateSchedule.Kind.CONSTANT, 3e-4, 0, 10, 0);
        assertEquals(3e-4, flat.at(0), 0);
        assertEquals(3e-4, flat.at(9), 0);
        assertThrows(IllegalArgumentException.class,
                () -> new LearningRateSchedule(LearningRateSchedule.Kind.COSINE, 1, 10, 10, 0));
    }

    @Test
    void emaArithmeticAndSwap() {
        NnRuntime rt = TestRuntime.get();
        try (ParameterStore store = new ParameterStore(rt, 1); NDManager scratch = rt.newManager()) {
            NDArray p = store.constant("p", 0, true, 2);
            p.set(new float[] {1, 2});
            try (Ema ema = new Ema(store, 0.9)) {
                p.set(new float[] {3, 4});
                ema.update(scratch);
                ema.update(scratch);
                // e1 = 0.9·(1,2) + 0.1·(3,4) = (1.2, 2.2); e2 = 0.9·e1 + 0.1·(3,4) = (1.38, 2.38)
                float[] e = ema.state().get("p").toFloats();
                assertEquals(1.38, e[0], 1e-6);
                assertEquals(2.38, e[1], 1e-6);
                ema.swap();
                assertEquals(1.38, p.toFloatArray()[0], 1e-6);
                ema.swap();
                assertEquals(3f, p.toFloatArray()[0], 0f);
                assertEquals(4f, p.toFloatArray()[1], 0f);
            }
        }
    }

    @Test
    void globalNormClipping() {
        NnRuntime rt = TestRuntime.get();
        try (NDManager m = rt.newManager()) {
            List<NDArray> g = List.of(m.create(new float[] {3, 4}), m.create(new float[] {12}));
            assertEquals(13, GradientClipping.clipGlobalNorm(g, 20), 1e-6);
            assertEquals(12f, g.get(1).getFloat(), 0f);
            assertEquals(13, GradientClipping.clipGlobalNorm(g, 6.5), 1e-6);
            assertEquals(1.5, g.get(0).toFloatArray()[0], 1e-6);
            assertEquals(2.0, g.get(0).toFloatArray()[1], 1e-6);
            assertEquals(6.0, g.get(1).getFloat(), 1e-6);
            assertEquals(6.5, GradientClipping.clipGlobalNorm(g, 0), 1e-5);
        }
    }
}
