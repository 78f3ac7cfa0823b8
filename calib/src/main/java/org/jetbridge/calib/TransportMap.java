package org.jetbridge.calib;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jetbridge.nn.HostArray;
import org.jetbridge.nn.ModelArchive;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.nn.ParameterStore;

/**
 * A fitted calibration map T(x | ω) = ∇ₓg in the data's own units: standardise with the target's statistics, apply
 * the gradient of the source potential g, undo the standardisation. Applies any number of rows in fixed-size chunks
 * (bounded memory), deterministically for a fixed thread count. Saved as a {@link ModelArchive} of kind
 * {@value #KIND}.
 */
public final class TransportMap implements CalibrationMap {

    public static final String KIND = "ot-transport-map";
    /** Sub-directory of a fit's output directory holding the map. */
    public static final String DIR = "map";
    /** Rows per libtorch call when applying. */
    static final int CHUNK = 4096;

    /**
     * What the map was fitted on.
     *
     * @param dim latent width d
     * @param conditions names of the condition columns (empty: unconditional)
     * @param dataset the HDF5 dataset the map was fitted on (may be empty for in-memory fits)
     * @param config training configuration
     * @param steps rounds completed
     * @param diverged whether training stopped on the divergence guard (the map is then the last good checkpoint)
     */
    public record Description(int dim, List<String> conditions, String dataset, OtConfig config, long steps,
            boolean diverged) {}

    private final NnRuntime runtime;
    private final ParameterStore store;
    private final ConvexPotential potential;
    private final Standardisation latent;
    private final Standardisation condition;
    private final Description description;

    TransportMap(NnRuntime runtime, ParameterStore store, ConvexPotential potential, Standardisation latent,
            Standardisation condition, Description description) {
        this.runtime = runtime;
        this.store = store;
        this.potential = potential;
        this.latent = latent;
        this.condition = condition;
        this.description = description;
    }

    /** The source-side potential g in the parameter store {@code store} (prefix "g"). */
    static ConvexPotential sourcePotential(ParameterStore store, int dim, int conditions, OtConfig c) {
        return new ConvexPotential(store, "g", new ConvexPotential.Shape(dim, conditions, c.width(), c.depth(),
                c.conditionWidth()));
    }

    /**
     * Loads a map from {@code dir} (a map directory, or a fit's output directory containing {@value #DIR}/).
     *
     * @throws IllegalArgumentException naming the directory when it holds no map
     */
    public static TransportMap load(NnRuntime runtime, Path dir) throws IOException {
        Path d = Files.isRegularFile(dir.resolve(ModelArchive.DESCRIPTION)) ? dir : dir.resolve(DIR);
        if (!Files.isRegularFile(d.resolve(ModelArchive.DESCRIPTION))) {
            throw new IllegalArgumentException(dir + ": no transport map (neither " + ModelArchive.DESCRIPTION
                    + " nor " + DIR + "/" + ModelArchive.DESCRIPTION + ")");
        }
        ModelArchive.Loaded loaded = ModelArchive.load(d, KIND);
        Description desc = loaded.config(Description.class);
        ParameterStore store = new ParameterStore(runtime, 0);
        try {
            ConvexPotential g = sourcePotential(store, desc.dim(), desc.conditions().size(), desc.config());
            loaded.loadInto(store);
            Standardisation lat = new Standardisation(loaded.extra("latent_mean").toDoubles(),
                    loaded.extra("latent_std").toDoubles());
            Standardisation cond = desc.conditions().isEmpty() ? null
                    : new Standardisation(loaded.extra("condition_mean").toDoubles(),
                            loaded.extra("condition_std").toDoubles());
            if (lat.dim() != desc.dim() || (cond != null && cond.dim() != desc.conditions().size())) {
                throw new IllegalArgumentException(d + ": standardisation arrays do not match the map's widths");
            }
            return new TransportMap(runtime, store, g, lat, cond, desc);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Writes the map to {@code dir} (replaced atomically). */
    @Override
    public void save(Path dir) throws IOException {
        Map<String, HostArray> extras = new LinkedHashMap<>();
        extras.put("latent_mean", HostArray.ofDoubles(latent.mean(), latent.dim()));
        extras.put("latent_std", HostArray.ofDoubles(latent.std(), latent.dim()));
        if (condition != null) {
            extras.put("condition_mean", HostArray.ofDoubles(condition.mean(), condition.dim()));
            extras.put("condition_std", HostArray.ofDoubles(condition.std(), condition.dim()));
        }
        ModelArchive.save(dir, KIND, description, store, extras);
    }

    public Description description() {
        return description;
    }

    /** The standardisation of the latent (the target's per-column mean and std); the map is optimal for the
     * quadratic cost in these standardised coordinates. */
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
        OtConfig c = description.config();
        return "input-convex neural potential (width " + c.width() + ", depth " + c.depth() + "), "
                + description.steps() + " rounds, conditions " + description.conditions()
                + (description.diverged() ? " (training diverged; last good checkpoint)" : "");
    }

    /**
     * Maps {@code n} rows of {@code in} (data units, row-major [n, d]) with conditions {@code cond} ([n, c], or null
     * when unconditional) into {@code out} ([n, d]; may be {@code in}).
     */
    @Override
    public void apply(float[] in, float[] cond, float[] out, int n) {
        int d = dim();
        int c = conditions();
        if (in.length < (long) n * d || out.length < (long) n * d || (c > 0 && (cond == null
                || cond.length < (long) n * c)) || (c == 0 && cond != null)) {
            throw new IllegalArgumentException("apply: expected " + n + " rows of width " + d
                    + (c > 0 ? " and " + c + " condition columns" : " and no conditions"));
        }
        float[] x = new float[Math.min(n, CHUNK) * d];
        float[] w = c > 0 ? new float[Math.min(n, CHUNK) * c] : null;
        try (NDManager root = runtime.newManager()) {
            for (int start = 0; start < n; start += CHUNK) {
                int rows = Math.min(CHUNK, n - start);
                System.arraycopy(in, start * d, x, 0, rows * d);
                latent.forward(x, x, rows);
                try (NDManager m = root.newSubManager()) {
                    NDArray xs = m.create(x.length == rows * d ? x : Arrays.copyOf(x, rows * d), new Shape(rows, d));
                    NDArray ws = null;
                    if (c > 0) {
                        System.arraycopy(cond, start * c, w, 0, rows * c);
                        condition.forward(w, w, rows);
                        ws = m.create(w.length == rows * c ? w : Arrays.copyOf(w, rows * c), new Shape(rows, c));
                    }
                    float[] t = potential.gradient(xs, ws).toFloatArray();
                    latent.inverse(t, t, rows);
                    System.arraycopy(t, 0, out, start * d, rows * d);
                }
            }
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
