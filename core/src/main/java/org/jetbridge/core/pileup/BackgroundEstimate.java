package org.jetbridge.core.pileup;

/**
 * An event's diffuse background: ρ, the median transverse-momentum density (GeV per unit y × φ area), and σ,
 * its patch-to-patch fluctuation (GeV per √area), so that a region of area A receives ρA ± σ√A.
 */
public record BackgroundEstimate(double rho, double sigma) {
    public BackgroundEstimate {
        if (!(rho >= 0) || !Double.isFinite(rho) || !(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("background needs finite rho ≥ 0 and sigma ≥ 0, got rho=" + rho
                    + ", sigma=" + sigma);
        }
    }
}
