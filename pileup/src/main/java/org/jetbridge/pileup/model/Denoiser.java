package org.jetbridge.pileup.model;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import org.jetbridge.nn.Activations;
import org.jetbridge.nn.LayerNorm;
import org.jetbridge.nn.Linear;
import org.jetbridge.nn.MultiHeadAttention;
import org.jetbridge.nn.ParameterStore;
import org.jetbridge.nn.Scalars;

/**
 * The conditional denoiser and the multiplicity head on its observed-cloud encoder. Block l: the observed stream
 * (pre-LN self-attention, then an MLP with the jet context concatenated) and the hard-scatter stream (pre-LN
 * self-attention, cross-attention to the block's observed output, MLP with context and noise embedding
 * concatenated); then a final HS self-attention and a zero-initialised output layer. Padding masks on every key
 * set, no positional encoding: equivariant over HS slots, invariant over the order of the observed cloud. The
 * observed stream never sees the noise level, so {@link #encode} runs once per jet and its {@link Encoding} serves
 * every sampler step and every posterior sample. With {@link PileupConfig#classifierFeature} each observed token also
 * gets an embedding of the per-particle classifier's 2·P(hard scatter) − 1 (gradient stopped, so the classifier
 * learns from its own loss only); the classifier is equivariant over the observed cloud, so the invariance holds.
 * With {@link PileupConfig#countFeature} the multiplicity head also reads ln(1 + Σ P(hard scatter)), the
 * classifier's expected hard-scatter count (a permutation-invariant sum, gradient stopped).
 */
final class Denoiser {

    /**
     * The observed cloud encoded once: per block the normalised keys/values source for the cross-attention
     * [B, No, d], the observed key-padding bias, the context embedding [B, c] and the multiplicity logits
     * [B, N_max].
     */
    record Encoding(List<NDArray> crossSource, NDArray keyBias, NDArray context, NDArray multiplicityLogits) {
    }

    private final PileupConfig config;
    private final Linear embedObserved;
    private final ParticleClassifier classifier;
    private final Linear embedProbability;
    private final Linear embedHardScatter;
    private final Linear contextIn;
    private final Linear contextOut;
    private final NoiseEmbedding noise;
    private final List<Block> blocks = new ArrayList<>();
    private final LayerNorm finalNorm;
    private final MultiHeadAttention finalAttention;
    private final LayerNorm outNorm;
    private final ZeroLinear out;
    private final LayerNorm poolNorm;
    private final Linear multiplicityHidden;
    private final Linear multiplicityOut;

    private final class Block {
        final LayerNorm obsNorm1;
        final MultiHeadAttention obsAttention;
        final LayerNorm obsNorm2;
        final ConditionedMlp obsMlp;
        final LayerNorm crossSourceNorm;
        final LayerNorm hsNorm1;
        final MultiHeadAttention hsAttention;
        final LayerNorm hsNorm2;
        final MultiHeadAttention crossAttention;
        final LayerNorm hsNorm3;
        final ConditionedMlp hsMlp;

        Block(ParameterStore s, String p) {
            int d = config.width();
            int h = config.heads();
            int hidden = d * config.mlpFactor();
            int c = config.condWidth();
            obsNorm1 = new LayerNorm(s, p + ".obs.norm1", d);
            obsAttention = new MultiHeadAttention(s, p + ".obs.attn", d, h, false);
            obsNorm2 = new LayerNorm(s, p + ".obs.norm2", d);
            obsMlp = new ConditionedMlp(s, p + ".obs.mlp", d, c, hidden);
            crossSourceNorm = new LayerNorm(s, p + ".cross.norm_context", d);
            hsNorm1 = new LayerNorm(s, p + ".hs.norm1", d);
            hsAttention = new MultiHeadAttention(s, p + ".hs.attn", d, h, false);
            hsNorm2 = new LayerNorm(s, p + ".hs.norm2", d);
            crossAttention = new MultiHeadAttention(s, p + ".cross.attn", d, h, true);
            hsNorm3 = new LayerNorm(s, p + ".hs.norm3", d);
            hsMlp = new ConditionedMlp(s, p + ".hs.mlp", d, 2 * c, hidden);
        }
    }

    /** {@code classifier} is read (never trained through) when the configuration has the classifier feature. */
    Denoiser(ParameterStore s, PileupConfig config, ParticleClassifier classifier) {
        this.config = config;
        int d = config.width();
        int c = config.condWidth();
        embedObserved = new Linear(s, "denoiser.embed_observed", JetFeatures.PARTICLE, d);
        this.classifier = config.classifierFeature() || config.countFeature() ? classifier : null;
        embedProbability = config.classifierFeature() ? new Linear(s, "denoiser.embed_probability", 1, d, false)
                : null;
        embedHardScatter = new Linear(s, "denoiser.embed_hs", JetFeatures.PARTICLE, d);
        contextIn = new Linear(s, "denoiser.context.0", JetFeatures.CONTEXT, c);
        contextOut = new Linear(s, "denoiser.context.1", c, c);
        noise = new NoiseEmbedding(s, "denoiser.noise", config.fourier(), c);
        for (int l = 0; l < config.blocks(); l++) {
            blocks.add(new Block(s, "denoiser.block" + l));
        }
        finalNorm = new LayerNorm(s, "denoiser.final.norm", d);
        finalAttention = new MultiHeadAttention(s, "denoiser.final.attn", d, config.heads(), false);
        outNorm = new LayerNorm(s, "denoiser.out.norm", d);
        out = new ZeroLinear(s, "denoiser.out", d, JetFeatures.PARTICLE);
        poolNorm = new LayerNorm(s, "multiplicity.norm", d);
        multiplicityHidden = new Linear(s, "multiplicity.0", d + c + (config.countFeature() ? 1 : 0), d);
        multiplicityOut = new Linear(s, "multiplicity.1", d, config.maxHardScatter());
    }

    /** Observed features [B, No, 3], mask [B, No], context [B, 6] (all normalised) → the reusable encoding. */
    Encoding encode(NDArray observed, NDArray mask, NDArray context) {
        return encode(observed, mask, context, classifier == null ? null : classifier.logits(observed, mask, context));
    }

    /**
     * As {@link #encode(NDArray, NDArray, NDArray)} with the classifier's logits [B, No] of these jets already
     * computed (training computes them once for its loss and for this); ignored without the classifier and count
     * features.
     */
    Encoding encode(NDArray observed, NDArray mask, NDArray context, NDArray classifierLogits) {
        NDArray bias = MultiHeadAttention.keyBias(mask);
        NDArray ctx = contextOut.forward(Activations.gelu(contextIn.forward(context)));
        NDArray x = embedObserved.forward(observed);
        if (embedProbability != null) {
            // tanh(l/2) = 2σ(l) − 1 in (−1, 1)
            NDArray p = Scalars.times(classifierLogits.stopGradient(), 0.5f).tanh().expandDims(2);
            x = x.add(embedProbability.forward(p));
        }
        List<NDArray> sources = new ArrayList<>();
        for (Block b : blocks) {
            x = x.add(b.obsAttention.forward(b.obsNorm1.forward(x), bias));
            x = x.add(b.obsMlp.forward(b.obsNorm2.forward(x), ctx));
            sources.add(b.crossSourceNorm.forward(x));
        }
        // masked mean of the final observed tokens, then the context, → logits over N = 1 … N_max
        NDArray m3 = mask.expandDims(2);
        NDArray pooled = poolNorm.forward(x).mul(m3).sum(new int[] {1}).div(mask.sum(new int[] {1}, true));
        NDArray head = pooled.concat(ctx, 1);
        if (config.countFeature()) {
            // ln(1 + Σ_i P_i(hard scatter)) over the real observed slots: the classifier's expected count
            NDArray count = classifierLogits.stopGradient().getNDArrayInternal().sigmoid().mul(mask)
                    .sum(new int[] {1}, true);
            head = head.concat(count.add(1f).log(), 1);
        }
        NDArray logits = multiplicityOut.forward(Activations.gelu(multiplicityHidden.forward(head)));
        return new Encoding(sources, bias, ctx, logits);
    }

    /** Raw network output F [B, Nh, 3] for HS input [B, Nh, 3] with mask [B, Nh] and c_noise [B]. */
    NDArray denoise(Encoding e, NDArray input, NDArray mask, NDArray cNoise) {
        return denoise(e, input, mask, cNoise, 1);
    }

    /**
     * As {@link #denoise(Encoding, NDArray, NDArray, NDArray)} for {@code k} samples per encoded jet: HS rows
     * j·k … j·k + k − 1 belong to jet j of the encoding. The cross-attention takes the k samples of a jet as extra
     * queries against that jet's keys (each query's softmax runs over the keys alone, so this is exactly k separate
     * attentions) and projects each jet's keys and values once instead of k times.
     */
    NDArray denoise(Encoding e, NDArray input, NDArray mask, NDArray cNoise, int k) {
        NDArray bias = MultiHeadAttention.keyBias(mask);
        NDArray ctx = k == 1 ? e.context() : e.context().repeat(0, k);
        NDArray cond = ctx.concat(noise.forward(cNoise), 1);
        NDArray h = embedHardScatter.forward(input);
        long rows = input.getShape().get(0);
        long nh = input.getShape().get(1);
        int d = config.width();
        for (int l = 0; l < blocks.size(); l++) {
            Block b = blocks.get(l);
            h = h.add(b.hsAttention.forward(b.hsNorm1.forward(h), bias));
            NDArray q = b.hsNorm2.forward(h).reshape(rows / k, k * nh, d);
            NDArray cross = b.crossAttention.forward(q, e.crossSource().get(l), e.keyBias());
            h = h.add(cross.reshape(rows, nh, d));
            h = h.add(b.hsMlp.forward(b.hsNorm3.forward(h), cond));
        }
        h = h.add(finalAttention.forward(finalNorm.forward(h), bias));
        return out.forward(outNorm.forward(h));
    }
}
