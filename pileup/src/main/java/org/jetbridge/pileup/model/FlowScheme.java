package org.jetbridge.pileup.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Rectified flow: x_t = (1 − t)·x₀ + t·ε with t ~ logit-normal(0, 1), the network predicts the velocity
 * v = ε − x₀ given (x_t, c_noise = t); sampling integrates dx/dt = v from t = 1 (noise) to t = 0 with the explicit
 * midpoint rule on a uniform grid.
 */
public final class FlowScheme implements Scheme {

    @Override
    public String name() {
        return "flow";
    }

    @Override
    public Corrupted corrupt(NDArray x0, NDArray noise, NDArray z) {
        NDArray t = z.getNDArrayInternal().sigmoid();
        NDArray x = Scheme.perExample(x0, t.neg().add(1)).add(Scheme.perExample(noise, t));
        return new Corrupted(x, t, noise.sub(x0));
    }

    @Override
    public NDArray sample(Network f, NDArray noise, int steps) {
        long b = noise.getShape().get(0);
        NDArray x = noise;
        double h = -1.0 / steps;
        for (int i = 0; i < steps; i++) {
            double t = 1 + i * h;
            NDArray v = f.apply(x, x.getManager().full(new Shape(b), (float) t));
            NDArray mid = x.add(v.mul(0.5 * h));
            NDArray v2 = f.apply(mid, x.getManager().full(new Shape(b), (float) (t + 0.5 * h)));
            x = x.add(v2.mul(h));
        }
        return x;
    }

    @Override
    public int evaluations(int steps) {
        return 2 * steps;
    }
}
