package org.jetbridge.core.substructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Jet;
import org.jetbridge.core.testing.TestEvents;
import org.junit.jupiter.api.Test;

/**
 * Physics properties of every registered observable on real jets (leading jets of the public reference events):
 * invariance under longitudinal boosts and azimuthal rotations, and infrared and collinear safety.
 */
class SymmetryAndSafetyTest {
    private static final double REL = 1e-8;
    private static final double ABS = 1e-8;

    private static List<List<FourMomentum>> jets() {
        List<List<FourMomentum>> events = TestEvents.resource("reference/events-public.dat");
        List<List<FourMomentum>> out = new ArrayList<>();
        for (int ev = 0; ev < 4; ev++) {
            for (Jet j : ReferenceSubstructureTest.selectedJets(events.get(ev), 1.0).subList(0, 2)) {
                out.add(j.constituents());
            }
        }
        return out;
    }

    private static void assertSameObservables(List<FourMomentum> a, List<FourMomentum> b, Set<String> skip,
            String what) {
        List<Observable> obs = Observables.standardWith(Observables.referenceSoftDrops());
        double[] va = Observables.evaluate(obs, Jet.of(a));
        double[] vb = Observables.evaluate(obs, Jet.of(b));
        for (int i = 0; i < obs.size(); i++) {
            String name = obs.get(i).name();
            if (skip.contains(name)) {
                continue;
            }
            double tol = REL * Math.max(Math.abs(va[i]), Math.abs(vb[i])) + ABS;
            assertEquals(va[i], vb[i], tol, what + ": " + name);
        }
    }

    private static List<FourMomentum> map(List<FourMomentum> ps, UnaryOperator<FourMomentum> f) {
        List<FourMomentum> out = new ArrayList<>(ps.size());
        for (FourMomentum p : ps) {
            out.add(f.apply(p));
        }
        return out;
    }

    @Test
    void invariantUnderLongitudinalBoostsAndAzimuthalRotations() {
        int k = 0;
        for (List<FourMomentum> jet : jets()) {
            double dy = -1.3 + 0.7 * k;
            double dphi = 0.9 + 1.1 * k++;
            // the jet's ΔR's, pT's and invariant masses do not change; so no observable may
            assertSameObservables(jet, map(jet, p -> p.boostZ(dy)), Set.of(), "boost by " + dy);
            assertSameObservables(jet, map(jet, p -> p.rotateZ(dphi)), Set.of(), "rotation by " + dphi);
        }
    }

    @Test
    void infraredSafe() {
        for (List<FourMomentum> jet : jets()) {
            FourMomentum axis = FourMomentum.sum(jet);
            List<FourMomentum> plus = new ArrayList<>(jet);
            // two 1e-10 GeV particles: one near the axis, one at the jet edge
            plus.add(FourMomentum.fromPtYPhiM(1e-10, axis.rapidity() + 0.05, axis.phi() - 0.03, 0.0));
            plus.add(FourMomentum.fromPtYPhiM(1e-10, axis.rapidity() - 0.6, axis.phi() + 0.7, 0.0));
            assertSameObservables(jet, plus, Set.of(), "soft emission");
        }
    }

    @Test
    void collinearSafe() {
        for (List<FourMomentum> jet : jets()) {
            // split the hardest and a mid-pT constituent into exactly collinear pieces (30/70 and 50/50)
            List<FourMomentum> split = new ArrayList<>(jet);
            int hardest = 0;
            for (int i = 1; i < jet.size(); i++) {
                if (jet.get(i).pt2() > jet.get(hardest).pt2()) {
                    hardest = i;
                }
            }
            int other = hardest == 0 ? 1 : 0;
            FourMomentum h = split.get(hardest);
            FourMomentum o = split.get(other);
            split.set(hardest, h.times(0.3));
            split.add(h.times(0.7));
            split.set(other, o.times(0.5));
            split.add(o.times(0.5));
            // z_g and R_g describe a splitting; they are compared too since every jet here has a passing splitting
            assertTrue(new org.jetbridge.core.groom.SoftDrop(2, 0.05).groom(Jet.of(jet)).foundSplitting());
            assertSameObservables(jet, split, Set.of(), "collinear split");
        }
    }
}
