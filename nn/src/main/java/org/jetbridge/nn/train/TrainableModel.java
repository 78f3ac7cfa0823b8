package org.jetbridge.nn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import org.jetbridge.nn.ParameterStore;

/** A model the {@link Trainer} can fit: its parameters and a scalar loss on one batch. */
public interface TrainableModel {

    ParameterStore parameters();

    /** Scalar loss of {@code batch}; every parameter must take part (its gradient is read). */
    NDArray loss(NDList batch);
}
