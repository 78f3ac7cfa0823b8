package org.jetbridge.nn.train;

/**
 * Evaluates the model (with EMA weights swapped in when EMA is on) and returns a metric where lower is better,
 * e.g. validation loss. Runs outside gradient recording; use a sub-manager for arrays.
 */
@FunctionalInterface
public interface ValidationHook {

    double evaluate(TrainableModel model, long step);
}
