package org.jetbridge.io.hdf5;

import java.util.Arrays;

/**
 * Name, element type and shape of a dataset in a file. The leading dimension counts rows; the rest is the shape
 * of one row (empty for one value per row).
 */
public record DatasetInfo(String name, DType dtype, long[] shape) {
    public DatasetInfo {
        if (shape.length == 0) {
            throw new IllegalArgumentException("dataset '" + name + "' is a scalar; expected at least one dimension");
        }
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public long rows() {
        return shape[0];
    }

    /** Shape of one row. */
    public int[] rowShape() {
        int[] r = new int[shape.length - 1];
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.toIntExact(shape[i + 1]);
        }
        return r;
    }

    /** Number of values in one row. */
    public int rowSize() {
        long n = 1;
        for (int i = 1; i < shape.length; i++) {
            n *= shape[i];
        }
        return Math.toIntExact(n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatasetInfo d && d.name.equals(name) && d.dtype == dtype && Arrays.equals(d.shape, shape);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + " " + dtype + " " + Arrays.toString(shape);
    }
}
