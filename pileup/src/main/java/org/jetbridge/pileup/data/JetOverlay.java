package org.jetbridge.pileup.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.io.InputException;
import org.jetbridge.io.hdf5.ContaminatedJetDataset;
import org.jetbridge.io.hdf5.Hdf5FormatException;
import org.jetbridge.io.hdf5.RowBatch;
import org.jetbridge.pileup.ContaminatedJet;
import org.jetbridge.sim.EventLoop;
import org.jetbridge.sim.MinBiasPool;
import org.jetbridge.sim.OverlaidJet;
import org.jetbridge.sim.PileupOverlay;
import org.jetbridge.sim.PileupParameters;
import org.jetbridge.sim.TopJets;

/**
 * Pile-up-contaminated jets for evaluation: hard-scatter top jets overlaid with N_PU interactions of a minimum-bias
 * pool (the cone overlay of {@link PileupOverlay}: R = 1, pT &gt; 1 GeV, |η| &lt; 2.5), or read back from a
 * {@code jetbridge overlay} file. Jet i of a run gets pile-up from its own random stream (seed, i), so the result
 * does not depend on the number of threads, nor on how the jets are split into chunks.
 */
public final class JetOverlay {
    /** Keeps the overlay's per-jet streams apart from the generation streams of a run with the same seed. */
    public static final long STREAM_SALT = 0x4F56455231L; // "OVER1"
    /** Observed constituents kept per jet by default, leading by pT (the reference's cap). */
    public static final int MAX_OBSERVED = 400;

    private JetOverlay() {
    }

    /**
     * Overlays pile-up on jets {@code first … first + jets.size() − 1} of a run: jet {@code first + j} is
     * {@code jets.get(j)} with N_PU ~ {@code pu} interactions from {@code pool}, drawn from stream (seed, first + j);
     * at most {@code maxObserved} observed constituents, leading by pT.
     */
    public static List<ContaminatedJet> overlay(List<HardScatterJet> jets, MinBiasPool pool, PileupParameters pu,
                                                long seed, long first, int threads, int maxObserved) {
        if (maxObserved < 1) {
            throw new IllegalArgumentException("maxObserved must be >= 1, got " + maxObserved);
        }
        return EventLoop.run(seed ^ STREAM_SALT, first, jets.size(), threads, (i, rng) -> {
            HardScatterJet h = jets.get((int) (i - first));
            OverlaidJet o = PileupOverlay.overlay(h.constituents(), h.axis(), pool, pu.draw(rng), rng,
                    TopJets.RADIUS, TopJets.PARTICLE_PT_MIN, TopJets.ETA_MAX, maxObserved);
            return new ContaminatedJet(o.observed(), h.axis(), o.truth(), o.pileupInteractions());
        });
    }

    /**
     * The first {@code maxJets} jets (all when negative) of a contaminated-jet file written by
     * {@code jetbridge overlay}; a file of another schema is an {@link InputException} naming it.
     */
    public static List<ContaminatedJet> read(Path file, long maxJets) {
        List<ContaminatedJet> out = new ArrayList<>();
        try (ContaminatedJetDataset.Reader in = ContaminatedJetDataset.open(file)) {
            for (RowBatch b : in.batches(4096)) {
                for (ContaminatedJet j : fromBatch(b, in.maxObserved(), in.maxTruth(), file.toString())) {
                    if (maxJets >= 0 && out.size() >= maxJets) {
                        return out;
                    }
                    out.add(j);
                }
            }
        } catch (IOException | Hdf5FormatException e) {
            throw new InputException(file.toString(), "cannot read as a contaminated-jet file (" + e.getMessage() + ")",
                    e);
        }
        return out;
    }

    /**
     * The jets of one batch of a contaminated-jet file with room for {@code nObs} observed and {@code nTruth} truth
     * constituents (origins kept; energies massless); {@code file} names the input in errors.
     */
    public static List<ContaminatedJet> fromBatch(RowBatch b, int nObs, int nTruth, String file) {
        int f = ContaminatedJetDataset.CONSTITUENT_FEATURES.size();
        float[] cs = b.floats(ContaminatedJetDataset.CONSTITUENTS);
        byte[] mask = b.bytes(ContaminatedJetDataset.MASK);
        int[] origin = b.ints(ContaminatedJetDataset.ORIGIN);
        float[] js = b.floats(ContaminatedJetDataset.JETS);
        float[] ts = b.floats(ContaminatedJetDataset.TRUTH_CONSTITUENTS);
        byte[] tmask = b.bytes(ContaminatedJetDataset.TRUTH_MASK);
        int[] npu = b.ints(ContaminatedJetDataset.N_PU);
        List<ContaminatedJet> out = new ArrayList<>(b.rows());
        for (int j = 0; j < b.rows(); j++) {
            int n = count(mask, j * nObs, nObs);
            var observed = TopJetRows.fromRows(cs, j * nObs * f, n, 0);
            System.arraycopy(origin, j * nObs, observed.origin(), 0, n);
            var truth = TopJetRows.fromRows(ts, j * nTruth * f, count(tmask, j * nTruth, nTruth), 0);
            int a = j * 4;
            FourMomentum axis = FourMomentum.fromPtEtaPhiM(js[a], js[a + 1], js[a + 2], Math.max(0, js[a + 3]));
            if (npu[j] < 0) {
                throw new InputException(file, "jet " + (b.startRow() + j) + ": n_pu must be >= 0, got " + npu[j]);
            }
            out.add(new ContaminatedJet(observed, axis, truth, npu[j]));
        }
        return out;
    }

    /** Leading real (mask ≠ 0) slots of one padded row. */
    private static int count(byte[] mask, int offset, int max) {
        int n = 0;
        while (n < max && mask[offset + n] != 0) {
            n++;
        }
        return n;
    }
}
