package org.jetbridge.core.pileup;

import java.util.List;
import org.jetbridge.core.FourMomentum;

/** Estimates the diffuse pile-up/underlying-event density of one event from its particles (GeV). */
public interface BackgroundEstimator {

    /** ρ and σ for the event. */
    BackgroundEstimate estimate(List<FourMomentum> particles);

    /**
     * ρ (GeV per unit area) at a position of the event whose estimate is given; estimators without rapidity
     * dependence return the event-wide ρ.
     */
    default double rhoAt(BackgroundEstimate estimate, double rapidity, double phi) {
        return estimate.rho();
    }
}
