package org.jetbridge.io.hdf5;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Hard-scatter top jets for the pile-up studies, particle level: {@code constituents} float32 [N, N_max, 6]
 * ({@link #CONSTITUENT_FEATURES}: pT in GeV, η, φ, Δη and Δφ to the jet axis, charge in e), {@code mask} int8
 * [N, N_max] and {@code jets} float32 [N, 4] (axis {@link #JET_FEATURES}: pT GeV, η, φ, mass GeV). Generator
 * settings are file attributes. Default N_max is 200.
 */
public final class TopJetDataset {
    public static final String SCHEMA = "jetbridge.topjets/1";
    public static final String CONSTITUENTS = PaddedJets.CONSTITUENTS;
    public static final String MASK = PaddedJets.MASK;
    public static final String JETS = PaddedJets.JETS;
    public static final List<String> CONSTITUENT_FEATURES = List.of("pt", "eta", "phi", "deta", "dphi", "charge");
    public static final List<String> JET_FEATURES = List.of("pt", "eta", "phi", "mass");
    public static final int DEFAULT_MAX_CONSTITUENTS = 200;

    private TopJetDataset() {
    }

    /** Starts a top-jet file; call {@link Writer#commit()} at the end. */
    public static Writer create(Path path, int maxConstituents, Map<String, ?> metadata) throws IOException {
        return SchemaWriter.create(path, SCHEMA, metadata, w -> new Writer(w, maxConstituents));
    }

    /** Opens and checks a top-jet file. */
    public static Reader open(Path path) throws IOException {
        return SchemaReader.open(path, Reader::new);
    }

    /** Appends top jets one at a time. */
    public static final class Writer extends SchemaWriter {
        private final PaddedJets jets;

        private Writer(Hdf5Writer w, int maxConstituents) throws IOException {
            super(w);
            jets = new PaddedJets(w, maxConstituents, CONSTITUENT_FEATURES, JET_FEATURES);
        }

        /** Appends one jet: {@code constituents[i]} has the 6 {@link #CONSTITUENT_FEATURES}, {@code axis} the 4 jet ones. */
        public void append(float[][] constituents, float[] axis) {
            jets.check(constituents, axis);
            jets.write(constituents, axis);
        }

        public long jets() {
            return jets.jets();
        }
    }

    /** A checked top-jet file: {@code constituents}, {@code mask} and {@code jets} in batches. */
    public static final class Reader extends JetSchemaReader {
        private final int maxConstituents;

        private Reader(Hdf5Reader r) {
            super(r, CONSTITUENTS, MASK, JETS);
            maxConstituents = PaddedJets.check(r, CONSTITUENT_FEATURES, JET_FEATURES);
        }

        public int maxConstituents() {
            return maxConstituents;
        }
    }
}
