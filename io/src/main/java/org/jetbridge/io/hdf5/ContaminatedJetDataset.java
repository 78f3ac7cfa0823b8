package org.jetbridge.io.hdf5;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Top jets with pile-up overlaid at a given μ, for evaluating pile-up removal against the truth. Datasets (N jets):
 * <ul>
 * <li>{@code constituents} float32 [N, N_max, 6] the observed (contaminated) constituents, {@link #CONSTITUENT_FEATURES}
 *     as in {@link TopJetDataset} (pT GeV, η, φ, Δη and Δφ to the axis, charge e), sorted by pT, zero-padded;
 *     {@code mask} int8 [N, N_max];</li>
 * <li>{@code origin} int32 [N, N_max]: 0 for a hard-scatter constituent, k ≥ 1 for one from the k-th overlaid
 *     interaction, −1 for padding;</li>
 * <li>{@code jets} float32 [N, 4]: the hard-scatter jet axis ({@link #JET_FEATURES}: pT GeV, η, φ, mass GeV), the
 *     centre of the cone from which pile-up was collected;</li>
 * <li>{@code truth_constituents} float32 [N, N_truth, 6] and {@code truth_mask} int8 [N, N_truth]: the hard-scatter
 *     constituents alone;</li>
 * <li>{@code n_pu} int32 [N]: the number of pile-up interactions overlaid on the jet.</li>
 * </ul>
 * Generator settings, μ and seeds are file attributes.
 */
public final class ContaminatedJetDataset {
    public static final String SCHEMA = "jetbridge.contaminated/1";
    public static final String CONSTITUENTS = PaddedJets.CONSTITUENTS;
    public static final String MASK = PaddedJets.MASK;
    public static final String JETS = PaddedJets.JETS;
    public static final String ORIGIN = "origin";
    public static final String TRUTH_CONSTITUENTS = "truth_constituents";
    public static final String TRUTH_MASK = "truth_mask";
    public static final String N_PU = "n_pu";
    public static final List<String> CONSTITUENT_FEATURES = TopJetDataset.CONSTITUENT_FEATURES;
    public static final List<String> JET_FEATURES = TopJetDataset.JET_FEATURES;

    private ContaminatedJetDataset() {
    }

    /** Starts a file with room for {@code maxObserved} observed and {@code maxTruth} truth constituents per jet. */
    public static Writer create(Path path, int maxObserved, int maxTruth, Map<String, ?> metadata) throws IOException {
        if (maxTruth <= 0) {
            throw new IllegalArgumentException("max truth constituents must be positive, got " + maxTruth);
        }
        return SchemaWriter.create(path, SCHEMA, metadata, w -> new Writer(w, maxObserved, maxTruth));
    }

    public static Reader open(Path path) throws IOException {
        return SchemaReader.open(path, Reader::new);
    }

    /** Appends contaminated jets one at a time; call {@link #commit()} at the end. */
    public static final class Writer extends SchemaWriter {
        private final PaddedJets observed;
        private final DatasetWriter origin;
        private final DatasetWriter truth;
        private final DatasetWriter truthMask;
        private final DatasetWriter nPu;
        private final int maxTruth;
        private final int[] originRow;
        private final float[] truthRow;
        private final byte[] truthMaskRow;
        private final int[] one = new int[1];

        private Writer(Hdf5Writer w, int maxObserved, int maxTruth) throws IOException {
            super(w);
            observed = new PaddedJets(w, maxObserved, CONSTITUENT_FEATURES, JET_FEATURES);
            origin = w.dataset(ORIGIN, DType.INT32, maxObserved);
            truth = w.dataset(TRUTH_CONSTITUENTS, DType.FLOAT32, maxTruth, CONSTITUENT_FEATURES.size())
                    .attribute(PaddedJets.FEATURE_NAMES, CONSTITUENT_FEATURES.toArray(String[]::new));
            truthMask = w.dataset(TRUTH_MASK, DType.INT8, maxTruth);
            nPu = w.dataset(N_PU, DType.INT32);
            w.attribute("max_truth_constituents", maxTruth);
            this.maxTruth = maxTruth;
            originRow = new int[maxObserved];
            truthRow = new float[maxTruth * CONSTITUENT_FEATURES.size()];
            truthMaskRow = new byte[maxTruth];
        }

        /**
         * Appends one jet: observed constituents (6 features each) with their origins, the hard-scatter axis (4
         * features), the truth constituents and the number of overlaid interactions. Checked whole before anything
         * is written.
         */
        public void append(float[][] observedConstituents, int[] origins, float[] axis, float[][] truthConstituents,
                           int pileupInteractions) {
            observed.check(observedConstituents, axis);
            String where = w.target().getFileName() + ": jet " + observed.jets();
            if (origins.length != observedConstituents.length) {
                throw new IllegalArgumentException(where + " has " + origins.length + " origins for "
                        + observedConstituents.length + " observed constituents");
            }
            for (int i = 0; i < origins.length; i++) {
                if (origins[i] < 0 || origins[i] > pileupInteractions) {
                    throw new IllegalArgumentException(where + " constituent " + i + " has origin " + origins[i]
                            + ", expected 0 … " + pileupInteractions);
                }
            }
            if (truthConstituents.length > maxTruth) {
                throw new IllegalArgumentException(where + " has " + truthConstituents.length
                        + " truth constituents, more than max_truth_constituents = " + maxTruth);
            }
            for (int i = 0; i < truthConstituents.length; i++) {
                if (truthConstituents[i].length != CONSTITUENT_FEATURES.size()) {
                    throw new IllegalArgumentException(where + " truth constituent " + i + " has "
                            + truthConstituents[i].length + " features, expected " + CONSTITUENT_FEATURES.size());
                }
            }
            observed.write(observedConstituents, axis);
            Arrays.fill(originRow, -1);
            System.arraycopy(origins, 0, originRow, 0, origins.length);
            origin.append(originRow, 0, 1);
            PaddedJets.pad(truthConstituents, CONSTITUENT_FEATURES.size(), truthRow, truthMaskRow);
            truth.append(truthRow, 0, 1);
            truthMask.append(truthMaskRow, 0, 1);
            one[0] = pileupInteractions;
            nPu.append(one, 0, 1);
        }

        public long jets() {
            return observed.jets();
        }
    }

    /** A checked contaminated-jet file; all seven datasets are read through {@link #batches(int)}. */
    public static final class Reader extends JetSchemaReader {
        private final int maxObserved;
        private final int maxTruth;

        private Reader(Hdf5Reader r) {
            super(r, CONSTITUENTS, MASK, ORIGIN, JETS, TRUTH_CONSTITUENTS, TRUTH_MASK, N_PU);
            maxObserved = PaddedJets.check(r, CONSTITUENT_FEATURES, JET_FEATURES);
            r.require(ORIGIN, DType.INT32, maxObserved);
            maxTruth = r.require(TRUTH_CONSTITUENTS, DType.FLOAT32, -1, CONSTITUENT_FEATURES.size()).rowShape()[0];
            r.require(TRUTH_MASK, DType.INT8, maxTruth);
            r.require(N_PU, DType.INT32);
            r.batches(1, JETS, ORIGIN, TRUTH_CONSTITUENTS, TRUTH_MASK, N_PU); // checks equal lengths
        }

        public int maxObserved() {
            return maxObserved;
        }

        public int maxTruth() {
            return maxTruth;
        }
    }
}
