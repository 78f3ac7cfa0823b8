package org.jetbridge.core.pileup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Jet;
import org.jetbridge.core.JetDefinition;
import org.jetbridge.core.Particle;
import org.jetbridge.core.area.AreaJet;
import org.junit.jupiter.api.Test;

/** CHS and PUPPI on events with known vertex truth; the common interface. */
class MitigatorTest {
    private static final int PDG_PION = 211;
    private static final int PDG_PHOTON = 22;

    /** Hard charged spray at (y 0, φ 1), soft hard-scatter tracks everywhere, and nPu pile-up vertices. */
    static List<Particle> event(long seed, int nPu) {
        Random r = new Random(seed);
        List<Particle> ev = new ArrayList<>();
        double[][] hard = {{40, 0.0, 1.0}, {25, 0.05, 1.04}, {15, -0.06, 0.95}, {8, 0.1, 1.1}};
        for (double[] h : hard) {
            ev.add(new Particle(FourMomentum.fromPtYPhiM(h[0], h[1], h[2], 0.1396), PDG_PION, 1, 0));
        }
        for (int i = 0; i < 120; i++) { // underlying event of the hard scatter: soft tracks everywhere
            ev.add(new Particle(soft(r, 0.7), PDG_PION, r.nextBoolean() ? 1 : -1, 0));
        }
        for (int v = 1; v <= nPu; v++) {
            for (int i = 0; i < 12; i++) {
                ev.add(new Particle(soft(r, 0.5), PDG_PION, r.nextBoolean() ? 1 : -1, v));
                if (i % 2 == 0) {
                    ev.add(new Particle(soft(r, 0.5), PDG_PHOTON, 0, v));
                }
            }
        }
        return ev;
    }

    private static FourMomentum soft(Random r, double meanPt) {
        double pt = -meanPt * Math.log(1 - r.nextDouble());
        return FourMomentum.fromPtYPhiM(Math.max(pt, 1e-3), r.nextDouble() * 5 - 2.5, r.nextDouble() * 2 * Math.PI, 0);
    }

    @Test
    void chsRemovesExactlyTheChargedPileup() {
        List<Particle> ev = new ArrayList<>(event(1, 40));
        ev.add(new Particle(FourMomentum.fromPtYPhiM(3, 0.2, 2, 0), PDG_PION, 1, Particle.UNKNOWN_VERTEX));
        List<Particle> kept = new ChargedHadronSubtraction().apply(ev);
        List<Particle> expected = ev.stream().filter(p -> !(p.charge() != 0 && p.vertex() > 0)).toList();
        assertEquals(expected, kept);
        long chargedPu = ev.stream().filter(p -> p.charge() != 0 && p.vertex() > 0).count();
        assertEquals(40 * 12, chargedPu);
        assertEquals(ev.size() - chargedPu, kept.size());
        assertTrue(kept.stream().anyMatch(p -> p.vertex() == Particle.UNKNOWN_VERTEX), "unknown vertex is kept");
    }

    @Test
    void puppiWeightsFollowVertexAndLocalShape() {
        List<Particle> ev = new ArrayList<>(event(2, 60));
        // a neutral inside the hard spray and an isolated soft neutral far from it
        int nearHard = ev.size();
        ev.add(new Particle(FourMomentum.fromPtYPhiM(6, 0.02, 1.02, 0), PDG_PHOTON, 0, 0));
        int isolated = ev.size();
        ev.add(new Particle(FourMomentum.fromPtYPhiM(1.5, -1.6, 4.2, 0), PDG_PHOTON, 0, 3));
        Puppi puppi = new Puppi();
        double[] w = puppi.weights(ev);
        double[] alpha = puppi.alphas(ev);
        double neutralPuPt = 0;
        double neutralPuWeighted = 0;
        for (int i = 0; i < ev.size(); i++) {
            Particle p = ev.get(i);
            if (p.isCharged()) {
                assertEquals(p.vertex() == 0 ? 1.0 : 0.0, w[i], "charged particle " + i + " vertex " + p.vertex());
            } else {
                assertTrue(w[i] >= 0 && w[i] <= 1, "neutral weight in [0,1]: " + w[i]);
                if (p.isPileup()) {
                    neutralPuPt += p.momentum().pt();
                    neutralPuWeighted += w[i] * p.momentum().pt();
                }
            }
        }
        assertTrue(w[nearHard] > 0.99, "neutral inside the hard spray: w=" + w[nearHard] + " α=" + alpha[nearHard]);
        assertTrue(w[isolated] < 0.1, "isolated soft neutral: w=" + w[isolated] + " α=" + alpha[isolated]);
        assertTrue(alpha[nearHard] > alpha[isolated] + 5, "the hard neighbourhood has the larger local shape");
        assertTrue(neutralPuWeighted < 0.2 * neutralPuPt,
                "most neutral pile-up pT is removed: " + neutralPuWeighted + " of " + neutralPuPt);
        // apply() keeps the particles of positive weight with momenta scaled by w
        List<Particle> out = puppi.apply(ev);
        FourMomentum expected = FourMomentum.ZERO;
        int positive = 0;
        for (int i = 0; i < ev.size(); i++) {
            if (w[i] > 0) {
                expected = expected.plus(ev.get(i).momentum().times(w[i]));
                positive++;
            }
        }
        assertEquals(positive, out.size());
        FourMomentum got = FourMomentum.sum(out.stream().map(Particle::momentum).toList());
        assertEquals(expected.px(), got.px(), 1e-9);
        assertEquals(expected.e(), got.e(), 1e-9);
    }

    @Test
    void puppiWithoutPileupKeepsNeutralsAboveCuts() {
        List<Particle> ev = new ArrayList<>(event(3, 0));
        ev.add(new Particle(FourMomentum.fromPtYPhiM(2, 1.0, 3.0, 0), PDG_PHOTON, 0, 0));
        double[] w = new Puppi().weights(ev);
        assertEquals(1.0, w[ev.size() - 1], "no pile-up reference: a neutral above the pT cut keeps weight 1");
    }

    @Test
    void puppiParametersAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new PuppiParameters(0, 0, 0.1, 0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> new PuppiParameters(0.3, 0.3, 0.1, 0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> new PuppiParameters(0.3, 0.02, 1.5, 0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> new PuppiParameters(0.3, 0.02, 0.1, -1, 0));
    }

    @Test
    void subtractionBelowBackgroundGivesZeroJet() {
        FourMomentum p = FourMomentum.fromPtYPhiM(10, 0.3, 2, 1);
        Jet jet = Jet.of(List.of(p));
        FourMomentum areaVec = FourMomentum.fromPtYPhiM(0.5, 0.3, 2, 0.05);
        AreaJet aj = new AreaJet(jet, 0.5, areaVec);
        Jet sub = AreaMedianSubtraction.subtract(aj, 8.0);
        FourMomentum exp = p.minus(areaVec.times(8.0));
        assertEquals(exp, sub.momentum());
        assertEquals(List.of(p), sub.constituents(), "constituents stay unsubtracted");
        Jet zero = AreaMedianSubtraction.subtract(aj, 20.0);
        assertEquals(FourMomentum.ZERO, zero.momentum());
        assertEquals(0, zero.constituentCount());
        assertThrows(IllegalArgumentException.class, () -> AreaMedianSubtraction.subtract(aj, -1));
    }

    /** "CHS + ρA" is area subtraction on the CHS event, with ρ from that event. */
    @Test
    void subtractionAfterAParticleStage() {
        List<Particle> ev = event(5, 30);
        JetDefinition def = JetDefinition.antiKt(0.4);
        org.jetbridge.core.area.AreaDefinition area = org.jetbridge.core.area.AreaDefinition.defaults(4);
        AreaMedianSubtraction chsRho = new AreaMedianSubtraction(new GridMedianBackground(), area,
                new ChargedHadronSubtraction());
        AreaMedianSubtraction rho = new AreaMedianSubtraction(new GridMedianBackground(), area);
        assertEquals("CHS+AreaMedian(GridMedianBackground)", chsRho.name());
        List<Jet> a = chsRho.jets(ev, def, 10);
        List<Jet> b = rho.jets(new ChargedHadronSubtraction().apply(ev), def, 10);
        assertEquals(b.size(), a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(b.get(i).momentum(), a.get(i).momentum());
        }
    }

    /** Every method runs through the one interface and returns pT-ordered jets above the cut. */
    @Test
    void allMethodsLoopThroughOneInterface() {
        List<Particle> ev = event(4, 30);
        List<PileupMitigator> methods = List.of(PileupMitigator.none(), new ChargedHadronSubtraction(),
                new SoftKiller(), new Puppi(), new AreaMedianSubtraction());
        JetDefinition def = JetDefinition.antiKt(0.4);
        double hardPt = 0;
        for (PileupMitigator m : methods) {
            List<Jet> jets = m.jets(ev, def, 20.0);
            assertFalse(jets.isEmpty(), m.name());
            for (int i = 0; i < jets.size(); i++) {
                assertTrue(jets.get(i).pt() >= 20.0, m.name());
                assertTrue(jets.get(i).constituentCount() > 0, m.name());
                if (i > 0) {
                    assertTrue(jets.get(i).pt() <= jets.get(i - 1).pt(), m.name());
                }
            }
            if (m.name().equals("None")) {
                hardPt = jets.get(0).pt();
            } else {
                assertTrue(jets.get(0).pt() < hardPt, m.name() + " lowers the leading jet pT");
            }
        }
    }
}
