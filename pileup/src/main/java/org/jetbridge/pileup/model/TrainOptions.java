package org.jetbridge.pileup.model;

/**
 * How a pile-up training run is driven (not part of the model).
 *
 * @param steps optimiser steps
 * @param batchSize jets per step
 * @param learningRate AdamW peak rate (linear warm-up over 5 % of the steps, then constant)
 * @param weightDecay AdamW decoupled weight decay
 * @param clipNorm global gradient-norm clip
 * @param emaDecay weight-EMA decay; the EMA weights are the ones saved for sampling
 * @param validationFraction fraction of the hard-scatter jets held out for validation (the tail of the file)
 * @param validationBatches fixed validation batches evaluated at each validation
 * @param validations validations (and checkpoints) over the run
 * @param warmupJets training examples whose statistics fix the normalisers before the first step
 * @param seed seed of parameters, shuffling, overlay and noise
 * @param noiseDraws (σ, noise) draws per jet in the denoising loss, all on one encoding of the observed cloud
 */
public record TrainOptions(long steps, int batchSize, double learningRate, double weightDecay, double clipNorm,
        double emaDecay, double validationFraction, int validationBatches, int validations, int warmupJets,
        long seed, int noiseDraws) {

    public TrainOptions {
        if (steps < 1 || batchSize < 1 || !(learningRate > 0) || weightDecay < 0 || !(emaDecay >= 0 && emaDecay < 1)
                || !(validationFraction > 0 && validationFraction < 1) || validationBatches < 1 || validations < 1
                || warmupJets < 1 || noiseDraws < 1) {
            throw new IllegalArgumentException("training options: need steps, batch, validation batches, "
                    + "validations, warm-up jets, noise draws >= 1, lr > 0, decay >= 0, EMA in [0, 1), validation fraction in "
                    + "(0, 1); got " + steps + ", " + batchSize + ", " + validationBatches + ", " + validations + ", "
                    + warmupJets + ", " + noiseDraws + ", " + learningRate + ", " + weightDecay + ", " + emaDecay + ", "
                    + validationFraction);
        }
    }

    /**
     * The CPU defaults: AdamW 5e-4 and clip 10 (reference), batch 64, 5 % validation, EMA 0.995. The reference's
     * EMA 0.999 suits its 100k steps; over the few thousand steps of a CPU hour it still carries
     * 0.999^2000 ≈ 14 % of the initial weights (measured: mass resolution 0.27 with the EMA vs 0.08 with the raw
     * weights after 1400 steps).
     */
    public static TrainOptions defaults(long steps) {
        return new TrainOptions(steps, 64, 5e-4, 0.01, 10, 0.995, 0.05, 8, 10, 2000, 1, 1);
    }

    public TrainOptions withEmaDecay(double d) {
        return new TrainOptions(steps, batchSize, learningRate, weightDecay, clipNorm, d, validationFraction,
                validationBatches, validations, warmupJets, seed, noiseDraws);
    }

    public TrainOptions withBatchSize(int b) {
        return new TrainOptions(steps, b, learningRate, weightDecay, clipNorm, emaDecay, validationFraction,
                validationBatches, validations, warmupJets, seed, noiseDraws);
    }

    public TrainOptions withSeed(long s) {
        return new TrainOptions(steps, batchSize, learningRate, weightDecay, clipNorm, emaDecay, validationFraction,
                validationBatches, validations, warmupJets, s, noiseDraws);
    }

    public TrainOptions withLearningRate(double lr) {
        return new TrainOptions(steps, batchSize, lr, weightDecay, clipNorm, emaDecay, validationFraction,
                validationBatches, validations, warmupJets, seed, noiseDraws);
    }

    /** Without weight EMA (short runs, where an average over 1000 steps would still be the initial weights). */
    public TrainOptions withEmaDecay0() {
        return new TrainOptions(steps, batchSize, learningRate, weightDecay, clipNorm, 0, validationFraction,
                validationBatches, validations, warmupJets, seed, noiseDraws);
    }

    public TrainOptions withValidation(int batches, int count) {
        return new TrainOptions(steps, batchSize, learningRate, weightDecay, clipNorm, emaDecay, validationFraction,
                batches, count, warmupJets, seed, noiseDraws);
    }

    public TrainOptions withWarmupJets(int jets) {
        return new TrainOptions(steps, batchSize, learningRate, weightDecay, clipNorm, emaDecay, validationFraction,
                validationBatches, validations, jets, seed, noiseDraws);
    }

    public TrainOptions withNoiseDraws(int k) {
        return new TrainOptions(steps, batchSize, learningRate, weightDecay, clipNorm, emaDecay, validationFraction,
                validationBatches, validations, warmupJets, seed, k);
    }
}
