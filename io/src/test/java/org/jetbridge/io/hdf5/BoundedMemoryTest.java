package org.jetbridge.io.hdf5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes a tagging file far larger than one batch and streams it back: every value is checked, and no read asks for
 * more than one batch of the widest dataset. The size is set by {@code -Djetbridge.hdf5.jets=N} (default 20 000 jets,
 * 60 MB) so the same test can be run by hand on multi-GB files with a small heap, e.g.
 * {@code mvn -pl io -am test -Dtest=BoundedMemoryTest -Djetbridge.hdf5.jets=1000000 -DargLine=-Xmx64m}.
 */
class BoundedMemoryTest {
    @TempDir
    Path dir;

    @Test
    void streamsAFileMuchLargerThanOneBatch() throws Exception {
        long jets = Long.getLong("jetbridge.hdf5.jets", 20_000L);
        int batch = 128;
        int nMax = 64;
        long t0 = System.nanoTime();
        Path file = SchemaTest.writeTagging(dir.resolve("big.h5"), jets, nMax);
        long t1 = System.nanoTime();
        long batches = 0;
        long seen = 0;
        try (TaggingDataset.Reader r = TaggingDataset.open(file)) {
            for (RowBatch b : r.batches(batch)) {
                seen += SchemaTest.checkTaggingBatch(b, nMax);
                batches++;
            }
            assertEquals((long) batch * nMax * 11 * 4, r.reader().largestReadBytes(),
                    "the largest single read is one batch of 'constituents'");
        }
        long t2 = System.nanoTime();
        assertEquals(jets, seen);
        assertEquals((jets + batch - 1) / batch, batches);
        System.out.printf("BoundedMemoryTest: %d jets, file %.1f MB, max heap %d MB, write %.1f s, read+check %.1f s%n",
                jets, Files.size(file) / 1e6, Runtime.getRuntime().maxMemory() >> 20, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }
}
