package org.jetbridge.nn.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mini-batches from float32 columns held in memory (row-major, same number of rows each), reshuffled every epoch
 * by a permutation that depends only on (seed, epoch); the last incomplete batch of an epoch is dropped.
 */
public final class InMemoryBatchSource implements BatchSource {

    /**
     * One input or target column.
     *
     * @param values rows × prod(rowShape) floats, row-major
     * @param rowShape shape of one row (empty for scalars)
     */
    public record Column(float[] values, long... rowShape) {
        int rowSize() {
            return (int) new Shape(rowShape).size();
        }
    }

    private final List<Column> columns;
    private final int rows;
    private final int batchSize;
    private final long seed;
    private int[] permutation;
    private long permutationEpoch = -1;

    public InMemoryBatchSource(List<Column> columns, int batchSize, long seed) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("columns: need at least one");
        }
        int n = -1;
        for (int c = 0; c < columns.size(); c++) {
            Column col = columns.get(c);
            int rs = col.rowSize();
            if (rs < 1 || col.values().length % rs != 0) {
                throw new IllegalArgumentException("column " + c + ": " + col.values().length
                        + " values do not fill rows of shape " + Arrays.toString(col.rowShape()));
            }
            int r = col.values().length / rs;
            if (n >= 0 && r != n) {
                throw new IllegalArgumentException("column " + c + ": " + r + " rows, column 0 has " + n);
            }
            n = r;
        }
        if (batchSize < 1 || batchSize > n) {
            throw new IllegalArgumentException("batch size: expected 1.." + n + " (rows), got " + batchSize);
        }
        this.columns = List.copyOf(columns);
        this.rows = n;
        this.batchSize = batchSize;
        this.seed = seed;
    }

    @Override
    public long batchesPerEpoch() {
        return rows / batchSize;
    }

    /** Row indices of batch {@code index} in epoch {@code epoch}. */
    public synchronized int[] rows(long epoch, long index) {
        if (index < 0 || index >= batchesPerEpoch()) {
            throw new IllegalArgumentException("batch index: expected 0.." + (batchesPerEpoch() - 1) + ", got " + index);
        }
        if (permutationEpoch != epoch) {
            permutation = Shuffle.permutation(rows, new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (epoch + 1))));
            permutationEpoch = epoch;
        }
        return Arrays.copyOfRange(permutation, (int) index * batchSize, (int) (index + 1) * batchSize);
    }

    @Override
    public NDList batch(long epoch, long index, NDManager manager) {
        int[] idx = rows(epoch, index);
        NDList out = new NDList();
        for (Column col : columns) {
            int rs = col.rowSize();
            float[] b = new float[idx.length * rs];
            for (int i = 0; i < idx.length; i++) {
                System.arraycopy(col.values(), idx[i] * rs, b, i * rs, rs);
            }
            long[] shape = new long[col.rowShape().length + 1];
            shape[0] = idx.length;
            System.arraycopy(col.rowShape(), 0, shape, 1, col.rowShape().length);
            out.add(manager.create(b, new Shape(shape)));
        }
        return out;
    }

    /** Number of rows. */
    public int size() {
        return rows;
    }

}
