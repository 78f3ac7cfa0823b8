package org.jetbridge.pileup.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jetbridge.nn.ModelArchive;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.pileup.PileupRemover;

/**
 * A trained pile-up model: the denoiser with its multiplicity head, the per-particle classifier and the frozen
 * input normalisers, saved as one model directory (kind {@value #KIND}). The entry point of the evaluation:
 * {@code PileupModel.load(dir).posterior(K, steps)} and {@code .classifier(threshold)} are
 * {@link PileupRemover}s.
 */
public final class PileupModel implements AutoCloseable {
    public static final String KIND = "pileup";
    /** Posterior samples per jet by default on CPU (the reference uses ≈ 512 on a GPU). */
    public static final int DEFAULT_SAMPLES = 32;
    /** The reference classifier threshold on P(hard scatter). */
    public static final double DEFAULT_THRESHOLD = 0.3;

    private final NnRuntime runtime;
    private final PileupNetworks networks;
    private final Normalisers norm;

    /** Wraps trained networks and their normalisers (the model closes the networks). */
    public PileupModel(NnRuntime runtime, PileupNetworks networks, Normalisers norm) {
        this.runtime = runtime;
        this.networks = networks;
        this.norm = norm;
    }

    /** Loads a model directory (or the {@code model} directory inside a training output) on the default runtime. */
    public static PileupModel load(Path dir) {
        return load(NnRuntime.start(), dir);
    }

    /**
     * Loads a model directory written by {@link #save} (or by {@code jetbridge pileup train}, whose output has it
     * under {@code model/}).
     *
     * @throws IllegalArgumentException naming the directory when files are missing or of another kind
     */
    public static PileupModel load(NnRuntime rt, Path dir) {
        Path d = dir;
        if (!Files.isRegularFile(d.resolve(ModelArchive.DESCRIPTION))
                && Files.isRegularFile(d.resolve(PileupTraining.MODEL).resolve(ModelArchive.DESCRIPTION))) {
            d = d.resolve(PileupTraining.MODEL);
        }
        try {
            ModelArchive.Loaded l = ModelArchive.load(d, KIND);
            PileupConfig c = l.config(PileupConfig.class);
            c = new PileupConfig(c.width(), c.heads(), c.blocks(), c.mlpFactor(), c.condWidth(), c.fourier(),
                    c.maxHardScatter(), c.maxObserved(), c.scheme(), c.samplerSteps(), c.classifierWidth(),
                    c.classifierBlocks(), c.muMean(), c.muSigma(), c.inefficiency(), c.pileupLevel(),
                    c.vertexEfficiency(), c.classifierFeature(), c.countFeature()); // Gson bypasses the record's checks
            Normalisers n = Normalisers.fromArrays(l.extras(), d.resolve(ModelArchive.WEIGHTS).toString());
            PileupNetworks nets = new PileupNetworks(rt, c, 0);
            try {
                l.loadInto(nets.parameters());
            } catch (RuntimeException e) {
                nets.close();
                throw e;
            }
            return new PileupModel(rt, nets, n);
        } catch (IOException e) {
            throw new UncheckedIOException(d + ": cannot read the pile-up model (" + e.getMessage() + ")", e);
        }
    }

    /** Writes the model directory (configuration, weights, normalisers), replacing one there. */
    public void save(Path dir) throws IOException {
        ModelArchive.save(dir, KIND, config(), networks.parameters(), norm.toArrays());
    }

    public PileupConfig config() {
        return networks.config();
    }

    public Normalisers normalisers() {
        return norm;
    }

    public PileupNetworks networks() {
        return networks;
    }

    NnRuntime runtime() {
        return runtime;
    }

    /** The posterior sampler: {@code samples} hard-scatter jets per input jet, {@code steps} ODE steps, context cached. */
    public PosteriorSampler posterior(int samples, int steps) {
        return new PosteriorSampler(this, samples, steps, true);
    }

    /** As {@link #posterior(int, int)}, choosing whether the observed-cloud encoding is reused across steps and samples. */
    public PosteriorSampler posterior(int samples, int steps, boolean cacheContext) {
        return new PosteriorSampler(this, samples, steps, cacheContext);
    }

    /**
     * As {@link #posterior(int, int, boolean)} with the multiplicity drawn from softmax(logits / {@code temperature})
     * (1: as trained).
     */
    public PosteriorSampler posterior(int samples, int steps, boolean cacheContext, double temperature) {
        return new PosteriorSampler(this, samples, steps, cacheContext, temperature);
    }

    /** The per-particle classifier: keeps observed constituents with P(hard scatter) ≥ {@code threshold}. */
    public PileupRemover classifier(double threshold) {
        return new ClassifierRemover(this, threshold);
    }

    /** P(hard scatter) per observed constituent of each jet (in the jet's encoded, pT-descending order). */
    public float[][] hardScatterProbabilities(List<EncodedJet> jets) {
        float[][] out = new float[jets.size()][];
        try (NDManager m = runtime.newManager()) {
            NDList in = Batch.observed(jets, norm, m);
            NDArray p = networks.classifier().logits(in.get(0), in.get(1), in.get(2)).getNDArrayInternal().sigmoid();
            float[] v = p.toFloatArray();
            int no = (int) p.getShape().get(1);
            for (int j = 0; j < out.length; j++) {
                out[j] = java.util.Arrays.copyOfRange(v, j * no, j * no + jets.get(j).nObserved());
            }
        }
        return out;
    }

    @Override
    public void close() {
        networks.close();
    }
}
