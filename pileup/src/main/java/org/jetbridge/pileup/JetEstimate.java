package org.jetbridge.pileup;

import java.util.List;
import org.jetbridge.core.FourMomentum;

/**
 * One estimate of a hard-scatter jet made by a pile-up method: its constituents (GeV four-momenta, the input of
 * every substructure observable) and its four-momentum, which is their sum except for jet-level corrections such
 * as area-median subtraction (ρ·A taken off the jet, constituents untouched).
 */
public record JetEstimate(List<FourMomentum> constituents, FourMomentum momentum) {
    public JetEstimate {
        constituents = List.copyOf(constituents);
    }

    /** An estimate whose momentum is the E-scheme sum of its constituents. */
    public static JetEstimate of(List<FourMomentum> constituents) {
        return new JetEstimate(constituents, FourMomentum.sum(constituents));
    }
}
