package org.jetbridge.sim;

/**
 * The particle species the testbed knows, by PDG id: mass (GeV), charge (units of e), proper decay length cτ
 * (mm; 0 = prompt strong/electromagnetic decay, infinity = stable at detector scales) and whether the id is its
 * own antiparticle. Negative ids are antiparticles with opposite charge.
 */
public final class Species {
    private Species() {
    }

    public static final double STABLE = Double.POSITIVE_INFINITY;

    /** Mass in GeV; fails for an unknown id. */
    public static double mass(int pdg) {
        return switch (Math.abs(pdg)) {
            case 21, 22, 12, 14, 16 -> 0.0;
            case 11 -> 0.000511;
            case 13 -> 0.105658;
            case 15 -> 1.77686;
            case 24 -> 80.4;
            case 211 -> 0.139570;
            case 111 -> 0.134977;
            case 321 -> 0.493677;
            case 311, 310, 130 -> 0.497611;
            case 221 -> 0.547862;
            case 113, 213 -> 0.77526;
            case 223 -> 0.78266;
            case 323 -> 0.89166;
            case 313 -> 0.89555;
            case 333 -> 1.019461;
            case 2212 -> 0.938272;
            case 2112 -> 0.939565;
            case 3122 -> 1.115683;
            case 421 -> 1.86484;
            case 411 -> 1.86966;
            case 431 -> 1.96835;
            case 4122 -> 2.28646;
            case 511 -> 5.27966;
            case 521 -> 5.27934;
            case 531 -> 5.36688;
            case 5122 -> 5.61960;
            default -> throw new IllegalArgumentException("unknown particle id " + pdg);
        };
    }

    /** Electric charge in units of e of a hadron, lepton, photon or W. */
    public static int charge(int pdg) {
        int q = switch (Math.abs(pdg)) {
            case 11, 13, 15 -> -1;
            case 211, 321, 213, 323, 2212, 411, 431, 4122, 521, 24 -> 1;
            default -> 0;
        };
        return pdg < 0 ? -q : q;
    }

    /** Proper decay length cτ in mm: 0 for prompt decays, {@link #STABLE} for detector-stable particles. */
    public static double ctau(int pdg) {
        return switch (Math.abs(pdg)) {
            case 310 -> 26.844;
            case 3122 -> 78.9;
            case 15 -> 0.08711;
            case 421 -> 0.1229;
            case 411 -> 0.3118;
            case 431 -> 0.1512;
            case 4122 -> 0.0607;
            case 511 -> 0.455;
            case 521 -> 0.491;
            case 531 -> 0.453;
            case 5122 -> 0.441;
            case 111, 221, 113, 213, 223, 323, 313, 333, 311 -> 0.0;
            default -> STABLE;
        };
    }

    /** True for ids that are their own antiparticle. */
    public static boolean selfConjugate(int pdg) {
        return switch (pdg) {
            case 21, 22, 111, 310, 130, 221, 113, 223, 333 -> true;
            default -> false;
        };
    }

    /** The charge conjugate id. */
    public static int conjugate(int pdg) {
        return selfConjugate(pdg) ? pdg : -pdg;
    }

    /** Neutrinos: invisible to the detector and excluded from particle-level jets. */
    public static boolean isNeutrino(int pdg) {
        int a = Math.abs(pdg);
        return a == 12 || a == 14 || a == 16;
    }

    /** Weakly decaying b hadrons. */
    public static boolean isBHadron(int pdg) {
        int a = Math.abs(pdg);
        return a == 511 || a == 521 || a == 531 || a == 5122;
    }

    /** Weakly decaying c hadrons. */
    public static boolean isCHadron(int pdg) {
        int a = Math.abs(pdg);
        return a == 421 || a == 411 || a == 431 || a == 4122;
    }
}
