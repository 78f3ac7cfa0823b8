package org.jetbridge.sim;

/**
 * Final-state parton shower settings. alphaSMz: α_s(m_Z) of the one-loop running coupling; muR: factor on the
 * coupling's scale k⊥; q0: k⊥ cut-off (GeV); massB/massC: quark masses for the dead cone and g → QQ̄ thresholds
 * (GeV); angularOrdering: veto emissions wider than the one that produced the emitter.
 */
public record ShowerParameters(double alphaSMz, double muR, double q0, double massB, double massC,
                               boolean angularOrdering, boolean deadCone) {
    public ShowerParameters {
        Check.positive("alphaSMz", alphaSMz);
        if (alphaSMz > 0.3) {
            throw new IllegalArgumentException("alphaSMz must be <= 0.3, got " + alphaSMz);
        }
        Check.positive("muR", muR);
        Check.positive("q0", q0);
        Check.positive("massB", massB);
        Check.positive("massC", massC);
        if (q0 * muR < 0.3) {
            throw new IllegalArgumentException("q0 * muR must be >= 0.3 GeV (coupling scale above Λ), got " + q0 * muR);
        }
    }

    public static ShowerParameters defaults() {
        return new ShowerParameters(0.118, 1.0, 1.0, 4.8, 1.5, true, true);
    }
}
