package org.jetbridge.core.pileup;

import java.util.ArrayList;
import java.util.List;
import org.jetbridge.core.ClusterSequence;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Jet;
import org.jetbridge.core.JetDefinition;
import org.jetbridge.core.Particle;

/**
 * A pile-up mitigation that works on particles: it removes particles and/or rescales their momenta (GeV), and its
 * jets are those of the corrected event, whose constituents are the corrected momenta.
 */
public interface ParticleMitigator extends PileupMitigator {

    /** The corrected event: kept particles in input order, momenta possibly rescaled; never modifies the input. */
    List<Particle> apply(List<Particle> event);

    @Override
    default List<Jet> jets(List<Particle> event, JetDefinition definition, double ptMin) {
        List<Particle> kept = apply(event);
        List<FourMomentum> momenta = new ArrayList<>(kept.size());
        for (Particle p : kept) {
            momenta.add(p.momentum());
        }
        return new ClusterSequence(momenta, definition).inclusiveJets(ptMin);
    }
}
