package org.jetbridge.io.hdf5;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The flavour-tagging dataset: per jet up to N_max constituents sorted by pT (GeV, rad, mm for impact parameters
 * as produced by the generator), a mask, jet kinematics and labels. Datasets:
 * <ul>
 * <li>{@code constituents} float32 [N, N_max, 11]: {@link #CONSTITUENT_FEATURES}, zero-padded;</li>
 * <li>{@code mask} int8 [N, N_max]: 1 for a real constituent, 0 for padding;</li>
 * <li>{@code jets} float32 [N, 5]: {@link #JET_FEATURES} ({@code n_constituents} as given by the caller, which
 *     may exceed N_max);</li>
 * <li>{@code flavour} int32 [N]: {@link #LIGHT}, {@link #CHARM}, {@link #BOTTOM};
 *     {@code parton_id} int32 [N]: PDG id of the initiating parton.</li>
 * </ul>
 * Feature names are the {@code feature_names} attribute of {@code constituents} and {@code jets}; generator
 * settings (seed, preset, version, …) are file attributes.
 */
public final class TaggingDataset {
    public static final String SCHEMA = "jetbridge.tagging/1";
    public static final String CONSTITUENTS = PaddedJets.CONSTITUENTS;
    public static final String MASK = PaddedJets.MASK;
    public static final String JETS = PaddedJets.JETS;
    public static final String FLAVOUR = "flavour";
    public static final String PARTON_ID = "parton_id";
    public static final List<String> CONSTITUENT_FEATURES = List.of(
            "pt", "eta", "phi", "deta", "dphi", "d0", "d0err", "dz", "dzerr", "charge", "pid_class");
    public static final List<String> JET_FEATURES = List.of("pt", "eta", "phi", "mass", "n_constituents");
    public static final List<String> FLAVOUR_NAMES = List.of("light", "c", "b");
    public static final int DEFAULT_MAX_CONSTITUENTS = 64;
    public static final int LIGHT = 0;
    public static final int CHARM = 1;
    public static final int BOTTOM = 2;

    private TaggingDataset() {
    }

    /**
     * Starts a tagging file at {@code path}; {@code metadata} (generator settings) become file attributes. Call
     * {@link Writer#commit()} at the end; closing without it leaves nothing at {@code path}.
     */
    public static Writer create(Path path, int maxConstituents, Map<String, ?> metadata) throws IOException {
        return new Writer(path, maxConstituents, metadata);
    }

    /** Opens a tagging file, checking every dataset's type and shape and the feature names. */
    public static Reader open(Path path) throws IOException {
        return new Reader(path);
    }

    /** Appends jets one at a time; no HDF5 knowledge needed by the caller. */
    public static final class Writer implements AutoCloseable {
        private final Hdf5Writer w;
        private final PaddedJets jets;
        private final DatasetWriter flavour;
        private final DatasetWriter partonId;
        private final int[] one = new int[1];

        private Writer(Path path, int maxConstituents, Map<String, ?> metadata) throws IOException {
            Hdf5Writer writer = Hdf5Writer.create(path);
            try {
                writer.attribute("schema", SCHEMA).attributes(metadata);
                jets = new PaddedJets(writer, maxConstituents, CONSTITUENT_FEATURES, JET_FEATURES);
                flavour = writer.dataset(FLAVOUR, DType.INT32)
                        .attribute("labels", FLAVOUR_NAMES.toArray(String[]::new));
                partonId = writer.dataset(PARTON_ID, DType.INT32);
            } catch (IOException | RuntimeException e) {
                writer.close();
                throw e;
            }
            w = writer;
        }

        /**
         * Appends one jet: {@code constituents[i]} holds the 11 {@link #CONSTITUENT_FEATURES} of constituent i (at most
         * N_max, leading by pT first), {@code jet} the 5 {@link #JET_FEATURES}.
         */
        public void append(float[][] constituents, float[] jet, int flavourLabel, int partonPdgId) {
            jets.check(constituents, jet);
            if (flavourLabel < LIGHT || flavourLabel > BOTTOM) {
                throw new IllegalArgumentException(w.target().getFileName() + ": jet " + jets.jets()
                        + " has flavour " + flavourLabel + ", expected 0 (light), 1 (c) or 2 (b)");
            }
            jets.write(constituents, jet);
            one[0] = flavourLabel;
            flavour.append(one, 0, 1);
            one[0] = partonPdgId;
            partonId.append(one, 0, 1);
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

    /** A checked tagging file; batches are read through {@link #batches(int)} in bounded memory. */
    public static final class Reader implements AutoCloseable {
        private final Hdf5Reader r;
        private final int maxConstituents;

        private Reader(Path path) throws IOException {
            Hdf5Reader reader = Hdf5Reader.open(path);
            try {
                maxConstituents = PaddedJets.check(reader, CONSTITUENT_FEATURES, JET_FEATURES);
                reader.require(FLAVOUR, DType.INT32);
                reader.require(PARTON_ID, DType.INT32);
                reader.batches(1, CONSTITUENTS, FLAVOUR, PARTON_ID);
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

        /** File attributes: generator settings and schema. */
        public Map<String, Object> metadata() {
            return r.attributes();
        }

        /** All five datasets, {@code batchSize} jets at a time; see {@link RowBatch} for the reuse of arrays. */
        public Iterable<RowBatch> batches(int batchSize) {
            return r.batches(batchSize, CONSTITUENTS, MASK, JETS, FLAVOUR, PARTON_ID);
        }

        /** The underlying reader, for row ranges or single datasets. */
        public Hdf5Reader reader() {
            return r;
        }

        @Override
        public void close() throws IOException {
            r.close();
        }
    }
}
