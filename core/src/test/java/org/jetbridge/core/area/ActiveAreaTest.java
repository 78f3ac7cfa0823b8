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
        // 1e-100 GeV ghosts with p = 2 would underflow pT^4 to 0: refused, not silently wrong
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ActiveAreaClustering(List.of(), JetDefinition.genKt(0.4, 2), def));
        assertTrue(e.getMessage().contains("meanGhostPt"), e.getMessage());
    }

    /**
     * An isolated hard particle with anti-kt R swallows exactly the ghosts within ΔR &lt; R: its area is the ghost
     * area times their count and its area vector their summed area vectors, exactly.
     */
    @Test
    void isolatedParticleSwallowsExactlyTheGhostsWithinR() {
        double[][] cases = {{0.4, 1000}, {1.0, 1001}}; // radius, ghost seed
        for (double[] rs : cases) {
            double r = rs[0];
            FourMomentum hard = FourMomentum.fromPtYPhiM(100, 0.0, 1.0, 0);
            ActiveAreaClustering c = new ActiveAreaClustering(List.of(hard), JetDefinition.antiKt(r),
                    AreaDefinition.defaults((long) rs[1]));
            List<AreaJet> jets = c.inclusiveJets(1.0);
            assertEquals(1, jets.size());
            AreaJet j = jets.get(0);
            assertEquals(List.of(hard), j.jet().constituents(), "ghosts are not constituents");
            assertEquals(100, j.pt(), 1e-9, "ghosts carry no momentum");
            int inside = 0;
            FourMomentum vec = FourMomentum.ZERO;
            for (int i = 1; i < c.sequence().inputCount(); i++) {
                FourMomentum g = c.sequence().input(i);
                if (g.deltaR2(hard) < r * r) {
                    inside++;
                    vec = vec.plus(g.times(c.ghostArea() / g.pt()));
                }
            }
            assertTrue(inside > 40);
            assertEquals(inside * c.ghostArea(), j.area(), 1e-12, "R=" + r);
            assertEquals(vec.px(), j.areaVector().px(), 1e-9);
            assertEquals(vec.py(), j.areaVector().py(), 1e-9);
            assertEquals(vec.pz(), j.areaVector().pz(), 1e-9);
            assertEquals(vec.e(), j.areaVector().e(), 1e-9);
        }
    }

    /**
     * Ghosts are uniform: averaged over many ghost sets, the ghosts in a disc of radius R number πR²/a and their
     * area vectors sum to the disc integral of (cos φ, sin φ, sinh y, cosh y). The spread of one count comes
     * from the ≈ 8R/√a cells crossed by the circle (binomial, variance ≤ ¼ each), which bounds the tolerance.
     * The second disc straddles φ = 0 and sits at large rapidity.
     */
    @Test
    void ghostsAreUniformSoDiscsHaveAreaPiR2() {
        AreaDefinition def = AreaDefinition.defaults(0);
        double a = def.actualGhostArea();
        int sets = 300;
        double[][] discs = {{0.4, 0.0, 1.0}, {1.0, 3.5, 0.2}};
        double[] count = new double[2];
        double[] pt = new double[2];
        double[] e = new double[2];
        java.util.SplittableRandom root = new java.util.SplittableRandom(77);
        for (int k = 0; k < sets; k++) {
            Ghosts g = Ghosts.generate(def, root.split());
            for (int d = 0; d < 2; d++) {
                FourMomentum centre = FourMomentum.fromPtYPhiM(1, discs[d][1], discs[d][2], 0);
                double r = discs[d][0];
                double sx = 0;
                double sy = 0;
                for (int i = 0; i < g.momenta.size(); i++) {
                    if (g.momenta.get(i).deltaR2(centre) < r * r) {
                        count[d]++;
                        sx += g.ax[i];
                        sy += g.ay[i];
                        e[d] += g.ae[i];
                    }
                }
                pt[d] += Math.hypot(sx, sy);
            }
        }
        for (int d = 0; d < 2; d++) {
            double r = discs[d][0];
            double y0 = discs[d][1];
            double sigmaOne = a * Math.sqrt(8 * r / Math.sqrt(a) / 4);
            double tol = 4 * sigmaOne / Math.sqrt(sets);
            assertEquals(Math.PI * r * r, count[d] * a / sets, tol, "mean area of disc " + d);
            // disc integrals: pT = ∫ 2 sin(w(y)) dy, E = ∫ 2 w(y) cosh(y0 + y) dy with w = √(r² − y²)
            int steps = 20000;
            double ptInt = 0;
            double eInt = 0;
            for (int k = 0; k < steps; k++) {
                double y = -r + (k + 0.5) * 2 * r / steps;
                double w = Math.sqrt(r * r - y * y);
                ptInt += 2 * Math.sin(w) * 2 * r / steps;
                eInt += 2 * w * Math.cosh(y0 + y) * 2 * r / steps;
            }
            assertTrue(ptInt < Math.PI * r * r, "the area-vector pT is below the area (curvature in φ)");
            assertEquals(ptInt, pt[d] / sets, tol, "mean area-vector pT of disc " + d);
            assertEquals(eInt, e[d] / sets, tol * Math.cosh(y0 + r), "mean area-vector E of disc " + d);
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
        // with 2 repeats the area is the mean of two single-set areas: a multiple of half a ghost cell
        List<AreaJet> r = new ActiveAreaClustering(ev, def, d.withRepeats(2)).inclusiveJets(20);
        assertEquals(a.size(), r.size());
        double ghost = d.actualGhostArea();
        for (int i = 0; i < r.size(); i++) {
            double count2 = r.get(i).area() * 2 / ghost;
            assertEquals(Math.rint(count2), count2, 1e-6, "mean of 2 integer ghost counts");
            assertEquals(a.get(i).area(), r.get(i).area(), 0.15, "repeat average near single-set area");
        }
    }
}
