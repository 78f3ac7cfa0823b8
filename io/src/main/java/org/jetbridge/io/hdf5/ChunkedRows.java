package org.jetbridge.io.hdf5;

import io.jhdf.api.dataset.ChunkedDataset;

/**
 * Copies a block of rows out of a chunked HDF5 dataset, one decompressed chunk at a time. jHDF 0.9.4 decodes single
 * chunks correctly but its own slice read of chunked datasets returns wrong values beyond the first chunk, so the
 * assembly of a row block from chunks is done here.
 */
final class ChunkedRows {
    private ChunkedRows() {
    }

    /**
     * Writes rows {@code [start, start + rows)} of {@code d} (shape {@code dims}, {@code elementSize} bytes per
     * element) row-major into {@code dst} from index 0.
     */
    static void read(ChunkedDataset d, int[] dims, int elementSize, long start, int rows, byte[] dst) {
        int rank = dims.length;
        int[] chunk = new int[rank];
        System.arraycopy(d.getChunkDimensions(), 0, chunk, 0, rank);
        long[] dstStride = new long[rank];
        long[] srcStride = new long[rank];
        dstStride[rank - 1] = elementSize;
        srcStride[rank - 1] = elementSize;
        for (int k = rank - 2; k >= 0; k--) {
            dstStride[k] = dstStride[k + 1] * dims[k + 1];
            srcStride[k] = srcStride[k + 1] * chunk[k + 1];
        }
        long end = start + rows;
        int[] origin = new int[rank];
        for (long c0 = start / chunk[0] * chunk[0]; c0 < end; c0 += chunk[0]) {
            origin[0] = (int) c0;
            for (int k = 1; k < rank; k++) {
                origin[k] = 0;
            }
            while (true) {
                copyChunk(d.getDecompressedChunk(origin.clone()), origin, chunk, dims, start, end, srcStride,
                        dstStride, dst);
                int k = rank - 1;
                while (k >= 1) {
                    origin[k] += chunk[k];
                    if (origin[k] < dims[k]) {
                        break;
                    }
                    origin[k] = 0;
                    k--;
                }
                if (k < 1) {
                    break;
                }
            }
        }
    }

    /** Copies the part of one chunk (at {@code origin}) that lies inside the requested rows, as runs along the last axis. */
    private static void copyChunk(byte[] src, int[] origin, int[] chunk, int[] dims, long start, long end,
                                  long[] srcStride, long[] dstStride, byte[] dst) {
        int rank = dims.length;
        long[] lo = new long[rank];
        long[] hi = new long[rank];
        lo[0] = Math.max(start, origin[0]);
        hi[0] = Math.min(end, (long) origin[0] + chunk[0]);
        for (int k = 1; k < rank; k++) {
            lo[k] = origin[k];
            hi[k] = Math.min(dims[k], (long) origin[k] + chunk[k]);
        }
        int last = rank - 1;
        int run = (int) ((hi[last] - lo[last]) * dstStride[last]);
        if (run <= 0) {
            return;
        }
        long[] idx = lo.clone();
        while (true) {
            long s = 0;
            long t = (idx[0] - start) * dstStride[0];
            s += (idx[0] - origin[0]) * srcStride[0];
            for (int k = 1; k < rank; k++) {
                s += (idx[k] - origin[k]) * srcStride[k];
                t += idx[k] * dstStride[k];
            }
            if (rank == 1) {
                System.arraycopy(src, (int) s, dst, (int) t, run);
                return;
            }
            System.arraycopy(src, (int) s, dst, (int) t, run);
            int k = last - 1;
            while (k >= 0) {
                idx[k]++;
                if (idx[k] < hi[k]) {
                    break;
                }
                idx[k] = lo[k];
                k--;
            }
            if (k < 0) {
                return;
            }
        }
    }
}
