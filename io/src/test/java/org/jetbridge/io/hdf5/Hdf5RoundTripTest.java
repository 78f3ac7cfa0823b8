package org.jetbridge.io.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java writer → Java reader: exact values, shapes, types, attributes, batches, atomicity and error messages. */
class Hdf5RoundTripTest {
    @TempDir
    Path dir;

    /** Exactly representable float32 value of element (row, col, feature): checks layout and byte order. */
    static float value(long row, int col, int f) {
        return (row * 7 + col * 3 + f) * 0.25f - 100f;
    }

    /** Writes every dtype in several append calls of uneven size (crossing the writer's buffer boundary). */
    static Path writeAllTypes(Path file, int rows) throws IOException {
        try (Hdf5Writer w = Hdf5Writer.create(file)) {
            DatasetWriter f3 = w.dataset("f3", DType.FLOAT32, 4, 3);
            DatasetWriter d1 = w.dataset("d1", DType.FLOAT64);
            DatasetWriter i1 = w.dataset("i1", DType.INT32);
            DatasetWriter l2 = w.dataset("l2", DType.INT64, 2);
            DatasetWriter b2 = w.dataset("b2", DType.INT8, 5);
            f3.attribute("feature_names", new String[] {"pt", "eta", "phi"});
            f3.attribute("units", "GeV");
            w.attribute("seed", 42L).attribute("preset", "nominal").attribute("mu", 60.5)
                    .attribute("threads", 4).attribute("particle_level", true)
                    .attribute("weights", new double[] {0.5, 1.5}).attribute("empty_string", "");
            long row = 0;
            int step = 1;
            while (row < rows) {
                int n = (int) Math.min(step, rows - row);
                float[] fv = new float[n * 12];
                double[] dv = new double[n];
                int[] iv = new int[n];
                long[] lv = new long[n * 2];
                boolean[] bv = new boolean[n * 5];
                for (int r = 0; r < n; r++) {
                    long g = row + r;
                    for (int c = 0; c < 4; c++) {
                        for (int k = 0; k < 3; k++) {
                            fv[r * 12 + c * 3 + k] = value(g, c, k);
                        }
                    }
                    dv[r] = g / 3.0;
                    iv[r] = (int) (g * 31 - 1000);
                    lv[2 * r] = g << 33;
                    lv[2 * r + 1] = -g;
                    for (int k = 0; k < 5; k++) {
                        bv[r * 5 + k] = (g + k) % 3 == 0;
                    }
                }
                f3.append(fv);
                d1.append(dv);
                i1.append(iv);
                l2.append(lv);
                b2.append(bv);
                row += n;
                step = step * 3 + 1;
            }
            w.commit();
        }
        return file;
    }

    @Test
    void roundTripOfEveryTypeIsExact() throws IOException {
        int rows = 30_000; // f3 alone is 1.4 MB: spans more than one 1 MiB write buffer
        Path file = writeAllTypes(dir.resolve("all.h5"), rows);
        try (Hdf5Reader r = Hdf5Reader.open(file)) {
            assertEquals(List.of("f3", "d1", "i1", "l2", "b2"), List.copyOf(r.datasets().keySet()));
            assertArrayEquals(new long[] {rows, 4, 3}, r.dataset("f3").shape());
            assertArrayEquals(new long[] {rows}, r.dataset("d1").shape());
            assertEquals(DType.INT8, r.dataset("b2").dtype());
            Map<String, Object> a = r.attributes();
            assertEquals(42L, a.get("seed"));
            assertEquals("nominal", a.get("preset"));
            assertEquals(60.5, a.get("mu"));
            assertEquals(4L, a.get("threads"));
            assertEquals(1L, a.get("particle_level"));
            assertArrayEquals(new double[] {0.5, 1.5}, (double[]) a.get("weights"));
            assertEquals("", a.get("empty_string"));
            assertArrayEquals(new String[] {"pt", "eta", "phi"}, (String[]) r.attributes("f3").get("feature_names"));
            assertEquals("GeV", r.attributes("f3").get("units"));

            long seen = 0;
            for (RowBatch b : r.batches(997, "f3", "d1", "i1", "l2", "b2")) {
                assertEquals(seen, b.startRow());
                for (int i = 0; i < b.rows(); i++) {
                    long g = b.startRow() + i;
                    for (int c = 0; c < 4; c++) {
                        for (int k = 0; k < 3; k++) {
                            assertEquals(value(g, c, k), b.floats("f3")[i * 12 + c * 3 + k]);
                        }
                    }
                    assertEquals(g / 3.0, b.doubles("d1")[i]);
                    assertEquals((int) (g * 31 - 1000), b.ints("i1")[i]);
                    assertEquals(g << 33, b.longs("l2")[2 * i]);
                    assertEquals(-g, b.longs("l2")[2 * i + 1]);
                    for (int k = 0; k < 5; k++) {
                        assertEquals((g + k) % 3 == 0 ? 1 : 0, b.bytes("b2")[i * 5 + k]);
                    }
                }
                seen += b.rows();
            }
            assertEquals(rows, seen);
            assertEquals(997L * 4 * 3 * 4, r.largestReadBytes());

            float[] one = new float[12];
            r.read("f3", 12_345, 1, one, 0);
            assertEquals(value(12_345, 3, 2), one[11]);
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList(), "no temporary files left next to the output");
        }
    }

    @Test
    void sameInputGivesTheSameBytes() throws IOException {
        // the generator promises byte-identical output for a seed: the writer adds no time stamps or ids
        Path a = writeAllTypes(dir.resolve("a.h5"), 5000);
        Path b = writeAllTypes(dir.resolve("b.h5"), 5000);
        assertEquals(-1L, Files.mismatch(a, b));
    }

    @Test
    void emptyDatasetsHaveZeroRows() throws IOException {
        Path file = dir.resolve("empty.h5");
        try (Hdf5Writer w = Hdf5Writer.create(file)) {
            w.dataset("nothing", DType.FLOAT32, 64, 11);
            w.dataset("some", DType.INT32).append(new int[] {7, 8});
            w.commit();
        }
        try (Hdf5Reader r = Hdf5Reader.open(file)) {
            assertArrayEquals(new long[] {0, 64, 11}, r.dataset("nothing").shape());
            assertFalse(r.batches(10, "nothing").iterator().hasNext());
            int[] v = new int[2];
            r.read("some", 0, 2, v, 0);
            assertArrayEquals(new int[] {7, 8}, v);
        }
    }

    @Test
    void closeWithoutCommitLeavesNothingAndKeepsAnOldFile() throws IOException {
        Path file = dir.resolve("out.h5");
        try (Hdf5Writer w = Hdf5Writer.create(file)) {
            w.dataset("x", DType.FLOAT32, 2).append(new float[] {1, 2});
            // no commit: as if the generator threw
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.toList());
        }
        Files.writeString(file, "old");
        try (Hdf5Writer w = Hdf5Writer.create(file)) {
            DatasetWriter x = w.dataset("x", DType.FLOAT32, 2);
            x.append(new float[] {1, 2});
            assertThrows(IllegalArgumentException.class, () -> x.append(new float[] {1, 2, 3}));
        }
        assertEquals("old", Files.readString(file));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList());
        }
    }

    @Test
    void failedCommitRemovesItsTemporaryFiles() throws IOException {
        Path target = dir.resolve("blocked.h5");
        try (Hdf5Writer w = Hdf5Writer.create(target)) {
            w.dataset("a", DType.FLOAT32, 2).append(new float[] {1, 2});
            w.dataset("b", DType.INT32).append(new int[] {3});
            Files.createDirectory(target); // a non-empty directory appears where the file should go
            Files.writeString(target.resolve("keep.txt"), "x");
            assertThrows(IOException.class, w::commit);
            assertThrows(IllegalStateException.class, w::commit);
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(target), s.toList(), "only the blocking directory remains, no temporary files");
        }
        assertEquals("x", Files.readString(target.resolve("keep.txt")));
    }

    @Test
    void writerRejectsBadInputWithNamedMessages() throws IOException {
        try (Hdf5Writer w = Hdf5Writer.create(dir.resolve("bad.h5"))) {
            DatasetWriter x = w.dataset("x", DType.FLOAT32, 3);
            assertEquals("dataset 'x': 4 values are not a whole number of rows of 3 (row shape [3])",
                    assertThrows(IllegalArgumentException.class, () -> x.append(new float[4])).getMessage());
            assertEquals("dataset 'x' has dtype float32, cannot append int32 values",
                    assertThrows(IllegalArgumentException.class, () -> x.append(new int[3])).getMessage());
            assertThrows(IllegalArgumentException.class, () -> w.dataset("x", DType.INT8));
            assertThrows(IllegalArgumentException.class, () -> w.dataset("a/b", DType.INT8));
            assertThrows(IllegalArgumentException.class, () -> w.attribute("o", new Object()));
            assertThrows(IllegalArgumentException.class, () -> w.attribute("e", new String[0]));
            w.commit();
            assertThrows(IllegalStateException.class, () -> x.append(new float[3]));
        }
        assertThrows(IOException.class, () -> Hdf5Writer.create(dir.resolve("missing/dir/x.h5")));
    }

    @Test
    void readerErrorsNameFileDatasetAndExpectation() throws IOException {
        Path file = dir.resolve("latents.h5");
        try (Hdf5Writer w = Hdf5Writer.create(file)) {
            w.dataset("latent", DType.FLOAT32, 64).append(new float[1000 * 64]);
            w.dataset("label", DType.INT32).append(new int[999]);
            w.commit();
        }
        try (Hdf5Reader r = Hdf5Reader.open(file)) {
            assertEquals("latents.h5: dataset 'latent' has shape [1000, 64], expected [*, 128]",
                    assertThrows(Hdf5FormatException.class, () -> r.require("latent", DType.FLOAT32, 128))
                            .getMessage());
            assertEquals("latents.h5: dataset 'latent' has dtype float32, expected int8",
                    assertThrows(Hdf5FormatException.class, () -> r.require("latent", DType.INT8, -1))
                            .getMessage());
            assertEquals("latents.h5: no dataset 'score' (datasets: latent, label)",
                    assertThrows(Hdf5FormatException.class, () -> r.require("score", DType.FLOAT32)).getMessage());
            assertEquals("latents.h5: datasets 'latent' (1000 rows) and 'label' (999 rows) differ in length",
                    assertThrows(Hdf5FormatException.class, () -> r.batches(10, "latent", "label")).getMessage());
            assertTrue(r.require("latent", DType.FLOAT32, -1).rows() == 1000);
            assertThrows(IllegalArgumentException.class, () -> r.read("latent", 990, 20, new float[20 * 64], 0));
        }
        Path junk = dir.resolve("junk.h5");
        Files.writeString(junk, "not hdf5 at all, just text that is long enough to look for a superblock");
        assertTrue(assertThrows(Hdf5FormatException.class, () -> Hdf5Reader.open(junk)).getMessage()
                .startsWith("junk.h5: not a readable HDF5 file"));
    }
}
