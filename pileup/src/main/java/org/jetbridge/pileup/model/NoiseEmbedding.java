package org.jetbridge.pileup.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.jetbridge.nn.Activations;
import org.jetbridge.nn.Linear;
import org.jetbridge.nn.ParameterStore;

/**
 * Embedding of the noise level c_noise: sin and cos of 2π·f_k·c_noise for log-spaced f_k ∈ [1/4, 16] (not e^k,
 * whose high frequencies alias over c_noise's range), then a two-layer GELU MLP to the condition width.
 */
final class NoiseEmbedding {
    static final double F_MIN = 0.25;
    static final double F_MAX = 16;

    private final float[] frequencies;
    private final Linear first;
    private final Linear second;

    NoiseEmbedding(ParameterStore store, String prefix, int count, int width) {
        frequencies = new float[count];
        for (int k = 0; k < count; k++) {
            double f = count == 1 ? F_MIN : F_MIN * Math.pow(F_MAX / F_MIN, (double) k / (count - 1));
            frequencies[k] = (float) (2 * Math.PI * f);
        }
        first = new Linear(store, prefix + ".0", 2 * count, width);
        second = new Linear(store, prefix + ".1", width, width);
    }

    /** c_noise [B] → [B, width]. */
    NDArray forward(NDArray cNoise) {
        NDManager m = cNoise.getManager();
        NDArray f = m.create(frequencies, new Shape(1, frequencies.length));
        NDArray arg = cNoise.reshape(-1, 1).matMul(f);
        NDArray feats = arg.sin().concat(arg.cos(), 1);
        return second.forward(Activations.gelu(first.forward(feats)));
    }
}
