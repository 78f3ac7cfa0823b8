package org.jetbridge.io.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContaminatedJetDatasetTest {
    @TempDir
    Path dir;

    private static float[] c(float pt) {
        return new float[] {pt, 0.1f, 0.2f, 0.01f, 0.02f, 1f};
    }

    @Test
    void roundTripWithOriginPaddingAndTruth() throws IOException {
        Path file = dir.resolve("c.h5");
        try (ContaminatedJetDataset.Writer w = ContaminatedJetDataset.create(file, 4, 3, Map.of("seed", 5L))) {
            w.append(new float[][] {c(9), c(5), c(2)}, new int[] {0, 2, 0}, new float[] {300, 0.1f, 0.2f, 170},
                    new float[][] {c(9), c(2)}, 2);
            // a bad jet is refused whole: nothing of it reaches the file
            assertThrows(IllegalArgumentException.class, () -> w.append(new float[][] {c(1)}, new int[] {3},
                    new float[] {300, 0, 0, 170}, new float[][] {}, 2));
            assertThrows(IllegalArgumentException.class, () -> w.append(new float[][] {c(1)}, new int[] {0, 0},
                    new float[] {300, 0, 0, 170}, new float[][] {}, 0));
            assertThrows(IllegalArgumentException.class, () -> w.append(new float[][] {}, new int[] {},
                    new float[] {300, 0, 0, 170}, new float[][] {c(1), c(1), c(1), c(1)}, 0));
            w.commit();
        }
        try (ContaminatedJetDataset.Reader r = ContaminatedJetDataset.open(file)) {
            assertEquals(1, r.jets());
            assertEquals(4, r.maxObserved());
            assertEquals(3, r.maxTruth());
            assertEquals(5L, r.metadata().get("seed"));
            assertEquals(ContaminatedJetDataset.SCHEMA, r.metadata().get("schema"));
            RowBatch b = r.batches(10).iterator().next();
            assertArrayEquals(new int[] {0, 2, 0, -1}, b.ints(ContaminatedJetDataset.ORIGIN));
            assertArrayEquals(new byte[] {1, 1, 1, 0}, b.bytes(ContaminatedJetDataset.MASK));
            assertArrayEquals(new byte[] {1, 1, 0}, b.bytes(ContaminatedJetDataset.TRUTH_MASK));
            assertEquals(2, b.ints(ContaminatedJetDataset.N_PU)[0]);
            assertEquals(2f, b.floats(ContaminatedJetDataset.TRUTH_CONSTITUENTS)[6]);
        }
        try (var s = Files.list(dir)) {
            assertTrue(s.allMatch(p -> p.getFileName().toString().equals("c.h5")), "no spool left behind");
        }
    }
}
