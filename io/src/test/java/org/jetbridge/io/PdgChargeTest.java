package org.jetbridge.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Charges from the Review of Particle Physics for codes of every family the numbering scheme has. */
class PdgChargeTest {
    private static void charge(int expected, int... codes) {
        for (int c : codes) {
            assertEquals(expected, PdgCharge.charge(c), "PDG " + c);
            assertEquals(-expected, PdgCharge.charge(-c), "PDG " + -c);
        }
    }

    @Test
    void leptonsAndBosons() {
        charge(-1, 11, 13, 15);
        charge(0, 12, 14, 16, 21, 22, 23, 25);
        charge(1, 24, 37);
    }

    @Test
    void mesons() {
        charge(1, 211, 321, 411, 431, 521, 541, 213, 323, 10321, 100211, 9000211);
        charge(0, 111, 221, 311, 130, 310, 421, 511, 531, 443, 553, 333, 113);
    }

    @Test
    void baryons() {
        charge(1, 2212, 3222, 4122, 2214, 5222);
        charge(0, 2112, 3122, 3212, 5122, 4132, 3322);
        charge(-1, 3112, 3312, 3334, 1114, 5132);
        charge(2, 2224, 4222);
    }

    @Test
    void nucleiSupersymmetryAndQuarks() {
        charge(1, 1000010020);
        charge(2, 1000020040);
        charge(82, 1000822080);
        charge(1, 1000024, 1000037);
        charge(0, 1000022, 1000021);
        charge(-1, 1000011, 2000013);
        assertEquals(2, PdgCharge.threeCharge(2));
        assertEquals(-1, PdgCharge.threeCharge(1));
        assertEquals(1, PdgCharge.threeCharge(2101));
        assertEquals(4, PdgCharge.threeCharge(2203));
        // fractional charges keep their sign so that quarks count as charged
        assertEquals(1, PdgCharge.charge(2));
        assertEquals(-1, PdgCharge.charge(1));
    }

    @Test
    void decaysConserveCharge() {
        // D⁺ → K⁻ π⁺ π⁺, Λ → p π⁻, Ω⁻ → Λ K⁻, B⁺ → J/ψ K⁺
        assertEquals(PdgCharge.charge(411), PdgCharge.charge(-321) + 2 * PdgCharge.charge(211));
        assertEquals(PdgCharge.charge(3122), PdgCharge.charge(2212) + PdgCharge.charge(-211));
        assertEquals(PdgCharge.charge(3334), PdgCharge.charge(3122) + PdgCharge.charge(-321));
        assertEquals(PdgCharge.charge(521), PdgCharge.charge(443) + PdgCharge.charge(321));
    }
}
