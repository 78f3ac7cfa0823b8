package org.jetbridge.sim;

import org.jetbridge.core.FourMomentum;

/**
 * A parton during the shower and fragmentation: momentum (GeV), PDG id (1–5 quarks, 21 gluon, 24 a colourless
 * W used only as a recoiler), Les Houches style colour and anticolour tags (0 = none), the largest opening
 * angle allowed for its next emission (angular ordering) and the decay system it belongs to.
 */
final class Parton {
    FourMomentum p;
    int id;
    int col;
    int acol;
    double maxAngle = Math.PI;
    int system;

    Parton(int id, FourMomentum p, int col, int acol, int system) {
        this.id = id;
        this.p = p;
        this.col = col;
        this.acol = acol;
        this.system = system;
    }

    boolean isRecoilerOnly() {
        return id == 24 || id == -24;
    }
}
