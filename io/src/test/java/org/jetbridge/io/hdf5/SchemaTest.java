package org.jetbridge.io.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three dataset schemas: round trips, padding and mask, labels, metadata, and h5py's view of them. */
class SchemaTest {
    @TempDir
    Path dir;

    static int constituentCount(long jet, int nMax) {
        return (int) (jet * 37 % (nMax + 1));
    }

    /** Feature f of constituent i of jet j: exactly representable, never 0 so padding is distinguishable. */
    static float feature(long jet, int i, int f) {
        return (jet % 1000) * 16 + i * 0.25f + f / 64f + 1f;
    }

    static Map<String, Object> metadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", 1234L);
        m.put("preset", "nominal");
        m.put("version", "0.1.0-SNAPSHOT");
        m.put("jet_radius", 0.4);
        return m;
    }

    static Path writeTagging(Path file, long jets, int nMax) throws IOException {
        int nf = TaggingDataset.CONSTITUENT_FEATURES.size();
        try (TaggingDataset.Writer w = TaggingDataset.create(file, nMax, metadata())) {
            for (long j = 0; j < jets; j++) {
                int n = constituentCount(j, nMax);
                float[][] cs = new float[n][nf];
                for (int i = 0; i < n; i++) {
                    for (int f = 0; f < nf; f++) {
                        cs[i][f] = feature(j, i, f);
                    }
                }
                w.append(cs, new float[] {100f + j % 500, -2f + (j % 8) * 0.5f, 0.125f, 10f, n}, (int) (j % 3),
                        j % 3 == 2 ? 5 : j % 3 == 1 ? 4 : 21);
            }
            w.commit();
        }
        return file;
    }

    /** Checks one batch of a tagging file written by {@link #writeTagging}; returns the rows checked. */
    static long checkTaggingBatch(RowBatch b, int nMax) {
        int nf = TaggingDataset.CONSTITUENT_FEATURES.size();
        float[] c = b.floats(TaggingDataset.CONSTITUENTS);
        byte[] m = b.bytes(TaggingDataset.MASK);
        for (int r = 0; r < b.rows(); r++) {
            long j = b.startRow() + r;
            int n = constituentCount(j, nMax);
            for (int i = 0; i < nMax; i++) {
                assertEquals(i < n ? 1 : 0, m[r * nMax + i]);
                for (int f = 0; f < nf; f++) {
                    float got = c[(r * nMax + i) * nf + f];
                    if (got != (i < n ? feature(j, i, f) : 0f)) {
                        assertEquals(i < n ? feature(j, i, f) : 0f, got, "jet " + j + " constituent " + i);
                    }
                }
            }
            assertEquals(100f + j % 500, b.floats(TaggingDataset.JETS)[r * 5]);
            assertEquals(n, b.floats(TaggingDataset.JETS)[r * 5 + 4]);
            assertEquals(j % 3, b.ints(TaggingDataset.FLAVOUR)[r]);
            assertEquals(j % 3 == 2 ? 5 : j % 3 == 1 ? 4 : 21, b.ints(TaggingDataset.PARTON_ID)[r]);
        }
        return b.rows();
    }

    @Test
    void taggingRoundTripKeepsPaddingMaskLabelsAndMetadata() throws IOException {
        Path file = writeTagging(dir.resolve("tagging.h5"), 700, 64);
        try (TaggingDataset.Reader r = TaggingDataset.open(file)) {
            assertEquals(64, r.maxConstituents());
            assertEquals(700, r.jets());
            assertEquals(1234L, r.metadata().get("seed"));
            assertEquals(TaggingDataset.SCHEMA, r.metadata().get("schema"));
            assertEquals(64L, r.metadata().get("max_constituents"));
            long seen = 0;
            for (RowBatch b : r.batches(64)) {
                seen += checkTaggingBatch(b, 64);
            }
            assertEquals(700, seen);
        }
    }

    @Test
    void taggingWriterRejectsBadJetsWithoutWritingThem() throws IOException {
        Path file = dir.resolve("bad.h5");
        try (TaggingDataset.Writer w = TaggingDataset.create(file, 4, Map.of())) {
            float[] jet = {1, 2, 3, 4, 5};
            w.append(new float[1][11], jet, 0, 21);
            assertEquals("bad.h5: jet 1 has 5 constituents, more than max_constituents = 4"
                            + " (keep the leading ones by pT before writing)",
                    assertThrows(IllegalArgumentException.class, () -> w.append(new float[5][11], jet, 0, 21))
                            .getMessage());
            assertEquals("bad.h5: jet 1 constituent 0 has 10 features, expected 11",
                    assertThrows(IllegalArgumentException.class, () -> w.append(new float[1][10], jet, 0, 21))
                            .getMessage());
            assertEquals("bad.h5: jet 1 has flavour 3, expected 0 (light), 1 (c) or 2 (b)",
                    assertThrows(IllegalArgumentException.class, () -> w.append(new float[1][11], jet, 3, 5))
                            .getMessage());
            w.append(new float[0][11], jet, 2, 5);
            w.commit();
        }
        try (TaggingDataset.Reader r = TaggingDataset.open(file)) {
            assertEquals(2, r.jets(), "rejected jets left no partial rows in any dataset");
        }
    }

    @Test
    void taggingReaderRejectsAFileOfAnotherShape() throws IOException {
        Path file = dir.resolve("other.h5");
        try (Hdf5Writer w = Hdf5Writer.create(file)) {
            w.dataset("constituents", DType.FLOAT32, 64, 10).append(new float[64 * 10]);
            w.commit();
        }
        assertEquals("other.h5: dataset 'constituents' has shape [1, 64, 10], expected [*, *, 11]",
                assertThrows(Hdf5FormatException.class, () -> TaggingDataset.open(file)).getMessage());
    }

    @Test
    void topJetsRoundTrip() throws IOException {
        Path file = dir.resolve("top.h5");
        try (TopJetDataset.Writer w = TopJetDataset.create(file, TopJetDataset.DEFAULT_MAX_CONSTITUENTS, metadata())) {
            for (int j = 0; j < 50; j++) {
                float[][] cs = new float[j * 4][6];
                for (int i = 0; i < cs.length; i++) {
                    for (int f = 0; f < 6; f++) {
                        cs[i][f] = feature(j, i, f);
                    }
                }
                w.append(cs, new float[] {300f + j, 0.5f, -1f, 172.5f});
            }
            assertThrows(IllegalArgumentException.class, () -> w.append(new float[201][6], new float[4]));
            w.commit();
        }
        try (TopJetDataset.Reader r = TopJetDataset.open(file)) {
            assertEquals(200, r.maxConstituents());
            assertEquals(50, r.jets());
            for (RowBatch b : r.batches(7)) {
                for (int k = 0; k < b.rows(); k++) {
                    long j = b.startRow() + k;
                    int n = (int) j * 4;
                    assertEquals(300f + j, b.floats(TopJetDataset.JETS)[k * 4]);
                    assertEquals(n, sum(b.bytes(TopJetDataset.MASK), k * 200, 200));
                    if (n > 0) {
                        assertEquals(feature(j, n - 1, 5), b.floats(TopJetDataset.CONSTITUENTS)[(k * 200 + n - 1) * 6 + 5]);
                    }
                }
            }
        }
    }

    private static int sum(byte[] a, int from, int n) {
        int s = 0;
        for (int i = from; i < from + n; i++) {
            s += a[i];
        }
        return s;
    }

    static Path writeMinBias(Path file, int interactions) throws IOException {
        try (MinBiasPool.Writer w = MinBiasPool.create(file, metadata())) {
            for (int k = 0; k < interactions; k++) {
                int n = k % 17 == 0 ? 0 : k % 50 + 3;
                float[] p = new float[n * 5];
                for (int i = 0; i < n; i++) {
                    for (int f = 0; f < 5; f++) {
                        p[i * 5 + f] = feature(k, i, f);
                    }
                }
                w.append(p, n);
            }
            w.commit();
        }
        return file;
    }

    @Test
    void minBiasPoolGivesEachInteractionByRandomAccess() throws IOException {
        Path file = writeMinBias(dir.resolve("minbias.h5"), 300);
        try (MinBiasPool.Reader r = MinBiasPool.open(file)) {
            assertEquals(300, r.interactions());
            java.util.Random rng = new java.util.Random(5);
            long total = 0;
            for (int k = 0; k < 300; k++) {
                total += k % 17 == 0 ? 0 : k % 50 + 3;
            }
            assertEquals(total, r.particles());
            for (int t = 0; t < 200; t++) {
                int k = rng.nextInt(300);
                float[] p = r.interaction(k);
                int n = k % 17 == 0 ? 0 : k % 50 + 3;
                assertEquals(n * 5, p.length, "interaction " + k);
                for (int i = 0; i < n; i++) {
                    assertEquals(feature(k, i, 4), p[i * 5 + 4]);
                }
            }
            assertThrows(IndexOutOfBoundsException.class, () -> r.interaction(300));
            assertTrue(r.reader().largestReadBytes() <= 52 * 5 * 4L,
                    "largest read is at most the largest interaction (52 particles), never the pool");
        }
    }

    @Test
    void h5pySeesTheSchemas() throws Exception {
        PythonH5py.assumeAvailable();
        Path tagging = writeTagging(dir.resolve("tagging.h5"), 300, 64);
        Path minbias = writeMinBias(dir.resolve("minbias.h5"), 100);
        Path empty = writeTagging(dir.resolve("empty.h5"), 0, 64);
        assertEquals("OK", PythonH5py.run(dir, "check_schemas.py", tagging.toString(), minbias.toString(),
                empty.toString()).strip());
    }

    @Test
    void metadataArraysSurvive() throws IOException {
        Path file = dir.resolve("meta.h5");
        Map<String, Object> m = new LinkedHashMap<>(metadata());
        m.put("pt_range", new double[] {30, 1000});
        try (TaggingDataset.Writer w = TaggingDataset.create(file, 8, m)) {
            w.commit();
        }
        try (TaggingDataset.Reader r = TaggingDataset.open(file)) {
            assertEquals(0, r.jets());
            assertArrayEquals(new double[] {30, 1000}, (double[]) r.metadata().get("pt_range"));
        }
    }
}
