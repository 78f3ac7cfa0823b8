package org.jetbridge.core.groom;

import org.jetbridge.core.Jet;

/**
 * A jet groomer: removes soft, wide-angle radiation from a jet and reports the splitting it stopped at. All
 * groomers share this interface so that evaluation code can loop over them.
 */
public interface Groomer {

    /** Grooms the jet (its constituents are reclustered as the groomer needs). */
    GroomedJet groom(Jet jet);

    /**
     * Grooms the jet reusing an existing Cambridge/Aachen reclustering of its constituents, so that several
     * groomers and observables on one jet cluster it only once. Groomers that do not use the C/A tree ignore it.
     */
    default GroomedJet groom(Jet jet, CambridgeReclustering reclustered) {
        return groom(jet);
    }

    /** Stable snake_case name, used as the prefix of the groomed observables (e.g. {@code sd_b1_z0p1}). */
    String name();
}
