package org.jetbridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jetbridge.core.ClusterSequence;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Jet;
import org.jetbridge.core.JetDefinition;
import org.junit.jupiter.api.Test;

/** Every row of testbed.md §7, with its tolerance, plus the per-event conservation laws. */
class ReferenceNumbersTest {
    private static final Generator NOMINAL = new Generator(GeneratorSettings.nominal());

    /** Centre of the fullest bin of a histogram of values in [lo, hi) with the given bin width. */
    static double peak(List<Double> values, double lo, double hi, double width) {
        int nb = (int) Math.round((hi - lo) / width);
        int[] h = new int[nb];
        for (double v : values) {
            int b = (int) Math.floor((v - lo) / width);
            if (b >= 0 && b < nb) {
                h[b]++;
            }
        }
        int best = 0;
        for (int b = 1; b < nb; b++) {
            if (h[b] > h[best]) {
                best = b;
            }
        }
        return lo + (best + 0.5) * width;
    }

    @Test
    void topJetMassPeaksAtTheTopMass() {
        TopJets tj = new TopJets(GeneratorSettings.nominal().with("process.topPtMin", "400"));
        List<Double> m = new ArrayList<>();
        for (TopJet t : tj.generate(11, 0, 1500, 2)) {
            m.add(t.axis().m());
        }
        assertTrue(m.size() > 1400, "most tt̄ events with top pT > 400 GeV give a 250 GeV jet: " + m.size());
        double p = peak(m, 100, 250, 5);
        assertTrue(p > 165 && p < 180, "leading R=1.0 jet mass peak " + p);
    }

    @Test
    void wPeakInTheTwoSubjetMassOfContainedTopJets() {
        Generator g = new Generator(GeneratorSettings.nominal().with("process.topPtMin", "400"));
        List<Double> mw = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            TruthEvent t = g.ttbarEvent(RandomStream.forEvent(12, i));
            TopJet tj = TopJets.fromTruth(i, t);
            if (tj == null) {
                continue;
            }
            int sign = tj.truthTop().pz() == t.hardPartons().get(0).momentum().pz() ? 1 : -1;
            FourMomentum b = null;
            List<FourMomentum> wq = new ArrayList<>();
            for (HardParton hp : t.hardPartons()) {
                int id = hp.pdg() * sign;
                if (id == 5) {
                    b = hp.momentum();
                } else if (id == 2 || id == 4 || id == -1 || id == -3) {
                    wq.add(hp.momentum());
                }
            }
            if (b == null || wq.size() != 2 || b.deltaR(tj.axis()) > 0.8 || wq.get(0).deltaR(tj.axis()) > 0.8
                    || wq.get(1).deltaR(tj.axis()) > 0.8) {
                continue; // not a hadronic, fully contained top
            }
            List<FourMomentum> cs = new ArrayList<>();
            for (int k = 0; k < tj.constituents().size(); k++) {
                cs.add(tj.constituents().momentum(k));
            }
            List<Jet> sub = new ClusterSequence(cs, JetDefinition.kt(1.0)).exclusiveJets(3);
            int bi = 0;
            for (int k = 1; k < 3; k++) {
                if (sub.get(k).momentum().deltaR(b) < sub.get(bi).momentum().deltaR(b)) {
                    bi = k;
                }
            }
            FourMomentum w = FourMomentum.ZERO;
            for (int k = 0; k < 3; k++) {
                if (k != bi) {
                    w = w.plus(sub.get(k).momentum());
                }
            }
            mw.add(w.m());
        }
        assertTrue(mw.size() > 300, "contained hadronic top jets: " + mw.size());
        double p = peak(mw, 50, 110, 3);
        assertTrue(p > 75 && p < 86, "W peak in the two-subjet mass " + p);
    }

    @Test
    void bHadronFlightFollowsTheExponentialWithMeanBetaGammaCTau() {
        List<Double> scaled = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            TruthEvent t = NOMINAL.pairEvent(5, FourMomentum.fromPtEtaPhiM(100, 0.3, 0, 0),
                    FourMomentum.fromPtEtaPhiM(100, -0.5, Math.PI, 0), RandomStream.forEvent(13, i), false);
            for (HeavyHadron h : t.heavyHadrons()) {
                if (h.isB()) {
                    double betaGamma = h.momentum().p() / Species.mass(h.pdg());
                    scaled.add(h.flightLength() / (betaGamma * Species.ctau(h.pdg())));
                }
            }
        }
        int n = scaled.size();
        double mean = scaled.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        // unit exponential: mean 1, standard error 1/√n; fraction above 1 is e⁻¹, above 3 is e⁻³
        assertEquals(1.0, mean, 4.0 / Math.sqrt(n), "mean flight / (βγcτ) over " + n + " b hadrons");
        double above1 = scaled.stream().filter(x -> x > 1).count() / (double) n;
        double above3 = scaled.stream().filter(x -> x > 3).count() / (double) n;
        assertEquals(Math.exp(-1), above1, 4 * Math.sqrt(Math.exp(-1) * (1 - Math.exp(-1)) / n));
        assertEquals(Math.exp(-3), above3, 4 * Math.sqrt(Math.exp(-3) * (1 - Math.exp(-3)) / n) + 1e-3);
        // and in millimetres: a 100 GeV b jet's B hadron flies a few mm on average
        double meanLab = 0;
        int c = 0;
        for (int i = 0; i < 300; i++) {
            TruthEvent t = NOMINAL.pairEvent(5, FourMomentum.fromPtEtaPhiM(100, 0, 0, 0),
                    FourMomentum.fromPtEtaPhiM(100, 0, Math.PI, 0), RandomStream.forEvent(14, i), false);
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
        double sum = 0;
        int n = 0;
        double eBeam = 91.1876 / 2;
        for (int i = 0; i < 2000; i++) {
            TruthEvent t = NOMINAL.pairEvent(5, new FourMomentum(0, 0, eBeam, eBeam),
                    new FourMomentum(0, 0, -eBeam, eBeam), RandomStream.forEvent(15, i), false);
            for (HeavyHadron h : t.heavyHadrons()) {
                if (h.isB()) {
                    sum += h.momentum().e() / eBeam;
                    n++;
                }
            }
        }
        assertEquals(4000, n, 40, "two weakly decaying b hadrons per b b̄ event (rare g → b b̄ adds a few)");
        double xb = sum / n;
        assertTrue(xb > 0.68 && xb < 0.74, "<x_B> = " + xb);
    }

    private static double chargedPerJet(int id, double e, long seed, int events) {
        double n = 0;
        for (int i = 0; i < events; i++) {
            TruthEvent t = NOMINAL.pairEvent(id, new FourMomentum(0, 0, e, e), new FourMomentum(0, 0, -e, e),
                    RandomStream.forEvent(seed, i), false);
            for (int k = 0; k < t.size(); k++) {
                if (t.charge()[k] != 0) {
                    n++;
                }
            }
        }
        return n / (2.0 * events);
    }

    @Test
    void gluonJetsHaveMoreChargedParticlesThanQuarkJets() {
        double q = chargedPerJet(2, 100, 16, 2000);
        double g = chargedPerJet(21, 100, 17, 2000);
        assertTrue(q > 10 && q < 15, "charged multiplicity of a 100 GeV light-quark jet: " + q);
        double r = g / q;
        assertTrue(r > 1.4 && r < 1.9, "gluon / quark charged multiplicity at 100 GeV: " + r);
    }

    @Test
    void minimumBiasMatchesLhcMeasurements() {
        double central = 0;
        double sumPt = 0;
        double above1 = 0;
        double charged = 0;
        int n = 3000;
        for (int i = 0; i < n; i++) {
            TruthEvent t = NOMINAL.minBiasEvent(RandomStream.forEvent(18, i));
            for (int k = 0; k < t.size(); k++) {
                if (t.charge()[k] == 0) {
                    continue;
                }
                FourMomentum p = t.momentum(k);
                double eta = Math.abs(p.eta());
                if (eta < 0.5) {
                    central++;
                }
                if (eta < 2.5) {
                    charged++;
                    sumPt += p.pt();
                    if (p.pt() > 1) {
                        above1++;
                    }
                }
            }
        }
        double dndeta = central / n;
        double meanPt = sumPt / charged;
        double frac = above1 / charged;
        assertTrue(dndeta > 5.5 && dndeta < 6.5, "<dNch/deta> at |eta| < 0.5: " + dndeta);
        assertTrue(meanPt > 0.5 && meanPt < 0.6, "charged <pT>: " + meanPt);
        assertTrue(frac > 0.10 && frac < 0.20, "charged fraction above 1 GeV: " + frac);
    }

    @Test
    void everyHardScatterConservesFourMomentumAndCharge() {
        Generator g = new Generator(GeneratorSettings.nominal().with("process.fractionTTbar", "0.2"));
        double worst = 0;
        for (int i = 0; i < 600; i++) {
            TruthEvent t = g.flavourEvent(RandomStream.forEvent(19, i), i % 10 == 0);
            FourMomentum d = t.totalMomentum(0).minus(t.initial());
            double rootS = t.initial().m();
            double dev = Math.sqrt(d.px() * d.px() + d.py() * d.py() + d.pz() * d.pz() + d.e() * d.e()) / rootS;
            worst = Math.max(worst, dev);
            assertEquals(0, t.totalCharge(0), "hard-scatter charge of event " + i);
        }
        assertTrue(worst < 1e-9, "largest |sum p - p_initial| / sqrt(s): " + worst);
        assertTrue(worst > 0, "the check sees real sums, not a copied vector");
    }
}
