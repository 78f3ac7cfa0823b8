package org.jetbridge.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The trainable arrays of one model, by unique name in creation order, all owned by one long-lived manager that this
 * store closes. Initial values come from a Java generator seeded per store, so they do not depend on libtorch's RNG
 * or thread count.
 */
public final class ParameterStore implements AutoCloseable {

    /** One named parameter; {@code decay} says whether AdamW's weight decay applies (matrices yes, biases/norms no). */
    public record Parameter(String name, NDArray array, boolean decay) {}

    private final NDManager manager;
    private final SplittableRandom random;
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();

    /** A store whose parameters live on a new manager of {@code runtime}'s device, initialised from {@code seed}. */
    public ParameterStore(NnRuntime runtime, long seed) {
        this.manager = runtime.newManager();
        this.random = new SplittableRandom(seed);
    }

    public NDManager manager() {
        return manager;
    }

    /** Parameter names in creation order. */
    public List<String> names() {
        return List.copyOf(parameters.keySet());
    }

    public List<Parameter> parameters() {
        return Collections.unmodifiableList(new ArrayList<>(parameters.values()));
    }

    /** The parameter called {@code name}; errors name the missing parameter. */
    public NDArray get(String name) {
        Parameter p = parameters.get(name);
        if (p == null) {
            throw new IllegalArgumentException("parameter '" + name + "' not in this model; it has " + names());
        }
        return p.array();
    }

    /** Total number of scalar parameters. */
    public long count() {
        long n = 0;
        for (Parameter p : parameters.values()) {
            n += p.array().size();
        }
        return n;
    }

    /** A parameter drawn uniformly from (−bound, bound), the PyTorch default for linear layers with bound 1/√fanIn. */
    public NDArray uniform(String name, double bound, boolean decay, long... shape) {
        float[] v = new float[(int) new Shape(shape).size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((2 * random.nextDouble() - 1) * bound);
        }
        return add(name, v, decay, shape);
    }

    /** A parameter drawn from N(0, std²) truncated at ±2 std (used for tokens). */
    public NDArray truncatedNormal(String name, double std, boolean decay, long... shape) {
        float[] v = new float[(int) new Shape(shape).size()];
        for (int i = 0; i < v.length; i++) {
            double z;
            do {
                z = gaussian();
            } while (Math.abs(z) > 2);
            v[i] = (float) (z * std);
        }
        return add(name, v, decay, shape);
    }

    /** A parameter filled with {@code value}. */
    public NDArray constant(String name, float value, boolean decay, long... shape) {
        float[] v = new float[(int) new Shape(shape).size()];
        java.util.Arrays.fill(v, value);
        return add(name, v, decay, shape);
    }

    private double gaussian() {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    private NDArray add(String name, float[] values, boolean decay, long... shape) {
        if (parameters.containsKey(name)) {
            throw new IllegalArgumentException("parameter '" + name + "' defined twice");
        }
        NDArray a = manager.create(values, new Shape(shape));
        a.setName(name);
        a.setRequiresGradient(true);
        parameters.put(name, new Parameter(name, a, decay));
        return a;
    }

    /** Host copies of every parameter, by name. */
    public Map<String, HostArray> snapshot() {
        Map<String, HostArray> out = new LinkedHashMap<>();
        for (Parameter p : parameters.values()) {
            out.put(p.name(), HostArray.of(p.array()));
        }
        return out;
    }

    /**
     * Overwrites every parameter in place from {@code values}; names and shapes must match exactly.
     *
     * @param source names the origin of the values in error messages (a file, a checkpoint)
     */
    public void load(Map<String, HostArray> values, String source) {
        for (String name : values.keySet()) {
            if (!parameters.containsKey(name)) {
                throw new IllegalArgumentException(source + ": parameter '" + name + "' is not in this model");
            }
        }
        for (Parameter p : parameters.values()) {
            HostArray v = values.get(p.name());
            if (v == null) {
                throw new IllegalArgumentException(source + ": parameter '" + p.name() + "' missing");
            }
            if (!p.array().getShape().equals(new Shape(v.shape())) || v.type() != p.array().getDataType()) {
                throw new IllegalArgumentException(source + ": parameter '" + p.name() + "' expected "
                        + p.array().getDataType() + " " + p.array().getShape() + ", got " + v);
            }
            try (NDManager tmp = manager.newSubManager()) {
                p.array().set(v.toNDArray(tmp).toByteBuffer());
            }
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
