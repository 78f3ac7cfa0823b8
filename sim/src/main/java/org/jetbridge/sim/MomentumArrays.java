package org.jetbridge.sim;

import org.jetbridge.core.FourMomentum;

/** A struct-of-arrays list of particles with momentum components in GeV (truth particles, reco candidates). */
public interface MomentumArrays {
    double[] px();

    double[] py();

    double[] pz();

    double[] e();

    /** Number of particles. */
    default int size() {
        return px().length;
    }

    /** Four-momentum of particle i (GeV). */
    default FourMomentum momentum(int i) {
        return new FourMomentum(px()[i], py()[i], pz()[i], e()[i]);
    }

    /** Transverse momentum of particle i (GeV). */
    default double pt(int i) {
        return Math.hypot(px()[i], py()[i]);
    }
}
