package org.jetbridge.nn.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * Mini-batches by position: batch {@code index} of epoch {@code epoch} must be the same arrays every time it is
 * asked for (shuffle with a generator seeded from the epoch), which is what makes resumed training identical to an
 * uninterrupted one. Implementations stream from files; arrays are created on {@code manager} (per step).
 */
public interface BatchSource {

    /** Batches per epoch (≥ 1). */
    long batchesPerEpoch();

    /** Batch {@code index} ∈ [0, batchesPerEpoch) of epoch {@code epoch}; the model's loss decides the layout. */
    NDList batch(long epoch, long index, NDManager manager);
}
