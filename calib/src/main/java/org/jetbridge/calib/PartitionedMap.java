package org.jetbridge.calib;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jetbridge.nn.ModelArchive;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.nn.ParameterStore;

/**
 * One calibration map per category of an integer column, e.g. the flavour label: rows of category k are moved by the
 * map fitted on the source and target rows of category k only, so no simulated mass crosses categories. The
 * category is the map's last condition column ({@link #conditionNames()} ends with {@link #partition()}); the other
 * condition columns, if any, go to the per-category maps. On the source side (simulation) the category is the truth
 * label; on the target side it stands for category-enriched control samples of the data (flavour-tagged control
 * regions), which the testbed supplies exactly through its truth labels. Each per-category map is of any kind;
 * on disk they sit in {@code part-<k>/} below the partitioned map's own {@code model.json}. Units: those of the
 * data.
 */
public final class PartitionedMap implements CalibrationMap {

    public static final String KIND = "ot-partitioned-map";
    private static final String PART = "part-";

    /**
     * What the map holds.
     *
     * @param dim latent width d
     * @param partition name of the category column
     * @param conditions all condition columns, ending with {@code partition}
     * @param dataset the dataset the map was fitted on
     * @param labels the categories, ascending; part i moves rows of category labels[i]
     * @param sourceRows fit source rows per category
     * @param targetRows fit target rows per category
     */
    public record Description(int dim, String partition, List<String> conditions, String dataset,
            List<Integer> labels, List<Integer> sourceRows, List<Integer> targetRows) {}

    /** Fits the map of one category from that category's rows (conditions without the category column, or null). */
    @FunctionalInterface
    public interface PartFit {
        CalibrationMap fit(int label, Rows source, Rows sourceConditions, Rows target, Rows targetConditions)
                throws IOException;
    }

    private final NnRuntime runtime;
    private final Description description;
    private final List<CalibrationMap> parts;

    private PartitionedMap(NnRuntime runtime, Description description, List<CalibrationMap> parts) {
        this.runtime = runtime;
        this.description = description;
        this.parts = parts;
    }

    public Description description() {
        return description;
    }

    /** Name of the category column. */
    public String partition() {
        return description.partition();
    }

    /** The per-category maps, in the order of {@link Description#labels}. */
    public List<CalibrationMap> parts() {
        return List.copyOf(parts);
    }

    /**
     * Splits both sides by the last condition column and fits one map per category found in the source with
     * {@code fit}. Categories present only in the target are never reached and are reported on {@code log}.
     *
     * @param conditionNames condition columns of {@code sourceConditions}/{@code targetConditions}; the last one is
     *     the category column (integer values)
     * @throws IllegalArgumentException when a category value is not an integer or a source category has no target
     *     rows (naming the category and the row counts)
     */
    public static PartitionedMap fit(NnRuntime runtime, Rows source, Rows sourceConditions, Rows target,
            Rows targetConditions, List<String> conditionNames, String dataset, PartFit fit, PrintStream log)
            throws IOException {
        if (sourceConditions == null || targetConditions == null || conditionNames == null
                || conditionNames.isEmpty() || sourceConditions.cols() != conditionNames.size()
                || targetConditions.cols() != conditionNames.size()) {
            throw new IllegalArgumentException("partitioned map: both sides need the condition columns "
                    + conditionNames + ", the last one being the category");
        }
        if (source.cols() != target.cols()) {
            throw new IllegalArgumentException("partitioned map: source width " + source.cols()
                    + " differs from target width " + target.cols());
        }
        String name = conditionNames.get(conditionNames.size() - 1);
        Map<Integer, List<Integer>> xs = groups(sourceConditions, name, "source");
        Map<Integer, List<Integer>> ys = groups(targetConditions, name, "target");
        for (Map.Entry<Integer, List<Integer>> e : xs.entrySet()) {
            if (!ys.containsKey(e.getKey())) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s = %d: %d source rows but no target "
                        + "rows; a map per %s needs target rows of every source category (target has %s)", name,
                        e.getKey(), e.getValue().size(), name, ys.keySet()));
            }
        }
        for (Integer k : ys.keySet()) {
            if (!xs.containsKey(k) && log != null) {
                log.printf(Locale.ROOT, "%s = %d: %d target rows but no source rows; no map is fitted for it%n",
                        name, k, ys.get(k).size());
            }
        }
        List<CalibrationMap> parts = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<Integer> nx = new ArrayList<>();
        List<Integer> ny = new ArrayList<>();
        try {
            for (Map.Entry<Integer, List<Integer>> e : xs.entrySet()) {
                int k = e.getKey();
                int[] ix = e.getValue().stream().mapToInt(Integer::intValue).toArray();
                int[] iy = ys.get(k).stream().mapToInt(Integer::intValue).toArray();
                if (log != null) {
                    log.printf(Locale.ROOT, "%s = %d: fitting on %d source and %d target rows%n", name, k, ix.length,
                            iy.length);
                }
                parts.add(fit.fit(k, source.select(ix), rest(sourceConditions.select(ix)), target.select(iy),
                        rest(targetConditions.select(iy))));
                labels.add(k);
                nx.add(ix.length);
                ny.add(iy.length);
            }
        } catch (IOException | RuntimeException e) {
            parts.forEach(CalibrationMap::close);
            throw e;
        }
        return new PartitionedMap(runtime, new Description(source.cols(), name, List.copyOf(conditionNames),
                dataset == null ? "" : dataset, labels, nx, ny), parts);
    }

    /** Row indices per category value of the last column. */
    private static Map<Integer, List<Integer>> groups(Rows conditions, String name, String side) {
        Map<Integer, List<Integer>> out = new TreeMap<>();
        int c = conditions.cols() - 1;
        for (int i = 0; i < conditions.rows(); i++) {
            out.computeIfAbsent(label(conditions.get(i, c), name, side, i), k -> new ArrayList<>()).add(i);
        }
        return out;
    }

    private static int label(float v, String name, String side, int row) {
        int k = Math.round(v);
        if (v != k) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s row %d: category '%s' = %s is not an "
                    + "integer", side, row, name, v));
        }
        return k;
    }

    /** The condition columns without the last (null when none remain). */
    private static Rows rest(Rows conditions) {
        int c = conditions.cols() - 1;
        if (c == 0) {
            return null;
        }
        float[] out = new float[conditions.rows() * c];
        for (int i = 0; i < conditions.rows(); i++) {
            System.arraycopy(conditions.values(), i * (c + 1), out, i * c, c);
        }
        return new Rows(out, conditions.rows(), c);
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
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "a map per %s (%d categories)",
                description.partition(), parts.size()));
        for (int i = 0; i < parts.size(); i++) {
            s.append(String.format(Locale.ROOT, "; %s = %d (%d source, %d target rows): %s", description.partition(),
                    description.labels().get(i), description.sourceRows().get(i), description.targetRows().get(i),
                    parts.get(i).summary()));
        }
        return s.toString();
    }

    @Override
    public void apply(float[] in, float[] cond, float[] out, int n) {
        int d = dim();
        int c = conditions();
        if (cond == null || in.length < (long) n * d || out.length < (long) n * d || cond.length < (long) n * c) {
            throw new IllegalArgumentException("apply: expected " + n + " rows of width " + d + " and condition "
                    + "columns " + conditionNames());
        }
        Map<Integer, List<Integer>> rows = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            rows.computeIfAbsent(label(cond[i * c + c - 1], partition(), "input", i), k -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<Integer, List<Integer>> e : rows.entrySet()) {
            int part = description.labels().indexOf(e.getKey());
            if (part < 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "apply: %d rows have %s = %d (first: "
                        + "row %d), a category the map was not fitted on (it has %s)", e.getValue().size(),
                        partition(), e.getKey(), e.getValue().get(0), description.labels()));
            }
            int m = e.getValue().size();
            float[] x = new float[m * d];
            float[] w = c > 1 ? new float[m * (c - 1)] : null;
            for (int j = 0; j < m; j++) {
                int i = e.getValue().get(j);
                System.arraycopy(in, i * d, x, j * d, d);
                if (w != null) {
                    System.arraycopy(cond, i * c, w, j * (c - 1), c - 1);
                }
            }
            parts.get(part).apply(x, w, x, m);
            for (int j = 0; j < m; j++) {
                System.arraycopy(x, j * d, out, e.getValue().get(j) * d, d);
            }
        }
    }

    @Override
    public void save(Path dir) throws IOException {
        Path target = dir.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempDirectory(target.getParent(), target.getFileName() + ".tmp");
        try {
            try (ParameterStore none = new ParameterStore(runtime, 0)) {
                ModelArchive.writeInto(tmp, KIND, description, none, Map.of());
            }
            for (int i = 0; i < parts.size(); i++) {
                parts.get(i).save(tmp.resolve(PART + description.labels().get(i)));
            }
            ModelArchive.moveIntoPlace(tmp, target);
        } finally {
            if (Files.exists(tmp)) {
                ModelArchive.deleteTree(tmp);
            }
        }
    }

    /** Reads a map written by {@link #save}: its description and every part. */
    static PartitionedMap load(NnRuntime runtime, Path dir) throws IOException {
        Description desc = ModelArchive.load(dir, KIND).config(Description.class);
        if (desc.labels() == null || desc.conditions() == null || desc.conditions().isEmpty()
                || !desc.conditions().get(desc.conditions().size() - 1).equals(desc.partition())) {
            throw new IllegalArgumentException(dir.resolve(ModelArchive.DESCRIPTION) + ": a partitioned map needs "
                    + "labels and conditions ending with its partition column");
        }
        List<CalibrationMap> parts = new ArrayList<>();
        try {
            for (int k : desc.labels()) {
                CalibrationMap part = CalibrationMap.load(runtime, dir.resolve(PART + k));
                parts.add(part);
                if (part.dim() != desc.dim() || part.conditions() != desc.conditions().size() - 1) {
                    throw new IllegalArgumentException(dir.resolve(PART + k) + ": width " + part.dim() + " and "
                            + part.conditions() + " conditions, expected " + desc.dim() + " and "
                            + (desc.conditions().size() - 1) + " as the partitioned map");
                }
            }
        } catch (IOException | RuntimeException e) {
            parts.forEach(CalibrationMap::close);
            throw e;
        }
        return new PartitionedMap(runtime, desc, parts);
    }

    @Override
    public void close() {
        parts.forEach(CalibrationMap::close);
    }
}
