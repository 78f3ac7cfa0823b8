package org.jetbridge.nn;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;

/** A stack of pre-LN self-attention blocks followed by a final LayerNorm (needed with pre-LN residual streams). */
public final class TransformerEncoder {

    /**
     * Encoder shape.
     *
     * @param dim token width
     * @param layers number of blocks
     * @param heads attention heads (divides dim)
     * @param hidden MLP hidden width
     * @param mlp GELU or GLU feed-forward
     */
    public record Config(int dim, int layers, int heads, int hidden, FeedForward.Kind mlp) {
        public Config {
            if (dim < 1 || layers < 0 || heads < 1 || hidden < 1 || dim % heads != 0 || mlp == null) {
                throw new IllegalArgumentException("encoder config: need dim >= 1 divisible by heads, layers >= 0, "
                        + "hidden >= 1, mlp kind; got " + dim + ", " + layers + ", " + heads + ", " + hidden + ", " + mlp);
            }
        }
    }

    private final List<TransformerBlock> blocks = new ArrayList<>();
    private final LayerNorm finalNorm;

    public TransformerEncoder(ParameterStore store, String prefix, Config config) {
        for (int i = 0; i < config.layers(); i++) {
            blocks.add(new TransformerBlock(store, prefix + ".layers." + i, config.dim(), config.heads(),
                    config.hidden(), config.mlp(), false));
        }
        this.finalNorm = new LayerNorm(store, prefix + ".norm", config.dim());
    }

    /** x [B, N, d] with mask [B, N] (1 real, 0 padding; null for none) → [B, N, d]. */
    public NDArray forward(NDArray x, NDArray mask) {
        NDArray bias = MultiHeadAttention.keyBias(mask);
        NDArray h = x;
        for (TransformerBlock block : blocks) {
            h = block.forward(h, bias);
        }
        return finalNorm.forward(h);
    }
}
