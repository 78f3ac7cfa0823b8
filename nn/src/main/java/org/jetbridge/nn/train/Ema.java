package org.jetbridge.nn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jetbridge.nn.HostArray;
import org.jetbridge.nn.ParameterStore;

/** Exponential moving average of the parameters, e ← d·e + (1 − d)·p after each step, starting from p. */
public final class Ema implements AutoCloseable {

    private final ParameterStore params;
    private final double decay;
    private final NDManager manager;
    private final List<NDArray> shadow = new ArrayList<>();

    public Ema(ParameterStore params, double decay) {
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("EMA decay: expected in (0, 1), got " + decay);
        }
        this.params = params;
        this.decay = decay;
        this.manager = params.manager().newSubManager();
        for (ParameterStore.Parameter p : params.parameters()) {
            NDArray copy = p.array().duplicate();
            copy.attach(manager);
            copy.setRequiresGradient(false);
            shadow.add(copy);
        }
    }

    public double decay() {
        return decay;
    }

    public void update(NDManager scratch) {
        List<ParameterStore.Parameter> ps = params.parameters();
        for (int i = 0; i < ps.size(); i++) {
            NDArray delta = ps.get(i).array().mul((float) (1 - decay));
            delta.attach(scratch);
            shadow.get(i).muli((float) decay).addi(delta);
        }
    }

    /** Exchanges the parameters' values with the averages (call twice to restore). */
    public void swap() {
        List<ParameterStore.Parameter> ps = params.parameters();
        for (int i = 0; i < ps.size(); i++) {
            NDArray p = ps.get(i).array();
            java.nio.ByteBuffer live = p.toByteBuffer();
            p.set(shadow.get(i).toByteBuffer());
            shadow.get(i).set(live);
        }
    }

    /** Averages by parameter name. */
    public Map<String, HostArray> state() {
        Map<String, HostArray> out = new LinkedHashMap<>();
        List<String> names = params.names();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), HostArray.of(shadow.get(i)));
        }
        return out;
    }

    public void load(Map<String, HostArray> state, String source) {
        List<String> names = params.names();
        for (int i = 0; i < names.size(); i++) {
            HostArray a = AdamW.require(state, names.get(i), shadow.get(i), source + " (EMA)");
            shadow.get(i).set(a.toNDArray(manager).toByteBuffer());
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
