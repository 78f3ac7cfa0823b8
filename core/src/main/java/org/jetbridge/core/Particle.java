package org.jetbridge.core;

/**
 * A particle of an event: its four-momentum (GeV), PDG-like id (0 when unknown), electric charge in units of
 * e, and the index of the interaction it came from ({@link #HARD_SCATTER} = 0 for the hard scatter, 1, 2, …
 * for pile-up interactions, {@link #UNKNOWN_VERTEX} when not known). Charged-particle pile-up methods (CHS,
 * PUPPI) read the vertex of charged particles only, as a detector would.
 */
public record Particle(FourMomentum momentum, int pdgId, int charge, int vertex) {
    public static final int HARD_SCATTER = 0;
    public static final int UNKNOWN_VERTEX = -1;

    /** A particle known only by its four-momentum. */
    public static Particle of(FourMomentum p) {
        return new Particle(p, 0, 0, UNKNOWN_VERTEX);
    }

    public boolean isCharged() {
        return charge != 0;
    }

    public boolean isPileup() {
        return vertex > HARD_SCATTER;
    }

    public Particle withMomentum(FourMomentum p) {
        return new Particle(p, pdgId, charge, vertex);
    }
}
