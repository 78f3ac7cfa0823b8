package org.jetbridge.core.groom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Jet;
import org.junit.jupiter.api.Test;

/** SoftDrop on hand-computed configurations. */
class SoftDropTest {

    private static FourMomentum massless(double pt, double y, double phi) {
        return FourMomentum.fromPtYPhiM(pt, y, phi, 0.0);
    }

    // A (300 GeV) and B (200 GeV) 0.4 apart in φ; C (5 GeV) at ΔR ≈ 1.08 from A, so C/A gives ((A, B), C).
    private static final FourMomentum A = massless(300, 0, 0);
    private static final FourMomentum B = massless(200, 0, 0.4);
    private static final FourMomentum C = massless(5, 0.9, -0.6);

    @Test
    void dropsSoftWideAngleBranchAndKeepsHardTwoProngSplit() {
        Jet jet = Jet.of(List.of(C, A, B));
        FourMomentum ab = A.plus(B);
        double zC = C.pt() / (ab.pt() + C.pt()); // ≈ 0.0100
        double rC = ab.deltaR(C);
        for (SoftDrop sd : List.of(new SoftDrop(0, 0.1), new SoftDrop(1, 0.1), new SoftDrop(2, 0.05))) {
            // first declustering fails: z_C < z_cut (ΔR/R0)^β for all three settings
            assertTrue(zC <= sd.zcut() * Math.pow(rC, sd.beta()), sd.name());
            GroomedJet g = sd.groom(jet);
            assertEquals(0.4, g.zg(), 1e-12, sd.name()); // 200/(300 + 200)
            assertEquals(0.4, g.rg(), 1e-12, sd.name());
            assertTrue(g.foundSplitting());
            assertEquals(new HashSet<>(List.of(A, B)), new HashSet<>(g.jet().constituents()));
            double mass = Math.sqrt(2 * 300 * 200 * (1 - Math.cos(0.4)));
            assertEquals(mass, g.jet().m(), 1e-9 * mass, sd.name());
            assertEquals(ab.pt(), g.jet().pt(), 1e-9, sd.name());
        }
    }

    @Test
    void keepsTheWideBranchWhenItIsHardEnough() {
        // C at 60 GeV: z ≈ 0.107 > 0.1 passes for β = 0, but 0.107 < 0.1 · 1.08 fails for β = 1
        FourMomentum c = massless(60, 0.9, -0.6);
        Jet jet = Jet.of(List.of(A, B, c));
        FourMomentum ab = A.plus(B);
        GroomedJet mmdt = new SoftDrop(0, 0.1).groom(jet);
        assertEquals(c.pt() / (ab.pt() + c.pt()), mmdt.zg(), 1e-12);
        assertEquals(ab.deltaR(c), mmdt.rg(), 1e-12);
        assertEquals(3, mmdt.jet().constituentCount());
        GroomedJet b1 = new SoftDrop(1, 0.1).groom(jet);
        assertEquals(0.4, b1.rg(), 1e-12);
    }

    @Test
    void conditionIsStrict() {
        // equal y-separated particles on the x axis: pT exactly 300 and 100, z = 100/400 = 0.25 exactly
        FourMomentum hard = new FourMomentum(300, 0, 0, 300);
        FourMomentum soft = new FourMomentum(100, 0, 50, Math.sqrt(100 * 100 + 50 * 50));
        Jet jet = Jet.of(List.of(hard, soft));
        GroomedJet atCut = new SoftDrop(0, 0.25).groom(jet);
        assertFalse(atCut.foundSplitting());
        assertEquals(List.of(hard), atCut.jet().constituents());
        assertEquals(GroomedJet.NO_SPLITTING, atCut.zg());
        assertEquals(GroomedJet.NO_SPLITTING, atCut.rg());
        GroomedJet below = new SoftDrop(0, 0.2499).groom(jet);
        assertEquals(0.25, below.zg());
    }

    @Test
    void followsTheHarderBranchToASingleParticleWhenNothingPasses() {
        FourMomentum lead = massless(500, 0, 0);
        Jet jet = Jet.of(List.of(massless(1, 0.1, 0), lead, massless(2, -0.3, 0.2), massless(1.5, 0.5, 0.5)));
        GroomedJet g = new SoftDrop(1, 0.1).groom(jet);
        assertEquals(-1.0, g.zg());
        assertEquals(-1.0, g.rg());
        assertEquals(List.of(lead), g.jet().constituents());
        assertEquals(lead.pt(), g.jet().pt(), 1e-12);

        GroomedJet single = new SoftDrop(1, 0.1).groom(Jet.of(List.of(lead)));
        assertEquals(-1.0, single.zg());
        assertEquals(lead.pt(), single.jet().pt(), 1e-12);
    }

    @Test
    void reusesAGivenReclustering() {
        Jet jet = Jet.of(List.of(C, A, B));
        CambridgeReclustering ca = CambridgeReclustering.of(jet);
        GroomedJet g = new SoftDrop(0, 0.1).groom(jet, ca);
        assertSame(ca.sequence(), g.jet().sequence());
    }

    @Test
    void namesAreStableSnakeCase() {
        assertEquals("sd_b0_z0p1", new SoftDrop(0, 0.1).name());
        assertEquals("sd_b1_z0p1", new SoftDrop(1.0, 0.1).name());
        assertEquals("sd_b2_z0p05", new SoftDrop(2, 0.05).name());
        assertEquals("sd_b1p5_z0p2_r0p8", new SoftDrop(1.5, 0.2, 0.8).name());
    }

    @Test
    void rejectsBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> new SoftDrop(-1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new SoftDrop(1, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new SoftDrop(1, 0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> new SoftDrop(Double.NaN, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new SoftDrop(1, 0.1).groom(Jet.of(List.of())));
    }
}
