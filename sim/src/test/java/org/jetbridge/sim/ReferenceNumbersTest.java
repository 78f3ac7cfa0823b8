package org.jetbridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every row of testbed.md §7, with its tolerance, plus the per-event conservation laws. */
class ReferenceNumbersTest {
    private static final GeneratorSettings NOMINAL = GeneratorSettings.nominal();

    @Test
    void topJetMassPeaksAtTheTopMass() {
        TopJets tj = new TopJets(NOMINAL.with("process.topPtMin", "400"));
        double[] m = tj.generate(11, 0, 1500, 2).stream().mapToDouble(t -> t.axis().m()).toArray();
        assertTrue(m.length > 1400, "most tt̄ events with top pT > 400 GeV give a 250 GeV jet: " + m.length);
        ReferenceNumbers.Check c = ReferenceNumbers.topJetMassPeak(m, "test");
        assertTrue(c.passed(), "leading R=1.0 jet mass peak " + c.measured());
    }

    @Test
    void wPeakInTheTwoSubjetMassOfContainedTopJets() {
        double[] mw = ReferenceNumbers.wMassesInContainedTopJets(NOMINAL, 12, 2500);
        assertTrue(mw.length > 300, "contained hadronic top jets: " + mw.length);
        ReferenceNumbers.Check c = ReferenceNumbers.wPeak(mw, 2500);
        assertTrue(c.passed(), "W peak in the two-subjet mass " + c.measured());
    }

    @Test
    void bHadronFlightFollowsTheExponentialWithMeanBetaGammaCTau() {
        double[] scaled = ReferenceNumbers.bFlightOverBetaGammaCTau(NOMINAL, 13, 1500);
        int n = scaled.length;
        double mean = Arrays.stream(scaled).average().orElseThrow();
        // unit exponential: mean 1, standard error 1/√n; fraction above 1 is e⁻¹, above 3 is e⁻³
        assertEquals(1.0, mean, 4.0 / Math.sqrt(n), "mean flight / (βγcτ) over " + n + " b hadrons");
        assertTrue(ReferenceNumbers.bFlight(scaled, 1500).passed());
        double above1 = Arrays.stream(scaled).filter(x -> x > 1).count() / (double) n;
        double above3 = Arrays.stream(scaled).filter(x -> x > 3).count() / (double) n;
        assertEquals(Math.exp(-1), above1, 4 * Math.sqrt(Math.exp(-1) * (1 - Math.exp(-1)) / n));
        assertEquals(Math.exp(-3), above3, 4 * Math.sqrt(Math.exp(-3) * (1 - Math.exp(-3)) / n) + 1e-3);
        // and in millimetres: a 100 GeV b jet's B hadron flies a few mm on average
        Generator g = new Generator(NOMINAL);
        double meanLab = 0;
        int c = 0;
        for (int i = 0; i < 300; i++) {
            TruthEvent t = g.pairEvent(5, org.jetbridge.core.FourMomentum.fromPtEtaPhiM(100, 0, 0, 0),
                    org.jetbridge.core.FourMomentum.fromPtEtaPhiM(100, 0, Math.PI, 0), RandomStream.forEvent(14, i),
                    false);
            for (HeavyHadron h : t.heavyHadrons()) {
                if (h.isB()) {
                    meanLab += h.flightLength();
                    c++;
                }
            }
        }
        meanLab /= c;
        assertTrue(meanLab > 3 && meanLab < 9, "mean B flight length at 100 GeV: " + meanLab + " mm");
    }

    @Test
    void weaklyDecayingBHadronEnergyFractionAtTheZPole() {
        ReferenceNumbers.BFraction f = ReferenceNumbers.bEnergyFractionAtTheZPole(NOMINAL, 15, 2000);
        assertEquals(4000, f.hadrons(), 40, "two weakly decaying b hadrons per b b̄ event (rare g → b b̄ adds a few)");
        assertTrue(f.mean() > 0.68 && f.mean() < 0.74, "<x_B> = " + f.mean());
        assertTrue(ReferenceNumbers.bEnergyFraction(f, 2000).passed());
    }

    @Test
    void gluonJetsHaveMoreChargedParticlesThanQuarkJets() {
        double q = ReferenceNumbers.chargedPerJet(NOMINAL, 2, 100, 16, 2000);
        assertTrue(q > 10 && q < 15, "charged multiplicity of a 100 GeV light-quark jet: " + q);
        double g = ReferenceNumbers.chargedPerJet(NOMINAL, 21, 100, 17, 2000);
        ReferenceNumbers.Check c = ReferenceNumbers.gluonQuarkMultiplicityRatio(q, g, 2000);
        assertTrue(c.passed(), "gluon / quark charged multiplicity at 100 GeV: " + c.measured());
    }

    @Test
    void minimumBiasMatchesLhcMeasurements() {
        ReferenceNumbers.MinBiasSummary s = ReferenceNumbers.minBias(MinBiasPool.generate(NOMINAL, 18, 0, 3000, 2));
        assertTrue(s.dNchDEta() > 5.5 && s.dNchDEta() < 6.5, "<dNch/deta> at |eta| < 0.5: " + s.dNchDEta());
        assertTrue(s.meanPt() > 0.5 && s.meanPt() < 0.6, "charged <pT>: " + s.meanPt());
        assertTrue(s.fractionAbove1GeV() > 0.10 && s.fractionAbove1GeV() < 0.20, "charged fraction above 1 GeV: "
                + s.fractionAbove1GeV());
        assertTrue(s.checks("test").stream().allMatch(ReferenceNumbers.Check::passed));
    }

    @Test
    void everyHardScatterConservesFourMomentumAndCharge() {
        ReferenceNumbers.Conservation c = ReferenceNumbers.conservation(NOMINAL.with("process.fractionTTbar", "0.2"),
                19, 600);
        assertEquals(0, c.chargeViolations(), "hard-scatter charge violations");
        assertTrue(c.worstImbalance() < 1e-9, "largest |sum p - p_initial| / sqrt(s): " + c.worstImbalance());
        assertTrue(c.worstImbalance() > 0, "the check sees real sums, not a copied vector");
        assertTrue(ReferenceNumbers.conservationCheck(c).passed());
    }

    /** The pass/fail logic the demo's table relies on: closed ranges, NaN and off-range values fail. */
    @Test
    void checksPassExactlyInsideTheirRange() {
        assertTrue(new ReferenceNumbers.Check("q", "1–2", 1, 1, 2, "s").passed());
        assertTrue(new ReferenceNumbers.Check("q", "1–2", 2, 1, 2, "s").passed());
        assertFalse(new ReferenceNumbers.Check("q", "1–2", 2.0001, 1, 2, "s").passed());
        assertFalse(new ReferenceNumbers.Check("q", "1–2", Double.NaN, 1, 2, "s").passed());
        assertFalse(ReferenceNumbers.topJetMassPeak(new double[0], "empty").passed());
        // a peak that is off: every jet at the W mass
        double[] w = new double[50];
        Arrays.fill(w, 81);
        ReferenceNumbers.Check off = ReferenceNumbers.topJetMassPeak(w, "w");
        assertEquals(102.5, off.measured(), 1e-12, "fullest bin centre");
        assertFalse(off.passed());
        assertEquals(177.5, ReferenceNumbers.peak(new double[] {171, 176, 177, 168, 179.9}, 100, 250, 5), 1e-12);
        assertEquals(List.of(true, false, false), new ReferenceNumbers.MinBiasSummary(6.0, 0.7, 0.3, 10).checks("x")
                .stream().map(ReferenceNumbers.Check::passed).toList());
    }
}
