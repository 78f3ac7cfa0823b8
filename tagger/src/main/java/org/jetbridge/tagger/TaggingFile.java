package org.jetbridge.tagger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jetbridge.io.InputException;
import org.jetbridge.io.hdf5.DType;
import org.jetbridge.io.hdf5.Hdf5FormatException;
import org.jetbridge.io.hdf5.Hdf5Reader;
import org.jetbridge.io.hdf5.TaggingDataset;

/**
 * A tagging dataset opened for the tagger: checks that {@code constituents} carries every feature the inputs need
 * (by name, in any order), that {@code mask} and {@code jets} (with {@code pt} and {@code eta}) match, and reads the
 * {@code flavour} labels when present. Rows are read by range in bounded memory ({@link #read}).
 */
public final class TaggingFile implements AutoCloseable {

    /** Raw rows [start, start + rows) of the file, arrays as in the file (flat, row-major). */
    record Rows(long start, int rows, int maxConstituents, int width, float[] constituents, byte[] mask,
            float[] jets, int jetWidth, int[] flavour) {}

    private final Path path;
    private final Hdf5Reader reader;
    private final int maxConstituents;
    private final ConstituentFeatures.Columns columns;
    private final int jetWidth;
    private final int jetPt;
    private final int jetEta;
    private final boolean hasFlavour;
    private final long jets;

    private TaggingFile(Path path, Hdf5Reader reader) {
        this.path = path;
        this.reader = reader;
        String name = String.valueOf(path);
        var c = reader.require(TaggingDataset.CONSTITUENTS, DType.FLOAT32, -1, -1);
        maxConstituents = c.rowShape()[0];
        int width = c.rowShape()[1];
        List<String> names = featureNames(TaggingDataset.CONSTITUENTS);
        if (names.size() != width) {
            throw new InputException(name, "dataset 'constituents' has " + width + " features but "
                    + names.size() + " feature_names " + names);
        }
        int[] idx = new int[ConstituentFeatures.FILE_COLUMNS.size()];
        for (int k = 0; k < idx.length; k++) {
            idx[k] = names.indexOf(ConstituentFeatures.FILE_COLUMNS.get(k));
            if (idx[k] < 0) {
                throw new InputException(name, "dataset 'constituents' lacks feature '"
                        + ConstituentFeatures.FILE_COLUMNS.get(k) + "' (has " + names + "); the tagger needs "
                        + ConstituentFeatures.FILE_COLUMNS);
            }
        }
        columns = new ConstituentFeatures.Columns(idx, width);
        reader.require(TaggingDataset.MASK, DType.INT8, maxConstituents);
        jetWidth = reader.require(TaggingDataset.JETS, DType.FLOAT32, -1).rowShape()[0];
        List<String> jetNames = featureNames(TaggingDataset.JETS);
        jetPt = jetNames.indexOf("pt");
        jetEta = jetNames.indexOf("eta");
        if (jetPt < 0 || jetEta < 0 || jetNames.size() != jetWidth) {
            throw new InputException(name, "dataset 'jets' must name features 'pt' and 'eta' in feature_names, has "
                    + jetNames);
        }
        hasFlavour = reader.datasets().containsKey(TaggingDataset.FLAVOUR);
        if (hasFlavour) {
            reader.require(TaggingDataset.FLAVOUR, DType.INT32);
            reader.batches(1, TaggingDataset.CONSTITUENTS, TaggingDataset.MASK, TaggingDataset.JETS,
                    TaggingDataset.FLAVOUR);
        } else {
            reader.batches(1, TaggingDataset.CONSTITUENTS, TaggingDataset.MASK, TaggingDataset.JETS);
        }
        jets = reader.dataset(TaggingDataset.JETS).rows();
    }

    /**
     * Opens and checks {@code path}.
     *
     * @throws InputException naming the file and what is missing or malformed
     */
    public static TaggingFile open(Path path) {
        Hdf5Reader r;
        try {
            r = Hdf5Reader.open(path);
        } catch (IOException | Hdf5FormatException e) {
            throw new InputException(String.valueOf(path), "cannot open as a tagging dataset: " + e.getMessage(), e);
        }
        try {
            return new TaggingFile(path, r);
        } catch (Hdf5FormatException e) {
            closeQuietly(r);
            throw new InputException(String.valueOf(path), "not a tagging dataset: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(r);
            throw e;
        }
    }

    private static void closeQuietly(Hdf5Reader r) {
        try {
            r.close();
        } catch (IOException ignored) {
            // the open error is the one to report
        }
    }

    private List<String> featureNames(String dataset) {
        Object names = reader.attributes(dataset).get("feature_names");
        if (!(names instanceof String[] a)) {
            throw new InputException(String.valueOf(path), "dataset '" + dataset
                    + "' has no feature_names attribute (a list of strings naming its columns)");
        }
        return Arrays.asList(a);
    }

    public Path path() {
        return path;
    }

    public long jets() {
        return jets;
    }

    public int maxConstituents() {
        return maxConstituents;
    }

    public boolean hasFlavour() {
        return hasFlavour;
    }

    ConstituentFeatures.Columns columns() {
        return columns;
    }

    int jetPtColumn() {
        return jetPt;
    }

    int jetEtaColumn() {
        return jetEta;
    }

    /** Reads rows [start, start + rows) into new arrays. */
    Rows read(long start, int rows) {
        int w = columns.width();
        float[] c = new float[Math.multiplyExact(rows, maxConstituents * w)];
        byte[] m = new byte[rows * maxConstituents];
        float[] j = new float[rows * jetWidth];
        reader.read(TaggingDataset.CONSTITUENTS, start, rows, c, 0);
        reader.read(TaggingDataset.MASK, start, rows, m, 0);
        reader.read(TaggingDataset.JETS, start, rows, j, 0);
        int[] f = null;
        if (hasFlavour) {
            f = new int[rows];
            reader.read(TaggingDataset.FLAVOUR, start, rows, f, 0);
            for (int i = 0; i < rows; i++) {
                if (f[i] < TaggingDataset.LIGHT || f[i] > TaggingDataset.BOTTOM) {
                    throw new InputException(String.valueOf(path), "jet " + (start + i) + " has flavour " + f[i]
                            + ", expected 0 (light), 1 (c) or 2 (b)");
                }
            }
        }
        return new Rows(start, rows, maxConstituents, w, c, m, j, jetWidth, f);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new InputException(String.valueOf(path), "closing: " + e.getMessage(), e);
        }
    }
}
