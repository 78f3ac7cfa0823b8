package org.jetbridge.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jetbridge.core.FourMomentum;
import org.junit.jupiter.api.Test;

/** Pile-up count models, the min-bias pool and the overlay onto hard-scatter top jets. */
class PileupTest {
    private static final GeneratorSettings S = GeneratorSettings.nominal();

    @Test
    void pileupCountModelsHaveTheirMeans() {
        RandomStream rng = new RandomStream(51);
        int n = 20000;
        for (PileupParameters p : List.of(new PileupParameters(PileupParameters.Mode.POISSON, 60, 0),
                new PileupParameters(PileupParameters.Mode.FIXED, 140, 0),
                new PileupParameters(PileupParameters.Mode.GAUSSIAN_MU, 200, 50))) {
            double s = 0;
            double s2 = 0;
            for (int i = 0; i < n; i++) {
                int k = p.draw(rng);
                s += k;
                s2 += (double) k * k;
            }
            double mean = s / n;
            double var = s2 / n - mean * mean;
            switch (p.mode()) {
                case POISSON -> {
                    assertEquals(60, mean, 0.3);
                    assertEquals(60, var, 3);
                }
                case FIXED -> {
                    assertEquals(140, mean, 0.0);
                    assertEquals(0, var, 1e-6);
                }
                default -> {
                    assertEquals(200, mean, 2);
                    assertEquals(50 * 50 + 200, var, 150); // Gaussian μ spread plus Poisson noise
                }
            }
        }
    }

    @Test
    void pileupDensityInsideTheConeGrowsLinearlyWithMu() {
        MinBiasPool pool = MinBiasPool.generate(S, 52, 0, 400, 2);
        assertEquals(400, pool.interactions());
        Constituents hs = Constituents.sorted(List.of(FourMomentum.fromPtEtaPhiM(300, 0.2, 1.0, 0)), new int[] {0},
                new int[] {0}, 200);
        FourMomentum axis = hs.momentum(0);
        double[] mus = {0, 30, 60, 120};
        double[] mean = new double[mus.length];
        int trials = 400;
        for (int m = 0; m < mus.length; m++) {
            double sum = 0;
            for (int i = 0; i < trials; i++) {
                OverlaidJet j = PileupOverlay.overlay(hs, axis, pool, (int) mus[m], RandomStream.forEvent(53, i), 1.0,
                        1.0, 2.5, 10000);
                int pu = 0;
                for (int k = 0; k < j.observed().size(); k++) {
                    if (j.observed().origin()[k] > 0) {
                        pu++;
                        assertTrue(j.observed().origin()[k] <= mus[m]);
                        assertTrue(j.observed().momentum(k).deltaR(axis) < 1.0 + 1e-9);
                    }
                }
                sum += pu;
                assertEquals(1, j.observed().size() - pu, "the hard-scatter particle is kept");
            }
            mean[m] = sum / trials;
        }
        assertEquals(0.0, mean[0]);
        double perInteraction = mean[3] / mus[3];
        // expected: particles with pT > 1 GeV per unit η-φ area (charged ≈ 6 × 0.13 plus neutrals) × πR²
        assertTrue(perInteraction > 0.4 && perInteraction < 4, "pile-up particles per interaction in R = 1: "
                + perInteraction);
        for (int m = 1; m < mus.length; m++) {
            assertEquals(perInteraction * mus[m], mean[m], 0.1 * perInteraction * mus[m], "linear at mu " + mus[m]);
        }
    }

    @Test
    void overlaidJetsKeepTheTruthAndLabelEveryParticle() {
        TopJets tj = new TopJets(S.with("process.topPtMin", "400"));
        List<TopJet> jets = tj.generate(54, 0, 40, 2);
        assertTrue(jets.size() > 30);
        MinBiasPool pool = MinBiasPool.generate(S, 55, 0, 100, 2);
        for (TopJet t : jets) {
            Constituents c = t.constituents();
            assertTrue(c.size() <= TopJets.MAX_CONSTITUENTS);
            for (int k = 0; k < c.size(); k++) {
                assertTrue(c.pt()[k] > 1 && Math.abs(c.eta()[k]) < 2.5);
                assertTrue(k == 0 || c.pt()[k] <= c.pt()[k - 1], "sorted by pT");
            }
            if (c.size() < TopJets.MAX_CONSTITUENTS) {
                FourMomentum sum = c.sum();
                assertEquals(t.axis().e(), sum.e(), 1e-9 * sum.e(), "axis is the E-scheme sum");
            }
            OverlaidJet o = PileupOverlay.overlay(c, t.axis(), pool, new PileupParameters(PileupParameters.Mode.FIXED,
                    50, 0), RandomStream.forEvent(56, t.event()));
            assertEquals(50, o.pileupInteractions());
            assertArrayEquals(c.pt(), o.truth().pt());
            int hs = 0;
            for (int k = 0; k < o.observed().size(); k++) {
                hs += o.observed().origin()[k] == 0 ? 1 : 0;
            }
            assertEquals(Math.min(c.size(), o.observed().size()), hs, "every hard-scatter constituent survives");
        }
    }

    @Test
    void eventLevelPileupAddsInteractionsAtTheirOwnVertices() {
        Generator g = new Generator(S.with("pileup.mode", "FIXED").with("pileup.mu", "25"));
        TruthEvent t = g.ttbarEvent(RandomStream.forEvent(57, 0), true);
        assertEquals(26, t.interactionZ().length);
        int max = 0;
        for (int k = 0; k < t.size(); k++) {
            max = Math.max(max, t.interaction()[k]);
            int v = t.interaction()[k];
            if (t.flags()[k] == 0 && t.vx()[k] == 0 && t.vy()[k] == 0) {
                assertEquals(t.interactionZ()[v], t.vz()[k], "prompt particles start at their interaction's vertex");
            }
        }
        assertEquals(25, max);
        double spread = 0;
        for (double z : t.interactionZ()) {
            spread += z * z;
        }
        spread = Math.sqrt(spread / t.interactionZ().length);
        assertTrue(spread > 25 && spread < 70, "vertex z spread ~ 45 mm: " + spread);
    }
}
