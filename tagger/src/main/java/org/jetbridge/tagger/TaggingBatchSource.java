package org.jetbridge.tagger;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.jetbridge.nn.train.BatchSource;
import org.jetbridge.nn.train.Shuffle;

/**
 * Training batches streamed from a tagging file in bounded memory (one block of about {@code blockRows} jets at a
 * time). Every epoch visits the file's blocks in a shuffled order; inside a block the jets are shuffled, then
 * grouped by length (number of constituents) into batches, and the batches are shuffled — so a batch holds jets
 * of similar length and costs little padding, while its position in the epoch is random. All permutations come
 * from generators seeded by (seed, epoch, block), so batch (epoch, index) is always the same jets, which is what
 * makes a resumed run identical to an uninterrupted one. Incomplete batches at the end of a block are dropped.
 * Batches are (features, mask, one-hot labels) as {@link TaggerModel#loss} expects. Not thread-safe.
 */
public final class TaggingBatchSource implements BatchSource {

    /** Default block size: 4096 jets of 64 constituents are 11.5 MB of raw features. */
    public static final int DEFAULT_BLOCK_ROWS = 4096;

    private final TaggingFile file;
    private final JetEncoder encoder;
    private final int batchSize;
    private final int blockRows;
    private final long seed;
    private final int blocks;
    private final int batchesPerFullBlock;
    private long cachedEpoch = -1;
    private int[] blockOrder;
    private Block cached;

    /** One block of an epoch: its rows and its jets (indices into rows) in batch order. */
    private record Block(long epoch, int block, TaggingFile.Rows rows, int[] order) {}

    public TaggingBatchSource(TaggingFile file, Normalisation normalisation, int maxConstituents, int batchSize,
            int blockRows, long seed) {
        if (!file.hasFlavour()) {
            throw new IllegalArgumentException(file.path()
                    + ": training needs the 'flavour' labels, the file has none");
        }
        if (batchSize < 1 || batchSize > file.jets()) {
            throw new IllegalArgumentException("batch size: expected 1.." + file.jets() + " (jets in " + file.path()
                    + "), got " + batchSize);
        }
        if (blockRows < 1) {
            throw new IllegalArgumentException("block rows: expected >= 1, got " + blockRows);
        }
        this.file = file;
        this.encoder = new JetEncoder(normalisation, maxConstituents);
        this.batchSize = batchSize;
        // whole batches per block, so that no batch spans two blocks
        this.blockRows = (int) Math.min(file.jets(), (long) Math.max(1, blockRows / batchSize) * batchSize);
        this.seed = seed;
        this.blocks = (int) ((file.jets() + this.blockRows - 1) / this.blockRows);
        this.batchesPerFullBlock = this.blockRows / batchSize;
    }

    @Override
    public long batchesPerEpoch() {
        return (long) (blocks - 1) * batchesPerFullBlock + blockSize(blocks - 1) / batchSize;
    }

    private int blockSize(int block) {
        return (int) Math.min(blockRows, file.jets() - (long) block * blockRows);
    }

    private static long mix(long seed, long epoch, long block) {
        return seed * 0x9E3779B97F4A7C15L ^ (epoch + 1) * 0xBF58476D1CE4E5B9L ^ (block + 2) * 0x94D049BB133111EBL;
    }

    private Block block(long epoch, int block) {
        if (cached != null && cached.epoch == epoch && cached.block == block) {
            return cached;
        }
        int n = blockSize(block);
        TaggingFile.Rows rows = file.read((long) block * blockRows, n);
        SplittableRandom r = new SplittableRandom(mix(seed, epoch, block));
        int[] sorted = encoder.byLength(rows, Shuffle.permutation(n, r));
        int batches = n / batchSize;
        int[] batchOrder = Shuffle.permutation(batches, r);
        int[] order = new int[batches * batchSize];
        for (int b = 0; b < batches; b++) {
            System.arraycopy(sorted, batchOrder[b] * batchSize, order, b * batchSize, batchSize);
        }
        cached = new Block(epoch, block, rows, order);
        return cached;
    }

    /** The block and first position in it of batch {@code index} of {@code epoch}. */
    private Block locate(long epoch, long index, int[] position) {
        if (index < 0 || index >= batchesPerEpoch()) {
            throw new IllegalArgumentException("batch index: expected 0.." + (batchesPerEpoch() - 1) + ", got "
                    + index);
        }
        if (cachedEpoch != epoch) {
            // the short last block, if any, keeps the last slot so that full blocks map by division
            int[] full = Shuffle.permutation(blocks - (blockSize(blocks - 1) < blockRows ? 1 : 0),
                    new SplittableRandom(mix(seed, epoch, -1)));
            blockOrder = Arrays.copyOf(full, blocks);
            if (full.length < blocks) {
                blockOrder[blocks - 1] = blocks - 1;
            }
            cachedEpoch = epoch;
        }
        int slot = (int) (index / batchesPerFullBlock);
        position[0] = (int) (index % batchesPerFullBlock) * batchSize;
        return block(epoch, blockOrder[slot]);
    }

    /** File rows (jet indices) of batch {@code index} of {@code epoch}, for tests. */
    long[] jetIndices(long epoch, long index) {
        int[] at = new int[1];
        Block b = locate(epoch, index, at);
        long[] out = new long[batchSize];
        for (int i = 0; i < batchSize; i++) {
            out[i] = b.rows.start() + b.order[at[0] + i];
        }
        return out;
    }

    /** The encoded jets of batch {@code index} of {@code epoch}. */
    JetBatch jets(long epoch, long index) {
        int[] at = new int[1];
        Block b = locate(epoch, index, at);
        return encoder.encode(file, b.rows, Arrays.copyOfRange(b.order, at[0], at[0] + batchSize));
    }

    @Override
    public NDList batch(long epoch, long index, NDManager manager) {
        JetBatch b = jets(epoch, index);
        return new NDList(b.featureArray(manager), b.maskArray(manager), b.oneHotArray(manager));
    }
}
