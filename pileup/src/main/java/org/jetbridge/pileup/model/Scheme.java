package org.jetbridge.pileup.model;

import ai.djl.ndarray.NDArray;
import java.util.Locale;

/**
 * A generative scheme: how a clean example is corrupted for training and what the network regresses, and how
 * samples are integrated from noise. The network is F(input, c_noise) with input and output shaped like the data
 * and c_noise one value per example; the scheme owns every scaling around it.
 */
public interface Scheme {

    /** The network as the scheme calls it: input [B, ...] and c_noise [B] → raw output shaped like the input. */
    @FunctionalInterface
    interface Network {
        NDArray apply(NDArray input, NDArray cNoise);
    }

    /**
     * One corrupted training batch.
     *
     * @param input what the network sees
     * @param cNoise its noise-level conditioning [B]
     * @param target what its raw output should equal (loss = mean squared error over real slots)
     */
    record Corrupted(NDArray input, NDArray cNoise, NDArray target) {}

    String name();

    /**
     * Corrupts clean data {@code x0} [B, ...] with Gaussian noise {@code noise} (same shape) at a per-example level
     * derived from the standard-normal draws {@code z} [B].
     */
    Corrupted corrupt(NDArray x0, NDArray noise, NDArray z);

    /** Integrates from {@code noise} (standard normal, shaped like the data) to a sample in {@code steps} steps. */
    NDArray sample(Network f, NDArray noise, int steps);

    /** Network evaluations of {@link #sample} with {@code steps} steps. */
    int evaluations(int steps);

    /** "edm" or "flow". */
    static Scheme of(String name) {
        if (name == null) {
            throw new IllegalArgumentException("scheme: expected 'edm' or 'flow', got null");
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "edm" -> new EdmScheme();
            case "flow", "rf" -> new FlowScheme();
            default -> throw new IllegalArgumentException("scheme: expected 'edm' or 'flow', got '" + name + "'");
        };
    }

    /** {@code x} [B, ...] times per-example factors {@code s} [B] (no gradient flows through s). */
    static NDArray perExample(NDArray x, NDArray s) {
        long[] shape = new long[x.getShape().dimension()];
        java.util.Arrays.fill(shape, 1);
        shape[0] = x.getShape().get(0);
        return x.mul(s.reshape(shape));
    }
}
