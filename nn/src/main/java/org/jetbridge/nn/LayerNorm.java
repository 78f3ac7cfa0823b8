package org.jetbridge.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Layer normalisation over the last axis with learned scale (init 1) and shift (init 0); ε = 1e-5 as in PyTorch. */
public final class LayerNorm {

    public static final float EPS = 1e-5f;

    private final NDArray gamma;
    private final NDArray beta;
    private final Shape shape;

    public LayerNorm(ParameterStore store, String prefix, int width) {
        this.gamma = store.constant(prefix + ".weight", 1f, false, width);
        this.beta = store.constant(prefix + ".bias", 0f, false, width);
        this.shape = new Shape(width);
    }

    /** x [..., width] → same shape, each row with mean 0 and (biased) variance 1 before the affine map. */
    public NDArray forward(NDArray x) {
        // One fused libtorch call instead of ~8 element-wise ops (each op costs ~1 µs of JNI).
        return x.getNDArrayInternal().layerNorm(x, shape, gamma, beta, EPS).singletonOrThrow();
    }
}
