package org.jetbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jetbridge.cli.CliRunner.Result;
import org.jetbridge.io.hdf5.ContaminatedJetDataset;
import org.jetbridge.io.hdf5.MinBiasPool;
import org.jetbridge.io.hdf5.PythonH5py;
import org.jetbridge.io.hdf5.RowBatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverlayCommandTest {
    private static final int F = ContaminatedJetDataset.CONSTITUENT_FEATURES.size();

    @TempDir
    static Path dir;
    static Path tops;
    static Path pool;

    @BeforeAll
    static void inputs() {
        tops = dir.resolve("tops.h5");
        pool = dir.resolve("pool.h5");
        assertEquals(0, CliRunner.run("generate", "ttbar", "--events", "300", "--seed", "2", "-o", tops.toString(),
                "-q").status());
        assertEquals(0, CliRunner.run("generate", "minbias", "--events", "300", "--seed", "3", "-o", pool.toString(),
                "-q").status());
    }

    /** Pool particles that pass the overlay cuts (pT &gt; 1 GeV, |η| &lt; 2.5), by η, and the pool size. */
    private static double[] poolEtas(long[] interactions) throws Exception {
        List<Double> etas = new ArrayList<>();
        try (MinBiasPool.Reader r = MinBiasPool.open(pool)) {
            interactions[0] = r.interactions();
            for (long k = 0; k < r.interactions(); k++) {
                float[] p = r.interaction(k);
                for (int i = 0; i < p.length; i += MinBiasPool.FEATURES) {
                    if (p[i] > 1 && Math.abs(p[i + 1]) < 2.5) {
                        etas.add((double) p[i + 1]);
                    }
                }
            }
        }
        return etas.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Mean number of particles one random pool interaction puts in an R = 1 cone at η = etaAxis: a particle at η
     * mirrored with probability ½ and rotated by a uniform azimuth lies in the cone with probability
     * √(R² − Δη²)/π when |Δη| &lt; R.
     */
    private static double conePerInteraction(double[] etas, long interactions, double etaAxis) {
        double s = 0;
        for (double eta : etas) {
            s += 0.5 * (inCone(eta - etaAxis) + inCone(-eta - etaAxis));
        }
        return s / interactions;
    }

    private static double inCone(double d) {
        return Math.abs(d) < 1 ? Math.sqrt(1 - d * d) / Math.PI : 0;
    }

    @Test
    void pileupCountsFollowMuAndTheConeAcceptanceAndTheTruthIsKept() throws Exception {
        Path out = dir.resolve("contaminated.h5");
        Result r = CliRunner.run("overlay", "--jets", tops.toString(), "--pool", pool.toString(), "--mu", "40",
                "--seed", "5", "--threads", "2", "-o", out.toString(), "-q");
        assertEquals(0, r.status(), r.err());
        long[] k = new long[1];
        double[] etas = poolEtas(k);
        long jets = 0;
        double sumNpu = 0;
        double observedPu = 0;
        double expectedPu = 0;
        double variance = 0;
        try (ContaminatedJetDataset.Reader in = ContaminatedJetDataset.open(out)) {
            int nObs = in.maxObserved();
            int nTruth = in.maxTruth();
            assertEquals(40.0, in.metadata().get("pileup_mu"));
            for (RowBatch b : in.batches(100)) {
                float[] cs = b.floats(ContaminatedJetDataset.CONSTITUENTS);
                byte[] mask = b.bytes(ContaminatedJetDataset.MASK);
                int[] origin = b.ints(ContaminatedJetDataset.ORIGIN);
                float[] truth = b.floats(ContaminatedJetDataset.TRUTH_CONSTITUENTS);
                byte[] truthMask = b.bytes(ContaminatedJetDataset.TRUTH_MASK);
                float[] axes = b.floats(ContaminatedJetDataset.JETS);
                int[] npu = b.ints(ContaminatedJetDataset.N_PU);
                for (int j = 0; j < b.rows(); j++) {
                    jets++;
                    sumNpu += npu[j];
                    List<float[]> hs = new ArrayList<>();
                    int pu = 0;
                    int real = 0;
                    for (int i = 0; i < nObs && mask[j * nObs + i] != 0; i++, real++) {
                        int o = origin[j * nObs + i];
                        assertTrue(o >= 0 && o <= npu[j], "origin " + o + " of at most " + npu[j]);
                        if (o == 0) {
                            hs.add(java.util.Arrays.copyOfRange(cs, (j * nObs + i) * F, (j * nObs + i + 1) * F));
                        } else {
                            pu++;
                        }
                    }
                    assertTrue(real < nObs, "no truncation at this mu");
                    int t = 0;
                    while (t < nTruth && truthMask[j * nTruth + t] != 0) {
                        t++;
                    }
                    // the observed hard-scatter constituents are exactly the truth ones (both sorted by pT)
                    assertEquals(t, hs.size(), "jet " + jets);
                    for (int i = 0; i < t; i++) {
                        float[] h = hs.get(i);
                        int base = (j * nTruth + i) * F;
                        assertEquals(truth[base], h[0], 1e-5 * truth[base], "pt");
                        assertEquals(truth[base + 1], h[1], 1e-5, "eta");
                        assertEquals(truth[base + 2], h[2], 1e-5, "phi");
                        assertEquals(truth[base + 5], h[5], "charge");
                    }
                    double expected = npu[j] * conePerInteraction(etas, k[0], axes[j * 4 + 1]);
                    observedPu += pu;
                    expectedPu += expected;
                    variance += (pu - expected) * (pu - expected);
                }
            }
        }
        assertTrue(jets > 100, "jets: " + jets);
        double meanNpu = sumNpu / jets;
        assertEquals(40, meanNpu, 4 * Math.sqrt(40.0 / jets), "<n_pu> of Poisson(40)");
        double z = (observedPu - expectedPu) / Math.sqrt(variance);
        assertTrue(Math.abs(z) < 4, String.format("pile-up particles in the cones: %.0f observed, %.1f expected "
                + "from the pool's eta distribution and the cone acceptance (z = %.2f)", observedPu, expectedPu, z));
        assertTrue(expectedPu / jets > 10, "a visible amount of pile-up per jet: " + expectedPu / jets);
    }

    @Test
    void fixedPileupAndZeroMu() throws Exception {
        Path fixed = dir.resolve("fixed.h5");
        assertEquals(0, CliRunner.run("overlay", "--jets", tops.toString(), "--pool", pool.toString(), "--mu", "7",
                "--pileup", "fixed", "-o", fixed.toString(), "-q").status());
        Path zero = dir.resolve("zero.h5");
        assertEquals(0, CliRunner.run("overlay", "--jets", tops.toString(), "--pool", pool.toString(), "--mu", "0",
                "-o", zero.toString(), "-q").status());
        try (ContaminatedJetDataset.Reader f = ContaminatedJetDataset.open(fixed);
             ContaminatedJetDataset.Reader z = ContaminatedJetDataset.open(zero)) {
            for (RowBatch b : f.batches(1000)) {
                for (int j = 0; j < b.rows(); j++) {
                    assertEquals(7, b.ints(ContaminatedJetDataset.N_PU)[j]);
                }
            }
            for (RowBatch b : z.batches(1000)) {
                int[] origin = b.ints(ContaminatedJetDataset.ORIGIN);
                for (int i = 0; i < b.rows() * z.maxObserved(); i++) {
                    assertTrue(origin[i] <= 0, "mu = 0: nothing but the hard scatter");
                }
            }
        }
        PythonH5py.assumeAvailable();
        assertEquals("OK", PythonH5py.run(dir, "check_generated.py", "overlay", fixed.toString(), "2", "nominal")
                .strip());
    }
}
