package org.jetbridge.calib;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jetbridge.io.InputException;
import org.jetbridge.io.Shard;
import org.jetbridge.io.hdf5.DType;
import org.jetbridge.io.hdf5.DatasetInfo;
import org.jetbridge.io.hdf5.DatasetWriter;
import org.jetbridge.io.hdf5.Hdf5FormatException;
import org.jetbridge.io.hdf5.Hdf5Reader;
import org.jetbridge.io.hdf5.Hdf5Writer;
import org.jetbridge.io.hdf5.RowBatch;

/**
 * HDF5 input and output of calibration: any 2-d float32/float64 dataset is a latent table, conditions and labels are
 * 1-d (or [n, 1]) numeric datasets of the same length. Bad input (missing dataset, wrong shape, NaN rows) is an
 * {@link InputException} naming the file and dataset. {@link #apply} streams a whole file through a map in bounded
 * memory, copying every other dataset and all attributes.
 */
public final class LatentFiles {

    /** Rows per streamed batch in {@link #apply}. */
    static final int BATCH = 16384;

    private LatentFiles() {}

    /** The 2-d float dataset {@code dataset} of {@code file}; NaN or infinite rows are refused (counted). */
    public static Rows read(Path file, String dataset) throws IOException {
        try (Hdf5Reader r = open(file)) {
            DatasetInfo d = matrix(r, file, dataset);
            int n = Math.toIntExact(d.rows());
            int cols = d.rowSize();
            float[] v = new float[Math.multiplyExact(n, cols)];
            readFloats(r, d, 0, n, v);
            Rows rows = new Rows(v, n, cols);
            int bad = rows.nonFiniteRows();
            if (bad > 0) {
                throw new InputException(file.toString(), "dataset '" + dataset + "' has " + bad
                        + " rows with NaN or infinite values (first at row " + rows.firstNonFinite()
                        + "); remove them before calibrating");
            }
            return rows;
        } catch (Hdf5FormatException e) {
            throw new InputException(file.toString(), e.getMessage(), e);
        }
    }

    /** The condition columns {@code names} (each a numeric dataset with {@code rows} rows) as one table. */
    public static Rows readConditions(Path file, List<String> names, int rows) throws IOException {
        if (names == null || names.isEmpty()) {
            return null;
        }
        float[] out = new float[rows * names.size()];
        try (Hdf5Reader r = open(file)) {
            for (int c = 0; c < names.size(); c++) {
                double[] col = column(r, file, names.get(c), rows);
                for (int i = 0; i < rows; i++) {
                    if (!Double.isFinite(col[i])) {
                        throw new InputException(file.toString(), "condition '" + names.get(c) + "' is not finite at "
                                + "row " + i);
                    }
                    out[i * names.size() + c] = (float) col[i];
                }
            }
        } catch (Hdf5FormatException e) {
            throw new InputException(file.toString(), e.getMessage(), e);
        }
        return new Rows(out, rows, names.size());
    }

    /** Integer labels (e.g. flavour) from dataset {@code name}, or null when the file has no such dataset. */
    public static int[] readLabelsIfPresent(Path file, String name, int rows) throws IOException {
        try (Hdf5Reader r = open(file)) {
            if (!r.datasets().containsKey(name)) {
                return null;
            }
            double[] col = column(r, file, name, rows);
            int[] out = new int[rows];
            for (int i = 0; i < rows; i++) {
                out[i] = (int) col[i];
            }
            return out;
        } catch (Hdf5FormatException e) {
            throw new InputException(file.toString(), e.getMessage(), e);
        }
    }

    private static Hdf5Reader open(Path file) throws IOException {
        try {
            return Hdf5Reader.open(file);
        } catch (IOException | Hdf5FormatException e) {
            throw new InputException(file.toString(), "cannot read HDF5 file: " + e.getMessage(), e);
        }
    }

    private static DatasetInfo matrix(Hdf5Reader r, Path file, String dataset) {
        DatasetInfo d = r.dataset(dataset);
        if (d.shape().length != 2 || !d.dtype().isFloatingPoint()) {
            throw new InputException(file.toString(), "dataset '" + dataset + "' is " + d.dtype() + " "
                    + java.util.Arrays.toString(d.shape()) + "; expected a 2-d float32 or float64 table [rows, width]");
        }
        return d;
    }

    private static void readFloats(Hdf5Reader r, DatasetInfo d, long start, int n, float[] into) {
        if (d.dtype() == DType.FLOAT32) {
            r.read(d.name(), start, n, into, 0);
        } else {
            double[] tmp = new double[n * d.rowSize()];
            r.read(d.name(), start, n, tmp, 0);
            for (int i = 0; i < tmp.length; i++) {
                into[i] = (float) tmp[i];
            }
        }
    }

    private static double[] column(Hdf5Reader r, Path file, String name, int rows) {
        DatasetInfo d = r.dataset(name);
        if (d.rowSize() != 1 || d.shape().length > 2) {
            throw new InputException(file.toString(), "dataset '" + name + "' has shape "
                    + java.util.Arrays.toString(d.shape()) + "; expected one value per row");
        }
        if (d.rows() != rows) {
            throw new InputException(file.toString(), "dataset '" + name + "' has " + d.rows() + " rows, expected "
                    + rows + " (one per latent row)");
        }
        double[] out = new double[rows];
        readColumnRange(r, file, name, 0, rows, out);
        return out;
    }

    /**
     * Streams {@code input} through {@code map}: writes {@code output} with every dataset and attribute of the input
     * plus {@code outputName} (float32 [rows, d]) holding the calibrated {@code dataset}. Memory: one batch of
     * {@value #BATCH} rows per dataset. Nothing is written at {@code output} unless everything succeeds.
     *
     * @return rows calibrated
     */
    public static long apply(CalibrationMap map, Path input, String dataset, List<String> conditions, Path output,
            String outputName) throws IOException {
        return apply(map, input, dataset, conditions, output, outputName, null, null, null);
    }

    /**
     * As {@link #apply(CalibrationMap, Path, String, List, Path, String)}, and when {@code head} is given also
     * writes {@code headNames[0]} (penultimate layer) and {@code headNames[1]} (class scores) recomputed from the
     * calibrated rows; for the input rows of {@code shard} only (null: all rows): every dataset (all must then have
     * the rows of {@code dataset}) is cut to the shard's rows and the output records the shard
     * ({@link Shard#metadata}) for {@code jetbridge merge}.
     *
     * @return rows calibrated
     */
    public static long apply(CalibrationMap map, Path input, String dataset, List<String> conditions, Path output,
            String outputName, LatentHead head, String[] headNames, Shard shard) throws IOException {
        return apply(map, input, dataset, conditions, output, outputName, head, headNames, shard, null, null);
    }

    /**
     * As {@link #apply(CalibrationMap, Path, String, List, Path, String, LatentHead, String[], Shard)}, and when
     * {@code ensemble} is given also writes {@code stdName} (float32 [rows, d], data units): per row and column the
     * standard deviation of the members' calibrated values, streamed batch by batch like the rest.
     */
    public static long apply(CalibrationMap map, Path input, String dataset, List<String> conditions, Path output,
            String outputName, LatentHead head, String[] headNames, Shard shard, MapEnsemble ensemble,
            String stdName) throws IOException {
        if (ensemble != null && (ensemble.isEmpty() || ensemble.members().get(0).dim() != map.dim())) {
            throw new InputException(input.toString(), "the bootstrap ensemble has "
                    + (ensemble.isEmpty() ? "no members" : "width " + ensemble.members().get(0).dim())
                    + ", expected members of width " + map.dim());
        }
        if (head != null && head.latentWidth() != map.dim()) {
            throw new InputException(input.toString(), "the head takes latents of width " + head.latentWidth()
                    + " but the map has width " + map.dim());
        }
        try (Hdf5Reader r = open(input)) {
            DatasetInfo d = matrix(r, input, dataset);
            long from = shard == null ? 0 : shard.first(d.rows());
            long to = shard == null ? d.rows() : shard.end(d.rows());
            if (shard != null) {
                for (DatasetInfo di : r.datasets().values()) {
                    if (di.rows() != d.rows()) {
                        throw new InputException(input.toString(), "dataset '" + di.name() + "' has " + di.rows()
                                + " rows, '" + dataset + "' " + d.rows() + ": --shard needs one row count");
                    }
                }
            }
            if (d.rowSize() != map.dim()) {
                throw new InputException(input.toString(), "dataset '" + dataset + "' has width " + d.rowSize()
                        + " but the map was fitted on width " + map.dim());
            }
            if (conditions.size() != map.conditions()) {
                throw new InputException(input.toString(), "the map needs conditions " + map.conditionNames()
                        + ", got " + conditions);
            }
            List<String> created = new java.util.ArrayList<>(List.of(outputName));
            if (head != null) {
                created.addAll(List.of(headNames[0], headNames[1]));
            }
            if (ensemble != null) {
                created.add(stdName);
            }
            for (String name : created) {
                if (r.datasets().containsKey(name)) {
                    throw new InputException(input.toString(), "already has a dataset '" + name + "'");
                }
            }
            for (String c : conditions) {
                DatasetInfo ci = r.dataset(c);
                if (ci.rows() != d.rows() || ci.rowSize() != 1) {
                    throw new InputException(input.toString(), "condition '" + c + "' has shape "
                            + java.util.Arrays.toString(ci.shape()) + ", expected [" + d.rows() + "]");
                }
            }
            try (Hdf5Writer w = Hdf5Writer.create(output)) {
                w.attributes(r.attributes());
                w.attribute("calibration_map_dataset", dataset);
                if (shard != null) {
                    w.attributes(shard.metadata(d.rows(), "row"));
                }
                Map<String, DatasetInfo> all = r.datasets();
                // the calibrated dataset has as many rows as the largest table; declare it first (written in place)
                DatasetWriter out = w.dataset(outputName, DType.FLOAT32, map.dim());
                out.attribute("calibrated_from", dataset);
                DatasetWriter std = ensemble == null ? null : w.dataset(stdName, DType.FLOAT32, map.dim());
                if (std != null) {
                    std.attribute("calibrated_from", dataset);
                    std.attribute("bootstrap_members", ensemble.size());
                }
                DatasetWriter pen = head == null ? null : w.dataset(headNames[0], DType.FLOAT32, head.penultimateWidth());
                DatasetWriter sco = head == null ? null
                        : w.dataset(headNames[1], DType.FLOAT32, head.classNames().size());
                if (head != null) {
                    pen.attribute("calibrated_from", dataset);
                    sco.attribute("calibrated_from", dataset);
                    sco.attribute("classes", String.join(",", head.classNames()));
                }
                for (DatasetInfo di : all.values()) {
                    DatasetWriter dw = w.dataset(di.name(), di.dtype(), di.rowShape());
                    for (Map.Entry<String, Object> a : r.attributes(di.name()).entrySet()) {
                        dw.attribute(a.getKey(), a.getValue());
                    }
                    for (RowBatch b : r.batches(BATCH, shard == null ? 0 : from, shard == null ? -1 : to,
                            di.name())) {
                        switch (di.dtype()) {
                            case FLOAT32 -> dw.append(b.floats(di.name()), 0, b.rows());
                            case FLOAT64 -> dw.append(b.doubles(di.name()), 0, b.rows());
                            case INT32 -> dw.append(b.ints(di.name()), 0, b.rows());
                            case INT64 -> dw.append(b.longs(di.name()), 0, b.rows());
                            case INT8 -> dw.append(b.bytes(di.name()), 0, b.rows());
                        }
                    }
                }
                int width = map.dim();
                int c = conditions.size();
                float[] x = new float[BATCH * width];
                float[] cond = c > 0 ? new float[BATCH * c] : null;
                float[] y = new float[BATCH * width];
                float[] sy = ensemble == null ? null : new float[BATCH * width];
                float[] p = head == null ? null : new float[BATCH * head.penultimateWidth()];
                float[] q = head == null ? null : new float[BATCH * head.classNames().size()];
                for (long start = from; start < to; start += BATCH) {
                    int n = (int) Math.min(BATCH, to - start);
                    readFloats(r, d, start, n, x);
                    for (int i = 0; i < n * width; i++) {
                        if (!Float.isFinite(x[i])) {
                            throw new InputException(input.toString(), "dataset '" + dataset + "' has a NaN or "
                                    + "infinite value at row " + (start + i / width) + "; remove such rows first");
                        }
                    }
                    for (int k = 0; k < c; k++) {
                        double[] col = new double[n];
                        readColumnRange(r, input, conditions.get(k), start, n, col);
                        for (int i = 0; i < n; i++) {
                            cond[i * c + k] = (float) col[i];
                        }
                    }
                    map.apply(x, cond, y, n);
                    out.append(y, 0, n);
                    if (std != null) {
                        ensemble.std(x, cond, sy, n);
                        std.append(sy, 0, n);
                    }
                    if (head != null) {
                        head.apply(y, n, p, q);
                        pen.append(p, 0, n);
                        sco.append(q, 0, n);
                    }
                }
                w.commit();
            }
            return to - from;
        } catch (Hdf5FormatException e) {
            throw new InputException(input.toString(), e.getMessage(), e);
        }
    }

    /** Rows [start, start + n) of the 1-d column {@code name} (float or integer) as doubles. */
    private static void readColumnRange(Hdf5Reader r, Path file, String name, long start, int n, double[] out) {
        DatasetInfo d = r.dataset(name);
        switch (d.dtype()) {
            case FLOAT64 -> r.read(name, start, n, out, 0);
            case FLOAT32 -> {
                float[] f = new float[n];
                r.read(name, start, n, f, 0);
                for (int i = 0; i < n; i++) {
                    out[i] = f[i];
                }
            }
            case INT32 -> {
                int[] f = new int[n];
                r.read(name, start, n, f, 0);
                for (int i = 0; i < n; i++) {
                    out[i] = f[i];
                }
            }
            case INT64 -> {
                long[] f = new long[n];
                r.read(name, start, n, f, 0);
                for (int i = 0; i < n; i++) {
                    out[i] = f[i];
                }
            }
            case INT8 -> {
                byte[] f = new byte[n];
                r.read(name, start, n, f, 0);
                for (int i = 0; i < n; i++) {
                    out[i] = f[i];
                }
            }
            default -> throw new InputException(file.toString(), "column '" + name + "' must be a float or "
                    + "integer type, got " + d.dtype());
        }
    }
}
