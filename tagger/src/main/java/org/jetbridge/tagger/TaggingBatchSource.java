package org.jetbridge.tagger;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.jetbridge.nn.train.BatchSource;

/**
 * Training batches streamed from a tagging file in bounded memory (two blocks of {@code blockRows} jets): every
 * epoch visits the file's blocks in a shuffled order and the jets inside each block in a shuffled order, both
 * drawn from generators seeded by (seed, epoch, block), so batch (epoch, index) is always the same jets — which
 * is what makes a resumed run identical to an uninterrupted one. The last incomplete batch of an epoch is dropped.
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
    private long cachedEpoch = -1;
    private int[] blockOrder;
    private final Block[] cache = new Block[2];

    private record Block(long epoch, int block, TaggingFile.Rows rows, int[] order) {}

    public TaggingBatchSource(TaggingFile file, Normalisation normalisation, int maxConstituents, int batchSize,
            int blockRows, long seed) {
        if (!file.hasFlavour()) {
            throw new IllegalArgumentException(file.path() + ": training needs the 'flavour' labels, the file has none");
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
        this.blockRows = Math.max(blockRows, batchSize); // a batch then spans at most two blocks
        this.seed = seed;
        this.blocks = (int) ((file.jets() + blockRows - 1) / blockRows);
    }

    @Override
    public long batchesPerEpoch() {
        return file.jets() / batchSize;
    }

    private int blockSize(int block) {
        return (int) Math.min(blockRows, file.jets() - (long) block * blockRows);
    }

    private int[] blockOrder(long epoch) {
        if (cachedEpoch != epoch) {
            blockOrder = permutation(blocks, new SplittableRandom(mix(seed, epoch, -1)));
            cachedEpoch = epoch;
        }
        return blockOrder;
    }

    private static long mix(long seed, long epoch, long block) {
        return seed * 0x9E3779B97F4A7C15L ^ (epoch + 1) * 0xBF58476D1CE4E5B9L ^ (block + 2) * 0x94D049BB133111EBL;
    }

    private static int[] permutation(int n, SplittableRandom r) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private Block block(long epoch, int block) {
        for (Block b : cache) {
            if (b != null && b.epoch == epoch && b.block == block) {
                return b;
            }
        }
        int n = blockSize(block);
        Block b = new Block(epoch, block, file.read((long) block * blockRows, n),
                permutation(n, new SplittableRandom(mix(seed, epoch, block))));
        cache[1] = cache[0];
        cache[0] = b;
        return b;
    }

    /** File rows (jet indices) of batch {@code index} of {@code epoch}, for tests. */
    long[] jetIndices(long epoch, long index) {
        long[] out = new long[batchSize];
        visit(epoch, index, (b, k, i) -> out[i] = b.rows.start() + b.order[k]);
        return out;
    }

    private interface Visitor {
        void at(Block b, int positionInBlock, int positionInBatch);
    }

    private void visit(long epoch, long index, Visitor v) {
        if (index < 0 || index >= batchesPerEpoch()) {
            throw new IllegalArgumentException("batch index: expected 0.." + (batchesPerEpoch() - 1) + ", got "
                    + index);
        }
        int[] order = blockOrder(epoch);
        long position = index * batchSize;
        // skip whole blocks before the batch (all full-size except possibly the file's last block)
        int slot = 0;
        long before = 0;
        while (before + blockSize(order[slot]) <= position) {
            before += blockSize(order[slot]);
            slot++;
        }
        int filled = 0;
        int k = (int) (position - before);
        while (filled < batchSize) {
            Block b = block(epoch, order[slot]);
            while (k < b.order.length && filled < batchSize) {
                v.at(b, k++, filled++);
            }
            slot++;
            k = 0;
        }
    }

    /** The encoded jets of batch {@code index} of {@code epoch}. */
    JetBatch jets(long epoch, long index) {
        // a batch spans at most two blocks: encode each part and join them
        int[][] rows = new int[2][batchSize];
        int[] counts = new int[2];
        Block[] parts = new Block[2];
        visit(epoch, index, (b, k, i) -> {
            int p = parts[0] == null || parts[0] == b ? 0 : 1;
            parts[p] = b;
            rows[p][counts[p]++] = b.order[k];
        });
        JetBatch first = encoder.encode(file, parts[0].rows, java.util.Arrays.copyOf(rows[0], counts[0]));
        if (parts[1] == null) {
            return first;
        }
        return join(first, encoder.encode(file, parts[1].rows, java.util.Arrays.copyOf(rows[1], counts[1])));
    }

    static JetBatch join(JetBatch a, JetBatch b) {
        int rows = a.rows() + b.rows();
        int length = Math.max(a.length(), b.length());
        int f = ConstituentFeatures.COUNT;
        float[] x = new float[rows * length * f];
        float[] mask = new float[rows * length];
        int[] flavour = new int[rows];
        float[] pt = new float[rows];
        float[] eta = new float[rows];
        int r = 0;
        for (JetBatch p : new JetBatch[] {a, b}) {
            for (int i = 0; i < p.rows(); i++, r++) {
                System.arraycopy(p.features(), i * p.length() * f, x, r * length * f, p.length() * f);
                System.arraycopy(p.mask(), i * p.length(), mask, r * length, p.length());
                flavour[r] = p.flavour()[i];
                pt[r] = p.jetPt()[i];
                eta[r] = p.jetEta()[i];
            }
        }
        return new JetBatch(rows, length, x, mask, flavour, pt, eta);
    }

    @Override
    public NDList batch(long epoch, long index, NDManager manager) {
        JetBatch b = jets(epoch, index);
        return new NDList(b.featureArray(manager), b.maskArray(manager), b.oneHotArray(manager));
    }
}
