package org.jetbridge.core;

/** Azimuthal-angle helpers (radians). */
public final class Angles {
    public static final double TWO_PI = 2.0 * Math.PI;

    private Angles() {
    }

    /** φ1 − φ2 brought into [−π, π]; inputs may be in any 2π range. */
    public static double deltaPhi(double phi1, double phi2) {
        double d = phi1 - phi2;
        if (d > Math.PI) {
            d -= TWO_PI * Math.floor((d + Math.PI) / TWO_PI);
        } else if (d < -Math.PI) {
            d += TWO_PI * Math.floor((Math.PI - d) / TWO_PI);
        }
        return d;
    }

    /** Brings an angle into (−π, π]. */
    public static double wrap(double phi) {
        double d = deltaPhi(phi, 0.0);
        return d == -Math.PI ? Math.PI : d;
    }
}
