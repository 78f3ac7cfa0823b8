package org.jetbridge.tagger;

import org.jetbridge.io.InputException;

/**
 * Turns raw tagging-file rows into {@link JetBatch}es: the leading {@code maxConstituents} real constituents of each
 * jet (file order, which is decreasing pT), their {@link ConstituentFeatures} normalised by a {@link Normalisation}.
 */
final class JetEncoder {

    /** Batch lengths are rounded up to a multiple of this. */
    static final int LENGTH_QUANTUM = 8;

    private final Normalisation normalisation;
    private final int maxConstituents;

    JetEncoder(Normalisation normalisation, int maxConstituents) {
        this.normalisation = normalisation;
        this.maxConstituents = maxConstituents;
    }

    /** Raw inputs of every real constituent of rows {@code first … first+count−1} of {@code r}, for fitting. */
    static void addRaw(TaggingFile file, TaggingFile.Rows r, int maxConstituents, Normalisation.Fitter fitter) {
        float[] raw = new float[ConstituentFeatures.COUNT];
        for (int i = 0; i < r.rows(); i++) {
            int n = 0;
            for (int k = 0; k < r.maxConstituents() && n < maxConstituents; k++) {
                if (r.mask()[i * r.maxConstituents() + k] == 0) {
                    continue;
                }
                constituent(file, r, i, k, raw, 0);
                fitter.add(raw, 0);
                n++;
            }
        }
    }

    private static void constituent(TaggingFile file, TaggingFile.Rows r, int i, int k, float[] out, int outAt) {
        int at = (i * r.maxConstituents() + k) * r.width();
        double jetPt = r.jets()[i * r.jetWidth() + file.jetPtColumn()];
        if (!(jetPt > 0) || !Double.isFinite(jetPt)) {
            throw new InputException(String.valueOf(file.path()), "jet " + (r.start() + i) + " has pt " + jetPt
                    + ", expected a finite pT > 0");
        }
        try {
            ConstituentFeatures.raw(r.constituents(), at, file.columns(), jetPt, out, outAt,
                    () -> "jet " + (r.start() + i) + " constituent " + k);
        } catch (IllegalArgumentException e) {
            throw new InputException(String.valueOf(file.path()), e.getMessage(), e);
        }
    }

    /** Number of constituents row {@code row} of {@code r} contributes (real ones, at most maxConstituents). */
    int length(TaggingFile.Rows r, int row) {
        int nFile = r.maxConstituents();
        int n = 0;
        for (int k = 0; k < nFile && n < maxConstituents; k++) {
            n += r.mask()[row * nFile + k] != 0 ? 1 : 0;
        }
        return n;
    }

    /**
     * Row order of {@code r} in which consecutive rows have similar lengths: {@code order} stably sorted by
     * {@link #length}. Cutting it into consecutive batches keeps padding (and attention cost) small.
     */
    int[] byLength(TaggingFile.Rows r, int[] order) {
        int[] len = new int[maxConstituents + 1];
        for (int row : order) {
            len[length(r, row)]++;
        }
        int[] start = new int[maxConstituents + 2];
        for (int n = 0; n <= maxConstituents; n++) {
            start[n + 1] = start[n] + len[n];
        }
        int[] out = new int[order.length];
        for (int row : order) {
            out[start[length(r, row)]++] = row;
        }
        return out;
    }

    /** The batch of rows {@code rows[0…]} (indices into {@code r}). */
    JetBatch encode(TaggingFile file, TaggingFile.Rows r, int[] rows) {
        int b = rows.length;
        int nFile = r.maxConstituents();
        int[] counts = new int[b];
        int length = 1;
        for (int i = 0; i < b; i++) {
            int n = length(r, rows[i]);
            counts[i] = n;
            length = Math.max(length, n);
        }
        // libtorch pays a one-off cost for every new tensor shape: padding to a multiple of 8 (exactly masked)
        // caps the shapes a run meets at maxConstituents / 8
        length = (length + LENGTH_QUANTUM - 1) / LENGTH_QUANTUM * LENGTH_QUANTUM;
        int f = ConstituentFeatures.COUNT;
        float[] x = new float[b * length * f];
        float[] mask = new float[b * length];
        float[] pt = new float[b];
        float[] eta = new float[b];
        int[] flavour = r.flavour() == null ? null : new int[b];
        for (int i = 0; i < b; i++) {
            int row = rows[i];
            int n = 0;
            for (int k = 0; k < nFile && n < counts[i]; k++) {
                if (r.mask()[row * nFile + k] == 0) {
                    continue;
                }
                int at = (i * length + n) * f;
                constituent(file, r, row, k, x, at);
                normalisation.apply(x, at);
                mask[i * length + n] = 1f;
                n++;
            }
            pt[i] = r.jets()[row * r.jetWidth() + file.jetPtColumn()];
            eta[i] = r.jets()[row * r.jetWidth() + file.jetEtaColumn()];
            if (flavour != null) {
                flavour[i] = r.flavour()[row];
            }
        }
        return new JetBatch(b, length, x, mask, flavour, pt, eta);
    }

    /** All rows of {@code r} in order. */
    JetBatch encode(TaggingFile file, TaggingFile.Rows r) {
        int[] rows = new int[r.rows()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        return encode(file, r, rows);
    }
}
