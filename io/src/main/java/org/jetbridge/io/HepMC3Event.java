package org.jetbridge.io;

import org.jetbridge.core.Event;

/**
 * One HepMC3 event as jetbridge keeps it: the event number and weights from the file, the final-state (status 1)
 * particles as an {@link Event} (GeV, with PDG id and charge; vertex {@link org.jetbridge.core.Particle#HARD_SCATTER}),
 * and for each of those particles its HepMC particle id, its parent field and its production position (x, y, z, ct
 * in mm).
 */
public final class HepMC3Event {
    private final long number;
    private final Event event;
    private final double[] weights;
    private final int[] particleIds;
    private final int[] parents;
    private final double[] positions;

    HepMC3Event(long number, Event event, double[] weights, int[] particleIds, int[] parents, double[] positions) {
        if (particleIds.length != event.size() || parents.length != event.size()
                || positions.length != 4 * event.size()) {
            throw new IllegalArgumentException("one id, one parent and four coordinates per particle");
        }
        this.parents = parents;
        this.number = number;
        this.event = event;
        this.weights = weights;
        this.particleIds = particleIds;
        this.positions = positions;
    }

    /** The event number of the E line. */
    public long number() {
        return number;
    }

    /** The final-state particles, in file order. */
    public Event event() {
        return event;
    }

    /** The event weights of the W line (empty when there is none). */
    public double[] weights() {
        return weights.clone();
    }

    /** The HepMC id (P line) of final-state particle i. */
    public int particleId(int i) {
        return particleIds[i];
    }

    /**
     * The parent field of particle i's P line, as HepMC3 writes it: the (negative) id of its production vertex, the
     * (positive) id of its only parent particle when that vertex is implicit, or 0 when it has no production vertex.
     */
    public int parent(int i) {
        return parents[i];
    }

    /** Production point of final-state particle i, x in mm. */
    public double x(int i) {
        return positions[4 * i];
    }

    public double y(int i) {
        return positions[4 * i + 1];
    }

    public double z(int i) {
        return positions[4 * i + 2];
    }

    /** Production time of particle i as c·t in mm. */
    public double ct(int i) {
        return positions[4 * i + 3];
    }

    /** Transverse distance of particle i's production point from the beam line, in mm. */
    public double transverseDisplacement(int i) {
        return Math.hypot(x(i), y(i));
    }
}
