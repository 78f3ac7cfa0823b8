package org.jetbridge.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Learned class/register tokens prepended to every sequence (never masked). */
public final class Tokens {

    private final NDArray tokens;
    private final int count;
    private final int dim;

    /** {@code count} tokens of width {@code dim}, parameter {@code prefix} [1, count, dim], N(0, 0.02²) init. */
    public Tokens(ParameterStore store, String prefix, int count, int dim) {
        if (count < 1) {
            throw new IllegalArgumentException(prefix + ": token count must be >= 1, got " + count);
        }
        this.tokens = store.truncatedNormal(prefix, 0.02, false, 1, count, dim);
        this.count = count;
        this.dim = dim;
    }

    public int count() {
        return count;
    }

    /** x [B, N, d] → [B, count + N, d], tokens first. */
    public NDArray prepend(NDArray x) {
        long b = x.getShape().get(0);
        NDManager m = x.getManager();
        // Built from x's manager (zeros + tokens) so the broadcast copy is a per-step array, not the parameter's.
        NDArray t = m.zeros(new Shape(b, count, dim), x.getDataType()).addi(tokens);
        return NDArrays.concat(new NDList(t, x), 1);
    }

    /** mask [B, N] → [B, count + N] with the tokens marked real. */
    public NDArray prependMask(NDArray mask) {
        long b = mask.getShape().get(0);
        NDArray ones = mask.getManager().ones(new Shape(b, count), mask.getDataType());
        return NDArrays.concat(new NDList(ones, mask), 1);
    }
}
