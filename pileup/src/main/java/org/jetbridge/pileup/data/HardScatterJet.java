package org.jetbridge.pileup.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jetbridge.core.FourMomentum;
import org.jetbridge.io.InputException;
import org.jetbridge.io.hdf5.Hdf5FormatException;
import org.jetbridge.io.hdf5.RowBatch;
import org.jetbridge.io.hdf5.TopJetDataset;
import org.jetbridge.sim.Constituents;

/**
 * A hard-scatter top jet as read from a {@link TopJetDataset} file: its constituents (massless, GeV; origin 0) and
 * its jet axis (pT, η, φ, mass of the file's {@code jets} row).
 */
public record HardScatterJet(Constituents constituents, FourMomentum axis) {

    /** The jets of one batch of a top-jet file with room for {@code maxConstituents} per jet. */
    public static List<HardScatterJet> fromBatch(RowBatch b, int maxConstituents) {
        int f = TopJetDataset.CONSTITUENT_FEATURES.size();
        float[] cs = b.floats(TopJetDataset.CONSTITUENTS);
        byte[] mask = b.bytes(TopJetDataset.MASK);
        float[] js = b.floats(TopJetDataset.JETS);
        List<HardScatterJet> out = new ArrayList<>(b.rows());
        for (int j = 0; j < b.rows(); j++) {
            int n = 0;
            while (n < maxConstituents && mask[j * maxConstituents + n] != 0) {
                n++;
            }
            int a = j * 4;
            out.add(new HardScatterJet(TopJetRows.fromRows(cs, j * maxConstituents * f, n, 0),
                    FourMomentum.fromPtEtaPhiM(js[a], js[a + 1], js[a + 2], Math.max(0, js[a + 3]))));
        }
        return out;
    }

    /** Opens a top-jet file; a file of another kind is an {@link InputException} naming it. */
    public static TopJetDataset.Reader open(Path file) {
        try {
            return TopJetDataset.open(file);
        } catch (IOException | Hdf5FormatException e) {
            throw new InputException(file.toString(), "cannot read as a top-jet file (" + e.getMessage() + ")", e);
        }
    }

    /** The first {@code maxJets} jets of a top-jet file in memory (all of them when {@code maxJets} &lt; 0). */
    public static List<HardScatterJet> load(Path file, long maxJets) {
        List<HardScatterJet> out = new ArrayList<>();
        try (TopJetDataset.Reader in = open(file)) {
            for (RowBatch b : in.batches(4096)) {
                for (HardScatterJet j : fromBatch(b, in.maxConstituents())) {
                    if (maxJets >= 0 && out.size() >= maxJets) {
                        return out;
                    }
                    out.add(j);
                }
            }
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot read as a top-jet file (" + e.getMessage() + ")", e);
        }
        return out;
    }
}
