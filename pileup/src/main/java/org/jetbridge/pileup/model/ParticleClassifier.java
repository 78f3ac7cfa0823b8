package org.jetbridge.pileup.model;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import org.jetbridge.nn.FeedForward;
import org.jetbridge.nn.LayerNorm;
import org.jetbridge.nn.Linear;
import org.jetbridge.nn.MultiHeadAttention;
import org.jetbridge.nn.ParameterStore;
import org.jetbridge.nn.TransformerBlock;

/**
 * The learned per-particle classifier baseline ("PuppiML"): each observed constituent's features plus an embedding
 * of the jet context, a pre-LN transformer encoder with padding mask, and one logit of P(hard scatter) per
 * constituent.
 */
final class ParticleClassifier {
    private final Linear embed;
    private final Linear context;
    private final List<TransformerBlock> blocks = new ArrayList<>();
    private final LayerNorm norm;
    private final Linear out;

    ParticleClassifier(ParameterStore s, PileupConfig c) {
        int d = c.classifierWidth();
        embed = new Linear(s, "classifier.embed", JetFeatures.PARTICLE, d);
        context = new Linear(s, "classifier.context", JetFeatures.CONTEXT, d, false);
        for (int l = 0; l < c.classifierBlocks(); l++) {
            blocks.add(new TransformerBlock(s, "classifier.block" + l, d, c.heads(), d * c.mlpFactor(),
                    FeedForward.Kind.GELU, false));
        }
        norm = new LayerNorm(s, "classifier.norm", d);
        out = new Linear(s, "classifier.out", d, 1);
    }

    /** Observed [B, No, 3], mask [B, No], context [B, 6] → logits [B, No]. */
    NDArray logits(NDArray observed, NDArray mask, NDArray ctx) {
        NDArray bias = MultiHeadAttention.keyBias(mask);
        long b = ctx.getShape().get(0);
        NDArray x = embed.forward(observed).add(context.forward(ctx).reshape(b, 1, -1));
        for (TransformerBlock t : blocks) {
            x = t.forward(x, bias);
        }
        return out.forward(norm.forward(x)).squeeze(2);
    }
}
