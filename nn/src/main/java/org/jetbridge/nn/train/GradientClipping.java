package org.jetbridge.nn.train;

import ai.djl.ndarray.NDArray;
import java.util.List;

/** Clipping by the global L2 norm of all gradients, as PyTorch's {@code clip_grad_norm_}. */
public final class GradientClipping {

    private GradientClipping() {}

    /**
     * Returns the global norm √Σ‖g‖² before clipping and, when {@code maxNorm > 0} and the norm exceeds it, scales
     * every gradient in place by maxNorm / (norm + 1e-6). One host synchronisation.
     */
    public static double clipGlobalNorm(List<NDArray> grads, double maxNorm) {
        NDArray total = null;
        for (NDArray g : grads) {
            NDArray s = g.square().sum();
            total = total == null ? s : total.addi(s);
        }
        if (total == null) {
            return 0;
        }
        double norm = Math.sqrt(total.getFloat());
        if (maxNorm > 0 && norm > maxNorm) {
            float coef = (float) (maxNorm / (norm + 1e-6));
            for (NDArray g : grads) {
                g.muli(coef);
            }
        }
        return norm;
    }
}
