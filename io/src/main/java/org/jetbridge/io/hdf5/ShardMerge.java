package org.jetbridge.io.hdf5;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jetbridge.io.InputException;
import org.jetbridge.io.OutputException;
import org.jetbridge.io.Shard;

/**
 * Merges the HDF5 outputs of the {@code --shard i/N} runs of one command into the file the unsharded run writes:
 * every dataset is the concatenation of the shards' rows in shard order (for a minimum-bias pool the
 * {@code offsets} index is rebased so that it points into the concatenated {@code particles}). Before anything is
 * written the inputs are checked: each carries shard metadata ({@link Shard#INDEX} …), together they are exactly
 * shards 0 … N−1 of the same partition (none missing, none twice), and they have the same datasets (names, order,
 * types, row shapes, dataset attributes) and the same file attributes apart from the shard keys. The output has
 * those common attributes plus {@code merged_shards} = N. Memory: one batch of at most {@value #BATCH_BYTES}
 * bytes; one input file is open at a time; the output appears only when complete.
 */
public final class ShardMerge {
    /** Bytes per streamed batch of one dataset. */
    static final int BATCH_BYTES = 8 << 20;
    /** Output file attribute: the number of shards merged. */
    public static final String MERGED_SHARDS = "merged_shards";

    private static final List<String> SHARD_KEYS = List.of(Shard.INDEX, Shard.COUNT, Shard.FIRST_ROW, Shard.END_ROW,
            Shard.TOTAL_ROWS, Shard.UNIT);

    /** What a merge wrote: shard count, the partitioned total and its unit, and the rows of each dataset. */
    public record Result(int shards, long total, String unit, Map<String, Long> rows) {
    }

    /** One input as read at the check: its shard, common attributes and datasets. */
    private record Input(Path path, Shard shard, long first, long end, long total, String unit,
                         Map<String, Object> attributes, Map<String, DatasetInfo> datasets,
                         Map<String, Map<String, Object>> datasetAttributes) {
    }

    private ShardMerge() {
    }

    /**
     * Checks {@code inputs} (any order) and writes their merge to {@code output}.
     *
     * @throws InputException naming the offending input and what is wrong (no shard metadata, a missing or
     *                        duplicated shard, another run's shard, different datasets or attributes)
     * @throws OutputException when the output cannot be written
     */
    public static Result merge(List<Path> inputs, Path output) throws IOException {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no input files to merge");
        }
        List<Input> shards = new ArrayList<>();
        for (Path p : inputs) {
            if (p.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
                throw new InputException(p.toString(), "is also the merge output; write the merge elsewhere");
            }
            shards.add(describe(p));
        }
        shards.sort(Comparator.comparingInt(s -> s.shard().index()));
        checkPartition(shards);
        Input ref = shards.get(0);
        for (Input s : shards.subList(1, shards.size())) {
            checkSame(ref, s);
        }
        boolean pool = MinBiasPool.SCHEMA.equals(ref.attributes().get("schema"));
        Map<String, Long> rows = new LinkedHashMap<>();
        Hdf5Writer w;
        try {
            w = Hdf5Writer.create(output);
        } catch (IOException e) {
            throw new OutputException(output.toString(), e.getMessage(), e);
        }
        try (w) {
            w.attributes(ref.attributes());
            w.attribute(MERGED_SHARDS, (long) shards.size());
            Map<String, DatasetWriter> out = new LinkedHashMap<>();
            for (DatasetInfo d : ref.datasets().values()) {
                DatasetWriter dw = w.dataset(d.name(), d.dtype(), d.rowShape());
                ref.datasetAttributes().get(d.name()).forEach(dw::attribute);
                out.put(d.name(), dw);
            }
            long particles = 0;
            for (Input s : shards) {
                try (Hdf5Reader r = Hdf5Reader.open(s.path())) {
                    for (DatasetInfo d : s.datasets().values()) {
                        if (pool && d.name().equals(MinBiasPool.OFFSETS)) {
                            appendOffsets(r, s.path(), out.get(d.name()), particles, s == ref);
                        } else {
                            append(r, d, out.get(d.name()));
                        }
                    }
                    if (pool) {
                        particles += r.dataset(MinBiasPool.PARTICLES).rows();
                    }
                } catch (Hdf5FormatException e) {
                    throw new InputException(s.path().toString(), e.getMessage(), e);
                }
            }
            try {
                w.commit();
            } catch (IOException e) {
                throw new OutputException(output.toString(), "cannot write: " + e.getMessage(), e);
            }
            out.forEach((name, d) -> rows.put(name, d.rows()));
        }
        return new Result(shards.size(), ref.total(), ref.unit(), rows);
    }

    private static Input describe(Path p) throws IOException {
        try (Hdf5Reader r = Hdf5Reader.open(p)) {
            if (!r.unsupportedDatasets().isEmpty()) {
                throw new InputException(p.toString(), "has datasets merge cannot copy: " + r.unsupportedDatasets());
            }
            Map<String, Object> attributes = new LinkedHashMap<>(r.attributes());
            for (String k : SHARD_KEYS) {
                if (!attributes.containsKey(k)) {
                    throw new InputException(p.toString(), "has no shard metadata (attribute '" + k + "' missing); "
                            + "merge combines the outputs of runs with --shard I/N");
                }
            }
            long index = number(p, attributes, Shard.INDEX);
            long count = number(p, attributes, Shard.COUNT);
            Shard shard;
            try {
                shard = new Shard(Math.toIntExact(index), Math.toIntExact(count));
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new InputException(p.toString(), "bad shard metadata: shard " + index + " of " + count + ", "
                        + "expected 0 <= shard_index < shard_count <= " + Integer.MAX_VALUE, e);
            }
            long first = number(p, attributes, Shard.FIRST_ROW);
            long end = number(p, attributes, Shard.END_ROW);
            long total = number(p, attributes, Shard.TOTAL_ROWS);
            String unit = String.valueOf(attributes.get(Shard.UNIT));
            if (total < 0 || first != shard.first(total) || end != shard.end(total)) {
                throw new InputException(p.toString(), "shard " + shard + " claims rows [" + first + ", " + end
                        + ") of " + total + ", but that shard owns [" + shard.first(total) + ", " + shard.end(total)
                        + ")");
            }
            SHARD_KEYS.forEach(attributes::remove);
            Map<String, DatasetInfo> datasets = new LinkedHashMap<>(r.datasets());
            Map<String, Map<String, Object>> datasetAttributes = new LinkedHashMap<>();
            for (String d : datasets.keySet()) {
                datasetAttributes.put(d, r.attributes(d));
                if (unit.equals("row") && datasets.get(d).rows() != end - first) {
                    throw new InputException(p.toString(), "dataset '" + d + "' has " + datasets.get(d).rows()
                            + " rows, but shard " + shard + " covers input rows [" + first + ", " + end + ")");
                }
            }
            return new Input(p, shard, first, end, total, unit, attributes, datasets, datasetAttributes);
        } catch (Hdf5FormatException e) {
            throw new InputException(p.toString(), e.getMessage(), e);
        }
    }

    private static long number(Path p, Map<String, Object> attributes, String key) {
        if (attributes.get(key) instanceof Long v) {
            return v;
        }
        throw new InputException(p.toString(), "attribute '" + key + "' is " + attributes.get(key)
                + ", expected an integer");
    }

    /** All of 0 … N−1 exactly once, of the same N, total and unit. */
    private static void checkPartition(List<Input> shards) {
        Input ref = shards.get(0);
        int n = ref.shard().count();
        TreeMap<Integer, Input> seen = new TreeMap<>();
        for (Input s : shards) {
            if (s.shard().count() != n || s.total() != ref.total() || !s.unit().equals(ref.unit())) {
                throw new InputException(s.path().toString(), "is shard " + s.shard() + " of " + s.total() + " "
                        + s.unit() + "s, but " + ref.path() + " is shard " + ref.shard() + " of " + ref.total() + " "
                        + ref.unit() + "s: not the same partition");
            }
            Input twice = seen.put(s.shard().index(), s);
            if (twice != null) {
                throw new InputException(s.path().toString(), "overlaps " + twice.path() + ": both are shard "
                        + s.shard());
            }
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!seen.containsKey(i)) {
                missing.add(i + "/" + n);
            }
        }
        if (!missing.isEmpty()) {
            throw new InputException(ref.path().toString(), "incomplete set of shards: missing shard"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing.subList(0, Math.min(10,
                    missing.size()))) + (missing.size() > 10 ? " …" : "") + " (given " + shards.size() + " of " + n
                    + ")");
        }
    }

    private static void checkSame(Input ref, Input s) {
        String where = s.path().toString();
        if (!ref.datasets().keySet().equals(s.datasets().keySet())) {
            throw new InputException(where, "has datasets " + s.datasets().keySet() + ", but " + ref.path() + " has "
                    + ref.datasets().keySet());
        }
        List<String> refOrder = new ArrayList<>(ref.datasets().keySet());
        List<String> order = new ArrayList<>(s.datasets().keySet());
        if (!refOrder.equals(order)) {
            throw new InputException(where, "has its datasets in the order " + order + ", " + ref.path() + " in "
                    + refOrder);
        }
        for (DatasetInfo d : ref.datasets().values()) {
            DatasetInfo e = s.datasets().get(d.name());
            if (e.dtype() != d.dtype() || !Arrays.equals(e.rowShape(), d.rowShape())) {
                throw new InputException(where, "dataset '" + d.name() + "' is " + e.dtype() + " with rows of shape "
                        + Arrays.toString(e.rowShape()) + ", but in " + ref.path() + " it is " + d.dtype() + " "
                        + Arrays.toString(d.rowShape()));
            }
            String diff = difference(ref.datasetAttributes().get(d.name()), s.datasetAttributes().get(d.name()));
            if (diff != null) {
                throw new InputException(where, "dataset '" + d.name() + "' attribute " + diff + " in " + ref.path());
            }
        }
        String diff = difference(ref.attributes(), s.attributes());
        if (diff != null) {
            throw new InputException(where, "attribute " + diff + " in " + ref.path()
                    + ": not a shard of the same run");
        }
    }

    /** The first attribute that differs, as "'key' is X here, Y", or null when the maps are equal. */
    private static String difference(Map<String, Object> ref, Map<String, Object> other) {
        for (Map.Entry<String, Object> e : ref.entrySet()) {
            Object v = other.get(e.getKey());
            if (!Objects.deepEquals(e.getValue(), v)) {
                return "'" + e.getKey() + "' is " + show(v) + ", but " + show(e.getValue());
            }
        }
        for (String k : other.keySet()) {
            if (!ref.containsKey(k)) {
                return "'" + k + "' is " + show(other.get(k)) + ", but absent";
            }
        }
        return null;
    }

    private static String show(Object v) {
        if (v == null) {
            return "absent";
        }
        if (v instanceof Object[] a) {
            return Arrays.toString(a);
        }
        if (v instanceof long[] a) {
            return Arrays.toString(a);
        }
        if (v instanceof double[] a) {
            return Arrays.toString(a);
        }
        return String.valueOf(v);
    }

    private static void append(Hdf5Reader r, DatasetInfo d, DatasetWriter out) {
        if (d.rows() == 0) {
            return;
        }
        int batch = (int) Math.max(1, Math.min(d.rows(), BATCH_BYTES / ((long) d.rowSize() * d.dtype().bytes())));
        for (RowBatch b : r.batches(batch, d.name())) {
            switch (d.dtype()) {
                case FLOAT32 -> out.append(b.floats(d.name()), 0, b.rows());
                case FLOAT64 -> out.append(b.doubles(d.name()), 0, b.rows());
                case INT32 -> out.append(b.ints(d.name()), 0, b.rows());
                case INT64 -> out.append(b.longs(d.name()), 0, b.rows());
                case INT8 -> out.append(b.bytes(d.name()), 0, b.rows());
            }
        }
    }

    /**
     * A pool's offsets [K + 1] start at 0 in every shard: the first shard's are copied, later shards drop their
     * leading 0 and are shifted by the particles of the shards before them.
     */
    private static void appendOffsets(Hdf5Reader r, Path path, DatasetWriter out, long base, boolean first) {
        DatasetInfo d = r.dataset(MinBiasPool.OFFSETS);
        int batch = BATCH_BYTES / 8;
        long[] head = new long[1];
        r.read(MinBiasPool.OFFSETS, 0, 1, head, 0);
        if (head[0] != 0) {
            throw new InputException(path.toString(), "dataset 'offsets' starts at " + head[0] + ", expected 0");
        }
        for (RowBatch b : r.batches(batch, first ? 0 : 1, d.rows(), MinBiasPool.OFFSETS)) {
            long[] v = b.longs(MinBiasPool.OFFSETS);
            for (int i = 0; i < b.rows(); i++) {
                v[i] += base;
            }
            out.append(v, 0, b.rows());
        }
    }
}
