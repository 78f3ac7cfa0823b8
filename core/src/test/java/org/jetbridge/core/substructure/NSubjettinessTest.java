package org.jetbridge.core.substructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Jet;
import org.junit.jupiter.api.Test;

/** Closed-form N-subjettiness cases for both axis definitions. */
class NSubjettinessTest {

    static FourMomentum massless(double pt, double y, double phi) {
        return FourMomentum.fromPtYPhiM(pt, y, phi, 0.0);
    }

    /** N prongs, each several exactly collinear particles (same y, φ, different pT). */
    private static Jet zeroWidthProngs(int prongs) {
        double[][] dir = {{0.1, 0.2}, {0.5, -0.1}, {-0.2, 0.6}};
        List<FourMomentum> ps = new ArrayList<>();
        for (int k = 0; k < prongs; k++) {
            for (int i = 1; i <= 4; i++) {
                ps.add(massless(10.0 * i + 7 * k, dir[k][0], dir[k][1]));
            }
        }
        return Jet.of(ps);
    }

    @Test
    void tauNVanishesForNZeroWidthProngs() {
        for (int prongs = 1; prongs <= 3; prongs++) {
            JetContext ctx = JetContext.of(zeroWidthProngs(prongs));
            double scale = ctx.jet().pt();
            for (AxesDefinition axes : AxesDefinition.values()) {
                // rounding in the recombined axis directions only: ΔR ~ 1e-16
                assertEquals(0.0, NSubjettiness.tau(ctx, prongs, axes), 1e-12 * scale, axes + " N=" + prongs);
                if (prongs > 1) {
                    // one axis fewer than prongs: clearly non-zero (separations are O(0.5))
                    assertTrue(NSubjettiness.tau(ctx, prongs - 1, axes) > 1.0, axes + " N=" + (prongs - 1));
                }
            }
        }
    }

    @Test
    void tauNIsZeroWithNOrFewerConstituents() {
        Jet two = Jet.of(List.of(massless(50, 0, 0), massless(30, 0.4, 0.3)));
        for (AxesDefinition axes : AxesDefinition.values()) {
            assertEquals(0.0, NSubjettiness.tau(two, 2, axes));
            assertEquals(0.0, NSubjettiness.tau(two, 3, axes));
            assertTrue(NSubjettiness.tau(two, 1, axes) > 0);
        }
    }

    @Test
    void tau1OfTwoProngsWithKtAxesIsDistanceToJetAxis() {
        // two massless particles at y = 0, φ = ±a: the E-scheme axis is at y = 0, φ_J = atan((p1−p2)/(p1+p2) tan a)
        double p1 = 400, p2 = 150, a = 0.3;
        Jet jet = Jet.of(List.of(massless(p1, 0, a), massless(p2, 0, -a)));
        double phiJ = Math.atan((p1 - p2) / (p1 + p2) * Math.tan(a));
        double expected = p1 * (a - phiJ) + p2 * (a + phiJ);
        assertEquals(expected, NSubjettiness.tau(jet, 1, AxesDefinition.EXCLUSIVE_KT), 1e-12 * expected);
    }

    @Test
    void tau1OfTwoProngsWithWtaAxesSitsOnTheHarderProng() {
        // Σ pT ΔR over two points is minimised at the harder one (p1 > p2): τ1 = p2 ΔR12. The regulated one-pass
        // step stops within ~ε p2/p1 of it, so τ1 exceeds the minimum by at most ε (p1 − p2).
        double p1 = 400, p2 = 150, d = 0.6;
        Jet jet = Jet.of(List.of(massless(p2, 0.1, -0.2), massless(p1, 0.1, -0.2 + d)));
        double tau1 = NSubjettiness.tau(jet, 1, AxesDefinition.ONEPASS_WTA_KT);
        double min = p2 * d;
        assertTrue(tau1 >= min - 1e-12 * min, "tau1 " + tau1 + " below the minimum " + min);
        assertTrue(tau1 <= min + NSubjettiness.EPSILON * (p1 - p2), "tau1 " + tau1 + " vs minimum " + min);
    }

    @Test
    void tauUsesWrappedAzimuth() {
        // particles on both sides of φ = ±π are 0.2 apart, not 2π − 0.2
        Jet jet = Jet.of(List.of(massless(100, 0, Math.PI - 0.1), massless(100, 0, -Math.PI + 0.1)));
        // equal pT: the E-scheme axis is at φ = π, 0.1 from each
        assertEquals(20.0, NSubjettiness.tau(jet, 1, AxesDefinition.EXCLUSIVE_KT), 1e-9);
    }

    @Test
    void ratiosAreZeroWhenTheDenominatorIsZero() {
        JetContext one = JetContext.of(Jet.of(List.of(massless(80, 0, 0))));
        assertEquals(0.0, NSubjettiness.tau21(one, AxesDefinition.ONEPASS_WTA_KT));
        assertEquals(0.0, NSubjettiness.tau32(one, AxesDefinition.ONEPASS_WTA_KT));
        JetContext three = JetContext.of(Jet.of(List.of(massless(80, 0, 0), massless(40, 0.3, 0), massless(20, 0, 0.5))));
        double t1 = NSubjettiness.tau(three, 1, AxesDefinition.ONEPASS_WTA_KT);
        double t2 = NSubjettiness.tau(three, 2, AxesDefinition.ONEPASS_WTA_KT);
        assertTrue(t1 > 0 && t2 > 0);
        assertEquals(t2 / t1, NSubjettiness.tau21(three, AxesDefinition.ONEPASS_WTA_KT));
        assertEquals(0.0, NSubjettiness.tau32(three, AxesDefinition.ONEPASS_WTA_KT)); // τ3 = 0 with 3 particles
    }

    @Test
    void rejectsBadN() {
        Jet jet = Jet.of(List.of(massless(80, 0, 0), massless(40, 0.3, 0)));
        assertThrows(IllegalArgumentException.class, () -> NSubjettiness.tau(jet, 0, AxesDefinition.EXCLUSIVE_KT));
    }
}
