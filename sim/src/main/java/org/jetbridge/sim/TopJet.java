package org.jetbridge.sim;

import org.jetbridge.core.FourMomentum;

/**
 * The leading particle-level hard-scatter jet (anti-kt R = 1.0) of a tt̄ event: event index, axis
 * (the jet four-momentum, GeV), constituents (pT &gt; 1 GeV, |η| &lt; 2.5, at most 200, sorted by pT, origin 0)
 * and the truth top nearest to the axis.
 */
public record TopJet(long event, FourMomentum axis, Constituents constituents, FourMomentum truthTop) {
}
