package org.jetbridge.core.groom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Jet;
import org.jetbridge.core.testing.TestEvents;
import org.junit.jupiter.api.Test;

/** The C/A tree: one root holding every constituent, merged in angular order. */
class CambridgeReclusteringTest {

    @Test
    void mergesClosestPairFirstAndEndsInOneRoot() {
        FourMomentum a = FourMomentum.fromPtYPhiM(10, 0, 0, 0);
        FourMomentum b = FourMomentum.fromPtYPhiM(500, 0.1, 0, 0); // 0.1 from a, hard
        FourMomentum c = FourMomentum.fromPtYPhiM(1, 0, 0.9, 0); // soft but 0.9 away: C/A ignores pT
        CambridgeReclustering ca = CambridgeReclustering.of(Jet.of(List.of(a, b, c)));
        Jet[] top = ca.root().parents().orElseThrow();
        assertEquals(new HashSet<>(List.of(a, b)), new HashSet<>(top[0].constituents()));
        assertEquals(List.of(c), top[1].constituents());
    }

    @Test
    void rootCarriesTheJetMomentum() {
        List<FourMomentum> ps = TestEvents.lhcLike(120, 3).subList(0, 120);
        CambridgeReclustering ca = CambridgeReclustering.of(ps);
        assertEquals(120, ca.root().constituentCount());
        FourMomentum sum = FourMomentum.sum(ps);
        FourMomentum root = ca.root().momentum();
        assertEquals(sum.e(), root.e(), 1e-9 * sum.e());
        assertEquals(sum.px(), root.px(), 1e-9 * sum.e());
        assertEquals(sum.pz(), root.pz(), 1e-9 * sum.e());
    }
}
