package org.jetbridge.nn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jetbridge.nn.HostArray;
import org.jetbridge.nn.ParameterStore;

/**
 * AdamW (Loshchilov &amp; Hutter) with PyTorch's update order: p ← p·(1 − lr·λ) for decayed parameters, then
 * p ← p − lr/(1−β₁ᵗ) · m / (√v/√(1−β₂ᵗ) + ε). Moments live on their own manager, updated in place.
 */
public final class AdamW implements AutoCloseable {

    private final ParameterStore params;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final NDManager manager;
    private final List<NDArray> m = new ArrayList<>();
    private final List<NDArray> v = new ArrayList<>();
    private long t;

    public AdamW(ParameterStore params, double beta1, double beta2, double epsilon, double weightDecay) {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("AdamW: need beta1, beta2 in [0, 1), epsilon > 0, weightDecay >= 0; got "
                    + beta1 + ", " + beta2 + ", " + epsilon + ", " + weightDecay);
        }
        this.params = params;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
        this.manager = params.manager().newSubManager();
        for (ParameterStore.Parameter p : params.parameters()) {
            m.add(manager.zeros(p.array().getShape(), p.array().getDataType()));
            v.add(manager.zeros(p.array().getShape(), p.array().getDataType()));
        }
    }

    /** Number of updates taken so far. */
    public long steps() {
        return t;
    }

    /**
     * One update with gradients in parameter order; temporaries go to {@code scratch}.
     *
     * @param lr learning rate of this step
     */
    public void update(List<NDArray> grads, double lr, NDManager scratch) {
        List<ParameterStore.Parameter> ps = params.parameters();
        if (grads.size() != ps.size()) {
            throw new IllegalArgumentException("grads: expected " + ps.size() + " arrays, got " + grads.size());
        }
        t++;
        double bc1 = 1 - Math.pow(beta1, t);
        double sqrtBc2 = Math.sqrt(1 - Math.pow(beta2, t));
        for (int i = 0; i < ps.size(); i++) {
            ParameterStore.Parameter p = ps.get(i);
            NDArray g = grads.get(i);
            NDArray w = p.array();
            if (p.decay() && weightDecay > 0) {
                w.muli((float) (1 - lr * weightDecay));
            }
            // Temporaries are rooted in g (scratch) or attached to scratch: ops on m, v, w would land on
            // long-lived managers and leak every step.
            m.get(i).muli((float) beta1).addi(g.mul((float) (1 - beta1)));
            v.get(i).muli((float) beta2).addi(g.square().muli((float) (1 - beta2)));
            NDArray denom = v.get(i).sqrt();
            denom.attach(scratch);
            denom.divi((float) sqrtBc2).addi((float) epsilon);
            NDArray step = m.get(i).div(denom);
            step.attach(scratch);
            w.subi(step.muli((float) (lr / bc1)));
        }
    }

    /** Moments and step count as host arrays ({@code m/NAME}, {@code v/NAME}, {@code t}). */
    public Map<String, HostArray> state() {
        Map<String, HostArray> out = new LinkedHashMap<>();
        List<String> names = params.names();
        for (int i = 0; i < names.size(); i++) {
            out.put("m/" + names.get(i), HostArray.of(m.get(i)));
            out.put("v/" + names.get(i), HostArray.of(v.get(i)));
        }
        out.put("t", HostArray.ofLongs(new long[] {t}, 1));
        return out;
    }

    /** Restores {@link #state()}; {@code source} names the origin in errors. */
    public void load(Map<String, HostArray> state, String source) {
        List<String> names = params.names();
        for (int i = 0; i < names.size(); i++) {
            m.get(i).set(require(state, "m/" + names.get(i), m.get(i), source).toNDArray(manager).toByteBuffer());
            v.get(i).set(require(state, "v/" + names.get(i), v.get(i), source).toNDArray(manager).toByteBuffer());
        }
        HostArray steps = state.get("t");
        if (steps == null) {
            throw new IllegalArgumentException(source + ": optimiser step count 't' missing");
        }
        t = steps.toLongs()[0];
    }

    static HostArray require(Map<String, HostArray> state, String name, NDArray like, String source) {
        HostArray a = state.get(name);
        if (a == null) {
            throw new IllegalArgumentException(source + ": '" + name + "' missing");
        }
        if (!like.getShape().equals(new ai.djl.ndarray.types.Shape(a.shape()))) {
            throw new IllegalArgumentException(source + ": '" + name + "' expected shape " + like.getShape()
                    + ", got " + a);
        }
        return a;
    }

    @Override
    public void close() {
        manager.close();
    }
}
