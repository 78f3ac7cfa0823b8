package org.jetbridge.tagger;

/**
 * How to train a tagger (besides its shape, {@link TaggerConfig}): optimiser steps (or, when steps is 0, epochs
 * over the training file), batch size, peak learning rate (AdamW, 5 % linear warm-up then cosine decay to 1 %),
 * weight decay, gradient-norm clip, EMA decay, seed, how many training jets fit the normalisation, how many
 * validation jets are scored, and how often.
 *
 * @param steps optimiser steps; 0 means {@code epochs × (training jets / batchSize)}
 * @param epochs passes over the training file when steps is 0 (&gt; 0)
 * @param batchSize jets per step
 * @param learningRate peak AdamW learning rate
 * @param weightDecay decoupled weight decay on matrices
 * @param clipNorm global gradient-norm limit
 * @param emaDecay weight EMA decay (0 = off); validation and the exported model use the averaged weights
 * @param seed seed of the weights, the shuffling and the per-step generators
 * @param normalisationJets leading training jets used to fit the normalisation
 * @param validationJets leading validation jets scored at each validation
 * @param validations number of validations (and best-checkpoint candidates) over the run
 */
public record TrainingOptions(long steps, double epochs, int batchSize, double learningRate, double weightDecay,
        double clipNorm, double emaDecay, long seed, int normalisationJets, int validationJets, int validations) {

    public TrainingOptions {
        if (steps < 0 || (steps == 0 && !(epochs > 0)) || batchSize < 1 || !(learningRate > 0)
                || !(weightDecay >= 0) || !(clipNorm >= 0) || !(emaDecay >= 0 && emaDecay < 1)
                || normalisationJets < 1 || validationJets < 1 || validations < 1) {
            throw new IllegalArgumentException("training options: need steps >= 0 (or epochs > 0), batch size >= 1, "
                    + "learning rate > 0, weight decay >= 0, clip >= 0, EMA decay in [0, 1), normalisation jets, "
                    + "validation jets and validations >= 1; got " + java.util.Arrays.toString(new Object[] {steps,
                        epochs, batchSize, learningRate, weightDecay, clipNorm, emaDecay, normalisationJets,
                        validationJets, validations}));
        }
    }

    /**
     * Defaults: 1.5 epochs, batch 256, learning rate 1e-3, weight decay 0.01, clip 1, EMA 0.995 (a horizon of
     * 200 steps, short against a run of ~1000 steps so the average forgets the initial weights), seed 42, 50 000
     * jets for the normalisation, 10 000 validation jets, 10 validations. With the default model this trains
     * 200k jets in about 20 minutes on 2 shared cores.
     */
    public static TrainingOptions defaults() {
        return new TrainingOptions(0, 1.5, 256, 1e-3, 0.01, 1.0, 0.995, 42, 50_000, 10_000, 10);
    }

    public TrainingOptions withSteps(long s) {
        return new TrainingOptions(s, epochs, batchSize, learningRate, weightDecay, clipNorm, emaDecay, seed,
                normalisationJets, validationJets, validations);
    }

    public TrainingOptions withEpochs(double e) {
        return new TrainingOptions(0, e, batchSize, learningRate, weightDecay, clipNorm, emaDecay, seed,
                normalisationJets, validationJets, validations);
    }

    public TrainingOptions withBatchSize(int b) {
        return new TrainingOptions(steps, epochs, b, learningRate, weightDecay, clipNorm, emaDecay, seed,
                normalisationJets, validationJets, validations);
    }

    public TrainingOptions withLearningRate(double lr) {
        return new TrainingOptions(steps, epochs, batchSize, lr, weightDecay, clipNorm, emaDecay, seed,
                normalisationJets, validationJets, validations);
    }

    public TrainingOptions withEmaDecay(double d) {
        return new TrainingOptions(steps, epochs, batchSize, learningRate, weightDecay, clipNorm, d, seed,
                normalisationJets, validationJets, validations);
    }

    public TrainingOptions withSeed(long s) {
        return new TrainingOptions(steps, epochs, batchSize, learningRate, weightDecay, clipNorm, emaDecay, s,
                normalisationJets, validationJets, validations);
    }

    public TrainingOptions withValidation(int jets, int count) {
        return new TrainingOptions(steps, epochs, batchSize, learningRate, weightDecay, clipNorm, emaDecay, seed,
                normalisationJets, jets, count);
    }

    public TrainingOptions withNormalisationJets(int jets) {
        return new TrainingOptions(steps, epochs, batchSize, learningRate, weightDecay, clipNorm, emaDecay, seed,
                jets, validationJets, validations);
    }
}
