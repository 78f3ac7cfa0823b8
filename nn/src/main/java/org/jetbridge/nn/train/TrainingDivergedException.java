package org.jetbridge.nn.train;

/** Thrown when the loss (or gradient norm) stops being finite; checkpoints written before stay untouched. */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final long step;

    public TrainingDivergedException(long step, String what) {
        super("training diverged at step " + step + ": " + what + "; the last good checkpoint was kept");
        this.step = step;
    }

    /** The 0-based step whose loss was not finite. */
    public long step() {
        return step;
    }
}
