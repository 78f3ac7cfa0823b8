package org.jetbridge.pileup.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Jet;
import org.jetbridge.core.substructure.AxesDefinition;
import org.jetbridge.core.substructure.EnergyCorrelators;
import org.jetbridge.core.substructure.NSubjettiness;
import org.jetbridge.core.substructure.SplittingScales;
import org.jetbridge.pileup.JetEstimate;
import org.jetbridge.sim.RandomStream;
import org.junit.jupiter.api.Test;

class JetObservablesTest {

    private static FourMomentum at(double pt, double y, double phi) {
        return FourMomentum.fromPtYPhiM(pt, y, phi, 0);
    }

    @Test
    void namesAreTheStableMetricsKeys() {
        assertEquals(List.of("mass", "pt", "tau21_kt", "tau32_kt", "d2_beta1", "sqrt_d12", "sqrt_d23"),
                JetObservables.NAMES);
    }

    /** A massless pair: m² = 2 pT1 pT2 (cosh Δy − cos Δφ), √d12 = min pT · ΔR, and no 2- or 3-prong structure. */
    @Test
    void twoParticleJetHasClosedFormMassAndSplittingScale() {
        double pt1 = 300;
        double pt2 = 120;
        double dy = 0.3;
        double dphi = 0.4;
        double[] v = JetObservables.of(JetEstimate.of(List.of(at(pt1, 0.1, 1.0), at(pt2, 0.1 + dy, 1.0 + dphi))));
        double m = Math.sqrt(2 * pt1 * pt2 * (Math.cosh(dy) - Math.cos(dphi)));
        assertEquals(m, v[JetObservables.index("mass")], 1e-9 * m);
        assertEquals(pt2 * Math.hypot(dy, dphi), v[JetObservables.index("sqrt_d12")], 1e-9 * pt2);
        // τ2 = 0 with two constituents (each its own axis), ECF3 = 0 with fewer than three, d23 undefined → 0
        assertEquals(0, v[JetObservables.index("tau21_kt")]);
        assertEquals(0, v[JetObservables.index("tau32_kt")]);
        assertEquals(0, v[JetObservables.index("d2_beta1")]);
        assertEquals(0, v[JetObservables.index("sqrt_d23")]);
    }

    /** Three particles at y = 0: D2 = ECF3 ECF1³/ECF2³ with the pairwise Δφ as ΔR, τ32 = 0. */
    @Test
    void threeParticleD2MatchesTheDefinition() {
        double[] pt = {200, 100, 50};
        double[] phi = {0.0, 0.5, -0.3};
        List<FourMomentum> ps = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ps.add(at(pt[i], 0, phi[i]));
        }
        double r01 = 0.5;
        double r02 = 0.3;
        double r12 = 0.8;
        double e1 = 350;
        double e2 = pt[0] * pt[1] * r01 + pt[0] * pt[2] * r02 + pt[1] * pt[2] * r12;
        double e3 = pt[0] * pt[1] * pt[2] * r01 * r02 * r12;
        double[] v = JetObservables.of(JetEstimate.of(ps));
        assertEquals(e3 * e1 * e1 * e1 / (e2 * e2 * e2), v[JetObservables.index("d2_beta1")], 1e-9);
        assertEquals(0, v[JetObservables.index("tau32_kt")]);
        // kt merges the softest pair-wise closest first: (1, 2)? d = min(pT)² ΔR²: (0,2) 50²·0.09 = 225 is smallest
        assertEquals(50 * 0.3, v[JetObservables.index("sqrt_d23")], 1e-9);
    }

    /** On a busy jet every value is core's own observable on the same constituents. */
    @Test
    void agreesWithCoreOnARandomJet() {
        RandomStream r = new RandomStream(7);
        List<FourMomentum> ps = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            ps.add(at(1 + 50 * r.exponential(), r.gaussian(0.2, 0.4), r.gaussian(1.0, 0.4)));
        }
        Jet jet = Jet.of(ps);
        double[] expect = {jet.m(), jet.pt(), NSubjettiness.tau(jet, 2, AxesDefinition.EXCLUSIVE_KT)
                / NSubjettiness.tau(jet, 1, AxesDefinition.EXCLUSIVE_KT), NSubjettiness.tau(jet, 3,
                AxesDefinition.EXCLUSIVE_KT) / NSubjettiness.tau(jet, 2, AxesDefinition.EXCLUSIVE_KT),
            EnergyCorrelators.of(jet, 1.0).d2(), SplittingScales.sqrtD(jet, 1), SplittingScales.sqrtD(jet, 2)};
        assertArrayEquals(expect, JetObservables.of(JetEstimate.of(ps)), 1e-9);
    }

    /** Area-median estimates: mass and pT come from the corrected four-momentum, shapes from the constituents. */
    @Test
    void kinematicsComeFromTheEstimateMomentum() {
        List<FourMomentum> ps = List.of(at(300, 0, 0), at(100, 0.2, 0.3), at(40, -0.3, 0.1));
        FourMomentum corrected = FourMomentum.fromPtYPhiM(350, 0.05, 0.1, 90);
        double[] v = JetObservables.of(new JetEstimate(ps, corrected));
        double[] raw = JetObservables.of(JetEstimate.of(ps));
        assertEquals(90, v[0], 1e-9);
        assertEquals(350, v[1], 1e-9);
        for (int o = 2; o < JetObservables.COUNT; o++) {
            assertEquals(raw[o], v[o]);
        }
        double[] empty = JetObservables.of(new JetEstimate(List.of(), FourMomentum.ZERO));
        assertArrayEquals(new double[JetObservables.COUNT], empty);
    }
}
