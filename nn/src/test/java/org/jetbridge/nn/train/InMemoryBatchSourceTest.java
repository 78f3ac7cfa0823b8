package org.jetbridge.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import org.jetbridge.nn.TestRuntime;
import org.junit.jupiter.api.Test;

class InMemoryBatchSourceTest {

    @Test
    void everyEpochIsADeterministicPermutationAndRowsStayAligned() {
        int n = 103;
        float[] x = new float[n * 2 * 3];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            Arrays.fill(x, i * 6, i * 6 + 6, i);
            y[i] = -i;
        }
        List<InMemoryBatchSource.Column> cols = List.of(new InMemoryBatchSource.Column(x, 2, 3),
                new InMemoryBatchSource.Column(y));
        InMemoryBatchSource s = new InMemoryBatchSource(cols, 10, 5);
        assertEquals(10, s.batchesPerEpoch());
        for (long epoch = 0; epoch < 2; epoch++) {
            boolean[] seen = new boolean[n];
            for (long b = 0; b < 10; b++) {
                for (int r : s.rows(epoch, b)) {
                    assertFalse(seen[r], "row " + r + " twice in epoch " + epoch);
                    seen[r] = true;
                }
            }
        }
        assertFalse(Arrays.equals(s.rows(0, 0), s.rows(1, 0)), "epochs not reshuffled");
        assertArrayEquals(s.rows(1, 3), new InMemoryBatchSource(cols, 10, 5).rows(1, 3));
        try (NDManager m = TestRuntime.get().newManager()) {
            NDList batch = s.batch(1, 3, m);
            assertEquals(new Shape(10, 2, 3), batch.get(0).getShape());
            assertEquals(new Shape(10), batch.get(1).getShape());
            float[] bx = batch.get(0).toFloatArray();
            float[] by = batch.get(1).toFloatArray();
            for (int i = 0; i < 10; i++) {
                assertEquals(-by[i], bx[i * 6 + 5], 0f);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new InMemoryBatchSource(
                List.of(new InMemoryBatchSource.Column(x, 2, 3), new InMemoryBatchSource.Column(new float[5])), 1, 0));
        assertThrows(IllegalArgumentException.class, () -> s.rows(0, 10));
    }
}
