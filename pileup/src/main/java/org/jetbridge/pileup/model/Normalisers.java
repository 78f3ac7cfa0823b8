package org.jetbridge.pileup.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jetbridge.nn.HostArray;

/**
 * The three input normalisers of the pile-up networks — observed constituents, jet context, hard-scatter target —
 * fitted on warm-up examples and saved with the model ({@code extra/norm.observed} etc.).
 */
public record Normalisers(Normaliser observed, Normaliser context, Normaliser hardScatter) {
    static final String OBSERVED = "norm.observed";
    static final String CONTEXT = "norm.context";
    static final String HARD_SCATTER = "norm.hard_scatter";

    /** Fresh normalisers that freeze after {@code jets} jets' worth of rows (≈ 40 constituents per jet). */
    public static Normalisers warmingUp(long jets) {
        return new Normalisers(new Normaliser(JetFeatures.PARTICLE, jets * 100),
                new Normaliser(JetFeatures.CONTEXT, jets), new Normaliser(JetFeatures.PARTICLE, jets * 40));
    }

    /** Feeds one training example. */
    public void observe(EncodedJet j) {
        observed.observe(j.observed(), j.nObserved());
        context.observe(j.context(), 1);
        if (j.hardScatter() != null) {
            hardScatter.observe(j.hardScatter(), j.nHardScatter());
        }
    }

    /** Freezes all three (those whose warm-up count was not reached freeze on what they saw). */
    public Normalisers freeze() {
        observed.freeze();
        context.freeze();
        hardScatter.freeze();
        return this;
    }

    public Map<String, HostArray> toArrays() {
        Map<String, HostArray> m = new LinkedHashMap<>();
        m.put(OBSERVED, observed.toArray());
        m.put(CONTEXT, context.toArray());
        m.put(HARD_SCATTER, hardScatter.toArray());
        return m;
    }

    /** Reads {@link #toArrays()} back; {@code source} names the file in errors. */
    public static Normalisers fromArrays(Map<String, HostArray> m, String source) {
        for (String k : new String[] {OBSERVED, CONTEXT, HARD_SCATTER}) {
            if (!m.containsKey(k)) {
                throw new IllegalArgumentException(source + ": normaliser '" + k + "' missing; found " + m.keySet());
            }
        }
        return new Normalisers(Normaliser.fromArray(m.get(OBSERVED), source + " " + OBSERVED),
                Normaliser.fromArray(m.get(CONTEXT), source + " " + CONTEXT),
                Normaliser.fromArray(m.get(HARD_SCATTER), source + " " + HARD_SCATTER));
    }
}
