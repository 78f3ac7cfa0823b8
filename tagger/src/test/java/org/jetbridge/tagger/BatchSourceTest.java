package org.jetbridge.tagger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Epoch coverage, determinism by position, and length bucketing of the streamed training batches. */
class BatchSourceTest {

    @Test
    void everyEpochVisitsJetsOnceInAReproducibleShuffledOrder() {
        try (TaggingFile file = TaggingFile.open(TestData.tiny())) {
            Normalisation n = TrainingRun.fit(file, 64, 500);
            int batch = 32;
            int block = 256;
            TaggingBatchSource a = new TaggingBatchSource(file, n, 64, batch, block, 7);
            TaggingBatchSource b = new TaggingBatchSource(file, n, 64, batch, block, 7);
            long jets = file.jets();
            // whole batches per block of 256; the short last block contributes floor(rest / 32)
            assertEquals((jets / block) * (block / batch) + (jets % block) / batch, a.batchesPerEpoch());
            Set<Long> seen = new HashSet<>();
            long[] first = null;
            for (long i = 0; i < a.batchesPerEpoch(); i++) {
                long[] rows = a.jetIndices(0, i);
                if (i == 0) {
                    first = rows;
                }
                for (long r : rows) {
                    assertTrue(seen.add(r), "jet " + r + " twice in epoch 0");
                    assertTrue(r >= 0 && r < jets);
                }
            }
            assertEquals(a.batchesPerEpoch() * batch, seen.size());
            // same (epoch, index) gives the same jets, from a fresh source and after visiting other batches
            assertArrayEquals(first, b.jetIndices(0, 0));
            a.jetIndices(1, 3);
            assertArrayEquals(first, a.jetIndices(0, 0));
            assertFalse(Arrays.equals(first, a.jetIndices(1, 0)), "epochs are shuffled differently");
            // another seed, another order
            assertFalse(Arrays.equals(first, new TaggingBatchSource(file, n, 64, batch, block, 8).jetIndices(0, 0)));
        }
    }

    @Test
    void batchesGroupJetsOfSimilarLength() {
        try (TaggingFile file = TaggingFile.open(TestData.tiny())) {
            Normalisation n = TrainingRun.fit(file, 64, 500);
            TaggingBatchSource s = new TaggingBatchSource(file, n, 64, 32, 1024, 1);
            JetEncoder enc = new JetEncoder(n, 64);
            TaggingFile.Rows all = file.read(0, (int) file.jets());
            long padded = 0;
            long unbucketed = 0;
            for (long i = 0; i < s.batchesPerEpoch(); i++) {
                JetBatch b = s.jets(0, i);
                int real = 0;
                for (float m : b.mask()) {
                    real += (int) m;
                }
                padded += (long) b.rows() * b.length() - real;
                // the same number of jets in file order
                int[] rows = new int[32];
                for (int k = 0; k < 32; k++) {
                    rows[k] = (int) (i * 32 + k);
                }
                JetBatch plain = enc.encode(file, all, rows);
                unbucketed += (long) plain.rows() * plain.length();
                assertEquals(32, b.rows());
                assertEquals(ConstituentFeatures.COUNT * b.rows() * b.length(), b.features().length);
            }
            assertTrue(padded * 3 < unbucketed, "bucketing should remove most padding: " + padded + " padded slots vs "
                    + unbucketed + " slots without bucketing");
        }
    }
}
