package org.jetbridge.core.substructure;

import static org.jetbridge.core.substructure.NSubjettinessTest.massless;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Jet;
import org.junit.jupiter.api.Test;

/** ECFs in closed form for 1, 2 and 3 particles, and the fast triple sum against the definition. */
class EnergyCorrelatorsTest {

    @Test
    void twoParticles() {
        double p1 = 120, p2 = 45, d = 0.35;
        Jet jet = Jet.of(List.of(massless(p1, 0.2, 1.0), massless(p2, 0.2, 1.0 + d)));
        for (double beta : new double[] {1.0, 2.0, 0.5}) {
            EnergyCorrelators e = EnergyCorrelators.of(jet, beta);
            assertEquals(p1 + p2, e.ecf1(), 1e-12 * (p1 + p2));
            double ecf2 = p1 * p2 * Math.pow(d, beta);
            assertEquals(ecf2, e.ecf2(), 1e-12 * ecf2);
            assertEquals(0.0, e.ecf3());
            assertEquals(0.0, e.d2());
            assertEquals(ecf2 / ((p1 + p2) * (p1 + p2)), e.e2(), 1e-12);
        }
    }

    @Test
    void threeParticlesThreeFourFive() {
        // (y, φ) = (0, 0), (0.3, 0), (0, 0.4): ΔR12 = 0.3, ΔR13 = 0.4, ΔR23 = 0.5
        double p1 = 200, p2 = 70, p3 = 30;
        Jet jet = Jet.of(List.of(massless(p1, 0, 0), massless(p2, 0.3, 0), massless(p3, 0, 0.4)));
        for (double beta : new double[] {1.0, 2.0}) {
            EnergyCorrelators e = EnergyCorrelators.of(jet, beta);
            double ecf1 = p1 + p2 + p3;
            double ecf2 = p1 * p2 * Math.pow(0.3, beta) + p1 * p3 * Math.pow(0.4, beta) + p2 * p3 * Math.pow(0.5, beta);
            double ecf3 = p1 * p2 * p3 * Math.pow(0.3 * 0.4 * 0.5, beta);
            assertEquals(ecf1, e.ecf1(), 1e-12 * ecf1);
            assertEquals(ecf2, e.ecf2(), 1e-12 * ecf2);
            assertEquals(ecf3, e.ecf3(), 1e-12 * ecf3);
            assertEquals(ecf3 / (ecf1 * ecf1 * ecf1), e.e3(), 1e-12 * e.e3());
            double d2 = ecf3 * ecf1 * ecf1 * ecf1 / (ecf2 * ecf2 * ecf2);
            assertEquals(d2, e.d2(), 1e-12 * d2);
        }
    }

    @Test
    void ecf1IsTheScalarSumNotTheJetPt() {
        Jet jet = Jet.of(List.of(massless(100, 0, 0), massless(100, 0, Math.PI / 2)));
        assertEquals(200.0, EnergyCorrelators.of(jet, 1.0).ecf1(), 1e-12);
        assertEquals(100.0 * Math.sqrt(2), jet.pt(), 1e-9);
    }

    @Test
    void azimuthIsWrapped() {
        Jet jet = Jet.of(List.of(massless(10, 0, Math.PI - 0.05), massless(20, 0, -Math.PI + 0.05)));
        assertEquals(10 * 20 * 0.1, EnergyCorrelators.of(jet, 1.0).ecf2(), 1e-9);
    }

    @Test
    void fastTripleSumAgreesWithTheDefinition() {
        Random r = new Random(7);
        for (int n : new int[] {0, 1, 2, 3, 4, 5, 7, 13, 40, 101, 150}) {
            List<FourMomentum> ps = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // pT spanning four decades, a jet-sized blob that straddles φ = π
                ps.add(FourMomentum.fromPtYPhiM(Math.pow(10, 3 * r.nextDouble() - 1), 0.5 * r.nextGaussian(),
                        Math.PI + 0.4 * r.nextGaussian(), r.nextDouble() < 0.5 ? 0.1396 : 0.0));
            }
            JetContext ctx = JetContext.of(Jet.of(ps));
            for (double beta : new double[] {0.5, 1.0, 1.7, 2.0}) {
                EnergyCorrelators fast = ctx.energyCorrelators(beta);
                EnergyCorrelators ref = EnergyCorrelators.naive(ctx.pt(), ctx.y(), ctx.phi(), beta);
                String what = "n=" + n + " beta=" + beta;
                assertEquals(ref.ecf1(), fast.ecf1(), 1e-12 * Math.abs(ref.ecf1()), what);
                assertEquals(ref.ecf2(), fast.ecf2(), 1e-12 * Math.abs(ref.ecf2()), what);
                assertEquals(ref.ecf3(), fast.ecf3(), 1e-12 * Math.abs(ref.ecf3()), what);
                if (n >= 3) {
                    assertEquals(true, ref.ecf3() > 0, what);
                }
            }
        }
    }

    @Test
    void rejectsBadBeta() {
        Jet jet = Jet.of(List.of(massless(10, 0, 0)));
        assertThrows(IllegalArgumentException.class, () -> EnergyCorrelators.of(jet, 0.0));
        assertThrows(IllegalArgumentException.class, () -> EnergyCorrelators.of(jet, Double.NaN));
    }
}
