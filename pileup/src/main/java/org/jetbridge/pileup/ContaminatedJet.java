package org.jetbridge.pileup;

import org.jetbridge.core.FourMomentum;
import org.jetbridge.sim.Constituents;

/**
 * One pile-up-contaminated jet as every pile-up method sees it: the observed constituents (pT in GeV, η, φ, charge,
 * and the per-particle origin — 0 hard scatter, k ≥ 1 the k-th pile-up interaction — which only truth-aware code
 * and charged-vertex methods may read), the hard-scatter jet axis of the file, the hard-scatter truth
 * constituents, and the true number of pile-up interactions of the crossing.
 */
public record ContaminatedJet(Constituents observed, FourMomentum axis, Constituents truth, int pileupInteractions) {
    public ContaminatedJet {
        if (pileupInteractions < 0) {
            throw new IllegalArgumentException("pile-up interactions must be >= 0, got " + pileupInteractions);
        }
    }
}
