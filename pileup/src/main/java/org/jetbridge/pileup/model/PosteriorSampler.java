package org.jetbridge.pileup.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.jetbridge.pileup.ContaminatedJet;
import org.jetbridge.pileup.JetEstimate;
import org.jetbridge.pileup.PileupRemover;
import org.jetbridge.sim.RandomStream;

/**
 * The generative pile-up method: for each jet, K posterior samples of its hard-scatter constituents. Per jet the
 * multiplicity head gives p(N | observed jet), N is drawn per sample, and the scheme's sampler fills exactly N slots
 * from Gaussian noise; samples are returned as massless lab-frame constituents around the observed axis. Jets and
 * samples share forward passes (up to {@link #ROWS} sample rows per pass); with context caching the observed cloud
 * is encoded once per jet for all steps and samples. Random draws (proxy level, N, noise) come from streams seeded by
 * (seed, jet index, sample index), so results do not depend on how jets are grouped beyond float rounding.
 */
public final class PosteriorSampler implements PileupRemover {
    /** Sample rows (jets × samples) per forward pass. */
    public static final int ROWS = 512;
    private static final long LEVEL_SALT = 0x4C45564CL;
    private static final long COUNT_SALT = 0x434F554EL;
    private static final long NOISE_SALT = 0x4E4F4953L;

    private final PileupModel model;
    private final int samples;
    private final int steps;
    private final boolean cache;
    private final double temperature;

    PosteriorSampler(PileupModel model, int samples, int steps, boolean cacheContext) {
        this(model, samples, steps, cacheContext, 1);
    }

    /**
     * @param temperature multiplicity temperature T: N is drawn from softmax(logits / T) (1: the trained head; below 1
     *     narrower, above 1 broader), a recalibration knob for the posterior's width in N
     */
    PosteriorSampler(PileupModel model, int samples, int steps, boolean cacheContext, double temperature) {
        if (samples < 1) {
            throw new IllegalArgumentException("posterior samples: expected >= 1, got " + samples);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("sampler steps: expected >= 1, got " + steps);
        }
        this.model = model;
        this.samples = samples;
        this.steps = steps;
        this.cache = cacheContext;
        this.temperature = checkTemperature(temperature);
    }

    /**
     * {@code t} when it is a valid multiplicity temperature (finite, > 0).
     *
     * @throws IllegalArgumentException saying what was expected otherwise
     */
    public static double checkTemperature(double t) {
        if (!(t > 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("multiplicity temperature: expected a finite number > 0, got " + t);
        }
        return t;
    }

    @Override
    public String name() {
        return String.format(java.util.Locale.ROOT, "posterior(%s, K=%d, %d steps%s)", model.config().scheme(),
                samples, steps, temperature == 1 ? "" : String.format(java.util.Locale.ROOT, ", T_N=%s",
                        java.math.BigDecimal.valueOf(temperature).stripTrailingZeros().toPlainString()));
    }

    public int samples() {
        return samples;
    }

    @Override
    public List<List<JetEstimate>> estimate(List<ContaminatedJet> jets, long seed) {
        return estimate(jets, 0, seed);
    }

    /**
     * Posterior samples of jets numbered from {@code firstIndex} in the caller's numbering: a jet's draws depend only
     * on (seed, its index, sample index), so a file sampled in pieces (shards, batches) gives the samples of one pass.
     */
    public List<List<JetEstimate>> estimate(List<ContaminatedJet> jets, long firstIndex, long seed) {
        PileupConfig c = model.config();
        List<EncodedJet> enc = new ArrayList<>(jets.size());
        for (int j = 0; j < jets.size(); j++) {
            enc.add(TrainingExamples.observed(jets.get(j), c, RandomStream.forEvent(seed ^ LEVEL_SALT, firstIndex + j)));
        }
        return sampleEncoded(enc, firstIndex, seed);
    }

    /**
     * Posterior samples of already encoded jets; {@code firstIndex} is the index of {@code jets.get(0)} in the
     * caller's numbering (for the random streams).
     */
    public List<List<JetEstimate>> sampleEncoded(List<EncodedJet> jets, long firstIndex, long seed) {
        // passes of similar observed size pad less; draws are keyed by jet index, so the grouping changes nothing
        Integer[] order = new Integer[jets.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(jets.get(a).nObserved(), jets.get(b).nObserved()));
        List<List<JetEstimate>> out = new ArrayList<>(java.util.Collections.nCopies(jets.size(), null));
        int perPass = Math.max(1, ROWS / samples);
        for (int s = 0; s < order.length; s += perPass) {
            int n = Math.min(order.length, s + perPass) - s;
            List<EncodedJet> part = new ArrayList<>(n);
            long[] index = new long[n];
            for (int j = 0; j < n; j++) {
                part.add(jets.get(order[s + j]));
                index[j] = firstIndex + order[s + j];
            }
            float[][] features = new float[n * samples][];
            int[] counts = sampleFeatures(part, index, seed, features);
            for (int j = 0; j < n; j++) {
                List<JetEstimate> est = new ArrayList<>(samples);
                for (int k = 0; k < samples; k++) {
                    int r = j * samples + k;
                    est.add(JetEstimate.of(JetFeatures.toLab(features[r], 0, counts[r], part.get(j).axisEta(),
                            part.get(j).axisPhi())));
                }
                out.set(order[s + j], est);
            }
        }
        return out;
    }

    /**
     * One pass: fills {@code out[j·K + k]} with the (Δη, Δφ, ln pT) rows of sample k of jet j and returns the
     * sampled multiplicities.
     */
    int[] sampleFeatures(List<EncodedJet> part, long[] index, long seed, float[][] out) {
        PileupConfig c = model.config();
        Normalisers norm = model.normalisers();
        Denoiser denoiser = model.networks().denoiser();
        int b = part.size();
        int rows = b * samples;
        int[] counts = new int[rows];
        try (NDManager m = model.runtime().newManager()) {
            NDList in = Batch.observed(part, norm, m);
            Denoiser.Encoding e = denoiser.encode(in.get(0), in.get(1), in.get(2));
            NDArray logits = e.multiplicityLogits();
            float[] p = (temperature == 1 ? logits : logits.div(temperature)).softmax(1).toFloatArray();
            int nMax = c.maxHardScatter();
            int nh = 1;
            for (int j = 0; j < b; j++) {
                for (int k = 0; k < samples; k++) {
                    RandomStream r = RandomStream.forEvent(seed ^ COUNT_SALT, index[j] * samples + k);
                    counts[j * samples + k] = 1 + draw(p, j * nMax, nMax, r.uniform());
                    nh = Math.max(nh, counts[j * samples + k]);
                }
            }
            float[] noise = new float[rows * nh * JetFeatures.PARTICLE];
            for (int r = 0; r < rows; r++) {
                int j = r / samples;
                int k = r % samples;
                RandomStream g = RandomStream.forEvent(seed ^ NOISE_SALT, index[j] * samples + k);
                for (int i = 0; i < counts[r] * JetFeatures.PARTICLE; i++) {
                    noise[r * nh * JetFeatures.PARTICLE + i] = (float) g.gaussian();
                }
            }
            NDArray mask = Batch.prefixMask(counts, nh, m);
            NDArray m3 = mask.expandDims(2);
            Scheme.Network f;
            if (cache) {
                List<NDArray> kept = new ArrayList<>(e.crossSource());
                kept.addAll(List.of(e.keyBias(), e.context(), mask, m3));
                f = scoped(m, kept, (x, cn) -> denoiser.denoise(e, x, mask, cn, samples).mul(m3));
            } else {
                NDArray obs = in.get(0).repeat(0, samples);
                NDArray obsMask = in.get(1).repeat(0, samples);
                NDArray ctx = in.get(2).repeat(0, samples);
                f = scoped(m, List.of(obs, obsMask, ctx, mask, m3),
                        (x, cn) -> denoiser.denoise(denoiser.encode(obs, obsMask, ctx), x, mask, cn).mul(m3));
            }
            NDArray x = model.networks().scheme().sample(f,
                    m.create(noise, new Shape(rows, nh, JetFeatures.PARTICLE)), steps);
            float[] xs = x.toFloatArray();
            for (int r = 0; r < rows; r++) {
                int n = counts[r] * JetFeatures.PARTICLE;
                out[r] = java.util.Arrays.copyOfRange(xs, r * nh * JetFeatures.PARTICLE,
                        r * nh * JetFeatures.PARTICLE + n);
                norm.hardScatter().invert(out[r], 0, counts[r]);
            }
        }
        return counts;
    }

    /**
     * Runs each network evaluation on its own sub-manager of {@code m}: the inputs and the long-lived arrays
     * {@code kept} are lent to it for the call, so every intermediate belongs to it and is freed when the call
     * returns (only the output moves to {@code m}). Without this, the intermediates of all 2·steps evaluations would
     * live until the pass ends (gigabytes at K = 32).
     */
    private static Scheme.Network scoped(NDManager m, List<NDArray> kept, Scheme.Network f) {
        return (x, cn) -> {
            try (NDManager sub = m.newSubManager()) {
                x.tempAttach(sub);
                cn.tempAttach(sub);
                for (NDArray a : kept) {
                    a.tempAttach(sub);
                }
                NDArray out = f.apply(x, cn);
                out.attach(m);
                return out;
            }
        };
    }

    /** Inverse-CDF draw of an index in [0, n) from probabilities p[offset … offset+n). */
    static int draw(float[] p, int offset, int n, double u) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += p[offset + i];
        }
        double acc = 0;
        double target = u * total;
        for (int i = 0; i < n; i++) {
            acc += p[offset + i];
            if (target < acc) {
                return i;
            }
        }
        return n - 1;
    }
}
