package org.jetbridge.pileup.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jetbridge.nn.train.BatchSource;
import org.jetbridge.nn.train.Shuffle;
import org.jetbridge.pileup.data.HardScatterJet;
import org.jetbridge.sim.MinBiasPool;
import org.jetbridge.sim.RandomStream;

/**
 * Training batches overlaid on the fly ({@link TrainingExamples}): epoch e visits the hard-scatter jets in a
 * permutation seeded by (seed, e), and example i of batch b draws its pile-up from a stream seeded by (seed, e, b, i),
 * so any batch is reproducible by position (exact resume) and every epoch sees new pile-up.
 */
public final class OverlayBatchSource implements BatchSource {
    private static final long SALT = 0x5055544241L; // "PUTBA"

    private final List<HardScatterJet> jets;
    private final MinBiasPool pool;
    private final PileupConfig config;
    private final Normalisers norm;
    private final int batchSize;
    private final long seed;
    private long permutationEpoch = -1;
    private int[] permutation;

    public OverlayBatchSource(List<HardScatterJet> jets, MinBiasPool pool, PileupConfig config, Normalisers norm,
            int batchSize, long seed) {
        if (batchSize < 1 || jets.size() < batchSize) {
            throw new IllegalArgumentException("training needs at least one batch: " + jets.size()
                    + " hard-scatter jets for batch size " + batchSize);
        }
        this.jets = jets;
        this.pool = pool;
        this.config = config;
        this.norm = norm;
        this.batchSize = batchSize;
        this.seed = seed;
    }

    @Override
    public long batchesPerEpoch() {
        return jets.size() / batchSize;
    }

    /** The encoded (unnormalised) examples of one batch. */
    public synchronized List<EncodedJet> examples(long epoch, long index) {
        if (epoch != permutationEpoch) {
            permutation = Shuffle.permutation(jets.size(), new SplittableRandom(seed * 31 + epoch));
            permutationEpoch = epoch;
        }
        List<EncodedJet> out = new ArrayList<>(batchSize);
        long base = (epoch * batchesPerEpoch() + index) * batchSize;
        for (int i = 0; i < batchSize; i++) {
            HardScatterJet j = jets.get(permutation[(int) (index * batchSize + i)]);
            out.add(TrainingExamples.make(j, pool, config, RandomStream.forEvent(seed ^ SALT, base + i)));
        }
        return out;
    }

    @Override
    public NDList batch(long epoch, long index, NDManager manager) {
        return Batch.training(examples(epoch, index), norm, manager);
    }
}
