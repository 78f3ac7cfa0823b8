package org.jetbridge.core.pileup;

import java.util.ArrayList;
import java.util.List;
import org.jetbridge.core.Particle;

/**
 * Charged-hadron subtraction (CHS): removes every charged particle assigned to a pile-up vertex (vertex &gt; 0);
 * keeps neutral particles, charged particles of the hard-scatter vertex and charged particles of unknown vertex.
 */
public final class ChargedHadronSubtraction implements ParticleMitigator {

    @Override
    public String name() {
        return "CHS";
    }

    @Override
    public List<Particle> apply(List<Particle> event) {
        List<Particle> kept = new ArrayList<>(event.size());
        for (Particle p : event) {
            if (!(p.isCharged() && p.isPileup())) {
                kept.add(p);
            }
        }
        return kept;
    }
}
