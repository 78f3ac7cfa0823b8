package org.jetbridge.core.substructure;

import org.jetbridge.core.Jet;

/**
 * A number computed from one jet (unit documented by each observable; GeV for dimensionful ones), with a stable
 * snake_case name used as a column name in every output. See {@link Observables} for the standard set.
 */
public interface Observable {

    /** Stable snake_case name, e.g. {@code tau21} or {@code sd_b1_z0p1_mass}. */
    String name();

    /** Value on a prepared jet; reuses the context's cached reclusterings. */
    double value(JetContext ctx);

    /** Value on a jet (builds a fresh context; prefer {@link #value(JetContext)} for several observables). */
    default double value(Jet jet) {
        return value(JetContext.of(jet));
    }
}
