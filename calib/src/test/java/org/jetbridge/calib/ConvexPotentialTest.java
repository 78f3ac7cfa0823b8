package org.jetbridge.calib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.nn.ParameterStore;
import org.junit.jupiter.api.Test;

class ConvexPotentialTest {

    private static final int D = 5;

    /** A potential with randomised (not warm-start) weights so that the convex part is strongly non-quadratic. */
    private static ConvexPotential randomised(ParameterStore store, int conditions) {
        ConvexPotential p = new ConvexPotential(store, "psi",
                new ConvexPotential.Shape(D, conditions, 16, 3, conditions > 0 ? 8 : 0));
        SplittableRandom r = new SplittableRandom(7);
        for (ParameterStore.Parameter q : store.parameters()) {
            float[] vals = q.array().toFloatArray();
            for (int i = 0; i < vals.length; i++) {
                vals[i] = (float) (r.nextGaussian() * (q.name().contains("rho") ? 0.3 : 1.0));
            }
            q.array().set(vals);
        }
        return p;
    }

    private static float[] randomRows(int rows, int cols, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    private static double[] values(ConvexPotential p, NDManager m, double[] x, double[] omega) {
        int n = x.length / D;
        NDArray xs = m.create(x, new Shape(n, D)).toType(DataType.FLOAT32, false);
        NDArray w = omega == null ? null : m.create(omega, new Shape(n, omega.length / n)).toType(DataType.FLOAT32, false);
        float[] v = p.value(xs, w).toFloatArray();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = v[i];
        }
        return out;
    }

    @Test
    void convexAlongRandomSegmentsInXForAnyCondition() {
        NnRuntime rt = CalibTestRuntime.get();
        try (ParameterStore store = new ParameterStore(rt, 1); NDManager m = rt.newManager()) {
            ConvexPotential p = randomised(store, 2);
            SplittableRandom r = new SplittableRandom(3);
            int segments = 200;
            int points = 21;
            double[] xs = new double[segments * points * D];
            double[] om = new double[segments * points * 2];
            for (int s = 0; s < segments; s++) {
                double[] x0 = new double[D];
                double[] x1 = new double[D];
                for (int j = 0; j < D; j++) {
                    x0[j] = 3 * r.nextGaussian();
                    x1[j] = 3 * r.nextGaussian();
                }
                double w0 = 2 * r.nextGaussian();
                double w1 = 2 * r.nextGaussian();
                for (int t = 0; t < points; t++) {
                    double l = t / (points - 1.0);
                    for (int j = 0; j < D; j++) {
                        xs[(s * points + t) * D + j] = (1 - l) * x0[j] + l * x1[j];
                    }
                    om[(s * points + t) * 2] = w0;
                    om[(s * points + t) * 2 + 1] = w1;
                }
            }
            double[] v = values(p, m, xs, om);
            int worst = 0;
            double minSecond = Double.POSITIVE_INFINITY;
            for (int s = 0; s < segments; s++) {
                for (int t = 1; t + 1 < points; t++) {
                    int i = s * points + t;
                    double second = v[i - 1] - 2 * v[i] + v[i + 1];
                    double scale = 1e-5 * (Math.abs(v[i]) + 1);
                    if (second < -scale) {
                        worst++;
                    }
                    minSecond = Math.min(minSecond, second / (Math.abs(v[i]) + 1));
                }
            }
            assertEquals(0, worst, "second differences below zero (min relative " + minSecond + ")");
        }
    }

    @Test
    void hessianVectorProductsByFiniteDifferencesOfTheGradientAreNonNegative() {
        NnRuntime rt = CalibTestRuntime.get();
        try (ParameterStore store = new ParameterStore(rt, 2); NDManager m = rt.newManager()) {
            ConvexPotential p = randomised(store, 0);
            int n = 500;
            float[] x = randomRows(n, D, 11);
            float[] dir = randomRows(n, D, 12);
            float h = 1e-2f;
            float[] xp = x.clone();
            float[] xm = x.clone();
            for (int i = 0; i < x.length; i++) {
                xp[i] += h * dir[i];
                xm[i] -= h * dir[i];
            }
            float[] gp = p.gradient(m.create(xp, new Shape(n, D)), null).toFloatArray();
            float[] gm = p.gradient(m.create(xm, new Shape(n, D)), null).toFloatArray();
            for (int i = 0; i < n; i++) {
                double vhv = 0;
                double norm = 0;
                for (int j = 0; j < D; j++) {
                    vhv += dir[i * D + j] * (gp[i * D + j] - gm[i * D + j]) / (2 * h);
                    norm += dir[i * D + j] * dir[i * D + j];
                }
                // s0 > 0 makes ψ strongly convex: vᵀHv ≥ s0‖v‖² up to float rounding
                assertTrue(vhv >= 0.99 * Math.log1p(Math.exp(store.get("psi.rho0").getFloat())) * norm - 1e-3,
                        "row " + i + ": vHv = " + vhv + " for |v|² = " + norm);
            }
        }
    }

    @Test
    void explicitGradientMatchesCentralFiniteDifferences() {
        NnRuntime rt = CalibTestRuntime.get();
        try (ParameterStore store = new ParameterStore(rt, 3); NDManager m = rt.newManager()) {
            ConvexPotential p = randomised(store, 2);
            int n = 64;
            float[] x = randomRows(n, D, 21);
            float[] om = randomRows(n, 2, 22);
            NDArray omega = m.create(om, new Shape(n, 2)).toType(DataType.FLOAT64, false);
            // finite differences in double precision: cast the parameters' use through float64 inputs would not
            // change the weights' precision, so compare with a tolerance set by float32 rounding
            float[] g = p.gradient(m.create(x, new Shape(n, D)), omega.toType(DataType.FLOAT32, false)).toFloatArray();
            double h = 1e-2;
            double maxErr = 0;
            double maxG = 0;
            for (int j = 0; j < D; j++) {
                double[] xp = new double[n * D];
                double[] xm = new double[n * D];
                for (int i = 0; i < n * D; i++) {
                    xp[i] = x[i];
                    xm[i] = x[i];
                }
                for (int i = 0; i < n; i++) {
                    xp[i * D + j] += h;
                    xm[i * D + j] -= h;
                }
                double[] fp = values(p, m, xp, toDouble(om));
                double[] fm = values(p, m, xm, toDouble(om));
                for (int i = 0; i < n; i++) {
                    double fd = (fp[i] - fm[i]) / (2 * h);
                    maxErr = Math.max(maxErr, Math.abs(fd - g[i * D + j]));
                    maxG = Math.max(maxG, Math.abs(g[i * D + j]));
                }
            }
            assertTrue(maxG > 0.1, "gradient too small to test: " + maxG);
            assertTrue(maxErr < 2e-3 * (1 + maxG), "max |FD - explicit| = " + maxErr + " (max |grad| " + maxG + ")");
        }
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /**
     * The explicit ∇ₓψ and the parameter gradient of ⟨∇ₓψ, r⟩ taken through it agree with libtorch's native double
     * backward (createGraph = true), which is exact but leaks; this is the one place we call it.
     */
    @Test
    void explicitGradientAndItsParameterGradientMatchNativeDoubleBackward() {
        NnRuntime rt = CalibTestRuntime.get();
        try (ParameterStore store = new ParameterStore(rt, 4); NDManager m = rt.newManager()) {
            ConvexPotential p = randomised(store, 2);
            int n = 32;
            NDArray omega = m.create(randomRows(n, 2, 31), new Shape(n, 2));
            NDArray r = m.create(randomRows(n, D, 32), new Shape(n, D));
            float[] xv = randomRows(n, D, 33);
            List<float[]> explicit = new ArrayList<>();
            float[] explicitGrad;
            try (NDManager step = m.newSubManager(); GradientCollector gc = rt.engine().newGradientCollector()) {
                NDArray x = step.create(xv, new Shape(n, D));
                NDArray g = p.gradient(x, omega);
                explicitGrad = g.toFloatArray();
                gc.backward(g.mul(r).sum());
                for (NDArray q : p.parameters()) {
                    NDArray gr = q.getGradient();
                    explicit.add(gr.toFloatArray());
                    gr.muli(0f);
                    gr.close();
                }
            }
            List<float[]> nativeSecond = new ArrayList<>();
            float[] nativeGrad;
            try (NDManager step = m.newSubManager(); GradientCollector gc = rt.engine().newGradientCollector()) {
                NDArray x = step.create(xv, new Shape(n, D));
                x.setRequiresGradient(true);
                NDArray psi = p.value(x, omega).sum();
                JniUtils.backward((PtNDArray) psi, (PtNDArray) step.ones(psi.getShape()), true, true);
                NDArray g = x.getGradient();
                nativeGrad = g.toFloatArray();
                List<float[]> first = new ArrayList<>();
                for (NDArray q : p.parameters()) {
                    NDArray gr = q.getGradient();
                    first.add(gr.toFloatArray());
                    gr.close();
                }
                JniUtils.backward((PtNDArray) g.mul(r).sum(), (PtNDArray) step.ones(new Shape()), false, false);
                int i = 0;
                for (NDArray q : p.parameters()) {
                    NDArray gr = q.getGradient();
                    float[] total = gr.toFloatArray();
                    float[] f = first.get(i++);
                    for (int k = 0; k < total.length; k++) {
                        total[k] -= f[k];
                    }
                    nativeSecond.add(total);
                    gr.muli(0f);
                    gr.close();
                }
            }
            assertClose(nativeGrad, explicitGrad, 1e-4, "grad_x psi");
            for (int i = 0; i < explicit.size(); i++) {
                assertClose(nativeSecond.get(i), explicit.get(i), 2e-3, "d<grad psi, r>/d param " + i);
            }
        }
    }

    private static void assertClose(float[] expected, float[] actual, double relTol, String what) {
        assertEquals(expected.length, actual.length, what);
        double scale = 0;
        double err = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            err = Math.max(err, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(err <= relTol * (1 + scale), what + ": max error " + err + " at scale " + scale);
    }

    @Test
    void warmStartIsCloseToTheIdentity() {
        NnRuntime rt = CalibTestRuntime.get();
        try (ParameterStore store = new ParameterStore(rt, 5); NDManager m = rt.newManager()) {
            int d = 16;
            ConvexPotential p = new ConvexPotential(store, "g", new ConvexPotential.Shape(d, 0, 64, 2, 0));
            int n = 2000;
            float[] x = randomRows(n, d, 41);
            float[] t = p.gradient(m.create(x, new Shape(n, d)), null).toFloatArray();
            double moved = 0;
            double norm = 0;
            for (int i = 0; i < n; i++) {
                double dd = 0;
                double xx = 0;
                for (int j = 0; j < d; j++) {
                    dd += Math.pow(t[i * d + j] - x[i * d + j], 2);
                    xx += Math.pow(x[i * d + j], 2);
                }
                moved += Math.sqrt(dd);
                norm += Math.sqrt(xx);
            }
            assertTrue(moved / norm < 0.1, "warm start moves points by " + moved / norm + " of their norm");
        }
    }
}
