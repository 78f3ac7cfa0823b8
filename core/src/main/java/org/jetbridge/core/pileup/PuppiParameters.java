package org.jetbridge.core.pileup;

/**
 * Settings of {@link Puppi}.
 *
 * @param r0 cone radius of the local shape α (default 0.3, as in the PUPPI paper)
 * @param rMin neighbours closer than this are ignored in α (default 0.02; 0 ignores only exact overlaps)
 * @param weightCut neutral particles with weight below this are removed (default 0.1, our choice)
 * @param ptCutOffset GeV, with {@code ptCutPerVertex}: a weighted neutral is removed when w·pT &lt; offset +
 *     slope × N_PU, N_PU being the number of distinct pile-up vertices among the event's charged particles
 *     (the form of the paper's cut; defaults 0.1 GeV and 0.007 GeV are our choice, tune for the detector)
 * @param ptCutPerVertex GeV per pile-up vertex (default 0.007)
 */
public record PuppiParameters(double r0, double rMin, double weightCut, double ptCutOffset, double ptCutPerVertex) {

    public PuppiParameters {
        if (!(r0 > 0) || !Double.isFinite(r0)) {
            throw new IllegalArgumentException("PUPPI r0 must be positive and finite, got " + r0);
        }
        if (!(rMin >= 0 && rMin < r0)) {
            throw new IllegalArgumentException("PUPPI rMin must be in [0, r0 = " + r0 + "), got " + rMin);
        }
        if (!(weightCut >= 0 && weightCut <= 1)) {
            throw new IllegalArgumentException("PUPPI weightCut must be in [0, 1], got " + weightCut);
        }
        if (!(ptCutOffset >= 0) || !Double.isFinite(ptCutOffset) || !(ptCutPerVertex >= 0)
                || !Double.isFinite(ptCutPerVertex)) {
            throw new IllegalArgumentException("PUPPI pT cut offset and slope must be finite and ≥ 0, got "
                    + ptCutOffset + " and " + ptCutPerVertex);
        }
    }

    public static PuppiParameters defaults() {
        return new PuppiParameters(0.3, 0.02, 0.1, 0.1, 0.007);
    }
}
