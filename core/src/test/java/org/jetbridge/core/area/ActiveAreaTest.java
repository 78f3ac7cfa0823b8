package org.jetbridge.core.area;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Jet;
import org.jetbridge.core.JetDefinition;
import org.jetbridge.core.testing.TestEvents;
import org.junit.jupiter.api.Test;

/** Active areas: closed-form cases and exact area conservation. */
class ActiveAreaTest {

    @Test
    void ghostGridMatchesItsDefinition() {
        AreaDefinition def = AreaDefinition.defaults(1);
        assertEquals(60, def.rapidityRowsPerSide());
        assertEquals(63, def.phiColumns());
        assertEquals(7560, def.ghostCount());
        // the cells tile |y| < 6 × [0, 2π) exactly
        assertEquals(24 * Math.PI, def.ghostCount() * def.actualGhostArea(), 1e-12);
        assertTrue(def.actualGhostArea() <= def.ghostArea());
        assertThrows(IllegalArgumentException.class, () -> def.withGhostArea(0));
        assertThrows(IllegalArgumentException.class, () -> def.withRepeats(0));
    }

    /**
     * An isolated hard particle with anti-kt R swallows exactly the ghosts within ΔR &lt; R. Ghosts are uniform
     * within their cells, so the count is πR²/a on average with a binomial spread from the ≈ 8R/√a cells the
     * circle crosses (variance ≤ ¼ each); the area vector is the disc integral of (cos φ, sin φ, sinh y, cosh y).
     */
    @Test
    void isolatedParticleHasAreaPiR2() {
        for (double r : new double[] {0.4, 1.0}) {
            double a = AreaDefinition.defaults(0).actualGhostArea();
            double sigmaBound = a * Math.sqrt(8 * r / Math.sqrt(a) / 4);
            int seeds = 4;
            double sum = 0;
            double sumPt = 0;
            double sumE = 0;
            for (int s = 0; s < seeds; s++) {
                FourMomentum hard = FourMomentum.fromPtYPhiM(100, 0.0, 1.0, 0);
                ActiveAreaClustering c = new ActiveAreaClustering(List.of(hard), JetDefinition.antiKt(r),
                        AreaDefinition.defaults(1000 + s));
                List<AreaJet> jets = c.inclusiveJets(1.0);
                assertEquals(1, jets.size());
                AreaJet j = jets.get(0);
                assertEquals(List.of(hard), j.jet().constituents(), "ghosts are not constituents");
                assertEquals(100, j.pt(), 1e-9, "ghosts carry no momentum");
                assertEquals(Math.PI * r * r, j.area(), 5 * sigmaBound, "R=" + r + " seed " + s);
                sum += j.area();
                sumPt += j.areaVector().pt();
                sumE += j.areaVector().e();
                assertEquals(1.0, j.areaVector().phi(), 0.02, "area vector points along the jet");
            }
            assertEquals(Math.PI * r * r, sum / seeds, 5 * sigmaBound / Math.sqrt(seeds), "mean area R=" + r);
            // disc of radius r around y = 0: pT = ∫ 2 sin(w(y)) dy, E = ∫ 2 w(y) cosh y dy with w = √(r² − y²)
            int steps = 20000;
            double pt = 0;
            double e = 0;
            for (int k = 0; k < steps; k++) {
                double y = -r + (k + 0.5) * 2 * r / steps;
                double w = Math.sqrt(r * r - y * y);
                pt += 2 * Math.sin(w) * 2 * r / steps;
                e += 2 * w * Math.cosh(y) * 2 * r / steps;
            }
            assertEquals(pt, sumPt / seeds, 5 * sigmaBound / Math.sqrt(seeds), "area-vector pT R=" + r);
            assertEquals(e, sumE / seeds, 5 * sigmaBound * Math.cosh(r) / Math.sqrt(seeds), "area-vector E R=" + r);
            assertTrue(pt < Math.PI * r * r, "the area-vector pT is below the area (curvature in φ)");
        }
    }

    /** Every ghost ends in exactly one jet: the areas of all jets sum to the ghosted area, for any algorithm. */
    @Test
    void areasOfAllJetsSumToTotalGhostArea() {
        List<FourMomentum> ev = TestEvents.resource("reference/events-public.dat").get(1);
        for (JetDefinition def : List.of(JetDefinition.antiKt(0.4), JetDefinition.kt(0.6),
                JetDefinition.cambridge(1.0))) {
            ActiveAreaClustering c = new ActiveAreaClustering(ev, def, AreaDefinition.defaults(7));
            double total = 0;
            long ghostsSeen = 0;
            int realConstituents = 0;
            for (AreaJet j : c.allJets()) {
                total += j.area();
                ghostsSeen += Math.round(j.area() / c.ghostArea());
                realConstituents += j.jet().constituentCount();
            }
            assertEquals(7560, ghostsSeen, def.toString());
            assertEquals(c.totalGhostArea(), total, 1e-9, def.toString());
            assertEquals(ev.size(), realConstituents, "every real particle in exactly one jet " + def);
            for (AreaJet j : c.inclusiveJets(0.0)) {
                assertTrue(!j.isPureGhost());
            }
        }
    }

    /** Ghosts do not change jets: real content and momenta equal those of the ungosted clustering. */
    @Test
    void ghostsLeaveRealJetsUnchanged() {
        List<FourMomentum> ev = TestEvents.resource("reference/events-public.dat").get(2);
        JetDefinition def = JetDefinition.antiKt(0.4);
        List<Jet> plain = new org.jetbridge.core.ClusterSequence(ev, def).inclusiveJets(5.0);
        List<AreaJet> ghosted = new ActiveAreaClustering(ev, def, AreaDefinition.defaults(3)).inclusiveJets(5.0);
        assertEquals(plain.size(), ghosted.size());
        for (int i = 0; i < plain.size(); i++) {
            assertEquals(plain.get(i).pt(), ghosted.get(i).pt(), 1e-9 * plain.get(i).pt());
            assertTrue(java.util.Arrays.equals(plain.get(i).constituentIndices(),
                    ghosted.get(i).jet().constituentIndices()));
        }
    }

    /** The same seed gives the same areas; repeats average the areas of a jet over independent ghost sets. */
    @Test
    void deterministicPerSeedAndRepeatsAverage() {
        List<FourMomentum> ev = new ArrayList<>(TestEvents.lhcLike(300, 5));
        JetDefinition def = JetDefinition.antiKt(0.4);
        AreaDefinition d = AreaDefinition.defaults(11);
        List<AreaJet> a = new ActiveAreaClustering(ev, def, d).inclusiveJets(20);
        List<AreaJet> b = new ActiveAreaClustering(ev, def, d).inclusiveJets(20);
        List<AreaJet> c = new ActiveAreaClustering(ev, def, d.withSeed(12)).inclusiveJets(20);
        assertTrue(a.size() > 2);
        boolean anyDifferent = false;
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).area(), b.get(i).area(), 0.0);
            assertEquals(a.get(i).areaVector(), b.get(i).areaVector());
            anyDifferent |= a.get(i).area() != c.get(i).area();
        }
        assertTrue(anyDifferent, "another seed moves the ghosts");
        // with 3 repeats the area is the mean of three single-set areas, none of them on the quantised grid
        List<AreaJet> r = new ActiveAreaClustering(ev, def, d.withRepeats(3)).inclusiveJets(20);
        assertEquals(a.size(), r.size());
        double ghost = d.actualGhostArea();
        for (int i = 0; i < r.size(); i++) {
            double count3 = r.get(i).area() * 3 / ghost;
            assertEquals(Math.rint(count3), count3, 1e-6, "mean of 3 integer ghost counts");
            assertEquals(a.get(i).area(), r.get(i).area(), 0.15, "repeat average near single-set area");
        }
    }
}
