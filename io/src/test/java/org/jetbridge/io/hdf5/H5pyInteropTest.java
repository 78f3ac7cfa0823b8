package org.jetbridge.io.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files we write open in h5py with exact contents; files h5py writes (contiguous, chunked, compressed) read here. */
class H5pyInteropTest {
    @TempDir
    Path dir;

    @BeforeEach
    void needH5py() throws Exception {
        PythonH5py.assumeAvailable();
    }

    @Test
    void h5pyReadsJavaFileExactly() throws Exception {
        int rows = 30_000;
        Path file = Hdf5RoundTripTest.writeAllTypes(dir.resolve("java.h5"), rows);
        assertEquals("OK", PythonH5py.run(dir, "check_java_file.py", file.toString(), String.valueOf(rows)).strip());
    }

    @Test
    void readsH5pyFilesOfEveryLayout() throws Exception {
        Path file = dir.resolve("py.h5");
        Path userBlock = dir.resolve("userblock.h5");
        PythonH5py.run(dir, "write_h5py_file.py", file.toString(), userBlock.toString());
        int n = 1000;
        try (Hdf5Reader r = Hdf5Reader.open(file)) {
            r.require("contiguous", DType.FLOAT32, 4, 3);
            r.require("gzip", DType.FLOAT32, 8);
            r.require("shuffled", DType.INT32);
            r.require("lzf", DType.INT64, 3);
            r.require("chunked_plain", DType.INT8);
            r.require("mask", DType.INT8, 5);
            r.require("mask_chunked", DType.INT8, 5);
            r.require("big_endian", DType.FLOAT64);
            r.require("tiled", DType.INT32, 6, 4);
            assertTrue(assertThrows(Hdf5FormatException.class, () -> r.dataset("text")).getMessage()
                    .startsWith("py.h5: dataset 'text' has unsupported type or shape"));
            long seen = 0;
            // 77 rows per batch: crosses the 64-, 100-, 128-, 33- and 50-row chunk boundaries at varying offsets
            for (RowBatch b : r.batches(77, "contiguous", "gzip", "shuffled", "lzf", "chunked_plain", "mask",
                    "mask_chunked", "big_endian", "tiled")) {
                for (int i = 0; i < b.rows(); i++) {
                    long g = b.startRow() + i;
                    for (int k = 0; k < 12; k++) {
                        assertEquals((g * 12 + k) * 0.5f, b.floats("contiguous")[i * 12 + k]);
                    }
                    for (int k = 0; k < 8; k++) {
                        assertEquals((g * 8 + k) / 4f, b.floats("gzip")[i * 8 + k]);
                    }
                    assertEquals((int) (g * 1000003 % 65537), b.ints("shuffled")[i]);
                    for (int k = 0; k < 3; k++) {
                        assertEquals(g * 3 + k, b.longs("lzf")[i * 3 + k]);
                    }
                    assertEquals(g % 7 - 3, b.bytes("chunked_plain")[i]);
                    for (int k = 0; k < 5; k++) {
                        assertEquals((g + k) % 4 == 0 ? 1 : 0, b.bytes("mask")[i * 5 + k]);
                        assertEquals((g + k) % 3 == 0 ? 1 : 0, b.bytes("mask_chunked")[i * 5 + k]);
                    }
                    assertEquals(g / 8.0, b.doubles("big_endian")[i]);
                    for (int k = 0; k < 24; k++) {
                        assertEquals(g * 24 + k, b.ints("tiled")[i * 24 + k]);
                    }
                }
                seen += b.rows();
            }
            assertEquals(n, seen);
            assertEquals(77L * 24 * 4, r.largestReadBytes(), "largest read = one batch of the widest dataset");
            Map<String, Object> a = r.attributes();
            assertEquals("data", a.get("preset"));
            assertEquals(7L, a.get("seed"));
            assertEquals(0.125, a.get("sigma"));
            assertArrayEquals(new String[] {"pt", "eta"}, (String[]) a.get("names"));
            assertArrayEquals(new long[] {1, 2, 3}, (long[]) a.get("counts"));
            assertArrayEquals(new String[] {"x", "y", "z"}, (String[]) r.attributes("contiguous").get("feature_names"));
        }
        try (Hdf5Reader r = Hdf5Reader.open(userBlock)) {
            float[] x = new float[10];
            r.read("x", 90, 10, x, 0);
            for (int i = 0; i < 10; i++) {
                assertEquals((90 + i) * 2f, x[i]);
            }
        }
    }
}
