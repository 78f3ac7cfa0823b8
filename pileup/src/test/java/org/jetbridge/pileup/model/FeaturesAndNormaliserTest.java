package org.jetbridge.pileup.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.pileup.data.Inefficiency;
import org.jetbridge.sim.Constituents;
import org.jetbridge.sim.RandomStream;
import org.junit.jupiter.api.Test;

/** Relative features and their way back to the lab frame; the normaliser's warm-up, freezing and inversion. */
class FeaturesAndNormaliserTest {

    private static Constituents jet(double[] pt, double[] eta, double[] phi, int[] origin) {
        double[] e = new double[pt.length];
        for (int i = 0; i < pt.length; i++) {
            e[i] = pt[i] * Math.cosh(eta[i]);
        }
        return new Constituents(pt, eta, phi, e, new int[pt.length], origin);
    }

    @Test
    void featuresRoundTripToLabFrameAcrossThePhiBoundary() {
        // a jet straddling φ = ±π: Δφ must be wrapped, and the way back must land on the same particles
        Constituents obs = jet(new double[] {3, 120, 40, 2}, new double[] {0.5, 0.3, 0.1, 0.9},
                new double[] {-3.1, 3.1, 3.0, -2.9}, new int[] {1, 0, 0, 2});
        Constituents hs = jet(new double[] {120, 40}, new double[] {0.3, 0.1}, new double[] {3.1, 3.0},
                new int[] {0, 0});
        EncodedJet e = JetFeatures.encode(obs, 17, 10, hs, 10);
        FourMomentum axis = obs.sum();
        assertEquals(axis.eta(), e.axisEta(), 1e-12);
        assertEquals(axis.phi(), e.axisPhi(), 1e-12);
        assertArrayEquals(new float[] {(float) axis.eta(), (float) axis.phi(), (float) Math.log(axis.pt()),
            (float) axis.m(), 17, 4}, e.context(), 1e-5f);
        // pT-descending: 120 (HS), 40 (HS), 3 (PU), 2 (PU)
        assertArrayEquals(new byte[] {1, 1, 0, 0}, e.isHardScatter());
        for (int k = 0; k < 4; k++) {
            assertTrue(Math.abs(e.observed()[3 * k + 1]) < 1, "Δφ wrapped: " + e.observed()[3 * k + 1]);
        }
        List<FourMomentum> back = JetFeatures.toLab(e.hardScatter(), 0, e.nHardScatter(), e.axisEta(), e.axisPhi());
        assertEquals(2, back.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(hs.pt()[i], back.get(i).pt(), 1e-5 * hs.pt()[i]);
            assertEquals(hs.eta()[i], back.get(i).eta(), 1e-6);
            assertEquals(hs.phi()[i], back.get(i).phi(), 1e-6);
            assertEquals(0, back.get(i).m(), 1e-3);
        }
    }

    @Test
    void truncationKeepsTheLeadingObservedConstituents() {
        Constituents obs = jet(new double[] {2, 50, 7, 30}, new double[] {0, 0.1, 0.2, 0.3},
                new double[] {0, 0.1, 0.2, 0.3}, new int[] {1, 0, 2, 0});
        EncodedJet e = JetFeatures.encode(obs, 0, 2, null, 5);
        assertEquals(2, e.nObserved());
        assertEquals(Math.log(50), e.observed()[2], 1e-6);
        assertEquals(Math.log(30), e.observed()[5], 1e-6);
        assertEquals(2, e.context()[5]);
    }

    @Test
    void inefficiencyDropsAboutTheRightFractionAndKeepsContextConsistent() {
        int n = 10_000;
        double[] pt = new double[n];
        double[] eta = new double[n];
        double[] phi = new double[n];
        int[] origin = new int[n];
        for (int i = 0; i < n; i++) {
            pt[i] = 1 + i * 0.01;
            eta[i] = 0.001 * (i % 100);
            phi[i] = 0.001 * (i % 77);
        }
        Constituents c = jet(pt, eta, phi, origin);
        Constituents kept = Inefficiency.drop(c, 0.1, new RandomStream(3));
        assertEquals(0.9 * n, kept.size(), 4 * Math.sqrt(n * 0.09));
        assertEquals(n, Inefficiency.drop(c, 0, new RandomStream(3)).size());
    }

    @Test
    void normaliserFreezesAfterWarmupAndIgnoresLaterRows() {
        Normaliser n = new Normaliser(2, 4);
        assertThrows(IllegalStateException.class, n::mean, "not usable before the warm-up ends");
        n.observe(new float[] {1, 10, 2, 20, 3, 30}, 3);
        assertTrue(!n.isFrozen());
        n.observe(new float[] {4, 40, 1000, -1000}, 2); // the 5th row comes after freezing
        assertTrue(n.isFrozen());
        assertEquals(4, n.count());
        assertArrayEquals(new float[] {2.5f, 25f}, n.mean(), 1e-6f);
        assertArrayEquals(new float[] {(float) Math.sqrt(1.25), (float) Math.sqrt(125)}, n.std(), 1e-6f);
        n.observe(new float[] {1e6f, 1e6f}, 1);
        assertArrayEquals(new float[] {2.5f, 25f}, n.mean(), 1e-6f);
        float[] x = {4, 40, 1, 10};
        float[] z = new float[4];
        n.apply(x, 2, z, 0);
        assertEquals((4 - 2.5) / Math.sqrt(1.25), z[0], 1e-6);
        n.invert(z, 0, 2);
        assertArrayEquals(x, z, 1e-5f);
        Normaliser back = Normaliser.fromArray(n.toArray(), "test");
        assertArrayEquals(n.mean(), back.mean());
        assertArrayEquals(n.std(), back.std());
    }

    @Test
    void vertexProxyFluctuatesAroundEfficiencyTimesTrueCount() {
        PileupLevel p = PileupLevel.of("vertices", 0.7);
        RandomStream r = new RandomStream(1);
        double sum = 0;
        double sum2 = 0;
        int trials = 2000;
        for (int i = 0; i < trials; i++) {
            int v = p.observe(200, r);
            sum += v;
            sum2 += (double) v * v;
        }
        double mean = sum / trials;
        assertEquals(140, mean, 1.0);
        assertEquals(Math.sqrt(200 * 0.7 * 0.3), Math.sqrt(sum2 / trials - mean * mean), 0.6);
        assertEquals(200, PileupLevel.of("true", 0.7).observe(200, r));
    }
}
