package org.jetbridge.io.hdf5;

import java.util.Map;

/**
 * One batch of consecutive rows read from several datasets of equal length. The arrays are flat row-major and
 * reused by the next batch: only the first {@code rows() * rowSize} values of each are valid, and a caller that
 * keeps data beyond the current batch must copy it.
 */
public final class RowBatch {
    private final String file;
    private final Map<String, Object> arrays;
    private final Map<String, DatasetInfo> infos;
    long startRow;
    int rows;

    RowBatch(String file, Map<String, Object> arrays, Map<String, DatasetInfo> infos) {
        this.file = file;
        this.arrays = arrays;
        this.infos = infos;
    }

    /** Index in the file of this batch's first row. */
    public long startRow() {
        return startRow;
    }

    /** Rows in this batch (the last batch may be short). */
    public int rows() {
        return rows;
    }

    public float[] floats(String dataset) {
        return (float[]) array(dataset, DType.FLOAT32);
    }

    public double[] doubles(String dataset) {
        return (double[]) array(dataset, DType.FLOAT64);
    }

    public int[] ints(String dataset) {
        return (int[]) array(dataset, DType.INT32);
    }

    public long[] longs(String dataset) {
        return (long[]) array(dataset, DType.INT64);
    }

    public byte[] bytes(String dataset) {
        return (byte[]) array(dataset, DType.INT8);
    }

    private Object array(String dataset, DType expected) {
        DatasetInfo info = infos.get(dataset);
        if (info == null) {
            throw new IllegalArgumentException(file + ": dataset '" + dataset + "' is not part of this batch "
                    + infos.keySet());
        }
        if (info.dtype() != expected) {
            throw new IllegalArgumentException(file + ": dataset '" + dataset + "' has dtype " + info.dtype()
                    + ", requested as " + expected);
        }
        return arrays.get(dataset);
    }
}
