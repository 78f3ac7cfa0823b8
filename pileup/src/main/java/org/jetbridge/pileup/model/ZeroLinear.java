package org.jetbridge.pileup.model;

import ai.djl.ndarray.NDArray;
import org.jetbridge.nn.ParameterStore;

/** An affine output layer initialised to zero (weight and bias), so an untrained denoiser starts as c_skip·x. */
final class ZeroLinear {
    private final NDArray weight;
    private final NDArray bias;

    ZeroLinear(ParameterStore store, String prefix, int in, int out) {
        this.weight = store.constant(prefix + ".weight", 0f, true, in, out);
        this.bias = store.constant(prefix + ".bias", 0f, false, out);
    }

    NDArray forward(NDArray x) {
        return x.matMul(weight).add(bias);
    }
}
