package org.jetbridge.pileup.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.nn.ParameterStore;
import org.jetbridge.nn.Scalars;
import org.jetbridge.nn.train.TrainableModel;

/**
 * The three trained networks in one parameter store, trained together on one batch stream: the denoiser (loss of
 * the configured {@link Scheme} on the real HS slots), the multiplicity head (cross-entropy of N − 1 over
 * 0 … N_max − 1), and the per-particle classifier (binary cross-entropy on the real observed slots). The losses
 * touch disjoint parameters except denoiser/multiplicity, which share the observed-cloud encoder; with the
 * classifier feature the denoiser reads the classifier's output without passing gradients back into it.
 */
public final class PileupNetworks implements TrainableModel, AutoCloseable {
    private final PileupConfig config;
    private final ParameterStore store;
    private final Denoiser denoiser;
    private final ParticleClassifier classifier;
    private final Scheme scheme;
    private final float[] lastParts = new float[3];
    private final int noiseDraws;

    public PileupNetworks(NnRuntime rt, PileupConfig config, long seed) {
        this(rt, config, seed, 1);
    }

    /**
     * Networks whose denoising loss draws {@code noiseDraws} independent (σ, noise) pairs per jet on one encoding of
     * its observed cloud: the encoder, multiplicity head and classifier run once per jet, only the hard-scatter
     * stream runs k times (the same grouping the sampler uses), so each step sees k noise levels per jet for a
     * fraction of k times the cost.
     */
    public PileupNetworks(NnRuntime rt, PileupConfig config, long seed, int noiseDraws) {
        if (noiseDraws < 1) {
            throw new IllegalArgumentException("noise draws per jet must be >= 1, got " + noiseDraws);
        }
        this.noiseDraws = noiseDraws;
        this.config = config;
        this.store = new ParameterStore(rt, seed);
        this.classifier = new ParticleClassifier(store, config);
        this.denoiser = new Denoiser(store, config, classifier);
        this.scheme = config.schemeImpl();
    }

    public PileupConfig config() {
        return config;
    }

    @Override
    public ParameterStore parameters() {
        return store;
    }

    Denoiser denoiser() {
        return denoiser;
    }

    ParticleClassifier classifier() {
        return classifier;
    }

    public Scheme scheme() {
        return scheme;
    }

    /** Denoising, multiplicity and classifier losses of the last {@link #loss} call. */
    public float[] lastParts() {
        return lastParts.clone();
    }

    @Override
    public NDArray loss(NDList batch) {
        NDArray obs = batch.get(Batch.OBSERVED);
        NDArray obsMask = batch.get(Batch.OBSERVED_MASK);
        NDArray ctx = batch.get(Batch.CONTEXT);
        NDArray hs = batch.get(Batch.HARD_SCATTER);
        NDArray hsMask = batch.get(Batch.HARD_SCATTER_MASK);
        NDManager m = obs.getManager();
        NDArray logits = classifier.logits(obs, obsMask, ctx);
        Denoiser.Encoding e = denoiser.encode(obs, obsMask, ctx, logits);
        int k = noiseDraws;
        // rows j·k … j·k + k − 1 are the k draws of jet j, the grouping Denoiser.denoise(…, k) expects
        NDArray hsK = k == 1 ? hs : hs.repeat(0, k);
        NDArray maskK = k == 1 ? hsMask : hsMask.repeat(0, k);
        // noise and levels from the trainer's per-step seed
        NDArray eps = m.randomNormal(hsK.getShape()).mul(maskK.expandDims(2));
        NDArray z = m.randomNormal(new Shape(hsK.getShape().get(0)));
        Scheme.Corrupted c = scheme.corrupt(hsK, eps, z);
        NDArray raw = denoiser.denoise(e, c.input(), maskK, c.cNoise(), k);
        NDArray m3 = maskK.expandDims(2);
        NDArray sq = raw.sub(c.target().mul(m3)).mul(m3).square().sum();
        NDArray lossDenoise = Scalars.times(sq, 1f / (JetFeatures.PARTICLE * maskK.sum().getFloat()));

        NDArray logp = e.multiplicityLogits().logSoftmax(1);
        NDArray onehot = batch.get(Batch.MULTIPLICITY).oneHot(config.maxHardScatter()).toType(DataType.FLOAT32, false);
        NDArray lossMult = Scalars.times(logp.mul(onehot).sum(), -1f / hs.getShape().get(0));

        NDArray y = batch.get(Batch.LABELS);
        NDArray bce = softPlus(logits).sub(logits.mul(y)).mul(obsMask).sum();
        NDArray lossCls = Scalars.times(bce, 1f / obsMask.sum().getFloat());

        lastParts[0] = lossDenoise.getFloat();
        lastParts[1] = lossMult.getFloat();
        lastParts[2] = lossCls.getFloat();
        return lossDenoise.add(lossMult).add(lossCls);
    }

    /** ln(1 + eˣ), libtorch's softplus (stable for large |x|). */
    static NDArray softPlus(NDArray x) {
        return x.getNDArrayInternal().softPlus();
    }

    @Override
    public void close() {
        store.close();
    }
}
