package org.jetbridge.calib;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import java.util.ArrayList;
import java.util.List;
import org.jetbridge.nn.ParameterStore;
import org.jetbridge.nn.Scalars;

/**
 * A (partially) input-convex neural network ψ(x | ω), convex in x ∈ R^d for every condition ω ∈ R^c, and its exact
 * input gradient ∇ₓψ (the Brenier transport map) computed by hand-written backpropagation as ordinary forward
 * operations, so that training through ∇ₓψ needs only first-order autograd (native double backward leaks, see
 * ml-runtime.md). Units are those of its (standardised) inputs.
 *
 * <p>Layers (Amos et al. 2017, Makkuva et al. 2020): u₀ = (x A₀) ⊙ γ₀(ω) + b₀ + β₀(ω), z₁ = ½u₀² (any convex
 * function of an affine map is allowed on the first layer; the square makes quadratics, i.e. Gaussian maps, exactly
 * representable); for k ≥ 1, u_k = z_k W_k + (x A_k) ⊙ γ_k(ω) + b_k + β_k(ω), z_{k+1} = softplus(u_k) (convex,
 * non-decreasing) with W_k = softplus(V_k)/width ≥ 0; h(x) = z_L · softplus(v)/width + z₁ · softplus(v')/width (the
 * second, a non-negative skip from the quadratic layer, keeps a pure quadratic reachable at any depth). The identity
 * warm start is ψ = (s₀/2)‖x‖² + s₁ h(x) + ⟨ℓ, x⟩, s₀ = softplus(ρ₀) (init 1), s₁ = softplus(ρ₁) (init 0.5), ℓ = 0
 * (a linear term is convex and makes translations direct). The condition path
 * c = tanh(ω U + e) is unconstrained; it adds β_k = c B_k and scales the x-terms by γ_k = 1 + c G_k, both affine in x
 * for fixed ω, so convexity in x is kept. Without conditions (c = 0) this is a plain ICNN.
 */
public final class ConvexPotential {

    /**
     * Shape of a potential.
     *
     * @param dim input dimension d
     * @param conditions number of condition columns c (0: plain ICNN)
     * @param width hidden width of the convex path
     * @param depth number of hidden layers (≥ 1)
     * @param conditionWidth hidden width of the condition path (ignored when conditions = 0)
     */
    public record Shape(int dim, int conditions, int width, int depth, int conditionWidth) {
        public Shape {
            if (dim < 1 || conditions < 0 || width < 1 || depth < 1 || (conditions > 0 && conditionWidth < 1)) {
                throw new IllegalArgumentException("potential shape: need dim >= 1, conditions >= 0, width >= 1, "
                        + "depth >= 1, conditionWidth >= 1 with conditions; got " + dim + ", " + conditions + ", "
                        + width + ", " + depth + ", " + conditionWidth);
            }
        }
    }

    /** ψ per row [B] and ∇ₓψ [B, d], both on the manager of the input x. */
    public record Evaluation(NDArray value, NDArray gradient) {}

    private static final float S0_INIT = (float) Math.log(Math.E - 1); // softplus⁻¹(1)
    private static final float S1_INIT = (float) Math.log(Math.exp(0.5) - 1); // softplus⁻¹(0.5)
    /** Input weights start small so that ∇h ≪ x and the warm start is close to the identity. */
    private static final double INPUT_SCALE = 0.1;

    private final Shape shape;
    private final String prefix;
    private final NDArray[] a;
    private final NDArray[] b;
    private final NDArray[] v; // v[0] unused
    private final NDArray vOut;
    private final NDArray vSkip;
    private final NDArray linear;
    private final NDArray rho0;
    private final NDArray rho1;
    private final NDArray condU;
    private final NDArray condE;
    private final NDArray[] condB;
    private final NDArray[] condG;

    /** Creates the parameters {@code prefix.*} of a potential of the given shape in {@code store}. */
    public ConvexPotential(ParameterStore store, String prefix, Shape shape) {
        this.shape = shape;
        this.prefix = prefix;
        int d = shape.dim();
        int h = shape.width();
        int layers = shape.depth();
        a = new NDArray[layers];
        b = new NDArray[layers];
        v = new NDArray[layers];
        condB = new NDArray[layers];
        condG = new NDArray[layers];
        for (int k = 0; k < layers; k++) {
            a[k] = store.uniform(prefix + ".a" + k, INPUT_SCALE / Math.sqrt(d), true, d, h);
            b[k] = store.uniform(prefix + ".b" + k, INPUT_SCALE, false, h);
            if (k > 0) {
                // softplus(V) ≈ 0.7 at V ≈ 0: W = softplus(V)/width averages the previous layer
                v[k] = store.uniform(prefix + ".v" + k, 0.5, true, h, h);
            }
        }
        vOut = store.uniform(prefix + ".vout", 0.5, false, h);
        vSkip = layers > 1 ? store.uniform(prefix + ".vskip", 0.5, false, h) : null;
        linear = store.constant(prefix + ".lin", 0f, false, d);
        rho0 = store.constant(prefix + ".rho0", S0_INIT, false, 1);
        rho1 = store.constant(prefix + ".rho1", S1_INIT, false, 1);
        if (shape.conditions() > 0) {
            int c = shape.conditions();
            int cw = shape.conditionWidth();
            condU = store.uniform(prefix + ".cu", 1 / Math.sqrt(c), true, c, cw);
            condE = store.uniform(prefix + ".ce", 1 / Math.sqrt(c), false, cw);
            for (int k = 0; k < layers; k++) {
                condB[k] = store.uniform(prefix + ".cb" + k, INPUT_SCALE / Math.sqrt(cw), true, cw, h);
                condG[k] = store.uniform(prefix + ".cg" + k, INPUT_SCALE / Math.sqrt(cw), true, cw, h);
            }
        } else {
            condU = null;
            condE = null;
        }
    }

    public Shape shape() {
        return shape;
    }

    public String prefix() {
        return prefix;
    }

    /** ψ(x | ω) per row; x [B, d], ω [B, c] or null without conditions. */
    public NDArray value(NDArray x, NDArray omega) {
        return evaluate(x, omega, true, false).value();
    }

    /** The transport map ∇ₓψ(x | ω) [B, d]. */
    public NDArray gradient(NDArray x, NDArray omega) {
        return evaluate(x, omega, false, true).gradient();
    }

    /**
     * ψ and/or ∇ₓψ from one forward pass. Every intermediate belongs to x's manager (parameters enter only as second
     * operands, or are re-attached), so a per-step sub-manager frees them all.
     */
    public Evaluation evaluate(NDArray x, NDArray omega, boolean wantValue, boolean wantGradient) {
        checkInputs(x, omega);
        NDManager m = x.getManager();
        int layers = shape.depth();
        float invWidth = 1f / shape.width();
        NDArray c = null;
        if (shape.conditions() > 0) {
            c = omega.matMul(condU).add(condE).tanh();
        }
        NDArray[] gate = new NDArray[layers];
        NDArray[] slope = new NDArray[layers]; // dz_{k+1}/du_k
        NDArray[] w = new NDArray[layers];
        NDArray z = null;
        NDArray first = null;
        for (int k = 0; k < layers; k++) {
            NDArray xa = x.matMul(a[k]);
            NDArray u;
            if (c != null) {
                gate[k] = c.matMul(condG[k]).add(1f);
                u = xa.mul(gate[k]).add(b[k]).add(c.matMul(condB[k]));
            } else {
                u = xa.add(b[k]);
            }
            if (k == 0) {
                slope[k] = u;
                z = Scalars.times(u.square(), 0.5f);
                first = z;
            } else {
                w[k] = Scalars.times(owned(Activation.softPlus(v[k]), m), invWidth);
                u = u.add(z.matMul(w[k]));
                slope[k] = Activation.sigmoid(u);
                z = Activation.softPlus(u);
            }
        }
        NDArray outWeight = Scalars.times(owned(Activation.softPlus(vOut), m), invWidth);
        NDArray s0 = owned(Activation.softPlus(rho0), m);
        NDArray s1 = owned(Activation.softPlus(rho1), m);
        NDArray skipWeight = layers > 1 ? Scalars.times(owned(Activation.softPlus(vSkip), m), invWidth) : null;
        NDArray value = null;
        if (wantValue) {
            NDArray h = z.matMul(outWeight.reshape(shape.width(), 1)).reshape(-1);
            if (skipWeight != null) {
                h = h.add(first.matMul(skipWeight.reshape(shape.width(), 1)).reshape(-1));
            }
            value = Scalars.times(x.square().sum(new int[] {1}).mul(s0), 0.5f).add(h.mul(s1))
                    .add(x.matMul(linear.reshape(shape.dim(), 1)).reshape(-1));
        }
        NDArray grad = null;
        if (wantGradient) {
            // dψ/dz_L = s1·outWeight for every row; then back through each layer by the chain rule
            NDArray gz = outWeight.mul(s1).reshape(1, shape.width());
            grad = x.mul(s0).add(linear);
            for (int k = layers - 1; k >= 0; k--) {
                NDArray gu = slope[k].mul(gz);
                NDArray gx = gate[k] == null ? gu : gu.mul(gate[k]);
                grad = grad.add(gx.matMul(owned(a[k].transpose(), m)));
                if (k > 0) {
                    gz = gu.matMul(w[k].transpose());
                    if (k == 1) {
                        gz = gz.add(skipWeight.mul(s1));
                    }
                }
            }
        }
        return new Evaluation(value, grad);
    }

    private void checkInputs(NDArray x, NDArray omega) {
        if (x.getShape().dimension() != 2 || x.getShape().get(1) != shape.dim()) {
            throw new IllegalArgumentException(prefix + ": input expected [rows, " + shape.dim() + "], got "
                    + x.getShape());
        }
        if (shape.conditions() > 0) {
            if (omega == null || omega.getShape().dimension() != 2 || omega.getShape().get(1) != shape.conditions()
                    || omega.getShape().get(0) != x.getShape().get(0)) {
                throw new IllegalArgumentException(prefix + ": conditions expected [" + x.getShape().get(0) + ", "
                        + shape.conditions() + "], got " + (omega == null ? "none" : omega.getShape()));
            }
        } else if (omega != null) {
            throw new IllegalArgumentException(prefix + ": this potential takes no conditions, got "
                    + omega.getShape());
        }
    }

    /** Moves an array computed from a parameter (owned by the long-lived parameter manager) to the step's manager. */
    private static NDArray owned(NDArray a, NDManager m) {
        a.attach(m);
        return a;
    }

    /** The parameter arrays of this potential (for tests and diagnostics). */
    List<NDArray> parameters() {
        List<NDArray> out = new ArrayList<>();
        for (int k = 0; k < shape.depth(); k++) {
            out.add(a[k]);
            out.add(b[k]);
            if (k > 0) {
                out.add(v[k]);
            }
        }
        out.add(vOut);
        if (vSkip != null) {
            out.add(vSkip);
        }
        out.add(linear);
        out.add(rho0);
        out.add(rho1);
        return out;
    }
}
