package org.jetbridge.io.hdf5;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The part shared by the jet datasets: {@code constituents} [N, nMax, F] float32 zero-padded, {@code mask}
 * [N, nMax] int8 (1 for a real constituent), {@code jets} [N, J] float32, each with its feature names as the
 * {@code feature_names} attribute. Validates every jet before anything of it is written.
 */
final class PaddedJets {
    static final String CONSTITUENTS = "constituents";
    static final String MASK = "mask";
    static final String JETS = "jets";
    static final String FEATURE_NAMES = "feature_names";
    static final String MAX_CONSTITUENTS = "max_constituents";

    private final String file;
    private final int maxConstituents;
    private final int features;
    private final int jetFeatures;
    private final DatasetWriter constituents;
    private final DatasetWriter mask;
    private final DatasetWriter jets;
    private final float[] row;
    private final byte[] maskRow;

    PaddedJets(Hdf5Writer w, int maxConstituents, List<String> constituentFeatures, List<String> jetFeatures)
            throws IOException {
        if (maxConstituents <= 0) {
            throw new IllegalArgumentException("max constituents must be positive, got " + maxConstituents);
        }
        this.file = String.valueOf(w.target().getFileName());
        this.maxConstituents = maxConstituents;
        this.features = constituentFeatures.size();
        this.jetFeatures = jetFeatures.size();
        constituents = w.dataset(CONSTITUENTS, DType.FLOAT32, maxConstituents, features)
                .attribute(FEATURE_NAMES, constituentFeatures.toArray(String[]::new));
        mask = w.dataset(MASK, DType.INT8, maxConstituents);
        jets = w.dataset(JETS, DType.FLOAT32, this.jetFeatures)
                .attribute(FEATURE_NAMES, jetFeatures.toArray(String[]::new));
        w.attribute(MAX_CONSTITUENTS, maxConstituents);
        row = new float[maxConstituents * features];
        maskRow = new byte[maxConstituents];
    }

    /** Number of jets appended so far. */
    long jets() {
        return jets.rows();
    }

    /** Checks one jet against the schema; nothing is written, so a rejected jet leaves no partial rows. */
    void check(float[][] cs, float[] jet) {
        long index = jets.rows();
        if (cs.length > maxConstituents) {
            throw new IllegalArgumentException(file + ": jet " + index + " has " + cs.length
                    + " constituents, more than max_constituents = " + maxConstituents
                    + " (keep the leading ones by pT before writing)");
        }
        if (jet.length != jetFeatures) {
            throw new IllegalArgumentException(file + ": jet " + index + " has " + jet.length
                    + " jet features, expected " + jetFeatures);
        }
        for (int i = 0; i < cs.length; i++) {
            if (cs[i].length != features) {
                throw new IllegalArgumentException(file + ": jet " + index + " constituent " + i + " has "
                        + cs[i].length + " features, expected " + features);
            }
        }
    }

    /** Writes one jet that passed {@link #check}: padded constituents, mask and jet features. */
    void write(float[][] cs, float[] jet) {
        pad(cs, features, row, maskRow);
        constituents.append(row, 0, 1);
        mask.append(maskRow, 0, 1);
        jets.append(jet, 0, 1);
    }

    /** Fills one zero-padded flat row of {@code features} values per constituent and its 0/1 mask row. */
    static void pad(float[][] cs, int features, float[] row, byte[] maskRow) {
        Arrays.fill(row, 0f);
        Arrays.fill(maskRow, (byte) 0);
        for (int i = 0; i < cs.length; i++) {
            System.arraycopy(cs[i], 0, row, i * features, features);
            maskRow[i] = 1;
        }
    }

    /** Validates the three datasets of a jet file and returns N_max. */
    static int check(Hdf5Reader r, List<String> constituentFeatures, List<String> jetFeatures) {
        int nMax = r.require(CONSTITUENTS, DType.FLOAT32, -1, constituentFeatures.size()).rowShape()[0];
        r.require(MASK, DType.INT8, nMax);
        r.require(JETS, DType.FLOAT32, jetFeatures.size());
        checkNames(r, CONSTITUENTS, constituentFeatures);
        checkNames(r, JETS, jetFeatures);
        r.batches(1, CONSTITUENTS, MASK, JETS); // checks equal lengths
        return nMax;
    }

    private static void checkNames(Hdf5Reader r, String dataset, List<String> expected) {
        Object names = r.attributes(dataset).get(FEATURE_NAMES);
        if (!(names instanceof String[] a) || !List.of(a).equals(expected)) {
            throw new Hdf5FormatException(r.path().getFileName() + ": dataset '" + dataset + "' has feature_names "
                    + (names instanceof String[] a ? List.of(a) : names) + ", expected " + expected);
        }
    }
}
