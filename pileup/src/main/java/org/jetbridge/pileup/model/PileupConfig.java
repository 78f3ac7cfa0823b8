package org.jetbridge.pileup.model;

import java.util.Locale;

/**
 * Everything that defines the pile-up networks and how their training examples are made; saved with the model.
 * Sizes are in particles and network widths; μ is the mean number of pile-up interactions per crossing.
 *
 * @param width network width d of the denoiser (its observed-cloud encoder and multiplicity head share it)
 * @param heads attention heads (d divisible by heads)
 * @param blocks denoiser blocks (each: HS self-attention, observed self-attention, HS→observed cross-attention)
 * @param mlpFactor hidden width of every MLP as a multiple of d
 * @param condWidth width of the jet-context and noise-level embeddings concatenated into every MLP
 * @param fourier log-spaced Fourier frequencies of the noise-level embedding (sin and cos of each)
 * @param maxHardScatter N_max: hard-scatter slots (leading by pT; the multiplicity head covers 1 … N_max)
 * @param maxObserved observed constituents kept, leading by pT (pT-sorted before truncation)
 * @param scheme generative scheme, "edm" or "flow"
 * @param samplerSteps default ODE steps of the sampler (Heun: 2·steps − 1 evaluations, midpoint: 2·steps)
 * @param classifierWidth width of the per-particle classifier transformer
 * @param classifierBlocks its transformer blocks
 * @param muMean centre of the training μ distribution |N(muMean, muSigma)| (N_PU ~ Poisson(μ))
 * @param muSigma its spread
 * @param inefficiency probability of dropping each observed constituent in training (0 = perfect detector)
 * @param pileupLevel what the model is told about the pile-up level: "true" (N_PU) or "vertices" (the proxy
 *     N_vtx ~ Binomial(N_PU, vertexEfficiency), see {@link PileupLevel})
 * @param vertexEfficiency per-interaction vertex reconstruction efficiency of the proxy
 * @param classifierFeature whether the denoiser's observed cloud carries the per-particle classifier's
 *     P(hard scatter) (gradient stopped) as an extra input: the posterior then conditions on what the dense
 *     per-particle supervision learns fast instead of rediscovering it from the denoising loss alone
 * @param countFeature whether the multiplicity head also reads ln(1 + Σ P(hard scatter)) over the observed
 *     constituents (the classifier's expected count of hard-scatter particles, gradient stopped): the mean-pooled
 *     encoder output carries fractions, not counts, so without it the head must rebuild the count from the observed
 *     multiplicity in the context
 */
public record PileupConfig(int width, int heads, int blocks, int mlpFactor, int condWidth, int fourier,
        int maxHardScatter, int maxObserved, String scheme, int samplerSteps, int classifierWidth,
        int classifierBlocks, double muMean, double muSigma, double inefficiency, String pileupLevel,
        double vertexEfficiency, boolean classifierFeature, boolean countFeature) {

    public PileupConfig {
        if (width < 1 || heads < 1 || width % heads != 0 || blocks < 1 || mlpFactor < 1 || condWidth < 1
                || fourier < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "pile-up model: need width divisible by "
                    + "heads, blocks, mlpFactor, condWidth, fourier >= 1; got width %d heads %d blocks %d mlp %d "
                    + "cond %d fourier %d", width, heads, blocks, mlpFactor, condWidth, fourier));
        }
        if (maxHardScatter < 1 || maxObserved < 1 || samplerSteps < 1 || classifierWidth < 1
                || classifierWidth % heads != 0 || classifierBlocks < 1) {
            throw new IllegalArgumentException("pile-up model: need maxHardScatter, maxObserved, samplerSteps, "
                    + "classifierBlocks >= 1 and classifierWidth divisible by heads; got " + maxHardScatter + ", "
                    + maxObserved + ", " + samplerSteps + ", " + classifierBlocks + ", " + classifierWidth);
        }
        Scheme.of(scheme);
        PileupLevel.of(pileupLevel, vertexEfficiency);
        if (!(muMean >= 0) || !(muSigma >= 0) || !(inefficiency >= 0 && inefficiency < 1)) {
            throw new IllegalArgumentException("pile-up model: need muMean, muSigma >= 0 and inefficiency in [0, 1);"
                    + " got " + muMean + ", " + muSigma + ", " + inefficiency);
        }
    }

    /**
     * The CPU default: width 64, 4 heads, 2 blocks, N_max 96, the leading 192 observed constituents, EDM with 24 Heun
     * steps, a one-block classifier, trained on μ ~ |N(175, 75)| so that the evaluation grid μ = 50 … 300 lies
     * within about two standard deviations.
     */
    public static PileupConfig cpu() {
        return new PileupConfig(64, 4, 2, 2, 32, 8, 96, 192, "edm", 24, 64, 1, 175, 75, 0, "true", 0.7, true, true);
    }

    /** The reference sizes (arXiv:2410.22074): width 128, 8 heads, 4 blocks, 175 / 400 slots, 100 Heun steps, μ ~ |N(200, 50)|. */
    public static PileupConfig paper() {
        return new PileupConfig(128, 8, 4, 2, 64, 16, 175, 400, "edm", 100, 128, 4, 200, 50, 0, "true", 0.7, true, true);
    }

    /** A very small model for tests and smoke runs. */
    public static PileupConfig tiny() {
        return new PileupConfig(16, 2, 1, 2, 8, 4, 48, 96, "edm", 4, 16, 1, 40, 10, 0, "true", 0.7, true, true);
    }

    /** Preset by name: cpu (default), paper or tiny. */
    public static PileupConfig preset(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "cpu", "default" -> cpu();
            case "paper" -> paper();
            case "tiny" -> tiny();
            default -> throw new IllegalArgumentException("preset: expected cpu, paper or tiny, got '" + name + "'");
        };
    }

    public PileupConfig withScheme(String s) {
        return new PileupConfig(width, heads, blocks, mlpFactor, condWidth, fourier, maxHardScatter, maxObserved, s,
                samplerSteps, classifierWidth, classifierBlocks, muMean, muSigma, inefficiency, pileupLevel,
                vertexEfficiency, classifierFeature, countFeature);
    }

    public PileupConfig withMu(double mean, double sigma) {
        return new PileupConfig(width, heads, blocks, mlpFactor, condWidth, fourier, maxHardScatter, maxObserved,
                scheme, samplerSteps, classifierWidth, classifierBlocks, mean, sigma, inefficiency, pileupLevel,
                vertexEfficiency, classifierFeature, countFeature);
    }

    public PileupConfig withInefficiency(double p) {
        return new PileupConfig(width, heads, blocks, mlpFactor, condWidth, fourier, maxHardScatter, maxObserved,
                scheme, samplerSteps, classifierWidth, classifierBlocks, muMean, muSigma, p, pileupLevel,
                vertexEfficiency, classifierFeature, countFeature);
    }

    public PileupConfig withPileupLevel(String level) {
        return new PileupConfig(width, heads, blocks, mlpFactor, condWidth, fourier, maxHardScatter, maxObserved,
                scheme, samplerSteps, classifierWidth, classifierBlocks, muMean, muSigma, inefficiency, level,
                vertexEfficiency, classifierFeature, countFeature);
    }

    public PileupConfig withSamplerSteps(int steps) {
        return new PileupConfig(width, heads, blocks, mlpFactor, condWidth, fourier, maxHardScatter, maxObserved,
                scheme, steps, classifierWidth, classifierBlocks, muMean, muSigma, inefficiency, pileupLevel,
                vertexEfficiency, classifierFeature, countFeature);
    }

    public PileupConfig withSlots(int hardScatter, int observed) {
        return new PileupConfig(width, heads, blocks, mlpFactor, condWidth, fourier, hardScatter, observed,
                scheme, samplerSteps, classifierWidth, classifierBlocks, muMean, muSigma, inefficiency, pileupLevel,
                vertexEfficiency, classifierFeature, countFeature);
    }

    public PileupConfig withClassifierFeature(boolean on) {
        return new PileupConfig(width, heads, blocks, mlpFactor, condWidth, fourier, maxHardScatter, maxObserved,
                scheme, samplerSteps, classifierWidth, classifierBlocks, muMean, muSigma, inefficiency, pileupLevel,
                vertexEfficiency, on, countFeature);
    }

    public PileupConfig withCountFeature(boolean on) {
        return new PileupConfig(width, heads, blocks, mlpFactor, condWidth, fourier, maxHardScatter, maxObserved,
                scheme, samplerSteps, classifierWidth, classifierBlocks, muMean, muSigma, inefficiency, pileupLevel,
                vertexEfficiency, classifierFeature, on);
    }

    /** The scheme object named by {@link #scheme}. */
    public Scheme schemeImpl() {
        return Scheme.of(scheme);
    }

    /** The pile-up level definition named by {@link #pileupLevel}. */
    public PileupLevel level() {
        return PileupLevel.of(pileupLevel, vertexEfficiency);
    }
}
