package org.jetbridge.calib;

/**
 * Everything that determines an optimal-transport fit (seed included); written into checkpoints and the saved map,
 * so resuming with a different configuration is refused. Learning rates act on standardised inputs.
 *
 * @param width hidden width of both potentials
 * @param depth hidden layers of both potentials
 * @param conditionWidth hidden width of the condition path (used only with conditions)
 * @param steps optimiser rounds (joint mode: one update of both potentials; alternating: gSteps + fSteps updates)
 * @param batch rows per side per update
 * @param learningRate peak AdamW learning rate of g
 * @param fLearningRateScale f's learning rate relative to g's (two time scales: f slower than g approximates the
 *     inner maximisation over g that the minimax theory assumes)
 * @param minLearningRate final learning rate of the cosine decay
 * @param warmup warm-up rounds
 * @param beta1 AdamW β₁
 * @param beta2 AdamW β₂
 * @param weightDecay AdamW decoupled weight decay (matrices only)
 * @param clipNorm global gradient-norm limit per potential (≤ 0: none)
 * @param mode JOINT (one backward pass, gradient reversal into f's input) or ALTERNATING
 * @param gSteps g-updates per round in ALTERNATING mode
 * @param fSteps f-updates per round in ALTERNATING mode
 * @param divergenceLimit |f-loss| above this (standardised units) counts as diverged
 * @param checkpointEvery rounds between checkpoints
 * @param logEvery rounds between progress lines
 * @param seed seed of initialisation and batch sampling
 * @param emaDecay decay of the exponential moving average of g's parameters that becomes the saved map (0: none);
 *     averaging the iterates damps the rotation of simultaneous minimax updates around the saddle point
 */
public record OtConfig(int width, int depth, int conditionWidth, long steps, int batch, double learningRate, double fLearningRateScale,
        double minLearningRate, long warmup, double beta1, double beta2, double weightDecay, double clipNorm,
        Mode mode, int gSteps, int fSteps, double divergenceLimit, int checkpointEvery, int logEvery, long seed, double emaDecay) {

    /** How the two players are updated. */
    public enum Mode { JOINT, ALTERNATING }

    public OtConfig {
        if (width < 1 || depth < 1 || conditionWidth < 1 || steps < 1 || batch < 2 || !(learningRate > 0) || !(fLearningRateScale > 0)
                || !(minLearningRate >= 0 && minLearningRate <= learningRate) || warmup < 0 || warmup >= steps
                || mode == null || gSteps < 1 || fSteps < 1 || !(divergenceLimit > 0) || checkpointEvery < 1
                || logEvery < 1 || !(emaDecay >= 0 && emaDecay < 1)) {
            throw new IllegalArgumentException("ot config: need width, depth, conditionWidth, steps >= 1, batch >= 2, "
                    + "learningRate > 0, 0 <= minLearningRate <= learningRate, 0 <= warmup < steps, gSteps, fSteps "
                    + ">= 1, divergenceLimit > 0, checkpointEvery, logEvery >= 1; got " + this);
        }
    }

    /**
     * Defaults sized for two CPU cores (the reference GPU setting is width 2048, batch 1024, lr 5e-4 → 5e-6:
     * {@code defaults().withWidth(2048).withSteps(...)}): width 128, depth 2, batch 512, 3000 joint rounds,
     * lr 1e-3 → 1e-5 cosine after 100 warm-up rounds, β = (0.9, 0.99), λ = 1e-4, clip 10.
     */
    public static OtConfig defaults() {
        return new OtConfig(128, 2, 32, 3000, 512, 1e-3, 1.0, 1e-5, 100, 0.9, 0.99, 1e-4, 10, Mode.JOINT, 10, 4, 1e4,
                500, 100, 42, 0.99);
    }

    public OtConfig withWidth(int w) {
        return new OtConfig(w, depth, conditionWidth, steps, batch, learningRate, fLearningRateScale, minLearningRate, warmup, beta1,
                beta2, weightDecay, clipNorm, mode, gSteps, fSteps, divergenceLimit, checkpointEvery, logEvery, seed, emaDecay);
    }

    public OtConfig withDepth(int d) {
        return new OtConfig(width, d, conditionWidth, steps, batch, learningRate, fLearningRateScale, minLearningRate, warmup, beta1,
                beta2, weightDecay, clipNorm, mode, gSteps, fSteps, divergenceLimit, checkpointEvery, logEvery, seed, emaDecay);
    }

    /** Steps, with warm-up kept at ≤ 1/10 of them and checkpoints every ≤ 1/5. */
    public OtConfig withSteps(long s) {
        return new OtConfig(width, depth, conditionWidth, s, batch, learningRate, fLearningRateScale, minLearningRate,
                Math.min(warmup, s / 10), beta1, beta2, weightDecay, clipNorm, mode, gSteps, fSteps, divergenceLimit,
                (int) Math.max(1, Math.min(checkpointEvery, s / 5)), (int) Math.max(1, Math.min(logEvery, s / 10)),
                seed, emaDecay);
    }

    public OtConfig withBatch(int b) {
        return new OtConfig(width, depth, conditionWidth, steps, b, learningRate, fLearningRateScale, minLearningRate, warmup, beta1,
                beta2, weightDecay, clipNorm, mode, gSteps, fSteps, divergenceLimit, checkpointEvery, logEvery, seed, emaDecay);
    }

    public OtConfig withLearningRate(double peak, double end) {
        return new OtConfig(width, depth, conditionWidth, steps, batch, peak, fLearningRateScale, end, warmup, beta1, beta2,
                weightDecay, clipNorm, mode, gSteps, fSteps, divergenceLimit, checkpointEvery, logEvery, seed, emaDecay);
    }

    public OtConfig withFLearningRateScale(double scale) {
        return new OtConfig(width, depth, conditionWidth, steps, batch, learningRate, scale, minLearningRate, warmup,
                beta1, beta2, weightDecay, clipNorm, mode, gSteps, fSteps, divergenceLimit, checkpointEvery, logEvery,
                seed, emaDecay);
    }

    public OtConfig withEmaDecay(double decay) {
        return new OtConfig(width, depth, conditionWidth, steps, batch, learningRate, fLearningRateScale,
                minLearningRate, warmup, beta1, beta2, weightDecay, clipNorm, mode, gSteps, fSteps, divergenceLimit,
                checkpointEvery, logEvery, seed, decay);
    }

    public OtConfig withMode(Mode m, int g, int f) {
        return new OtConfig(width, depth, conditionWidth, steps, batch, learningRate, fLearningRateScale, minLearningRate, warmup, beta1,
                beta2, weightDecay, clipNorm, m, g, f, divergenceLimit, checkpointEvery, logEvery, seed, emaDecay);
    }

    public OtConfig withDivergenceLimit(double limit) {
        return new OtConfig(width, depth, conditionWidth, steps, batch, learningRate, fLearningRateScale, minLearningRate, warmup, beta1,
                beta2, weightDecay, clipNorm, mode, gSteps, fSteps, limit, checkpointEvery, logEvery, seed, emaDecay);
    }

    public OtConfig withCheckpointEvery(int every) {
        return new OtConfig(width, depth, conditionWidth, steps, batch, learningRate, fLearningRateScale, minLearningRate, warmup, beta1,
                beta2, weightDecay, clipNorm, mode, gSteps, fSteps, divergenceLimit, every, logEvery, seed, emaDecay);
    }

    public OtConfig withSeed(long s) {
        return new OtConfig(width, depth, conditionWidth, steps, batch, learningRate, fLearningRateScale, minLearningRate, warmup, beta1,
                beta2, weightDecay, clipNorm, mode, gSteps, fSteps, divergenceLimit, checkpointEvery, logEvery, s, emaDecay);
    }

    /** The learning-rate schedule over rounds, from nn's training kit. */
    org.jetbridge.nn.train.LearningRateSchedule schedule() {
        return new org.jetbridge.nn.train.LearningRateSchedule(
                org.jetbridge.nn.train.LearningRateSchedule.Kind.COSINE, learningRate, warmup, steps,
                minLearningRate / learningRate);
    }
}
