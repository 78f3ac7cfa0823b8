package org.jetbridge.nn.train;

/**
 * Outcome of {@link Trainer#fit}.
 *
 * @param steps optimiser steps completed (including those before a resume)
 * @param lastLoss training loss of the last step
 * @param bestMetric best validation metric (NaN without validation)
 * @param bestStep step of the best metric (−1 without validation)
 * @param stoppedEarly whether early stopping ended the run
 * @param interrupted whether the stop request ended the run before {@code steps}
 */
public record TrainingResult(long steps, double lastLoss, double bestMetric, long bestStep, boolean stoppedEarly,
        boolean interrupted) {}
