package org.jetbridge.core.area;

import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Jet;

/**
 * A jet with its active area: the scalar area (number of ghosts in the jet × ghost area, units of y × φ) and
 * the area four-vector (the sum over its ghosts of massless vectors of pT equal to the ghost area, pointing
 * along the ghosts, so that its pT ≈ the scalar area for a small jet). Momenta of the jet exclude the ghosts
 * (up to their ~1e-100 GeV).
 */
public record AreaJet(Jet jet, double area, FourMomentum areaVector) {

    public double pt() {
        return jet.pt();
    }

    public FourMomentum momentum() {
        return jet.momentum();
    }

    /** True when the jet holds ghosts only (no real particle): not a physical jet. */
    public boolean isPureGhost() {
        return jet.constituentCount() == 0;
    }
}
