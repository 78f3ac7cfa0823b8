package org.jetbridge.pileup.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.jetbridge.nn.NnRuntime;
import org.junit.jupiter.api.Test;

/**
 * The samplers against exact networks for Gaussian data x₀ ~ N(m, s²) per element, where the ideal denoiser and
 * velocity are known in closed form: integrating them must reproduce m and s (independent of any training).
 */
class SchemeTest {
    static final double M = 0.7;
    static final double S = 0.5;

    /** E[x₀ | x] for x = x₀ + σ ε: m + s²/(s² + σ²)·(x − m). */
    static NDArray edmNetwork(NDArray input, NDArray cNoise) {
        NDArray sigma = cNoise.mul(4).exp();
        NDArray s2p1 = sigma.square().add(1);
        NDArray x = Scheme.perExample(input, s2p1.sqrt());
        NDArray shrink = sigma.square().add(S * S).pow(-1).mul(S * S);
        NDArray d = Scheme.perExample(x.sub(M), shrink).add(M);
        // F = (D − c_skip x) / c_out
        NDArray num = d.sub(Scheme.perExample(x, s2p1.pow(-1)));
        return Scheme.perExample(num, s2p1.sqrt().div(sigma));
    }

    /** v = E[ε − x₀ | x_t] for x_t = (1 − t) x₀ + t ε. */
    static NDArray flowNetwork(NDArray x, NDArray t) {
        NDArray a = t.neg().add(1);
        NDArray var = a.square().mul(S * S).add(t.square());
        NDArray centred = x.sub(Scheme.perExample(x.onesLike(), a).mul(M));
        NDArray ex0 = Scheme.perExample(centred, a.mul(S * S).div(var)).add(M);
        NDArray eeps = Scheme.perExample(centred, t.div(var));
        return eeps.sub(ex0);
    }

    private static double[] moments(NDArray x) {
        float[] v = x.toFloatArray();
        double mean = 0;
        for (float f : v) {
            mean += f;
        }
        mean /= v.length;
        double var = 0;
        for (float f : v) {
            var += (f - mean) * (f - mean);
        }
        return new double[] {mean, Math.sqrt(var / v.length)};
    }

    @Test
    void edmHeunSamplerReproducesGaussianTarget() {
        NnRuntime rt = Fixtures.runtime();
        try (NDManager m = rt.newManager()) {
            rt.seed(3);
            NDArray noise = m.randomNormal(new Shape(4000, 4, 3));
            double[] mo = moments(new EdmScheme().sample(SchemeTest::edmNetwork, noise, 32));
            assertEquals(M, mo[0], 0.01, "mean");
            assertEquals(S, mo[1], 0.01, "std");
            // one step is Euler from σ_max straight to 0 with the exact denoiser: the posterior mean only
            double[] one = moments(new EdmScheme().sample(SchemeTest::edmNetwork, noise, 1));
            assertEquals(S * S * 80 / (S * S + 6400), one[1], 1e-3, "one-step spread");
        }
    }

    @Test
    void flowMidpointSamplerReproducesGaussianTarget() {
        NnRuntime rt = Fixtures.runtime();
        try (NDManager m = rt.newManager()) {
            rt.seed(4);
            NDArray noise = m.randomNormal(new Shape(4000, 4, 3));
            double[] mo = moments(new FlowScheme().sample(SchemeTest::flowNetwork, noise, 32));
            assertEquals(M, mo[0], 0.01, "mean");
            assertEquals(S, mo[1], 0.01, "std");
        }
    }

    @Test
    void edmTargetMakesPreconditionedDenoiserExact() {
        NnRuntime rt = Fixtures.runtime();
        try (NDManager m = rt.newManager()) {
            rt.seed(5);
            NDArray x0 = m.randomNormal(new Shape(8, 5, 3));
            NDArray eps = m.randomNormal(new Shape(8, 5, 3));
            NDArray z = m.randomNormal(new Shape(8));
            Scheme.Corrupted c = new EdmScheme().corrupt(x0, eps, z);
            float[] sigma = c.cNoise().mul(4).exp().toFloatArray();
            float[] in = c.input().toFloatArray();
            float[] t = c.target().toFloatArray();
            float[] x0v = x0.toFloatArray();
            float[] ev = eps.toFloatArray();
            for (int i = 0; i < in.length; i++) {
                double s = sigma[i / 15];
                double x = in[i] * Math.sqrt(s * s + 1);
                assertEquals(x0v[i] + s * ev[i], x, 1e-4 * Math.max(1, Math.abs(x)), "noisy input");
                // D = c_skip x + c_out F with F = target gives back x₀
                double d = x / (s * s + 1) + s / Math.sqrt(s * s + 1) * t[i];
                assertEquals(x0v[i], d, 1e-4 * Math.max(1, s), "denoised");
            }
        }
    }

    @Test
    void edmNoiseScheduleEndpoints() {
        double[] s = EdmScheme.sigmas(10);
        assertEquals(80, s[0], 1e-9);
        assertEquals(0.002, s[9], 1e-12);
        assertEquals(0, s[10]);
        for (int i = 0; i < 10; i++) {
            assertEquals(true, s[i + 1] < s[i]);
        }
        assertArrayEquals(new double[] {80, 0}, EdmScheme.sigmas(1), 1e-12);
    }
}
