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
        return new Writer(path, maxConstituents, metadata);
    }

    /** Opens and checks a top-jet file. */
    public static Reader open(Path path) throws IOException {
        return new Reader(path);
    }

    /** Appends top jets one at a time. */
    public static final class Writer implements AutoCloseable {
        private final Hdf5Writer w;
        private final PaddedJets jets;

        private Writer(Path path, int maxConstituents, Map<String, ?> metadata) throws IOException {
            Hdf5Writer writer = Hdf5Writer.create(path);
            try {
                writer.attribute("schema", SCHEMA).attributes(metadata);
                jets = new PaddedJets(writer, maxConstituents, CONSTITUENT_FEATURES, JET_FEATURES);
            } catch (IOException | RuntimeException e) {
                writer.close();
                throw e;
            }
            w = writer;
        }

        /** Appends one jet: {@code constituents[i]} has the 6 {@link #CONSTITUENT_FEATURES}, {@code axis} the 4 jet ones. */
        public void append(float[][] constituents, float[] axis) {
            jets.check(constituents, axis);
            jets.write(constituents, axis);
        }

        public long jets() {
            return jets.jets();
        }

        public void commit() throws IOException {
            w.commit();
        }

        @Override
        public void close() {
            w.close();
        }
    }

    /** A checked top-jet file. */
    public static final class Reader implements AutoCloseable {
        private final Hdf5Reader r;
        private final int maxConstituents;

        private Reader(Path path) throws IOException {
            Hdf5Reader reader = Hdf5Reader.open(path);
            try {
                maxConstituents = PaddedJets.check(reader, CONSTITUENT_FEATURES, JET_FEATURES);
            } catch (RuntimeException e) {
                reader.close();
                throw e;
            }
            r = reader;
        }

        public int maxConstituents() {
            return maxConstituents;
        }

        public long jets() {
            return r.dataset(JETS).rows();
        }

        public Map<String, Object> metadata() {
            return r.attributes();
        }

        /** {@code constituents}, {@code mask} and {@code jets}, {@code batchSize} jets at a time. */
        public Iterable<RowBatch> batches(int batchSize) {
            return r.batches(batchSize, CONSTITUENTS, MASK, JETS);
        }

        public Hdf5Reader reader() {
            return r;
        }

        @Override
        public void close() throws IOException {
            r.close();
        }
    }
}
