package org.jetbridge.pileup.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.io.InputException;
import org.jetbridge.io.hdf5.ContaminatedJetDataset;
import org.jetbridge.io.hdf5.TopJetDataset;
import org.jetbridge.pileup.ContaminatedJet;
import org.jetbridge.sim.Constituents;
import org.jetbridge.sim.MinBiasPool;
import org.jetbridge.sim.PileupParameters;
import org.jetbridge.sim.RandomStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JetOverlayTest {
    @TempDir
    Path dir;

    /**
     * A pool whose every interaction is a ring of 40 particles (pT 2 GeV) at η = ±0.3 evenly spaced in φ: mirrored
     * and rotated, each interaction still puts particles into an R = 1 cone at η = 0.3 or −0.3 (a ring spacing
     * of 2π/40 is far below the cone's φ width), so every overlaid interaction is visible in the cone.
     */
    static MinBiasPool ringPool(int interactions) {
        int per = 40;
        int n = interactions * per;
        int[] off = new int[interactions + 1];
        double[] pt = new double[n], eta = new double[n], phi = new double[n], e = new double[n];
        int[] q = new int[n];
        double[] vz = new double[interactions];
        for (int k = 0; k < interactions; k++) {
            off[k] = k * per;
            for (int i = 0; i < per; i++) {
                int a = k * per + i;
                pt[a] = 2;
                eta[a] = 0.3;
                phi[a] = -Math.PI + 2 * Math.PI * (i + 0.5) / per;
                e[a] = pt[a] * Math.cosh(eta[a]);
                q[a] = i % 2;
            }
        }
        off[interactions] = n;
        return new MinBiasPool(off, pt, eta, phi, e, q, vz);
    }

    /** Hard-scatter jets of a few hard particles around an axis at η = ±0.3, φ random. */
    static List<HardScatterJet> jets(int n, long seed) {
        RandomStream r = new RandomStream(seed);
        List<HardScatterJet> out = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            double eta0 = r.uniform() < 0.5 ? 0.3 : -0.3;
            double phi0 = r.uniform(-Math.PI, Math.PI);
            int m = 5;
            double[] pt = new double[m], eta = new double[m], phi = new double[m], e = new double[m];
            for (int i = 0; i < m; i++) {
                pt[i] = 100.0 / (i + 1);
                eta[i] = eta0 + r.gaussian(0, 0.1);
                phi[i] = org.jetbridge.core.Angles.wrap(phi0 + r.gaussian(0, 0.1));
                e[i] = pt[i] * Math.cosh(eta[i]);
            }
            Constituents c = new Constituents(pt, eta, phi, e, new int[m], new int[m]);
            out.add(new HardScatterJet(c, c.sum()));
        }
        return out;
    }

    @Test
    void fixedMuOverlaysExactlyMuInteractions() {
        MinBiasPool pool = ringPool(300);
        List<ContaminatedJet> cj = JetOverlay.overlay(jets(20, 1), pool,
                new PileupParameters(PileupParameters.Mode.FIXED, 37, 0), 5, 0, 2, 10_000);
        for (ContaminatedJet j : cj) {
            assertEquals(37, j.pileupInteractions());
            TreeSet<Integer> origins = new TreeSet<>();
            int hs = 0;
            for (int o : j.observed().origin()) {
                if (o == 0) {
                    hs++;
                } else {
                    origins.add(o);
                }
            }
            assertEquals(5, hs, "every hard-scatter constituent is observed");
            assertEquals(37, origins.size(), "every interaction 1..37 has particles in the cone");
            assertEquals(1, origins.first());
            assertEquals(37, origins.last());
            assertEquals(5, j.truth().size());
        }
    }

    @Test
    void jetsGetTheSamePileupWhateverTheThreadsAndChunks() {
        MinBiasPool pool = ringPool(100);
        List<HardScatterJet> hs = jets(30, 2);
        PileupParameters pu = new PileupParameters(PileupParameters.Mode.POISSON, 20, 0);
        List<ContaminatedJet> one = JetOverlay.overlay(hs, pool, pu, 9, 0, 1, 400);
        List<ContaminatedJet> two = JetOverlay.overlay(hs, pool, pu, 9, 0, 2, 400);
        List<ContaminatedJet> tail = JetOverlay.overlay(hs.subList(10, 30), pool, pu, 9, 10, 2, 400);
        List<ContaminatedJet> other = JetOverlay.overlay(hs, pool, pu, 10, 0, 2, 400);
        int differ = 0;
        for (int j = 0; j < 30; j++) {
            assertSame(one.get(j), two.get(j));
            if (j >= 10) {
                assertSame(one.get(j), tail.get(j - 10));
            }
            differ += one.get(j).pileupInteractions() != other.get(j).pileupInteractions() ? 1 : 0;
        }
        assertTrue(differ > 10, "another seed gives other pile-up");
    }

    private static void assertSame(ContaminatedJet a, ContaminatedJet b) {
        assertEquals(a.pileupInteractions(), b.pileupInteractions());
        assertArrayEquals(a.observed().pt(), b.observed().pt());
        assertArrayEquals(a.observed().phi(), b.observed().phi());
        assertArrayEquals(a.observed().origin(), b.observed().origin());
    }

    @Test
    void contaminatedJetFilesReadBackAsWritten() throws Exception {
        List<ContaminatedJet> cj = JetOverlay.overlay(jets(7, 3), ringPool(50),
                new PileupParameters(PileupParameters.Mode.FIXED, 4, 0), 1, 0, 1, 400);
        Path file = dir.resolve("c.h5");
        int f = TopJetDataset.CONSTITUENT_FEATURES.size();
        try (ContaminatedJetDataset.Writer w = ContaminatedJetDataset.create(file, 400, 10, Map.of("seed", 1L))) {
            float[][] rows = new float[400][f];
            float[][] truthRows = new float[10][f];
            for (ContaminatedJet j : cj) {
                w.append(TopJetRows.constituents(j.observed(), j.axis(), 400, rows), j.observed().origin(),
                        TopJetRows.axis(j.axis(), new float[4]), TopJetRows.constituents(j.truth(), j.axis(), 10,
                                truthRows), j.pileupInteractions());
            }
            w.commit();
        }
        List<ContaminatedJet> back = JetOverlay.read(file, -1);
        assertEquals(7, back.size());
        assertEquals(3, JetOverlay.read(file, 3).size());
        for (int j = 0; j < 7; j++) {
            ContaminatedJet a = cj.get(j);
            ContaminatedJet b = back.get(j);
            assertEquals(4, b.pileupInteractions());
            assertArrayEquals(a.observed().origin(), b.observed().origin());
            assertEquals(a.truth().size(), b.truth().size());
            for (int i = 0; i < a.observed().size(); i++) {
                assertEquals(a.observed().pt()[i], b.observed().pt()[i], 1e-5 * a.observed().pt()[i]);
            }
            FourMomentum ax = b.axis();
            assertEquals(a.axis().pt(), ax.pt(), 1e-4 * ax.pt());
        }
        // a top-jet file is not a contaminated-jet file: the error names it and the expected kind
        Path tops = dir.resolve("tops.h5");
        try (TopJetDataset.Writer w = TopJetDataset.create(tops, 10, Map.of("seed", 1L))) {
            w.append(TopJetRows.constituents(cj.get(0).truth(), cj.get(0).axis(), 10, new float[10][f]),
                    TopJetRows.axis(cj.get(0).axis(), new float[4]));
            w.commit();
        }
        InputException e = assertThrows(InputException.class, () -> JetOverlay.read(tops, -1));
        assertTrue(e.getMessage().startsWith(tops.toString()) && e.getMessage().contains("contaminated-jet"),
                e.getMessage());
        e = assertThrows(InputException.class, () -> JetOverlay.read(dir.resolve("missing.h5"), -1));
        assertTrue(e.getMessage().contains("missing.h5"), e.getMessage());
    }

    @Test
    void inefficiencyDropsTheAskedFractionOfObservedConstituentsOnly() {
        List<ContaminatedJet> cj = JetOverlay.overlay(jets(40, 4), ringPool(100),
                new PileupParameters(PileupParameters.Mode.FIXED, 30, 0), 2, 0, 2, 10_000);
        List<ContaminatedJet> lossy = Inefficiency.apply(cj, 0.1, 8, 2);
        assertEquals(lossy.get(7).observed().size(), Inefficiency.apply(cj, 0.1, 8, 1).get(7).observed().size());
        long before = 0;
        long after = 0;
        for (int j = 0; j < cj.size(); j++) {
            before += cj.get(j).observed().size();
            after += lossy.get(j).observed().size();
            assertEquals(cj.get(j).truth(), lossy.get(j).truth());
            assertEquals(30, lossy.get(j).pileupInteractions());
        }
        // about 40 × (5 + 30 × ~12) = 15000 constituents: binomial σ of the kept fraction ≈ 0.0025
        assertEquals(0.9, (double) after / before, 0.01);
        assertEquals(cj, Inefficiency.apply(cj, 0, 8, 1));
    }
}
