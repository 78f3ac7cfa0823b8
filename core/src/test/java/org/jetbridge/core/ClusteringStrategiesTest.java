package org.jetbridge.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jetbridge.core.testing.TestEvents;
import org.junit.jupiter.api.Test;

/**
 * The clustering history must not depend on the strategy: parents, children and every d_ij are compared bit for
 * bit between the plain, tiled and min-heap tiled loops on random events of all sizes, all algorithms, radii
 * from 0.1 to "unlimited", both recombination schemes, and inputs built to be awkward (exact ties on a lattice,
 * duplicated particles, particles along the beam, empty input).
 */
class ClusteringStrategiesTest {
    private static final ClusteringStrategy[] ALL = {ClusteringStrategy.N2_PLAIN, ClusteringStrategy.N2_TILED,
        ClusteringStrategy.N2_MINHEAP_TILED, ClusteringStrategy.N2_TILED_DENSE, ClusteringStrategy.AUTO};

    private static List<JetDefinition> definitions(double r) {
        List<JetDefinition> defs = new ArrayList<>();
        defs.add(JetDefinition.antiKt(r));
        defs.add(JetDefinition.kt(r));
        defs.add(JetDefinition.cambridge(r));
        defs.add(JetDefinition.genKt(r, 0.5));
        defs.add(JetDefinition.antiKt(r).withRecombination(RecombinationScheme.WTA_PT));
        defs.add(JetDefinition.cambridge(r).withRecombination(RecombinationScheme.WTA_PT));
        return defs;
    }

    private static void assertSameHistory(List<FourMomentum> in, JetDefinition def, String what) {
        ClusterSequence ref = new ClusterSequence(in, def, ClusteringStrategy.N2_PLAIN);
        assertEquals(2 * in.size(), ref.historySize(), what + ": history length");
        for (ClusteringStrategy s : ALL) {
            ClusterSequence cs = new ClusterSequence(in, def, s);
            String tag = what + " " + def + " " + s + " (ran " + cs.strategy() + ")";
            assertEquals(ref.historySize(), cs.historySize(), tag);
            for (int h = 0; h < ref.historySize(); h++) {
                int hh = h;
                assertEquals(ref.parent1(h), cs.parent1(h), () -> tag + ": parent1 of step " + hh);
                assertEquals(ref.parent2(h), cs.parent2(h), () -> tag + ": parent2 of step " + hh);
                assertEquals(ref.child(h), cs.child(h), () -> tag + ": child of step " + hh);
                assertEquals(Double.doubleToLongBits(ref.dij(h)), Double.doubleToLongBits(cs.dij(h)),
                        () -> tag + ": d of step " + hh);
            }
        }
    }

    @Test
    void randomEventsAllSizesAlgorithmsAndRadii() {
        int[] sizes = {1, 2, 3, 5, 17, 60, 150, 401, 1000};
        double[] radii = {0.1, 0.4, 0.7, 1.0, 1.5, 1.6, JetDefinition.MAX_RADIUS};
        long seed = 1;
        for (int n : sizes) {
            for (double r : radii) {
                List<FourMomentum> ev = TestEvents.lhcLike(n, seed++);
                for (JetDefinition def : definitions(r)) {
                    assertSameHistory(ev, def, "lhcLike(" + n + ")");
                }
            }
        }
    }

    @Test
    void largeEvents() {
        for (int n : new int[] {2000, 4000}) {
            List<FourMomentum> ev = TestEvents.lhcLike(n, 77 + n);
            assertSameHistory(ev, JetDefinition.antiKt(0.4), "lhcLike(" + n + ")");
            assertSameHistory(ev, JetDefinition.kt(0.6), "lhcLike(" + n + ")");
            assertSameHistory(ev, JetDefinition.cambridge(1.0), "lhcLike(" + n + ")");
        }
    }

    @Test
    void exactTiesOnALatticeWithDuplicates() {
        // A regular (y, φ) grid of equal-pT particles: every pair distance occurs many times, so the order of
        // steps is decided by the tie rules alone; duplicated particles add zero distances.
        for (double spacing : new double[] {0.1, 0.25}) {
            List<FourMomentum> in = new ArrayList<>();
            for (int iy = 0; iy < 12; iy++) {
                for (int ip = 0; ip < 20; ip++) {
                    in.add(FourMomentum.fromPtYPhiM(1.0, -1.5 + iy * spacing, -3.0 + ip * spacing, 0.0));
                }
            }
            for (int k = 0; k < 30; k++) {
                in.add(in.get(7 * k));
            }
            for (double r : new double[] {0.2, 0.4, 1.0, 3.0}) {
                for (JetDefinition def : definitions(r)) {
                    assertSameHistory(in, def, "lattice " + spacing);
                }
            }
        }
    }

    @Test
    void beamParticlesZeroMomentaAndEmptyInput() {
        Random rnd = new Random(5);
        List<FourMomentum> in = new ArrayList<>(TestEvents.lhcLike(300, 9));
        for (int k = 0; k < 10; k++) {
            double pz = (k % 2 == 0 ? 1 : -1) * (10 + 100 * rnd.nextDouble());
            in.add(rnd.nextInt(in.size()), new FourMomentum(0, 0, pz, Math.abs(pz))); // rapidity ±(1e5 + |pz|)
        }
        in.add(new FourMomentum(0, 0, 0, 1.0)); // at rest: y = 0, φ = 0
        in.add(new FourMomentum(1e-3, 0, 5e4, 5e4 + 1e-3)); // extreme but finite rapidity
        for (double r : new double[] {0.4, 1.0, JetDefinition.MAX_RADIUS}) {
            for (JetDefinition def : definitions(r)) {
                assertSameHistory(in, def, "with beam particles");
            }
        }
        for (JetDefinition def : definitions(0.4)) {
            assertSameHistory(List.of(), def, "empty");
            ClusterSequence cs = new ClusterSequence(List.of(), def, ClusteringStrategy.N2_MINHEAP_TILED);
            assertTrue(cs.inclusiveJets(0).isEmpty());
        }
        // only beam particles: the tiled range is empty and everything is clamped into one row
        List<FourMomentum> beams = List.of(new FourMomentum(0, 0, 5, 5), new FourMomentum(0, 0, -5, 5),
                new FourMomentum(0, 0, 7, 7));
        for (JetDefinition def : definitions(0.4)) {
            assertSameHistory(beams, def, "beam only");
        }
    }

    @Test
    void neighboursAcrossThePhiSeamJustInsideAndOutsideR() {
        // Two equal-pT particles on either side of φ = 0 at ΔR = R(1 ∓ 1e-7), far from a soft background: with
        // C/A they merge exactly when ΔR < R, whatever the strategy (tiles must see across the seam and must not
        // lose a neighbour to rounding at a tile edge).
        double r = 0.4;
        for (double scale : new double[] {1 - 1e-7, 1 + 1e-7}) {
            List<FourMomentum> in = new ArrayList<>();
            for (FourMomentum p : TestEvents.lhcLike(400, 11)) {
                in.add(p.boostZ(-6 - p.rapidity() * 0.2)); // background at y ≈ −6 ± 1
            }
            int i1 = in.size();
            in.add(FourMomentum.fromPtYPhiM(10, 2.0, 0.3 * r, 0));
            in.add(FourMomentum.fromPtYPhiM(10, 2.0, -0.7 * r * scale, 0));
            for (ClusteringStrategy s : ALL) {
                ClusterSequence cs = new ClusterSequence(in, JetDefinition.cambridge(r), s);
                int h = cs.child(i1);
                boolean merged = h == cs.child(i1 + 1) && cs.parent2(h) != ClusterSequence.BEAM;
                assertEquals(scale < 1, merged, s + " at ΔR/R = " + scale);
            }
        }
    }

    @Test
    void strategyReportedIsTheOneThatRan() {
        List<FourMomentum> ev = TestEvents.lhcLike(1000, 3);
        assertEquals(ClusteringStrategy.N2_PLAIN,
                new ClusterSequence(ev, JetDefinition.kt(JetDefinition.MAX_RADIUS), ClusteringStrategy.N2_TILED).strategy());
        assertEquals(ClusteringStrategy.N2_TILED,
                new ClusterSequence(ev, JetDefinition.kt(0.4), ClusteringStrategy.N2_TILED).strategy());
        assertEquals(ClusteringStrategy.N2_PLAIN, new ClusterSequence(ev.subList(0, 10), JetDefinition.kt(0.4)).strategy());
        assertEquals(ClusteringStrategy.N2_TILED_DENSE, new ClusterSequence(ev, JetDefinition.antiKt(0.4)).strategy());
        assertEquals(ClusteringStrategy.N2_MINHEAP_TILED,
                new ClusterSequence(TestEvents.lhcLike(ClusteringStrategies.LAZY_MIN_N, 4), JetDefinition.antiKt(0.4))
                        .strategy());
    }
}
