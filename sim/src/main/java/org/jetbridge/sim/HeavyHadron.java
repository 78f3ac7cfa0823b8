package org.jetbridge.sim;

import org.jetbridge.core.FourMomentum;

/**
 * A weakly decaying b or c hadron of the truth record: id, four-momentum (GeV), production and decay points
 * (mm), the interaction it belongs to, and whether it came from a b-hadron decay (for c hadrons).
 */
public record HeavyHadron(int pdg, FourMomentum momentum, double prodX, double prodY, double prodZ,
                          double decayX, double decayY, double decayZ, int interaction, boolean fromB) {
    public boolean isB() {
        return Species.isBHadron(pdg);
    }

    /** Flight distance between production and decay (mm). */
    public double flightLength() {
        double dx = decayX - prodX;
        double dy = decayY - prodY;
        double dz = decayZ - prodZ;
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
