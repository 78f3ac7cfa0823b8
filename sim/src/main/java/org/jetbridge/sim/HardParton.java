package org.jetbridge.sim;

import org.jetbridge.core.FourMomentum;

/** A parton of the hard process before the shower (PDG id, four-momentum in GeV); used for parton labels. */
public record HardParton(int pdg, FourMomentum momentum) {
}
