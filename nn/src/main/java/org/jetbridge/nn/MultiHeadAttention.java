package org.jetbridge.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;

/**
 * Scaled dot-product multi-head attention with key-padding masks. Self-attention uses one fused [d, 3d] projection
 * (query, key, value in that order, heads as consecutive slices of width d/heads, as in PyTorch's
 * {@code MultiheadAttention}); cross-attention projects queries and keys/values separately.
 */
public final class MultiHeadAttention {

    /** Logit offset of padded keys: exp(−1e30 − max) is exactly 0 in float32, so padded keys get weight 0 exactly. */
    public static final float MASKED_LOGIT = -1e30f;

    private final int dim;
    private final int heads;
    private final Linear qkv;
    private final Linear q;
    private final Linear kv;
    private final Linear out;

    /**
     * @param cross whether queries and keys come from different sequences (separate projections)
     */
    public MultiHeadAttention(ParameterStore store, String prefix, int dim, int heads, boolean cross) {
        if (heads < 1 || dim % heads != 0) {
            throw new IllegalArgumentException(prefix + ": width " + dim + " not divisible by heads " + heads);
        }
        this.dim = dim;
        this.heads = heads;
        if (cross) {
            this.qkv = null;
            this.q = new Linear(store, prefix + ".q", dim, dim);
            this.kv = new Linear(store, prefix + ".kv", dim, 2 * dim);
        } else {
            this.qkv = new Linear(store, prefix + ".qkv", dim, 3 * dim);
            this.q = null;
            this.kv = null;
        }
        this.out = new Linear(store, prefix + ".out", dim, dim);
    }

    /**
     * Key-padding bias for {@link #forward}: mask [B, N] with 1 for real entries and 0 for padding → [B, 1, 1, N]
     * with 0 and {@link #MASKED_LOGIT}; null mask gives null (no padding).
     */
    public static NDArray keyBias(NDArray mask) {
        if (mask == null) {
            return null;
        }
        Shape s = mask.getShape();
        if (s.dimension() != 2) {
            throw new IllegalArgumentException("mask: expected shape [batch, length], got " + s);
        }
        return mask.sub(1f).muli(-MASKED_LOGIT).reshape(s.get(0), 1, 1, s.get(1));
    }

    /** Self-attention: x [B, N, d] → [B, N, d]; {@code keyBias} from {@link #keyBias} or null. */
    public NDArray forward(NDArray x, NDArray keyBias) {
        if (qkv == null) {
            throw new IllegalStateException("cross-attention block called with one sequence; use forward(x, context, bias)");
        }
        NDList parts = lastAxisSplit(qkv.forward(x), 3);
        return attend(parts.get(0), parts.get(1), parts.get(2), keyBias);
    }

    /** Cross-attention: queries x [B, Nq, d] attend to context [B, Nk, d]; {@code keyBias} masks the context. */
    public NDArray forward(NDArray x, NDArray context, NDArray keyBias) {
        if (q == null) {
            throw new IllegalStateException("self-attention block called with a context; use forward(x, bias)");
        }
        NDList parts = lastAxisSplit(kv.forward(context), 2);
        return attend(q.forward(x), parts.get(0), parts.get(1), keyBias);
    }

    /** Splits the last axis into equal parts (DJL's split rejects negative axes). */
    static NDList lastAxisSplit(NDArray x, int parts) {
        return x.split(parts, x.getShape().dimension() - 1);
    }

    private NDArray attend(NDArray query, NDArray key, NDArray value, NDArray keyBias) {
        long b = query.getShape().get(0);
        long nq = query.getShape().get(1);
        long nk = key.getShape().get(1);
        int dh = dim / heads;
        // Out of place: query is a view of the split projection and autograd forbids in-place ops on those.
        NDArray qh = Scalars.times(query.reshape(b, nq, heads, dh).transpose(0, 2, 1, 3), (float) (1 / Math.sqrt(dh)));
        NDArray kt = key.reshape(b, nk, heads, dh).transpose(0, 2, 3, 1);
        NDArray vh = value.reshape(b, nk, heads, dh).transpose(0, 2, 1, 3);
        NDArray logits = qh.matMul(kt);
        if (keyBias != null) {
            logits = logits.addi(keyBias);
        }
        NDArray context = logits.softmax(-1).matMul(vh).transpose(0, 2, 1, 3).reshape(b, nq, dim);
        return out.forward(context);
    }

    public int dim() {
        return dim;
    }

    public int heads() {
        return heads;
    }
}
