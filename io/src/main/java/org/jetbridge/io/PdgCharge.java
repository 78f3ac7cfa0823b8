package org.jetbridge.io;

/**
 * Electric charge of a particle from its PDG Monte Carlo code (numbering scheme of the Review of Particle
 * Physics, "Monte Carlo particle numbering scheme"): fundamental particles by table, hadrons from their quark
 * digits, nuclei (10LZZZAAAI) from Z. Unknown codes are neutral.
 */
public final class PdgCharge {
    /** Three times the charge of the fundamental particles with codes 0..40 (quarks, leptons, bosons). */
    private static final int[] FUNDAMENTAL_THREE_CHARGE = new int[41];

    static {
        int[] t = FUNDAMENTAL_THREE_CHARGE;
        t[1] = -1; t[2] = 2; t[3] = -1; t[4] = 2; t[5] = -1; t[6] = 2; t[7] = -1; t[8] = 2;
        t[11] = -3; t[13] = -3; t[15] = -3; t[17] = -3;
        t[24] = 3; t[34] = 3; t[37] = 3;
    }

    private PdgCharge() {
    }

    /** Three times the electric charge (in units of e/3), so that quarks are exact. */
    public static int threeCharge(int pdgId) {
        int sign = pdgId < 0 ? -1 : 1;
        int a = Math.abs(pdgId);
        if (a >= 1_000_000_000) {
            // nucleus 10LZZZAAAI
            return sign * 3 * ((a / 10_000) % 1000);
        }
        int q3 = (a / 10) % 10;
        int q2 = (a / 100) % 10;
        int q1 = (a / 1000) % 10;
        int core = a % 10_000;
        if (core <= 40 || (q2 == 0 && q1 == 0)) {
            // fundamental, including SUSY and excited copies 1000011, 2000001, 4000001 … whose last digits say which
            int base = a % 100;
            return base <= 40 ? sign * FUNDAMENTAL_THREE_CHARGE[base] : 0;
        }
        int c;
        if (q1 == 0) {
            // meson q2 anti-q3; for a down-type heavier quark the positive code holds the antiquark (K+ = u s-bar)
            c = quark(q2) - quark(q3);
            if (q2 % 2 == 1) {
                c = -c;
            }
        } else {
            // baryon q1 q2 q3 (or a diquark when q3 = 0)
            c = quark(q1) + quark(q2) + quark(q3);
        }
        return sign * c;
    }

    /**
     * Charge in units of e, as {@link org.jetbridge.core.Particle} stores it. Fractionally charged codes (free quarks,
     * diquarks, in parton-level files) give the sign of their charge, so that they still count as charged.
     */
    public static int charge(int pdgId) {
        int c3 = threeCharge(pdgId);
        return c3 % 3 == 0 ? c3 / 3 : Integer.signum(c3);
    }

    private static int quark(int digit) {
        return digit >= 1 && digit <= 8 ? FUNDAMENTAL_THREE_CHARGE[digit] : 0;
    }
}
