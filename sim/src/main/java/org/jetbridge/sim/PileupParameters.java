package org.jetbridge.sim;

/**
 * Pile-up count per bunch crossing: {@link Mode#POISSON} N ~ Poisson(mu); {@link Mode#FIXED} N = round(mu);
 * {@link Mode#GAUSSIAN_MU} μ ~ |N(mu, muSigma)| per event, then N ~ Poisson(μ).
 */
public record PileupParameters(Mode mode, double mu, double muSigma) {
    /** How the number of pile-up interactions is drawn. */
    public enum Mode { POISSON, FIXED, GAUSSIAN_MU }

    public PileupParameters {
        if (mode == null) {
            throw new IllegalArgumentException("mode must be one of POISSON, FIXED, GAUSSIAN_MU");
        }
        Check.nonNegative("mu", mu);
        Check.nonNegative("muSigma", muSigma);
    }

    public static PileupParameters defaults() {
        return new PileupParameters(Mode.POISSON, 60.0, 50.0);
    }

    /** The number of pile-up interactions of one bunch crossing. */
    public int draw(RandomStream rng) {
        return switch (mode) {
            case POISSON -> rng.poisson(mu);
            case FIXED -> (int) Math.round(mu);
            case GAUSSIAN_MU -> rng.poisson(Math.abs(rng.gaussian(mu, muSigma)));
        };
    }
}
