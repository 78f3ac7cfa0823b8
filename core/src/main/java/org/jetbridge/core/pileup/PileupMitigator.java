package org.jetbridge.core.pileup;

import java.util.List;
import org.jetbridge.core.Jet;
import org.jetbridge.core.JetDefinition;
import org.jetbridge.core.Particle;

/**
 * A rule-based pile-up mitigation method (SoftKiller, CHS, PUPPI, area-median subtraction, …): given one event's
 * particles (with charge and vertex) and a jet definition, it returns the corrected jets, each with its
 * four-momentum (GeV) and constituents, so that evaluation code treats particle-level and jet-level methods
 * alike. Implementations are immutable and thread-safe.
 */
public interface PileupMitigator {

    /** A short name for reports, with the parameters that distinguish it (e.g. "SoftKiller(0.4)"). */
    String name();

    /**
     * The event's corrected inclusive jets with corrected pT ≥ ptMin (GeV), by decreasing pT. Particle-level
     * methods cluster the corrected particles; jet-level methods correct each jet of the uncorrected event.
     */
    List<Jet> jets(List<Particle> event, JetDefinition definition, double ptMin);

    /** The identity: no mitigation (the "observed" baseline). */
    static ParticleMitigator none() {
        return new ParticleMitigator() {
            @Override
            public String name() {
                return "None";
            }

            @Override
            public List<Particle> apply(List<Particle> event) {
                return List.copyOf(event);
            }
        };
    }
}
