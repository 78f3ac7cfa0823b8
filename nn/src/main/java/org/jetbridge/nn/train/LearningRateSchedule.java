package org.jetbridge.nn.train;

/**
 * Learning rate per optimiser step: linear warm-up from peak/warmup to peak over {@code warmup} steps, then
 * constant or a cosine decay to {@code minFraction·peak} at step {@code total}.
 *
 * @param kind COSINE or CONSTANT after warm-up
 * @param peak peak learning rate (> 0)
 * @param warmup warm-up steps (≥ 0)
 * @param total total steps (> warmup for COSINE)
 * @param minFraction final rate as a fraction of the peak for COSINE, in [0, 1]
 */
public record LearningRateSchedule(Kind kind, double peak, long warmup, long total, double minFraction) {

    /** Shape after warm-up. */
    public enum Kind { COSINE, CONSTANT }

    public LearningRateSchedule {
        if (kind == null || !(peak > 0) || warmup < 0 || total < 1 || !(minFraction >= 0 && minFraction <= 1)
                || (kind == Kind.COSINE && total <= warmup)) {
            throw new IllegalArgumentException("learning-rate schedule: need kind, peak > 0, warmup >= 0, "
                    + "total > warmup, minFraction in [0, 1]; got " + kind + ", " + peak + ", " + warmup + ", "
                    + total + ", " + minFraction);
        }
    }

    /** Rate for the 0-based step {@code step}. */
    public double at(long step) {
        if (step < warmup) {
            return peak * (step + 1) / warmup;
        }
        if (kind == Kind.CONSTANT) {
            return peak;
        }
        double progress = Math.min(1.0, (double) (step - warmup) / (total - warmup));
        return peak * (minFraction + (1 - minFraction) * 0.5 * (1 + Math.cos(Math.PI * progress)));
    }
}
