package org.jetbridge.core.groom;

import org.jetbridge.core.Jet;

/**
 * The result of grooming one jet: the groomed jet (a {@link Jet} whose constituents are the kept particles,
 * momenta in GeV) and the splitting at which grooming stopped, z_g (dimensionless) and R_g (in (y, φ)).
 * z_g = R_g = −1 when no splitting passed and the groomed jet is a single particle.
 */
public record GroomedJet(Jet jet, double zg, double rg) {
    /** Value of z_g and R_g when no splitting passed the grooming condition. */
    public static final double NO_SPLITTING = -1.0;

    public GroomedJet {
        if (jet == null) {
            throw new IllegalArgumentException("groomed jet: the jet is required");
        }
    }

    /** True when a splitting passed the grooming condition (z_g, R_g are those of that splitting). */
    public boolean foundSplitting() {
        return zg != NO_SPLITTING;
    }
}
