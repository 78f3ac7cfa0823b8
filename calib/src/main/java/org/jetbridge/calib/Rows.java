package org.jetbridge.calib;

import java.util.Arrays;

/**
 * An in-memory table of {@code rows × cols} float values, row-major (one latent vector or one set of conditions per
 * row), in the units of the data it holds.
 *
 * @param values row-major values, length rows·cols
 * @param rows number of rows
 * @param cols number of columns
 */
public record Rows(float[] values, int rows, int cols) {

    public Rows {
        if (rows < 0 || cols < 1 || values == null || (long) rows * cols != values.length) {
            throw new IllegalArgumentException("rows: expected " + rows + " × " + cols + " values, got "
                    + (values == null ? "null" : values.length));
        }
    }

    /** Value at (row, col). */
    public float get(int row, int col) {
        return values[row * cols + col];
    }

    /** Column {@code col} as doubles. */
    public double[] column(int col) {
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = values[i * cols + col];
        }
        return out;
    }

    /** Rows [from, to) as a new table. */
    public Rows slice(int from, int to) {
        return new Rows(Arrays.copyOfRange(values, from * cols, to * cols), to - from, cols);
    }

    /** The rows whose indices are listed, in that order. */
    public Rows select(int[] indices) {
        float[] out = new float[indices.length * cols];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(values, indices[i] * cols, out, i * cols, cols);
        }
        return new Rows(out, indices.length, cols);
    }

    /** Rows as double[row][col] (for plots and small matrices). */
    public double[][] toDoubles() {
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[i][j] = values[i * cols + j];
            }
        }
        return out;
    }

    /** Index of the first row holding a NaN or infinity, or −1. */
    public int firstNonFinite() {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                return i / cols;
            }
        }
        return -1;
    }

    /** Number of rows holding a NaN or infinity. */
    public int nonFiniteRows() {
        int n = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (!Float.isFinite(values[i * cols + j])) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }
}
