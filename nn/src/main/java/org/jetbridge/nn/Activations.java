package org.jetbridge.nn;

import ai.djl.ndarray.NDArray;

/** Element-wise activations used by the blocks; results belong to the input's manager. */
public final class Activations {

    private Activations() {}

    /** Exact GELU, x·Φ(x) with the normal CDF (PyTorch's default, not the tanh approximation). */
    public static NDArray gelu(NDArray x) {
        return x.getNDArrayInternal().gelu();
    }
}
