package org.jetbridge.pileup.eval;

import java.util.List;

/**
 * Settings of one method that differ in a single numeric parameter, e.g. the posterior sampler at several ODE step
 * counts: reported as quality (resolution, and coverage for posteriors) against that parameter, one curve per μ.
 * Only the {@code shown} members are also drawn against μ with the other methods.
 *
 * @param key metrics key and file-name stem (e.g. "sampler_steps")
 * @param axis axis label of the parameter
 * @param values the parameter of each member, ascending
 * @param members the method names, in the order of {@code values}
 * @param shown members drawn on their own in the per-μ plots and tables
 */
public record MethodScan(String key, String axis, double[] values, List<String> members, List<String> shown) {
    public MethodScan {
        values = values.clone();
        members = List.copyOf(members);
        shown = List.copyOf(shown);
        if (members.isEmpty() || values.length != members.size()) {
            throw new IllegalArgumentException("scan " + key + ": need one value per member, got " + values.length
                    + " values for " + members.size() + " members");
        }
        for (int i = 1; i < values.length; i++) {
            if (!(values[i] > values[i - 1])) {
                throw new IllegalArgumentException("scan " + key + ": values must ascend, got " + values[i - 1]
                        + " then " + values[i]);
            }
        }
        if (!members.containsAll(shown)) {
            throw new IllegalArgumentException("scan " + key + ": shown settings must be members, got " + shown);
        }
    }

    @Override
    public double[] values() {
        return values.clone();
    }
}
