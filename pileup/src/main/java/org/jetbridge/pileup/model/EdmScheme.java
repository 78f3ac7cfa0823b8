package org.jetbridge.pileup.model;

import ai.djl.ndarray.NDArray;

/**
 * EDM (Karras et al. 2022) with σ_data = 1: D(x; σ) = c_skip·x + c_out·F(c_in·x, ¼ ln σ) with c_skip = 1/(σ²+1),
 * c_out = σ/√(σ²+1), c_in = 1/√(σ²+1); training draws ln σ ~ N(−1.2, 1.2²) and regresses F on
 * (x₀ − c_skip·x)/c_out, which is the λ(σ)-weighted denoising loss; sampling is the deterministic Heun scheme on
 * σ_i = (σ_max^{1/ρ} + i/(N−1)·(σ_min^{1/ρ} − σ_max^{1/ρ}))^ρ, σ ∈ [0.002, 80], ρ = 7, then σ_N = 0.
 */
public final class EdmScheme implements Scheme {
    public static final double SIGMA_MIN = 0.002;
    public static final double SIGMA_MAX = 80;
    public static final double RHO = 7;
    public static final double P_MEAN = -1.2;
    public static final double P_STD = 1.2;

    @Override
    public String name() {
        return "edm";
    }

    @Override
    public Corrupted corrupt(NDArray x0, NDArray noise, NDArray z) {
        NDArray sigma = z.mul(P_STD).add(P_MEAN).exp();
        NDArray s2p1 = sigma.square().add(1);
        NDArray cIn = s2p1.sqrt().pow(-1);
        NDArray cSkip = s2p1.pow(-1);
        NDArray cOut = sigma.mul(cIn);
        NDArray x = x0.add(Scheme.perExample(noise, sigma));
        NDArray target = Scheme.perExample(x0.sub(Scheme.perExample(x, cSkip)), cOut.pow(-1));
        return new Corrupted(Scheme.perExample(x, cIn), sigma.log().mul(0.25), target);
    }

    /** The sampling noise levels σ_0 > … > σ_{N−1} > σ_N = 0 for {@code steps} = N. */
    public static double[] sigmas(int steps) {
        double[] s = new double[steps + 1];
        double a = Math.pow(SIGMA_MAX, 1 / RHO);
        double b = Math.pow(SIGMA_MIN, 1 / RHO);
        for (int i = 0; i < steps; i++) {
            double f = steps == 1 ? 0 : (double) i / (steps - 1);
            s[i] = Math.pow(a + f * (b - a), RHO);
        }
        s[steps] = 0;
        return s;
    }

    /** The preconditioned denoiser D(x; σ) for one noise level shared by the batch. */
    static NDArray denoise(Network f, NDArray x, double sigma) {
        double s2p1 = sigma * sigma + 1;
        NDArray cNoise = x.getManager().full(new ai.djl.ndarray.types.Shape(x.getShape().get(0)),
                (float) (0.25 * Math.log(sigma)));
        NDArray out = f.apply(x.mul(1 / Math.sqrt(s2p1)), cNoise);
        return x.mul(1 / s2p1).add(out.mul(sigma / Math.sqrt(s2p1)));
    }

    @Override
    public NDArray sample(Network f, NDArray noise, int steps) {
        double[] s = sigmas(steps);
        NDArray x = noise.mul(s[0]);
        for (int i = 0; i < steps; i++) {
            NDArray d = x.sub(denoise(f, x, s[i])).div(s[i]);
            NDArray next = x.add(d.mul(s[i + 1] - s[i]));
            if (s[i + 1] > 0) {
                NDArray d2 = next.sub(denoise(f, next, s[i + 1])).div(s[i + 1]);
                next = x.add(d.add(d2).mul(0.5 * (s[i + 1] - s[i])));
            }
            x = next;
        }
        return x;
    }

    @Override
    public int evaluations(int steps) {
        return 2 * steps - 1;
    }
}
