package org.jetbridge.tagger;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.jetbridge.nn.NnRuntime;

/**
 * The tagger's head after the latent, frozen: given (possibly calibrated) 128-d latents it recomputes the 16-d
 * penultimate pre-activations, the logits and the class probabilities (light, c, b) exactly as the full model
 * would. Shares the weights of the {@link TaggerModel} it came from (close the model, not this).
 */
public final class FrozenHead {

    private final TaggerModel model;
    private final int latentLayer;
    private final int penultimateLayer;

    FrozenHead(TaggerModel model) {
        this.model = model;
        this.latentLayer = model.config().latentLayer();
        this.penultimateLayer = model.config().penultimateLayer();
    }

    /** Width of the latents this head accepts (128). */
    public int latentWidth() {
        return model.config().latentWidth();
    }

    /** Width of the penultimate layer (16). */
    public int penultimateWidth() {
        return model.config().penultimateWidth();
    }

    /**
     * Penultimate pre-activations, logits and probabilities of latents [B, latentWidth]; results belong to the
     * latents' manager.
     *
     * @throws IllegalArgumentException when the latent width differs from the model's
     */
    public TaggerModel.Outputs forward(NDArray latents) {
        Shape s = latents.getShape();
        if (s.dimension() != 2 || s.get(1) != latentWidth()) {
            throw new IllegalArgumentException("latents: expected shape [rows, " + latentWidth() + "], got " + s);
        }
        List<NDArray> pre = model.head().forwardFrom(latentLayer, latents);
        return new TaggerModel.Outputs(latents, pre.get(penultimateLayer - latentLayer - 1), pre.get(pre.size() - 1));
    }

    /**
     * Host version: {@code rows} latents (row-major, {@code rows × latentWidth} floats).
     *
     * @param penultimate receives rows × penultimateWidth values
     * @param probabilities receives rows × 3 values (light, c, b)
     */
    public void apply(float[] latents, int rows, float[] penultimate, float[] probabilities) {
        int w = latentWidth();
        if (latents.length < (long) rows * w) {
            throw new IllegalArgumentException("latents: " + latents.length + " values cannot hold " + rows
                    + " rows of width " + w + " (wrong latent width?)");
        }
        if (penultimate.length < rows * penultimateWidth() || probabilities.length < rows * 3) {
            throw new IllegalArgumentException("output arrays too short for " + rows + " rows");
        }
        NnRuntime rt = NnRuntime.start();
        int chunk = 4096;
        float[] part = new float[Math.min(rows, chunk) * w];
        for (int start = 0; start < rows; start += chunk) {
            int n = Math.min(chunk, rows - start);
            try (NDManager m = rt.newManager()) {
                float[] in = n * w == part.length ? part : new float[n * w];
                System.arraycopy(latents, start * w, in, 0, n * w);
                TaggerModel.Outputs o = forward(m.create(in, new Shape(n, w)));
                System.arraycopy(o.penultimate().toFloatArray(), 0, penultimate, start * penultimateWidth(),
                        n * penultimateWidth());
                System.arraycopy(o.probabilities().toFloatArray(), 0, probabilities, start * 3, n * 3);
            }
        }
    }
}
