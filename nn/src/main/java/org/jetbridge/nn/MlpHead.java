package org.jetbridge.nn;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A GELU multilayer perceptron widths[0] → widths[1] → … → widths[L] (no activation after the last layer) that
 * exposes every layer's pre-activation, and can be resumed from any layer (a frozen head applied to edited
 * latents).
 */
public final class MlpHead {

    private final int[] widths;
    private final List<Linear> layers = new ArrayList<>();

    public MlpHead(ParameterStore store, String prefix, int... widths) {
        if (widths.length < 2) {
            throw new IllegalArgumentException(prefix + ": need at least input and output width, got "
                    + Arrays.toString(widths));
        }
        this.widths = widths.clone();
        for (int i = 0; i + 1 < widths.length; i++) {
            layers.add(new Linear(store, prefix + "." + i, widths[i], widths[i + 1]));
        }
    }

    /** Number of linear layers. */
    public int depth() {
        return layers.size();
    }

    /** Output width of layer {@code layer} (0-based), e.g. 128 for the tagger's latent layer. */
    public int width(int layer) {
        return widths[layer + 1];
    }

    /** x [..., widths[0]] → output [..., widths[L]]. */
    public NDArray forward(NDArray x) {
        return forwardFrom(-1, x).get(depth() - 1);
    }

    /** Pre-activations of every layer: element i is layer i's affine output; the last element is the output. */
    public List<NDArray> preActivations(NDArray x) {
        return forwardFrom(-1, x);
    }

    /**
     * Continues from the pre-activation of layer {@code layer} (−1: from the input) and returns the pre-activations
     * of layers layer+1 … L−1 in order.
     */
    public List<NDArray> forwardFrom(int layer, NDArray preActivation) {
        if (layer < -1 || layer >= depth()) {
            throw new IllegalArgumentException("layer: expected -1.." + (depth() - 1) + ", got " + layer);
        }
        long width = preActivation.getShape().get(preActivation.getShape().dimension() - 1);
        int expected = layer < 0 ? widths[0] : widths[layer + 1];
        if (width != expected) {
            throw new IllegalArgumentException("input of layer " + (layer + 1) + ": expected width " + expected
                    + ", got " + width);
        }
        List<NDArray> out = new ArrayList<>();
        NDArray h = layer < 0 ? preActivation : Activations.gelu(preActivation);
        for (int i = layer + 1; i < depth(); i++) {
            NDArray z = layers.get(i).forward(h);
            out.add(z);
            if (i + 1 < depth()) {
                h = Activations.gelu(z);
            }
        }
        return out;
    }
}
