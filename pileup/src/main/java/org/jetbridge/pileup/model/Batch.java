package org.jetbridge.pileup.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Encoded jets packed into padded, normalised arrays. Observed slots are padded to the longest observed jet of the
 * batch, hard-scatter slots to the longest target; masks are 1 for real and 0 for padded slots.
 */
public final class Batch {
    /** Positions in the training {@link NDList}. */
    static final int OBSERVED = 0, OBSERVED_MASK = 1, CONTEXT = 2, HARD_SCATTER = 3, HARD_SCATTER_MASK = 4,
            MULTIPLICITY = 5, LABELS = 6;

    private Batch() {
    }

    /** Observed features [B, No, 3], observed mask [B, No], context [B, 6]. */
    static NDList observed(List<EncodedJet> jets, Normalisers norm, NDManager m) {
        int b = jets.size();
        int no = 1;
        for (EncodedJet j : jets) {
            no = Math.max(no, j.nObserved());
        }
        float[] obs = new float[b * no * JetFeatures.PARTICLE];
        float[] mask = new float[b * no];
        float[] ctx = new float[b * JetFeatures.CONTEXT];
        for (int i = 0; i < b; i++) {
            EncodedJet j = jets.get(i);
            norm.observed().apply(j.observed(), j.nObserved(), obs, i * no * JetFeatures.PARTICLE);
            java.util.Arrays.fill(mask, i * no, i * no + j.nObserved(), 1f);
            norm.context().apply(j.context(), 1, ctx, i * JetFeatures.CONTEXT);
        }
        return new NDList(m.create(obs, new Shape(b, no, JetFeatures.PARTICLE)), m.create(mask, new Shape(b, no)),
                m.create(ctx, new Shape(b, JetFeatures.CONTEXT)));
    }

    /** The full training batch: {@link #observed} then target [B, Nh, 3], its mask, N − 1 (int64) and HS labels [B, No]. */
    static NDList training(List<EncodedJet> jets, Normalisers norm, NDManager m) {
        NDList out = observed(jets, norm, m);
        int b = jets.size();
        int no = (int) out.get(OBSERVED).getShape().get(1);
        int nh = 1;
        for (EncodedJet j : jets) {
            nh = Math.max(nh, j.nHardScatter());
        }
        float[] hs = new float[b * nh * JetFeatures.PARTICLE];
        float[] hmask = new float[b * nh];
        long[] n = new long[b];
        float[] labels = new float[b * no];
        for (int i = 0; i < b; i++) {
            EncodedJet j = jets.get(i);
            if (j.hardScatter() == null || j.nHardScatter() < 1) {
                throw new IllegalArgumentException("training jet " + i + " has no hard-scatter target");
            }
            norm.hardScatter().apply(j.hardScatter(), j.nHardScatter(), hs, i * nh * JetFeatures.PARTICLE);
            java.util.Arrays.fill(hmask, i * nh, i * nh + j.nHardScatter(), 1f);
            n[i] = j.nHardScatter() - 1;
            for (int k = 0; k < j.nObserved(); k++) {
                labels[i * no + k] = j.isHardScatter()[k];
            }
        }
        out.add(m.create(hs, new Shape(b, nh, JetFeatures.PARTICLE)));
        out.add(m.create(hmask, new Shape(b, nh)));
        out.add(m.create(n, new Shape(b)));
        out.add(m.create(labels, new Shape(b, no)));
        return out;
    }

    /** A [B, N] mask with the first {@code counts[i]} slots of row i set. */
    static NDArray prefixMask(int[] counts, int length, NDManager m) {
        float[] v = new float[counts.length * length];
        for (int i = 0; i < counts.length; i++) {
            java.util.Arrays.fill(v, i * length, i * length + counts[i], 1f);
        }
        return m.create(v, new Shape(counts.length, length));
    }
}
