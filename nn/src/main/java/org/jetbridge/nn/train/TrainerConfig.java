package org.jetbridge.nn.train;

/**
 * Everything that determines a training run (seed included); written into checkpoints so that resuming with a
 * different configuration is refused.
 *
 * @param steps total optimiser steps
 * @param schedule learning-rate schedule (its total must equal steps)
 * @param beta1 AdamW first-moment decay
 * @param beta2 AdamW second-moment decay
 * @param epsilon AdamW ε
 * @param weightDecay decoupled weight decay λ (applied to matrices only)
 * @param clipNorm global gradient-norm limit; ≤ 0 disables clipping
 * @param emaDecay EMA decay in (0, 1); 0 disables the EMA
 * @param validateEvery steps between validations (and at the end); 0 disables validation
 * @param patience validations without improvement before early stopping; 0 disables early stopping
 * @param checkpointEvery steps between "last" checkpoints (and at the end)
 * @param logEvery steps between log lines when not on a terminal
 * @param seed seed of the per-step torch/DJL generators
 */
public record TrainerConfig(long steps, LearningRateSchedule schedule, double beta1, double beta2, double epsilon,
        double weightDecay, double clipNorm, double emaDecay, int validateEvery, int patience, int checkpointEvery,
        int logEvery, long seed) {

    public TrainerConfig {
        if (steps < 1 || schedule == null || schedule.total() != steps) {
            throw new IllegalArgumentException("trainer config: steps must be >= 1 and equal the schedule's total; got "
                    + steps + " vs " + (schedule == null ? null : schedule.total()));
        }
        if (!(emaDecay == 0 || (emaDecay > 0 && emaDecay < 1)) || validateEvery < 0 || patience < 0
                || checkpointEvery < 1 || logEvery < 1) {
            throw new IllegalArgumentException("trainer config: need emaDecay 0 or in (0, 1), validateEvery >= 0, "
                    + "patience >= 0, checkpointEvery >= 1, logEvery >= 1; got " + emaDecay + ", " + validateEvery
                    + ", " + patience + ", " + checkpointEvery + ", " + logEvery);
        }
    }

    /**
     * Defaults for {@code steps} steps: peak 1e-3 with 5 % warm-up and cosine decay to 1 %, β = (0.9, 0.999),
     * ε = 1e-8, λ = 0.01, clip at 1, EMA 0.999, validation and checkpoints every 10 % of the run, patience 5.
     */
    public static TrainerConfig defaults(long steps) {
        long tenth = Math.max(1, steps / 10);
        return new TrainerConfig(steps, new LearningRateSchedule(LearningRateSchedule.Kind.COSINE, 1e-3,
                steps / 20, steps, 0.01), 0.9, 0.999, 1e-8, 0.01, 1.0, 0.999, (int) tenth, 5, (int) tenth,
                (int) Math.max(1, steps / 100), 42);
    }

    public TrainerConfig withSchedule(LearningRateSchedule s) {
        return new TrainerConfig(steps, s, beta1, beta2, epsilon, weightDecay, clipNorm, emaDecay, validateEvery,
                patience, checkpointEvery, logEvery, seed);
    }

    public TrainerConfig withOptimizer(double b1, double b2, double eps, double decay) {
        return new TrainerConfig(steps, schedule, b1, b2, eps, decay, clipNorm, emaDecay, validateEvery,
                patience, checkpointEvery, logEvery, seed);
    }

    public TrainerConfig withClipNorm(double c) {
        return new TrainerConfig(steps, schedule, beta1, beta2, epsilon, weightDecay, c, emaDecay, validateEvery,
                patience, checkpointEvery, logEvery, seed);
    }

    public TrainerConfig withEmaDecay(double d) {
        return new TrainerConfig(steps, schedule, beta1, beta2, epsilon, weightDecay, clipNorm, d, validateEvery,
                patience, checkpointEvery, logEvery, seed);
    }

    public TrainerConfig withValidation(int every, int newPatience) {
        return new TrainerConfig(steps, schedule, beta1, beta2, epsilon, weightDecay, clipNorm, emaDecay, every,
                newPatience, checkpointEvery, logEvery, seed);
    }

    public TrainerConfig withCheckpointEvery(int every) {
        return new TrainerConfig(steps, schedule, beta1, beta2, epsilon, weightDecay, clipNorm, emaDecay,
                validateEvery, patience, every, logEvery, seed);
    }

    public TrainerConfig withLogEvery(int every) {
        return new TrainerConfig(steps, schedule, beta1, beta2, epsilon, weightDecay, clipNorm, emaDecay,
                validateEvery, patience, checkpointEvery, every, seed);
    }

    public TrainerConfig withSeed(long s) {
        return new TrainerConfig(steps, schedule, beta1, beta2, epsilon, weightDecay, clipNorm, emaDecay,
                validateEvery, patience, checkpointEvery, logEvery, s);
    }
}
