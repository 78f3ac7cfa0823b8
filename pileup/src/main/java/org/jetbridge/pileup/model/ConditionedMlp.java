package org.jetbridge.pileup.model;

import ai.djl.ndarray.NDArray;
import org.jetbridge.nn.Activations;
import org.jetbridge.nn.Linear;
import org.jetbridge.nn.ParameterStore;

/**
 * The position-wise MLP with a per-jet condition concatenated to every token: GELU([x, c]·W₁ + b₁)·W₂ + b₂ with
 * x [B, N, d] and c [B, k]. [x, c]·W₁ is evaluated as x·W₁ₓ + c·W₁c (the same product, with c's part computed once
 * per jet instead of once per token).
 */
final class ConditionedMlp {
    private final Linear up;
    private final Linear cond;
    private final Linear down;

    ConditionedMlp(ParameterStore store, String prefix, int dim, int condWidth, int hidden) {
        this.up = new Linear(store, prefix + ".up", dim, hidden);
        this.cond = new Linear(store, prefix + ".up_cond", condWidth, hidden, false);
        this.down = new Linear(store, prefix + ".down", hidden, dim);
    }

    /** x [B, N, d], c [B, k] → [B, N, d]. */
    NDArray forward(NDArray x, NDArray c) {
        long b = c.getShape().get(0);
        NDArray h = up.forward(x).add(cond.forward(c).reshape(b, 1, -1));
        return down.forward(Activations.gelu(h));
    }
}
