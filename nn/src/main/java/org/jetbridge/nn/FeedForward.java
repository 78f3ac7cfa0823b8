package org.jetbridge.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * The position-wise MLP of a transformer block: d → hidden → d with GELU, or the gated variant (GEGLU)
 * d → 2·hidden, a·GELU(g), → d.
 */
public final class FeedForward {

    /** Which MLP a block uses. */
    public enum Kind { GELU, GLU }

    private final Kind kind;
    private final Linear up;
    private final Linear down;

    public FeedForward(ParameterStore store, String prefix, int dim, int hidden, Kind kind) {
        this.kind = kind;
        this.up = new Linear(store, prefix + ".up", dim, kind == Kind.GLU ? 2 * hidden : hidden);
        this.down = new Linear(store, prefix + ".down", hidden, dim);
    }

    public NDArray forward(NDArray x) {
        NDArray h = up.forward(x);
        if (kind == Kind.GELU) {
            return down.forward(Activations.gelu(h));
        }
        NDList ag = MultiHeadAttention.lastAxisSplit(h, 2);
        return down.forward(ag.get(0).mul(Activations.gelu(ag.get(1))));
    }
}
