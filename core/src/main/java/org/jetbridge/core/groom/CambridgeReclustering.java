package org.jetbridge.core.groom;

import java.util.List;
import org.jetbridge.core.ClusterSequence;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Jet;
import org.jetbridge.core.JetDefinition;

/**
 * A jet's constituents reclustered with Cambridge/Aachen (E-scheme, R = {@link JetDefinition#MAX_RADIUS}) into
 * one angular-ordered binary tree, whose {@link #root()} can be declustered with {@link Jet#parents()}.
 * Momenta in GeV.
 */
public final class CambridgeReclustering {
    /** The definition used: C/A with unlimited radius, so that every constituent ends in one tree. */
    public static final JetDefinition DEFINITION = JetDefinition.cambridge(JetDefinition.MAX_RADIUS);

    private final ClusterSequence sequence;
    private final Jet root;

    private CambridgeReclustering(ClusterSequence sequence, Jet root) {
        this.sequence = sequence;
        this.root = root;
    }

    /** Reclusters the constituents of a jet; the jet must have at least one constituent. */
    public static CambridgeReclustering of(Jet jet) {
        return of(jet.constituents());
    }

    /**
     * Reclusters the given particles. Throws when the list is empty. The root is the hardest object left at the
     * end; particles more than R = 1000 apart in (y, φ) from it (only zero-pT vectors along the beam can be) are
     * not part of the tree.
     */
    public static CambridgeReclustering of(List<FourMomentum> particles) {
        if (particles.isEmpty()) {
            throw new IllegalArgumentException("C/A reclustering: the jet has no constituents");
        }
        ClusterSequence cs = new ClusterSequence(particles, DEFINITION);
        List<Jet> top = cs.inclusiveJets(0.0);
        return new CambridgeReclustering(cs, top.get(0));
    }

    /** The underlying cluster sequence (inputs in the order given). */
    public ClusterSequence sequence() {
        return sequence;
    }

    /** The top of the C/A tree (all constituents). */
    public Jet root() {
        return root;
    }
}
