package org.jetbridge.core;

import java.util.ArrayList;
import java.util.List;

/** One collision event: its particles (hard scatter and any pile-up, see {@link Particle#vertex()}). */
public record Event(List<Particle> particles) {
    public Event {
        particles = List.copyOf(particles);
    }

    /** An event of particles known only by their four-momenta. */
    public static Event ofMomenta(List<FourMomentum> momenta) {
        List<Particle> ps = new ArrayList<>(momenta.size());
        for (FourMomentum p : momenta) {
            ps.add(Particle.of(p));
        }
        return new Event(ps);
    }

    public int size() {
        return particles.size();
    }

    public List<FourMomentum> momenta() {
        List<FourMomentum> out = new ArrayList<>(particles.size());
        for (Particle p : particles) {
            out.add(p.momentum());
        }
        return out;
    }
}
