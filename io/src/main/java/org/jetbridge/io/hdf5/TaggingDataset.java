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
        return SchemaWriter.create(path, SCHEMA, metadata, w -> new Writer(w, maxConstituents));
    }

    /** Opens a tagging file, checking every dataset's type and shape and the feature names. */
    public static Reader open(Path path) throws IOException {
        return SchemaReader.open(path, Reader::new);
    }

    /** Appends jets one at a time; no HDF5 knowledge needed by the caller. */
    public static final class Writer extends SchemaWriter {
        private final PaddedJets jets;
        private final DatasetWriter flavour;
        private final DatasetWriter partonId;
        private final int[] one = new int[1];

        private Writer(Hdf5Writer w, int maxConstituents) throws IOException {
            super(w);
            jets = new PaddedJets(w, maxConstituents, CONSTITUENT_FEATURES, JET_FEATURES);
            flavour = w.dataset(FLAVOUR, DType.INT32).attribute("labels", FLAVOUR_NAMES.toArray(String[]::new));
            partonId = w.dataset(PARTON_ID, DType.INT32);
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
    }

    /** A checked tagging file; all five datasets are read through {@link #batches(int)} in bounded memory. */
    public static final class Reader extends JetSchemaReader {
        private final int maxConstituents;

        private Reader(Hdf5Reader r) {
            super(r, CONSTITUENTS, MASK, JETS, FLAVOUR, PARTON_ID);
            maxConstituents = PaddedJets.check(r, CONSTITUENT_FEATURES, JET_FEATURES);
            r.require(FLAVOUR, DType.INT32);
            r.require(PARTON_ID, DType.INT32);
            r.batches(1, CONSTITUENTS, FLAVOUR, PARTON_ID);
        }

        public int maxConstituents() {
            return maxConstituents;
        }
    }
}
