package org.jetbridge.tagger;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jetbridge.nn.FeedForward;
import org.jetbridge.nn.HostArray;
import org.jetbridge.nn.Linear;
import org.jetbridge.nn.MlpHead;
import org.jetbridge.nn.ModelArchive;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.nn.ParameterStore;
import org.jetbridge.nn.Tokens;
import org.jetbridge.nn.TransformerEncoder;
import org.jetbridge.nn.train.TrainableModel;

/**
 * The jet-flavour tagger: normalised constituent inputs → linear embedding → one learned class token → pre-LN
 * transformer encoder with padding mask (no positional information, so the output is invariant under permutations
 * of the constituents) → the class token's output → GELU MLP head d → 256 → 128 → 64 → 32 → 16 → 3 (b / c / light
 * logits in the dataset's label order light, c, b). The 128-wide pre-activation is the latent, the 16-wide
 * pre-activation the penultimate representation. Carries its {@link Normalisation}; saved as a {@link ModelArchive}
 * of kind {@value #KIND}.
 */
public final class TaggerModel implements TrainableModel, AutoCloseable {

    /** Model kind in {@code model.json}. */
    public static final String KIND = "tagger";
    static final String MEDIAN = "normalisation_median";
    static final String IQR = "normalisation_iqr";

    private final TaggerConfig config;
    private final Normalisation normalisation;
    private final ParameterStore store;
    private final Linear embed;
    private final Tokens classToken;
    private final TransformerEncoder encoder;
    private final MlpHead head;

    /** A freshly initialised tagger (weights from {@code seed}). */
    public TaggerModel(NnRuntime runtime, TaggerConfig config, Normalisation normalisation, long seed) {
        this.config = config;
        this.normalisation = normalisation;
        this.store = new ParameterStore(runtime, seed);
        this.embed = new Linear(store, "embed", ConstituentFeatures.COUNT, config.dim());
        this.classToken = new Tokens(store, "class_token", 1, config.dim());
        this.encoder = new TransformerEncoder(store, "encoder", new TransformerEncoder.Config(config.dim(),
                config.layers(), config.heads(), config.hidden(), FeedForward.Kind.GELU));
        int[] widths = new int[config.headWidths().length + 1];
        widths[0] = config.dim();
        System.arraycopy(config.headWidths(), 0, widths, 1, config.headWidths().length);
        this.head = new MlpHead(store, "head", widths);
    }

    public TaggerConfig config() {
        return config;
    }

    public Normalisation normalisation() {
        return normalisation;
    }

    @Override
    public ParameterStore parameters() {
        return store;
    }

    MlpHead head() {
        return head;
    }

    /**
     * The outputs of one forward pass, all owned by the inputs' manager.
     *
     * @param latent [B, 128] pre-activation of the latent layer
     * @param penultimate [B, 16] pre-activation of the penultimate layer
     * @param logits [B, 3] in label order (light, c, b)
     */
    public record Outputs(NDArray latent, NDArray penultimate, NDArray logits) {
        /** softmax of the logits, [B, 3]. */
        public NDArray probabilities() {
            return logits.softmax(-1);
        }
    }

    /** features [B, N, {@link ConstituentFeatures#COUNT}] normalised, mask [B, N] (1 real, 0 padding). */
    public Outputs forward(NDArray features, NDArray mask) {
        NDArray tokens = classToken.prepend(embed.forward(features));
        NDArray h = encoder.forward(tokens, classToken.prependMask(mask));
        NDArray cls = h.get(new NDIndex(":, 0, :"));
        List<NDArray> pre = head.preActivations(cls);
        return new Outputs(pre.get(config.latentLayer()), pre.get(config.penultimateLayer()),
                pre.get(pre.size() - 1));
    }

    /** Forward pass of a host batch on {@code m}. */
    public Outputs forward(JetBatch batch, NDManager m) {
        return forward(batch.featureArray(m), batch.maskArray(m));
    }

    /** Mean cross-entropy of batch (features, mask, one-hot labels) as laid out by {@link TaggingBatchSource}. */
    @Override
    public NDArray loss(NDList batch) {
        NDArray logits = forward(batch.get(0), batch.get(1)).logits();
        return crossEntropy(logits, batch.get(2));
    }

    /** −Σ y log softmax(logits), averaged over the batch. */
    static NDArray crossEntropy(NDArray logits, NDArray oneHot) {
        return logits.logSoftmax(-1).mul(oneHot).sum(new int[] {1}).mean().neg();
    }

    /** Saves the model (configuration, weights, normalisation) as a model directory. */
    public void save(Path dir) throws IOException {
        Map<String, HostArray> extras = new LinkedHashMap<>();
        extras.put(MEDIAN, normalisation.medianArray());
        extras.put(IQR, normalisation.iqrArray());
        ModelArchive.save(dir, KIND, config, store, extras);
    }

    /**
     * Loads a tagger saved by {@link #save} (or the {@code model} directory inside a training output directory).
     *
     * @throws IllegalArgumentException naming the directory and what does not match: not a model, another kind,
     *     another model or tagger format, missing normalisation, weights of other names or shapes
     */
    public static TaggerModel load(NnRuntime runtime, Path dir) throws IOException {
        Path modelDir = dir;
        if (!Files.exists(dir.resolve(ModelArchive.DESCRIPTION)) && Files.exists(dir.resolve(TrainingRun.MODEL)
                .resolve(ModelArchive.DESCRIPTION))) {
            modelDir = dir.resolve(TrainingRun.MODEL);
        }
        ModelArchive.Loaded loaded = ModelArchive.load(modelDir, KIND);
        TaggerConfig config;
        try {
            config = loaded.config(TaggerConfig.class);
        } catch (RuntimeException e) { // Gson wraps the record's own validation error
            throw new IllegalArgumentException(modelDir.resolve(ModelArchive.DESCRIPTION) + ": " + rootMessage(e), e);
        }
        if (config == null || config.headWidths() == null) {
            throw new IllegalArgumentException(modelDir.resolve(ModelArchive.DESCRIPTION)
                    + ": no tagger configuration");
        }
        Normalisation n;
        try {
            n = Normalisation.of(loaded.extra(MEDIAN), loaded.extra(IQR));
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(modelDir.resolve(ModelArchive.WEIGHTS) + ": normalisation arrays "
                    + "have the wrong type: " + e.getMessage(), e);
        }
        TaggerModel model = new TaggerModel(runtime, config, n, 0);
        try {
            loaded.loadInto(model.store);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        return model;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** The frozen part of the head after the latent, sharing this model's weights. */
    public FrozenHead frozenHead() {
        return new FrozenHead(this);
    }

    @Override
    public void close() {
        store.close();
    }
}
