package org.jetbridge.core;

import java.util.Locale;

/**
 * What to cluster with: algorithm, radius R, exponent p (generalised kt) and recombination scheme.
 * R up to {@link #MAX_RADIUS} is accepted; use {@link #MAX_RADIUS} for "unlimited radius" reclustering.
 */
public record JetDefinition(JetAlgorithm algorithm, double radius, double p, RecombinationScheme recombination) {

    /** Largest accepted radius; with it no object ever merges with the beam in exclusive clustering. */
    public static final double MAX_RADIUS = 1000.0;

    public JetDefinition {
        if (algorithm == null || recombination == null) {
            throw new IllegalArgumentException("jet definition: algorithm and recombination scheme are required");
        }
        if (!(radius > 0) || radius > MAX_RADIUS) {
            throw new IllegalArgumentException("jet definition: radius must be in (0, " + MAX_RADIUS + "], got " + radius);
        }
        if (algorithm != JetAlgorithm.GENKT) {
            p = algorithm.defaultP();
        } else if (!Double.isFinite(p)) {
            throw new IllegalArgumentException("jet definition: generalised kt needs a finite p, got " + p);
        }
    }

    public static JetDefinition antiKt(double r) {
        return new JetDefinition(JetAlgorithm.ANTIKT, r, Double.NaN, RecombinationScheme.E_SCHEME);
    }

    public static JetDefinition cambridge(double r) {
        return new JetDefinition(JetAlgorithm.CAMBRIDGE, r, Double.NaN, RecombinationScheme.E_SCHEME);
    }

    public static JetDefinition kt(double r) {
        return new JetDefinition(JetAlgorithm.KT, r, Double.NaN, RecombinationScheme.E_SCHEME);
    }

    public static JetDefinition genKt(double r, double p) {
        return new JetDefinition(JetAlgorithm.GENKT, r, p, RecombinationScheme.E_SCHEME);
    }

    /** Same algorithm and radius with another recombination scheme. */
    public JetDefinition withRecombination(RecombinationScheme scheme) {
        return new JetDefinition(algorithm, radius, p, scheme);
    }

    /**
     * The algorithm's momentum factor kt^{2p} for a squared transverse momentum pt2, with the conventions
     * that keep zero-pT objects well ordered (anti-kt: 1/0 → 1e300).
     */
    public double momentumFactor(double pt2) {
        if (p == 1.0) {
            return pt2;
        } else if (p == 0.0) {
            return 1.0;
        } else if (p == -1.0) {
            return pt2 > 1e-300 ? 1.0 / pt2 : 1e300;
        } else if (pt2 == 0.0) {
            return p > 0 ? 0.0 : 1e300;
        }
        return Math.pow(pt2, p);
    }

    @Override
    public String toString() {
        String name = switch (algorithm) {
            case KT -> "kt";
            case CAMBRIDGE -> "Cambridge/Aachen";
            case ANTIKT -> "anti-kt";
            case GENKT -> String.format(Locale.ROOT, "generalised kt (p = %g)", p);
        };
        return String.format(Locale.ROOT, "%s, R = %g, %s", name, radius,
                recombination == RecombinationScheme.E_SCHEME ? "E-scheme" : "WTA-pT");
    }
}
