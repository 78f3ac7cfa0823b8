package org.jetbridge.calib;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.jetbridge.nn.HostArray;
import org.jetbridge.nn.ModelArchive;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.nn.ParameterStore;
import org.jetbridge.nn.train.Shuffle;

/**
 * The semi-discrete optimal-transport map from the source distribution onto a sample y₁…y_N of the target: the
 * gradient of the convex potential ψ(x) = max_j (⟨x, y_j⟩ − φ_j), so T(x) = y_{j*(x)} (Brenier's map onto the
 * empirical target measure; the Laguerre cells {x : j*(x) = j} each receive source mass 1/N when the dual weights φ
 * are optimal). Inputs are standardised with the target's per-column mean and std as for {@link TransportMap}.
 * Every calibrated row is a target row, so calibrated latents lie exactly on the target's (thin, curved) latent
 * manifold, which smooth neural maps miss by more than its thickness. With conditions ω the cost becomes
 * ½‖x − y‖² + ½λ‖ω_x − ω_y‖² (standardised ω), so rows are matched within kinematic neighbourhoods; ψ stays convex in
 * x for every ω. Units: those of the data.
 */
public final class SemiDiscreteMap implements CalibrationMap {

    public static final String KIND = "ot-semi-discrete-map";
    /** Rows per libtorch call when applying. */
    static final int CHUNK = 1024;

    /**
     * Fit settings.
     *
     * @param maxTargets target rows kept as the support of the map (a seeded random subset when there are more);
     *     applying costs O(maxTargets · d) per row
     * @param steps stochastic dual-ascent steps
     * @param batch source rows per step
     * @param learningRate peak Adam learning rate of the dual weights (standardised cost units), cosine-decayed to 0
     * @param conditionWeight λ, weight of the condition distance in the cost (used only with conditions)
     * @param seed seed of the target subset and the batches
     */
    public record Settings(int maxTargets, int steps, int batch, double learningRate, double conditionWeight,
            long seed) {
        public Settings {
            if (maxTargets < 1 || steps < 1 || batch < 1 || !(learningRate > 0) || !(conditionWeight >= 0)) {
                throw new IllegalArgumentException("semi-discrete settings: need maxTargets, steps, batch >= 1, "
                        + "learningRate > 0, conditionWeight >= 0; got " + this);
            }
        }

        /** 50 000 target rows, 1500 steps of 1024 rows, lr 1.0, λ = 4, seed 42 (measured on the real latents: lr 0.2 × 1000 steps left the dual under-converged). */
        public static Settings defaults() {
            return new Settings(50_000, 1500, 1024, 1.0, 4, 42);
        }

        public Settings withSteps(int s) {
            return new Settings(maxTargets, s, batch, learningRate, conditionWeight, seed);
        }

        public Settings withMaxTargets(int n) {
            return new Settings(n, steps, batch, learningRate, conditionWeight, seed);
        }

        public Settings withSeed(long s) {
            return new Settings(maxTargets, steps, batch, learningRate, conditionWeight, s);
        }

        public Settings withConditionWeight(double w) {
            return new Settings(maxTargets, steps, batch, learningRate, w, seed);
        }

        public Settings withLearningRate(double lr) {
            return new Settings(maxTargets, steps, batch, lr, conditionWeight, seed);
        }

        public Settings withBatch(int b) {
            return new Settings(maxTargets, steps, b, learningRate, conditionWeight, seed);
        }
    }

    /**
     * What the map was fitted on.
     *
     * @param dim latent width d
     * @param conditions names of the condition columns (empty: unconditional)
     * @param dataset the dataset the map was fitted on
     * @param settings fit settings
     * @param targets target rows in the support
     * @param unusedFraction fraction of support rows that none of those fit-source rows reaches (0 at the optimum with as many
     *     source as target rows; sampling noise keeps it near e⁻¹ ≈ 0.37 for one source row per target row)
     * @param maxCellRatio largest Laguerre-cell mass over its nominal 1/N, on the first min(rows, 4N) fit source rows
     * @param seconds fit wall time
     */
    public record Description(int dim, List<String> conditions, String dataset, Settings settings, int targets,
            double unusedFraction, double maxCellRatio, double seconds) {}

    private final NnRuntime runtime;
    private final Description description;
    private final Standardisation latent;
    private final Standardisation condition;
    private final float[] points; // N × d target rows, data units: the map's outputs
    private final float[] keys; // N × (d + c) standardised (y, √λ ω_y)
    private final float[] offset; // ½‖key_j‖² − g_j
    private NDManager manager;
    private NDArray keysT;
    private NDArray offsetArray;

    private SemiDiscreteMap(NnRuntime runtime, Description description, Standardisation latent,
            Standardisation condition, float[] points, float[] keys, float[] offset) {
        this.runtime = runtime;
        this.description = description;
        this.latent = latent;
        this.condition = condition;
        this.points = points;
        this.keys = keys;
        this.offset = offset;
    }

    public Description description() {
        return description;
    }

    /** The target's per-column standardisation; T is the Brenier map (monotone gradient) in these coordinates. */
    public Standardisation standardisation() {
        return latent;
    }

    @Override
    public int dim() {
        return description.dim();
    }

    @Override
    public List<String> conditionNames() {
        return description.conditions();
    }

    @Override
    public String dataset() {
        return description.dataset();
    }

    @Override
    public String summary() {
        return String.format(Locale.ROOT, "semi-discrete OT map onto %d target rows (%d dual-ascent steps of %d, "
                + "conditions %s, λ %.3g); unused support %.3f, largest cell %.2f× nominal", description.targets(),
                description.settings().steps(), description.settings().batch(), description.conditions(),
                description.settings().conditionWeight(), description.unusedFraction(), description.maxCellRatio());
    }

    /**
     * Fits the dual weights by stochastic gradient ascent of the semi-discrete dual
     * F(g) = (1/N) Σ_j g_j + E_x min_j (½‖x − y_j‖² − g_j), whose gradient is 1/N − (source mass of cell j).
     *
     * @param source source rows (simulation), data units
     * @param sourceConditions their conditions or null
     * @param target target rows (data)
     * @param targetConditions their conditions or null (both or neither)
     * @param conditionNames names of the condition columns
     * @param dataset dataset name recorded with the map
     */
    public static SemiDiscreteMap fit(NnRuntime runtime, Rows source, Rows sourceConditions, Rows target,
            Rows targetConditions, List<String> conditionNames, String dataset, Settings s, PrintStream log) {
        OtTrainer.check(source, sourceConditions, target, targetConditions, conditionNames);
        long t0 = System.nanoTime();
        int d = source.cols();
        int c = sourceConditions == null ? 0 : sourceConditions.cols();
        SplittableRandom random = new SplittableRandom(s.seed());
        int n = Math.min(s.maxTargets(), target.rows());
        int[] chosen = java.util.Arrays.copyOf(Shuffle.permutation(target.rows(), random), n);
        java.util.Arrays.sort(chosen);
        Rows support = target.select(chosen);
        Standardisation lat = Standardisation.fit(target);
        Standardisation cond = c > 0 ? Standardisation.fit(targetConditions) : null;
        double sqrtLambda = Math.sqrt(s.conditionWeight());
        float[] keys = keys(lat.forward(support), c > 0 ? cond.forward(targetConditions.select(chosen)) : null,
                sqrtLambda);
        float[] queries = keys(lat.forward(source), c > 0 ? cond.forward(sourceConditions) : null, sqrtLambda);
        int k = d + c;
        float[] half = new float[n];
        for (int j = 0; j < n; j++) {
            double sum = 0;
            for (int i = 0; i < k; i++) {
                sum += (double) keys[j * k + i] * keys[j * k + i];
            }
            half[j] = (float) (0.5 * sum);
        }
        double[] g = new double[n];
        double[] m1 = new double[n];
        double[] m2 = new double[n];
        float[] offset = half.clone();
        SemiDiscreteMap map = new SemiDiscreteMap(runtime, null, lat, cond, support.values(), keys, offset);
        try {
            int b = s.batch();
            float[] batch = new float[b * k];
            int[] counts = new int[n];
            double nominal = 1.0 / n;
            for (int step = 0; step < s.steps(); step++) {
                for (int i = 0; i < b; i++) {
                    System.arraycopy(queries, random.nextInt(source.rows()) * k, batch, i * k, k);
                }
                int[] cell = map.assign(batch, b);
                java.util.Arrays.fill(counts, 0);
                for (int j : cell) {
                    counts[j]++;
                }
                double lr = s.learningRate() * 0.5 * (1 + Math.cos(Math.PI * step / s.steps()));
                double c1 = 1 - Math.pow(0.9, step + 1);
                double c2 = 1 - Math.pow(0.999, step + 1);
                for (int j = 0; j < n; j++) {
                    double grad = nominal - (double) counts[j] / b;
                    m1[j] = 0.9 * m1[j] + 0.1 * grad;
                    m2[j] = 0.999 * m2[j] + 0.001 * grad * grad;
                    g[j] += lr * (m1[j] / c1) / (Math.sqrt(m2[j] / c2) + 1e-8);
                    offset[j] = (float) (half[j] - g[j]);
                }
                map.refreshOffset();
                if (log != null && ((step + 1) % Math.max(1, s.steps() / 10) == 0)) {
                    log.println(String.format(Locale.ROOT, "dual ascent %d/%d (%.1f s)", step + 1, s.steps(),
                            (System.nanoTime() - t0) * 1e-9));
                }
            }
            // cell masses on (at most 4N of) the fit source rows, for the description
            int checked = Math.min(source.rows(), 4 * n);
            int[] all = new int[n];
            for (int start = 0; start < checked; start += CHUNK) {
                int rows = Math.min(CHUNK, checked - start);
                for (int j : map.assign(java.util.Arrays.copyOfRange(queries, start * k, (start + rows) * k), rows)) {
                    all[j]++;
                }
            }
            int unused = 0;
            int max = 0;
            for (int j = 0; j < n; j++) {
                unused += all[j] == 0 ? 1 : 0;
                max = Math.max(max, all[j]);
            }
            double seconds = (System.nanoTime() - t0) * 1e-9;
            Description desc = new Description(d, conditionNames == null ? List.of() : List.copyOf(conditionNames),
                    dataset == null ? "" : dataset, s, n, (double) unused / n,
                    max / ((double) checked / n), seconds);
            SemiDiscreteMap out = new SemiDiscreteMap(runtime, desc, lat, cond, support.values(), keys, offset);
            if (log != null) {
                log.println(out.summary() + String.format(Locale.ROOT, "; fitted in %.1f s", seconds));
            }
            return out;
        } finally {
            map.close();
        }
    }

    /** Rows (x, √λ ω) side by side, standardised. */
    private static float[] keys(Rows x, Rows w, double sqrtLambda) {
        int d = x.cols();
        int c = w == null ? 0 : w.cols();
        int k = d + c;
        float[] out = new float[x.rows() * k];
        for (int i = 0; i < x.rows(); i++) {
            System.arraycopy(x.values(), i * d, out, i * k, d);
            for (int j = 0; j < c; j++) {
                out[i * k + d + j] = (float) (sqrtLambda * w.values()[i * c + j]);
            }
        }
        return out;
    }

    private void refreshOffset() {
        if (offsetArray != null) {
            offsetArray.set(java.nio.FloatBuffer.wrap(offset));
        }
    }

    /**
     * Query rows per score matrix [rows, N]: at most {@link #CHUNK} and at most 8 Mi floats (32 MiB), so the matrix
     * stays below the runtime's 64 MiB mmap threshold and its memory is reused from the heap instead of being mapped
     * and faulted in anew for every chunk (measured: 45 % of a default fit's CPU time was system time with
     * 1024 × 50 000 score matrices).
     */
    static int scoreChunk(int supportRows) {
        return Math.max(16, Math.min(CHUNK, (8 << 20) / Math.max(1, supportRows)));
    }

    /** Index of the Laguerre cell of each of {@code rows} standardised keys: argmax_j ⟨q, key_j⟩ − offset_j. */
    private int[] assign(float[] query, int rows) {
        int n = offset.length;
        int k = keys.length / n;
        if (manager == null) {
            manager = runtime.newManager();
            keysT = manager.create(keys, new Shape(n, k)).transpose();
            offsetArray = manager.create(offset, new Shape(1, n));
        }
        int[] out = new int[rows];
        int chunk = scoreChunk(n);
        for (int start = 0; start < rows; start += chunk) {
            int r = Math.min(chunk, rows - start);
            try (NDManager m = manager.newSubManager()) {
                NDArray q = m.create(java.util.Arrays.copyOfRange(query, start * k, (start + r) * k), new Shape(r, k));
                long[] idx = q.matMul(keysT).sub(offsetArray).argMax(1).toLongArray();
                for (int i = 0; i < r; i++) {
                    out[start + i] = (int) idx[i];
                }
            }
        }
        return out;
    }

    @Override
    public void apply(float[] in, float[] cond, float[] out, int n) {
        int d = dim();
        int c = conditions();
        if (in.length < (long) n * d || out.length < (long) n * d || (c > 0 && (cond == null
                || cond.length < (long) n * c)) || (c == 0 && cond != null)) {
            throw new IllegalArgumentException("apply: expected " + n + " rows of width " + d
                    + (c > 0 ? " and " + c + " condition columns" : " and no conditions"));
        }
        double sqrtLambda = Math.sqrt(description.settings().conditionWeight());
        int k = d + c;
        float[] x = new float[d];
        float[] w = new float[Math.max(c, 1)];
        for (int start = 0; start < n; start += CHUNK) {
            int rows = Math.min(CHUNK, n - start);
            float[] q = new float[rows * k];
            for (int i = 0; i < rows; i++) {
                System.arraycopy(in, (start + i) * d, x, 0, d);
                latent.forward(x, x, 1);
                System.arraycopy(x, 0, q, i * k, d);
                if (c > 0) {
                    System.arraycopy(cond, (start + i) * c, w, 0, c);
                    condition.forward(w, w, 1);
                    for (int j = 0; j < c; j++) {
                        q[i * k + d + j] = (float) (sqrtLambda * w[j]);
                    }
                }
            }
            int[] cell = assign(q, rows);
            for (int i = 0; i < rows; i++) {
                System.arraycopy(points, cell[i] * d, out, (start + i) * d, d);
            }
        }
    }

    @Override
    public void save(Path dir) throws IOException {
        Map<String, HostArray> extras = new LinkedHashMap<>();
        int n = offset.length;
        extras.put("latent_mean", HostArray.ofDoubles(latent.mean(), latent.dim()));
        extras.put("latent_std", HostArray.ofDoubles(latent.std(), latent.dim()));
        if (condition != null) {
            extras.put("condition_mean", HostArray.ofDoubles(condition.mean(), condition.dim()));
            extras.put("condition_std", HostArray.ofDoubles(condition.std(), condition.dim()));
        }
        extras.put("points", HostArray.ofFloats(points, n, dim()));
        extras.put("keys", HostArray.ofFloats(keys, n, keys.length / n));
        extras.put("offset", HostArray.ofFloats(offset, n));
        try (ParameterStore none = new ParameterStore(runtime, 0)) {
            ModelArchive.save(dir, KIND, description, none, extras);
        }
    }

    /** Reads a map written by {@link #save}. */
    static SemiDiscreteMap load(NnRuntime runtime, Path dir) throws IOException {
        ModelArchive.Loaded loaded = ModelArchive.load(dir, KIND);
        Description desc = loaded.config(Description.class);
        Standardisation lat = new Standardisation(loaded.extra("latent_mean").toDoubles(),
                loaded.extra("latent_std").toDoubles());
        Standardisation cond = desc.conditions().isEmpty() ? null
                : new Standardisation(loaded.extra("condition_mean").toDoubles(),
                        loaded.extra("condition_std").toDoubles());
        float[] points = loaded.extra("points").toFloats();
        float[] keys = loaded.extra("keys").toFloats();
        float[] offset = loaded.extra("offset").toFloats();
        int n = offset.length;
        if (lat.dim() != desc.dim() || points.length != (long) n * desc.dim()
                || keys.length != (long) n * (desc.dim() + desc.conditions().size())
                || (cond != null && cond.dim() != desc.conditions().size())) {
            throw new IllegalArgumentException(dir + ": arrays do not match the map's widths (" + desc.dim()
                    + " latent, " + desc.conditions().size() + " conditions, " + n + " support rows)");
        }
        return new SemiDiscreteMap(runtime, desc, lat, cond, points, keys, offset);
    }

    @Override
    public void close() {
        if (manager != null) {
            manager.close();
            manager = null;
            keysT = null;
            offsetArray = null;
        }
    }
}
