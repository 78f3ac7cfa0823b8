package org.jetbridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jetbridge.core.Angles;
import org.junit.jupiter.api.Test;

/** Flavour-tagging jets: cuts, labels, features, and the displaced-track signal that makes tagging possible. */
class FlavourJetsTest {

    @Test
    void jetsPassCutsCarryConsistentFeaturesAndLabels() {
        List<FlavourJet> jets = new FlavourJets(GeneratorSettings.nominal(), 0.4).generate(61, 0, 1500, 2);
        int[] count = new int[3];
        double[] heavyFraction = new double[3];
        double[] displaced = new double[3];
        double outside = 0;
        double all = 0;
        for (FlavourJet j : jets) {
            assertTrue(j.pt() > FlavourJets.JET_PT_MIN && Math.abs(j.eta()) < FlavourJets.JET_ETA_MAX);
            int heavy = 0;
            double[] sig = new double[j.size()];
            int nt = 0;
            for (int k = 0; k < j.size(); k++) {
                assertTrue(k == 0 || j.cPt()[k] <= j.cPt()[k - 1], "constituents sorted by pT");
                assertEquals(j.cEta()[k] - j.eta(), j.cDeta()[k], 1e-12);
                assertEquals(Angles.deltaPhi(j.cPhi()[k], j.phi()), j.cDphi()[k], 1e-12);
                // clustering uses rapidity, features use η: only slow massive hadrons may sit outside 0.4 in η
                outside += Math.hypot(j.cDeta()[k], j.cDphi()[k]) > 0.45 ? 1 : 0;
                all++;
                if (j.cCharge()[k] == 0) {
                    assertEquals(0.0, j.cD0err()[k]);
                    assertTrue(j.cClass()[k] <= ParticleClass.NEUTRAL_HADRON.code());
                } else {
                    assertTrue(j.cD0err()[k] > 0 && j.cClass()[k] >= ParticleClass.CHARGED_HADRON.code());
                    sig[nt++] = j.cD0()[k] / j.cD0err()[k];
                }
                heavy += (j.cFlags()[k] & (TruthEvent.FROM_B | TruthEvent.FROM_C)) != 0 ? 1 : 0;
            }
            java.util.Arrays.sort(sig, 0, nt);
            count[j.flavour()]++;
            heavyFraction[j.flavour()] += heavy > 0 ? 1 : 0;
            displaced[j.flavour()] += nt >= 2 && sig[nt - 2] > 3 ? 1 : 0;
        }
        assertTrue(outside / all < 0.01, "constituents outside the cone in η-φ: " + outside / all);
        for (int f = 0; f < 3; f++) {
            assertTrue(count[f] > 200, "flavour " + f + " jets: " + count[f]);
            heavyFraction[f] /= count[f];
            displaced[f] /= count[f];
        }
        assertTrue(heavyFraction[FlavourJet.BOTTOM] > 0.95, "b jets hold b-hadron products");
        assertTrue(heavyFraction[FlavourJet.CHARM] > 0.9, "c jets hold c-hadron products");
        assertTrue(heavyFraction[FlavourJet.LIGHT] < 0.1, "light jets rarely hold heavy-flavour products");
        // the lifetime signal: second-highest signed d0 significance above 3
        assertTrue(displaced[FlavourJet.BOTTOM] > 0.6, "b: " + displaced[2]);
        assertTrue(displaced[FlavourJet.CHARM] > 0.2 && displaced[FlavourJet.CHARM] < displaced[FlavourJet.BOTTOM],
                "c: " + displaced[1]);
        assertTrue(displaced[FlavourJet.LIGHT] < 0.15, "light: " + displaced[0]);
    }

    @Test
    void partonLabelsFollowTheHardProcess() {
        GeneratorSettings bOnly = GeneratorSettings.nominal().with("process.fractionCC", "0")
                .with("process.fractionLightQQ", "0").with("process.fractionGG", "0");
        List<FlavourJet> jets = new FlavourJets(bOnly, 0.4).generate(62, 0, 300, 1);
        int b = 0;
        int bParton = 0;
        for (FlavourJet j : jets) {
            b += j.flavour() == FlavourJet.BOTTOM ? 1 : 0;
            bParton += Math.abs(j.partonId()) == 5 ? 1 : 0;
        }
        assertTrue(b > 0.85 * jets.size(), "b b̄ events give b jets: " + b + " of " + jets.size());
        assertTrue(bParton > 0.75 * jets.size(), "parton id 5: " + bParton + " of " + jets.size());
    }

    @Test
    void largerRadiusCollectsMoreConstituents() {
        double n4 = 0;
        double n8 = 0;
        List<FlavourJet> j4 = new FlavourJets(GeneratorSettings.nominal(), 0.4).generate(63, 0, 300, 1);
        List<FlavourJet> j8 = new FlavourJets(GeneratorSettings.nominal(), 0.8).generate(63, 0, 300, 1);
        for (FlavourJet j : j4) {
            n4 += j.size();
        }
        for (FlavourJet j : j8) {
            n8 += j.size();
        }
        assertTrue(n8 / j8.size() > 1.2 * n4 / j4.size());
    }
}
