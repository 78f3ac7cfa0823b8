package org.jetbridge.io;

/** The physical-momentum check shared by all event readers: a particle's energy must not be below |p|. */
final class MomentumCheck {
    /**
     * Relative tolerance on E ≥ |p|: files print momenta rounded (often to 10 significant digits, which gives
     * violations up to ~1e-8 in real Pythia files); anything beyond this is a wrong column or a corrupt number.
     */
    static final double RELATIVE_TOLERANCE = 1e-6;
    /** Absolute tolerance in GeV, for very soft particles printed with a fixed number of decimals. */
    static final double ABSOLUTE_TOLERANCE = 1e-9;

    private MomentumCheck() {
    }

    /** Null when E ≥ |p| within tolerance, otherwise the problem in words. */
    static String problem(double px, double py, double pz, double e) {
        double p = Math.sqrt(px * px + py * py + pz * pz);
        if (p - e > RELATIVE_TOLERANCE * p + ABSOLUTE_TOLERANCE) {
            return "energy E = " + e + " GeV is below |p| = " + p + " GeV (expected px py pz E with E >= |p|)";
        }
        return null;
    }
}
