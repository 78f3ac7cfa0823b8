package org.jetbridge.tagger;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Normalised network inputs of a batch of jets in host memory: {@code features} [rows, length,
 * {@link ConstituentFeatures#COUNT}] (0 in padded slots), {@code mask} [rows, length] (1 real, 0 padding), the
 * flavour labels (null when the file has none) and the jets' pT (GeV) and η. {@code length} is the longest jet of
 * the batch (capped at the model's constituent limit) rounded up to a multiple of 8, so short jets cost little
 * attention on padding.
 */
public record JetBatch(int rows, int length, float[] features, float[] mask, int[] flavour, float[] jetPt,
        float[] jetEta) {

    /** features as [rows, length, COUNT] on {@code m}. */
    public NDArray featureArray(NDManager m) {
        return m.create(features, new Shape(rows, length, ConstituentFeatures.COUNT));
    }

    /** mask as [rows, length] on {@code m}. */
    public NDArray maskArray(NDManager m) {
        return m.create(mask, new Shape(rows, length));
    }

    /** One-hot labels [rows, 3] on {@code m}; fails without labels. */
    public NDArray oneHotArray(NDManager m) {
        if (flavour == null) {
            throw new IllegalStateException("batch has no flavour labels");
        }
        float[] y = new float[rows * 3];
        for (int i = 0; i < rows; i++) {
            y[3 * i + flavour[i]] = 1f;
        }
        return m.create(y, new Shape(rows, 3));
    }
}
