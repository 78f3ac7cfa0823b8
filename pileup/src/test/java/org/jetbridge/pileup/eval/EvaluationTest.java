package org.jetbridge.pileup.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.pileup.ContaminatedJet;
import org.jetbridge.pileup.JetEstimate;
import org.jetbridge.pileup.PileupRemover;
import org.jetbridge.pileup.data.HardScatterJet;
import org.jetbridge.pileup.data.JetOverlay;
import org.jetbridge.report.Json;
import org.jetbridge.sim.GeneratorSettings;
import org.jetbridge.sim.MinBiasPool;
import org.jetbridge.sim.PileupParameters;
import org.jetbridge.sim.RandomStream;
import org.jetbridge.sim.TopJet;
import org.jetbridge.sim.TopJets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation on testbed top jets with testbed pile-up: baselines' physics, posterior handling, the report. */
class EvaluationTest {
    static List<HardScatterJet> tops;
    static MinBiasPool pool;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() {
        GeneratorSettings s = GeneratorSettings.nominal();
        tops = new ArrayList<>();
        for (TopJet t : new TopJets(s).generate(11, 0, 400, 2)) {
            tops.add(new HardScatterJet(t.constituents(), t.axis()));
        }
        pool = MinBiasPool.generate(s, 12, 0, 1000, 2);
    }

    private static List<ContaminatedJet> at(double mu, long seed) {
        return JetOverlay.overlay(tops, pool, new PileupParameters(PileupParameters.Mode.FIXED, mu, 0), seed, 0, 2,
                JetOverlay.MAX_OBSERVED);
    }

    /**
     * At μ = 200 pile-up adds mass (positive observed bias) and every mitigation that acts on the pile-up —
     * area-median, SoftKiller, PUPPI, the best SoftDrop setting — beats the observed mass resolution and bias.
     */
    @Test
    void baselinesImproveTheObservedMassAtMu200() {
        assertTrue(tops.size() > 200, "enough top jets: " + tops.size());
        Evaluation ev = new Evaluation(Baselines.all(pool, 2), 2);
        Evaluation.PointResult p = ev.evaluate(200, at(200, 3), 3);
        int mass = JetObservables.index("mass");
        double observed = p.resolution("observed", mass);
        double observedBias = p.bias("observed", mass);
        assertTrue(observedBias > 0.3, "pile-up adds mass: bias " + observedBias);
        for (String m : List.of("area-median", "SoftKiller", "PUPPI")) {
            assertTrue(p.resolution(m, mass) < 0.8 * observed, m + ": " + p.resolution(m, mass) + " vs " + observed);
            assertTrue(Math.abs(p.bias(m, mass)) < 0.5 * observedBias, m + " bias " + p.bias(m, mass));
        }
        double sd = Metrics.envelopeResolution(p, Baselines.softDropEnvelope(), mass);
        assertTrue(sd < 0.8 * observed, "SoftDrop envelope " + sd + " vs " + observed);
        // PUPPI with charged-vertex information also restores τ21, which mass-only area-median cannot
        int t21 = JetObservables.index("tau21_kt");
        assertTrue(p.resolution("PUPPI", t21) < 0.5 * p.resolution("area-median", t21));
        assertEquals(p.resolution("observed", t21), p.resolution("area-median", t21), 0.05);
    }

    /**
     * A synthetic posterior: jet j's K samples are its truth constituents scaled by 1 + c_j + σ z_k with
     * c_j ~ N(0, σ), so the truth's scale 1 is a draw from the posterior of the scale: calibrated. Mass scales
     * linearly, so its 68 % coverage is 0.68; the point estimate is the median sample.
     */
    static PileupRemover scaledTruth(String name, double sigma, double width, int k) {
        return new PileupRemover() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<List<JetEstimate>> estimate(List<ContaminatedJet> jets, long seed) {
                List<List<JetEstimate>> out = new ArrayList<>();
                for (int j = 0; j < jets.size(); j++) {
                    RandomStream r = RandomStream.forEvent(seed, j);
                    double c = r.gaussian(0, sigma);
                    List<JetEstimate> samples = new ArrayList<>();
                    for (int a = 0; a < k; a++) {
                        double f = 1 + c + width * r.gaussian();
                        List<FourMomentum> ps = new ArrayList<>();
                        for (FourMomentum p : JetObservables.momenta(jets.get(j).truth())) {
                            ps.add(p.times(f));
                        }
                        samples.add(JetEstimate.of(ps));
                    }
                    out.add(samples);
                }
                return out;
            }
        };
    }

    @Test
    void posteriorsAreReducedToTheirMedianAndCalibrated() throws Exception {
        List<ContaminatedJet> jets = at(60, 4).subList(0, 200);
        PileupRemover calibrated = scaledTruth("calibrated", 0.05, 0.05, 24);
        PileupRemover narrow = scaledTruth("over-confident", 0.05, 0.02, 24);
        Evaluation ev = new Evaluation(List.of(Baselines.observed(1), calibrated, narrow), 2);
        Evaluation.PointResult p = ev.evaluate(60, jets, 4);
        int mass = JetObservables.index("mass");
        assertFalse(p.method("observed").isPosterior());
        assertEquals(24, p.method("calibrated").samples());
        double cov = p.method("calibrated").coverage68()[mass];
        assertEquals(0.68, cov, 0.08, "binomial σ at 200 jets is 0.033");
        assertTrue(p.method("over-confident").coverage68()[mass] < 0.5);
        // the median sample's scale is ≈ 1 + c_j: mass resolution ≈ σ = 0.05 (finite-K noise 0.05·1.25/√24 added)
        assertEquals(0.05, p.resolution("calibrated", mass), 0.012);
        // τ21 is scale-invariant: every sample equals the truth, zero error
        assertEquals(0, p.resolution("calibrated", JetObservables.index("tau21_kt")), 1e-9);

        Evaluation.PointResult p2 = ev.evaluate(100, at(100, 5).subList(0, 50), 5);
        Map<String, Object> metrics = Metrics.of(List.of(p, p2), List.of(), null, null);
        EvaluationReport.write(dir, List.of(p, p2), List.of(), metrics, "test", Map.of());
        Object back = Json.read(dir.resolve("metrics.json"));
        assertEquals(cov, Json.number(Json.at(back, "coverage68", "mass", "60")), 1e-12);
        assertEquals(p2.resolution("observed", mass),
                Json.number(Json.at(back, "resolution", "observed", "mass", "100")), 1e-12);
        assertTrue(Json.at(back, "sampling_jets_per_s", "cached") == null);
        assertTrue(Files.exists(dir.resolve("index.html")));
        assertTrue(Files.exists(dir.resolve("resolution_tau32_kt.svg")));
        assertTrue(Files.exists(dir.resolve("coverage_mass.svg")));
        assertTrue(Files.exists(dir.resolve("truth_quantile_tau32_kt_mu60.svg")));
        assertTrue(Files.exists(dir.resolve("marginal_d2_beta1_mu60.svg")));
    }
}
