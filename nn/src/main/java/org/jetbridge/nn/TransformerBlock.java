package org.jetbridge.nn;

import ai.djl.ndarray.NDArray;

/**
 * Pre-LN transformer block: x + Attn(LN(x)) then x + MLP(LN(x)). Self-attention over one sequence, or
 * cross-attention of the sequence onto a context (queries and context normalised separately).
 */
public final class TransformerBlock {

    private final LayerNorm normAttention;
    private final LayerNorm normContext;
    private final MultiHeadAttention attention;
    private final LayerNorm normMlp;
    private final FeedForward mlp;

    /**
     * @param hidden width of the MLP's hidden layer (e.g. 4·dim)
     * @param cross whether this is a cross-attention block (then {@link #forward(NDArray, NDArray, NDArray)})
     */
    public TransformerBlock(ParameterStore store, String prefix, int dim, int heads, int hidden,
            FeedForward.Kind mlpKind, boolean cross) {
        this.normAttention = new LayerNorm(store, prefix + ".norm1", dim);
        this.normContext = cross ? new LayerNorm(store, prefix + ".norm_context", dim) : null;
        this.attention = new MultiHeadAttention(store, prefix + ".attn", dim, heads, cross);
        this.normMlp = new LayerNorm(store, prefix + ".norm2", dim);
        this.mlp = new FeedForward(store, prefix + ".mlp", dim, hidden, mlpKind);
    }

    /** Self-attention block: x [B, N, d], keyBias from {@link MultiHeadAttention#keyBias} or null. */
    public NDArray forward(NDArray x, NDArray keyBias) {
        NDArray h = x.add(attention.forward(normAttention.forward(x), keyBias));
        return h.add(mlp.forward(normMlp.forward(h)));
    }

    /** Cross-attention block: x [B, Nq, d] attends to context [B, Nk, d] masked by keyBias. */
    public NDArray forward(NDArray x, NDArray context, NDArray keyBias) {
        NDArray h = x.add(attention.forward(normAttention.forward(x), normContext.forward(context), keyBias));
        return h.add(mlp.forward(normMlp.forward(h)));
    }
}
