package org.jetbridge.calib;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jetbridge.nn.ModelArchive;
import org.jetbridge.nn.NnRuntime;

/**
 * A fitted calibration map T(x | ω) = ∇ψ(x | ω), the gradient of a potential convex in x, in the data's own units:
 * either a neural input-convex potential ({@link TransportMap}) or the semi-discrete potential onto the target
 * sample ({@link SemiDiscreteMap}), or one such map per category of an integer column ({@link PartitionedMap}).
 * Applies any number of rows deterministically in bounded memory.
 */
public interface CalibrationMap extends AutoCloseable {

    /** Latent width d. */
    int dim();

    /** Names of the condition columns (empty: unconditional). */
    List<String> conditionNames();

    /** Number of condition columns. */
    default int conditions() {
        return conditionNames().size();
    }

    /** The dataset the map was fitted on (may be empty). */
    String dataset();

    /** One line saying what kind of map this is and how it was fitted (for reports). */
    String summary();

    /**
     * Maps {@code n} rows of {@code in} (row-major [n, d]) with conditions {@code cond} ([n, c], or null when
     * unconditional) into {@code out} ([n, d]; may be {@code in}).
     */
    void apply(float[] in, float[] cond, float[] out, int n);

    /** The mapped copy of {@code x} (conditions {@code cond} or null). */
    default Rows apply(Rows x, Rows cond) {
        if (x.cols() != dim()) {
            throw new IllegalArgumentException("apply: the map takes rows of width " + dim() + ", got " + x.cols());
        }
        if ((cond == null) != (conditions() == 0) || (cond != null && (cond.cols() != conditions()
                || cond.rows() != x.rows()))) {
            throw new IllegalArgumentException("apply: the map needs conditions " + conditionNames() + " for "
                    + x.rows() + " rows, got " + (cond == null ? "none" : cond.rows() + " × " + cond.cols()));
        }
        float[] out = new float[x.values().length];
        apply(x.values(), cond == null ? null : cond.values(), out, x.rows());
        return new Rows(out, x.rows(), x.cols());
    }

    /** Writes the map to {@code dir} (replaced atomically). */
    void save(Path dir) throws IOException;

    @Override
    void close();

    /**
     * Loads a map of either kind from {@code dir} (a map directory, or a fit's output directory containing
     * {@value TransportMap#DIR}/).
     *
     * @throws IllegalArgumentException naming the directory when it holds no map
     */
    static CalibrationMap load(NnRuntime runtime, Path dir) throws IOException {
        Path d = Files.isRegularFile(dir.resolve(ModelArchive.DESCRIPTION)) ? dir : dir.resolve(TransportMap.DIR);
        if (!Files.isRegularFile(d.resolve(ModelArchive.DESCRIPTION))) {
            throw new IllegalArgumentException(dir + ": no calibration map (neither " + ModelArchive.DESCRIPTION
                    + " nor " + TransportMap.DIR + "/" + ModelArchive.DESCRIPTION + ")");
        }
        Object description = org.jetbridge.report.Json.parse(Files.readString(d.resolve(ModelArchive.DESCRIPTION)));
        Object kind = description instanceof java.util.Map<?, ?> m ? m.get("kind") : null;
        if (PartitionedMap.KIND.equals(kind)) {
            return PartitionedMap.load(runtime, d);
        }
        return SemiDiscreteMap.KIND.equals(kind) ? SemiDiscreteMap.load(runtime, d) : TransportMap.load(runtime, d);
    }
}
