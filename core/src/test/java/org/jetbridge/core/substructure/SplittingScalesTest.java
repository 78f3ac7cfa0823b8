package org.jetbridge.core.substructure;

import static org.jetbridge.core.substructure.NSubjettinessTest.massless;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Jet;
import org.junit.jupiter.api.Test;

/** kt splitting scales in closed form: √d = min(pT_a, pT_b) ΔR_ab of the right merge, in GeV. */
class SplittingScalesTest {

    @Test
    void twoParticles() {
        Jet jet = Jet.of(List.of(massless(300, 0.1, 0.0), massless(40, 0.1, 0.7)));
        assertEquals(40 * 0.7, SplittingScales.sqrtD(jet, 1), 1e-9);
        assertEquals(0.0, SplittingScales.sqrtD(jet, 2));
    }

    @Test
    void threeParticlesMergeInKtOrder() {
        // d_AB = 50² 0.5² = 625, d_AC = 10² 0.2² = 4, d_BC = 10² (0.2² + 0.5²) = 29: A and C merge first
        FourMomentum a = massless(100, 0, 0);
        FourMomentum b = massless(50, 0, 0.5);
        FourMomentum c = massless(10, 0.2, 0);
        JetContext ctx = JetContext.of(Jet.of(List.of(a, b, c)));
        assertEquals(2.0, SplittingScales.sqrtD(ctx, 2), 1e-9);
        FourMomentum ac = a.plus(c);
        double expected = Math.min(ac.pt(), b.pt()) * ac.deltaR(b);
        assertEquals(expected, SplittingScales.sqrtD(ctx, 1), 1e-9 * expected);
    }

    @Test
    void rejectsBadN() {
        Jet jet = Jet.of(List.of(massless(300, 0.1, 0.0), massless(40, 0.1, 0.7)));
        assertThrows(IllegalArgumentException.class, () -> SplittingScales.sqrtD(jet, 0));
    }
}
