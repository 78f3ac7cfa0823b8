package org.jetbridge.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jetbridge.core.ClusterSequence;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.core.Jet;
import org.jetbridge.core.JetDefinition;

/**
 * The reference numbers of the testbed (testbed.md §7), each measured either from a generated sample (top-jet
 * masses, a minimum-bias pool) or from dedicated generator runs (truth-level quantities the samples do not keep),
 * with its accepted range as a {@link Check}. Masses and momenta in GeV, lengths in mm. The sim tests and the demo's
 * testbed-validation table both call these methods, so the table shows exactly what the tests assert.
 */
public final class ReferenceNumbers {
    /** Jet transverse momentum above which a sample's top jets enter the mass-peak check, GeV (testbed.md §7). */
    public static final double TOP_PT_MIN = 400;
    /** Histogram of the top-jet mass peak search: range and bin width, GeV. */
    static final double TOP_MASS_LO = 100;
    static final double TOP_MASS_HI = 250;
    static final double TOP_MASS_BIN = 5;

    private ReferenceNumbers() {
    }

    /**
     * One row of the reference table: the quantity, the expectation in words, the measured value, the accepted
     * closed range [lo, hi] and where the measurement came from (sample or generator run, with its size).
     */
    public record Check(String quantity, String expected, double measured, double lo, double hi, String source) {
        /** Whether the measured value lies in [lo, hi]; NaN (nothing measured) fails. */
        public boolean passed() {
            return measured >= lo && measured <= hi;
        }
    }

    /** Centre of the fullest bin of a histogram of {@code values} in [lo, hi) with bins of {@code width}. */
    public static double peak(double[] values, double lo, double hi, double width) {
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

    /**
     * Peak of the leading R = 1.0 jet mass in tt̄ ({@code masses} of jets whose top or jet pT exceeds
     * {@value #TOP_PT_MIN} GeV, particle level): expected within 165–180 GeV. NaN without jets.
     */
    public static Check topJetMassPeak(double[] masses, String source) {
        double p = masses.length == 0 ? Double.NaN : peak(masses, TOP_MASS_LO, TOP_MASS_HI, TOP_MASS_BIN);
        return new Check("leading R = 1.0 jet mass peak in tt̄, pT > 400 GeV (GeV)", "165–180", p, 165, 180,
                source + ", " + masses.length + " jets");
    }

    /**
     * W mass in contained hadronic top jets: the two of three exclusive kt subjets of the top jet (generator run
     * with top pT > {@value #TOP_PT_MIN} GeV) not matched to the b quark; returns the two-subjet masses (GeV) of the
     * top jets whose b and W quarks all lie within ΔR 0.8 of the jet axis.
     */
    public static double[] wMassesInContainedTopJets(GeneratorSettings settings, long seed, int events) {
        Generator g = new Generator(settings.with("process.topPtMin", Double.toString(TOP_PT_MIN)));
        List<Double> mw = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            TruthEvent t = g.ttbarEvent(RandomStream.forEvent(seed, i));
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
        return mw.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** W peak (3 GeV bins in 50–110 GeV) of {@link #wMassesInContainedTopJets}: expected within 75–86 GeV. */
    public static Check wPeak(GeneratorSettings settings, long seed, int events) {
        return wPeak(wMassesInContainedTopJets(settings, seed, events), events);
    }

    /** The W-peak check from the two-subjet masses {@code mw} (GeV) of {@code events} generated tt̄ events. */
    public static Check wPeak(double[] mw, int events) {
        double p = mw.length == 0 ? Double.NaN : peak(mw, 50, 110, 3);
        return new Check("W peak in the two-subjet mass of contained top jets (GeV)", "75–86", p, 75, 86,
                "generator, " + events + " tt̄ events, " + mw.length + " contained hadronic top jets");
    }

    /**
     * Lab-frame flight length of every weakly decaying b hadron divided by its β γ c τ, from b b̄ pairs of two
     * 100 GeV partons at η 0.3 and −0.5: a unit exponential when the decay lengths are right.
     */
    public static double[] bFlightOverBetaGammaCTau(GeneratorSettings settings, long seed, int events) {
        Generator g = new Generator(settings);
        List<Double> scaled = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            TruthEvent t = g.pairEvent(5, FourMomentum.fromPtEtaPhiM(100, 0.3, 0, 0),
                    FourMomentum.fromPtEtaPhiM(100, -0.5, Math.PI, 0), RandomStream.forEvent(seed, i), false);
            for (HeavyHadron h : t.heavyHadrons()) {
                if (h.isB()) {
                    double betaGamma = h.momentum().p() / Species.mass(h.pdg());
                    scaled.add(h.flightLength() / (betaGamma * Species.ctau(h.pdg())));
                }
            }
        }
        return scaled.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Mean b-hadron flight / (β γ c τ): expected 1 within four standard errors (1/√n for a unit exponential). */
    public static Check bFlight(GeneratorSettings settings, long seed, int events) {
        return bFlight(bFlightOverBetaGammaCTau(settings, seed, events), events);
    }

    /** The flight-length check from the ratios {@code s} of {@link #bFlightOverBetaGammaCTau} over {@code events}. */
    public static Check bFlight(double[] s, int events) {
        double tol = 4 / Math.sqrt(Math.max(1, s.length));
        return new Check("b-hadron mean flight length / (β γ c τ)", String.format(Locale.ROOT, "1 ± %.3f", tol),
                mean(s), 1 - tol, 1 + tol, "generator, " + events + " b b̄ events, " + s.length + " b hadrons");
    }

    /** Energy fraction x_B = E_B / E_beam and count of weakly decaying b hadrons in b b̄ events at the Z pole. */
    public record BFraction(double mean, int hadrons) {
    }

    /** ⟨x_B⟩ of weakly decaying b hadrons in b b̄ events at √s = m_Z (beam energy 45.59 GeV). */
    public static BFraction bEnergyFractionAtTheZPole(GeneratorSettings settings, long seed, int events) {
        Generator g = new Generator(settings);
        double sum = 0;
        int n = 0;
        double eBeam = 91.1876 / 2;
        for (int i = 0; i < events; i++) {
            TruthEvent t = g.pairEvent(5, new FourMomentum(0, 0, eBeam, eBeam), new FourMomentum(0, 0, -eBeam, eBeam),
                    RandomStream.forEvent(seed, i), false);
            for (HeavyHadron h : t.heavyHadrons()) {
                if (h.isB()) {
                    sum += h.momentum().e() / eBeam;
                    n++;
                }
            }
        }
        return new BFraction(n == 0 ? Double.NaN : sum / n, n);
    }

    /** ⟨x_B⟩ check: expected 0.68–0.74. */
    public static Check bEnergyFraction(GeneratorSettings settings, long seed, int events) {
        return bEnergyFraction(bEnergyFractionAtTheZPole(settings, seed, events), events);
    }

    /** ⟨x_B⟩ check from a measured fraction over {@code events} b b̄ events. */
    public static Check bEnergyFraction(BFraction f, int events) {
        return new Check("⟨x_B⟩ weakly-decaying B energy fraction (Z pole)", "0.68–0.74", f.mean(), 0.68, 0.74,
                "generator, " + events + " b b̄ events at √s = m_Z, " + f.hadrons() + " b hadrons");
    }

    /** Mean number of charged final-state particles per jet in back-to-back pairs of partons {@code id} of energy e. */
    public static double chargedPerJet(GeneratorSettings settings, int id, double e, long seed, int events) {
        Generator g = new Generator(settings);
        double n = 0;
        for (int i = 0; i < events; i++) {
            TruthEvent t = g.pairEvent(id, new FourMomentum(0, 0, e, e), new FourMomentum(0, 0, -e, e),
                    RandomStream.forEvent(seed, i), false);
            for (int k = 0; k < t.size(); k++) {
                if (t.charge()[k] != 0) {
                    n++;
                }
            }
        }
        return n / (2.0 * events);
    }

    /** Gluon / quark charged multiplicity at 100 GeV (u ū and g g pairs, seeds seed and seed + 1): expected 1.4–1.9. */
    public static Check gluonQuarkMultiplicityRatio(GeneratorSettings settings, long seed, int events) {
        return gluonQuarkMultiplicityRatio(chargedPerJet(settings, 2, 100, seed, events),
                chargedPerJet(settings, 21, 100, seed + 1, events), events);
    }

    /** The ratio check from charged multiplicities per quark jet {@code q} and gluon jet {@code g} ({@code events} each). */
    public static Check gluonQuarkMultiplicityRatio(double q, double g, int events) {
        return new Check("charged multiplicity ratio gluon / quark jets (100 GeV)", "1.4–1.9", g / q, 1.4, 1.9,
                String.format(Locale.ROOT, "generator, %d u ū and %d g g events (%.2f and %.2f charged per jet)",
                        events, events, q, g));
    }

    /** Minimum-bias charged-particle summaries: ⟨dN_ch/dη⟩ at |η| < 0.5, and ⟨pT⟩ and the fraction above 1 GeV at |η| < 2.5. */
    public record MinBiasSummary(double dNchDEta, double meanPt, double fractionAbove1GeV, int interactions) {
        /** The three rows of testbed.md §7 for minimum bias. */
        public List<Check> checks(String source) {
            String src = source + ", " + interactions + " interactions";
            return List.of(
                    new Check("min-bias ⟨dN_ch/dη⟩ at |η| < 0.5", "5.5–6.5", dNchDEta, 5.5, 6.5, src),
                    new Check("min-bias charged ⟨pT⟩, |η| < 2.5 (GeV)", "0.5–0.6", meanPt, 0.5, 0.6, src),
                    new Check("fraction of min-bias charged with pT > 1 GeV, |η| < 2.5", "0.10–0.20",
                            fractionAbove1GeV, 0.10, 0.20, src));
        }
    }

    /** The minimum-bias summaries of a pool (its particles' pT in GeV, η and charge; neutral particles are ignored). */
    public static MinBiasSummary minBias(MinBiasPool pool) {
        double central = 0;
        double sumPt = 0;
        double above1 = 0;
        double charged = 0;
        for (int k = 0; k < pool.pt().length; k++) {
            if (pool.charge()[k] == 0) {
                continue;
            }
            double eta = Math.abs(pool.eta()[k]);
            if (eta < 0.5) {
                central++;
            }
            if (eta < 2.5) {
                charged++;
                sumPt += pool.pt()[k];
                if (pool.pt()[k] > 1) {
                    above1++;
                }
            }
        }
        int n = pool.interactions();
        return new MinBiasSummary(central / n, sumPt / charged, above1 / charged, n);
    }

    /** Worst four-momentum imbalance |Σp − p_initial| / √ŝ of hard scatters, and how many violated charge. */
    public record Conservation(double worstImbalance, int chargeViolations, int events) {
    }

    /** Four-momentum and charge conservation of the hard scatter (before the detector) in flavour events. */
    public static Conservation conservation(GeneratorSettings settings, long seed, int events) {
        Generator g = new Generator(settings);
        double worst = 0;
        int bad = 0;
        for (int i = 0; i < events; i++) {
            TruthEvent t = g.flavourEvent(RandomStream.forEvent(seed, i), i % 10 == 0);
            FourMomentum d = t.totalMomentum(0).minus(t.initial());
            double rootS = t.initial().m();
            double dev = Math.sqrt(d.px() * d.px() + d.py() * d.py() + d.pz() * d.pz() + d.e() * d.e()) / rootS;
            worst = Math.max(worst, dev);
            bad += t.totalCharge(0) != 0 ? 1 : 0;
        }
        return new Conservation(worst, bad, events);
    }

    /** Conservation check: largest relative imbalance below 1e-9 (a charge violation makes the value +∞). */
    public static Check conservationCheck(GeneratorSettings settings, long seed, int events) {
        return conservationCheck(conservation(settings.with("process.fractionTTbar", "0.2"), seed, events));
    }

    /** The conservation check from a measurement over flavour events with 20 % tt̄. */
    public static Check conservationCheck(Conservation c) {
        int events = c.events();
        return new Check("four-momentum conservation of a generated event, |Σp| / √ŝ", "< 1e-9",
                c.chargeViolations() > 0 ? Double.POSITIVE_INFINITY : c.worstImbalance(), 0, 1e-9,
                "generator, " + events + " flavour events (20 % tt̄, every tenth with pile-up), "
                        + c.chargeViolations() + " charge violations");
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? Double.NaN : s / v.length;
    }
}
