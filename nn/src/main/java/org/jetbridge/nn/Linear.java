package org.jetbridge.nn;

import ai.djl.ndarray.NDArray;

/** Affine map y = x·W + b over the last axis; W is stored [in, out] so that {@code x.matMul(W)} needs no transpose. */
public final class Linear {

    private final NDArray weight;
    private final NDArray bias;
    private final int in;
    private final int out;

    /** Creates {@code prefix.weight} [in, out] and (if {@code withBias}) {@code prefix.bias} [out]. */
    public Linear(ParameterStore store, String prefix, int in, int out, boolean withBias) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException(prefix + ": widths must be >= 1, got " + in + " -> " + out);
        }
        double bound = 1 / Math.sqrt(in);
        this.weight = store.uniform(prefix + ".weight", bound, true, in, out);
        this.bias = withBias ? store.uniform(prefix + ".bias", bound, false, out) : null;
        this.in = in;
        this.out = out;
    }

    public Linear(ParameterStore store, String prefix, int in, int out) {
        this(store, prefix, in, out, true);
    }

    /** x [..., in] → [..., out]; the result belongs to x's manager. */
    public NDArray forward(NDArray x) {
        NDArray y = x.matMul(weight);
        return bias == null ? y : y.addi(bias);
    }

    public int in() {
        return in;
    }

    public int out() {
        return out;
    }
}
