package org.jetbridge.io.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jetbridge.io.InputException;
import org.jetbridge.io.Shard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ShardMerge}: shards of a row-partitioned table merge into exactly the whole table (also as h5py reads it),
 * a minimum-bias pool's offsets are rebased, and every inconsistent set of inputs is refused naming the file.
 */
class ShardMergeTest {
    private static final int TOTAL = 23;

    @TempDir
    Path dir;

    /** Value of row r, column k of the synthetic table: distinct for every cell. */
    private static float value(long r, int k) {
        return r * 10 + k + 0.25f;
    }

    /** Writes rows [first, end) of the synthetic table ({@code x} float32 [*, width], {@code id} int64). */
    private Path table(String name, long first, long end, int width, Map<String, Object> meta) throws IOException {
        Path p = dir.resolve(name);
        try (Hdf5Writer w = Hdf5Writer.create(p)) {
            w.attribute("schema", "test.table/1").attributes(meta);
            DatasetWriter x = w.dataset("x", DType.FLOAT32, width).attribute("feature_names",
                    width == 3 ? new String[] {"a", "b", "c"} : new String[] {"a", "b", "c", "d"});
            DatasetWriter id = w.dataset("id", DType.INT64);
            for (long r = first; r < end; r++) {
                float[] row = new float[width];
                for (int k = 0; k < width; k++) {
                    row[k] = value(r, k);
                }
                x.append(row, 0, 1);
                id.append(new long[] {r}, 0, 1);
            }
            w.commit();
        }
        return p;
    }

    private Path shard(int i, int n, Map<String, Object> extra) throws IOException {
        Shard s = new Shard(i, n);
        Map<String, Object> meta = new LinkedHashMap<>(Map.of("seed", 7L));
        meta.putAll(s.metadata(TOTAL, "row"));
        meta.putAll(extra);
        return table("part-" + i + "-of-" + n + ".h5", s.first(TOTAL), s.end(TOTAL), 3, meta);
    }

    private List<Path> shards(int n) throws IOException {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(shard(i, n, Map.of()));
        }
        return out;
    }

    @Test
    void shardsInAnyOrderMergeIntoTheWholeTable() throws Exception {
        List<Path> parts = shards(4);
        Path merged = dir.resolve("merged.h5");
        ShardMerge.Result r = ShardMerge.merge(List.of(parts.get(2), parts.get(0), parts.get(3), parts.get(1)), merged);
        assertEquals(4, r.shards());
        assertEquals(Map.of("x", (long) TOTAL, "id", (long) TOTAL), r.rows());
        Path whole = table("whole.h5", 0, TOTAL, 3, Map.of("seed", 7L));
        try (Hdf5Reader a = Hdf5Reader.open(whole); Hdf5Reader b = Hdf5Reader.open(merged)) {
            assertEquals(a.datasets(), b.datasets());
            float[] xa = new float[TOTAL * 3];
            float[] xb = new float[TOTAL * 3];
            a.read("x", 0, TOTAL, xa, 0);
            b.read("x", 0, TOTAL, xb, 0);
            assertArrayEquals(xa, xb);
            long[] ia = new long[TOTAL];
            long[] ib = new long[TOTAL];
            a.read("id", 0, TOTAL, ia, 0);
            b.read("id", 0, TOTAL, ib, 0);
            assertArrayEquals(ia, ib);
            assertArrayEquals((String[]) a.attributes("x").get("feature_names"),
                    (String[]) b.attributes("x").get("feature_names"));
            Map<String, Object> attrs = new LinkedHashMap<>(b.attributes());
            assertEquals(4L, attrs.remove(ShardMerge.MERGED_SHARDS));
            assertEquals(a.attributes(), attrs, "shard keys removed, the rest as in the whole run");
        }
        PythonH5py.assumeAvailable();
        assertEquals("OK", PythonH5py.run(dir, "compare_files.py", whole.toString(), merged.toString(),
                ShardMerge.MERGED_SHARDS).strip());
    }

    @Test
    void moreShardsThanRowsLeavesEmptyShardsThatMergeToo() throws Exception {
        Path merged = dir.resolve("merged.h5");
        assertEquals(40, shards(40).size());
        ShardMerge.merge(shards(40), merged);
        try (Hdf5Reader b = Hdf5Reader.open(merged)) {
            long[] ids = new long[TOTAL];
            b.read("id", 0, TOTAL, ids, 0);
            for (int i = 0; i < TOTAL; i++) {
                assertEquals(i, ids[i]);
            }
        }
    }

    private String refused(List<Path> inputs) {
        Path out = dir.resolve("refused.h5");
        String m = assertThrows(InputException.class, () -> ShardMerge.merge(inputs, out)).getMessage();
        assertFalse(Files.exists(out), "nothing written when refused");
        return m;
    }

    @Test
    void missingShardIsNamed() throws Exception {
        List<Path> parts = shards(3);
        String m = refused(List.of(parts.get(0), parts.get(2)));
        assertTrue(m.contains("missing shard 1/3"), m);
    }

    @Test
    void overlappingShardsAreNamed() throws Exception {
        List<Path> parts = shards(3);
        Path copy = Files.copy(parts.get(1), dir.resolve("copy-of-1.h5"));
        String m = refused(List.of(parts.get(0), parts.get(1), copy, parts.get(2)));
        assertTrue(m.contains("copy-of-1.h5") && m.contains("both are shard 1/3"), m);
        // shards of different partitions (a 1/3 among 2-way shards) overlap in rows
        String m2 = refused(List.of(shards(2).get(0), parts.get(1)));
        assertTrue(m2.contains("part-1-of-3.h5") && m2.contains("not the same partition"), m2);
    }

    @Test
    void schemaMismatchIsNamed() throws Exception {
        List<Path> parts = shards(2);
        Shard s = new Shard(1, 2);
        Map<String, Object> meta = new LinkedHashMap<>(Map.of("seed", 7L));
        meta.putAll(s.metadata(TOTAL, "row"));
        Path wide = table("wide.h5", s.first(TOTAL), s.end(TOTAL), 4, meta);
        String m = refused(List.of(parts.get(0), wide));
        assertTrue(m.startsWith(wide.toString()) && m.contains("dataset 'x'") && m.contains("[4]")
                && m.contains("[3]"), m);
    }

    @Test
    void otherRunOrNoShardMetadataIsRefused() throws Exception {
        List<Path> parts = shards(2);
        Path otherSeed = shard(1, 2, Map.of("seed", 8L));
        String m = refused(List.of(parts.get(0), otherSeed));
        assertTrue(m.contains("'seed' is 8") && m.contains("not a shard of the same run"), m);
        Path plain = table("plain.h5", 0, TOTAL, 3, Map.of("seed", 7L));
        String m2 = refused(List.of(plain));
        assertTrue(m2.startsWith(plain.toString()) && m2.contains("no shard metadata"), m2);
        // claims rows that shard does not own
        Map<String, Object> meta = new LinkedHashMap<>(Map.of("seed", 7L));
        meta.putAll(new Shard(1, 2).metadata(TOTAL, "row"));
        meta.put(Shard.FIRST_ROW, 5L);
        Path lying = table("lying.h5", 5, 23, 3, meta);
        String m3 = refused(List.of(parts.get(0), lying));
        assertTrue(m3.contains("claims rows [5, 23)"), m3);
    }

    @Test
    void poolOffsetsAreRebased() throws Exception {
        int interactions = 7;
        Path whole = pool("pool.h5", 0, interactions, Map.of());
        List<Path> parts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Shard s = new Shard(i, 3);
            parts.add(pool("pool-" + i + ".h5", s.first(interactions), s.end(interactions),
                    s.metadata(interactions, "event")));
        }
        Path merged = dir.resolve("pool-merged.h5");
        ShardMerge.merge(parts, merged);
        try (MinBiasPool.Reader a = MinBiasPool.open(whole); MinBiasPool.Reader b = MinBiasPool.open(merged)) {
            assertEquals(a.interactions(), b.interactions());
            assertEquals(a.particles(), b.particles());
            for (int k = 0; k < interactions; k++) {
                assertArrayEquals(a.interaction(k), b.interaction(k), "interaction " + k);
            }
        }
    }

    /** Interaction k has k + 1 particles with distinct values. */
    private Path pool(String name, long first, long end, Map<String, Object> meta) throws IOException {
        Path p = dir.resolve(name);
        try (MinBiasPool.Writer w = MinBiasPool.create(p, meta)) {
            for (long k = first; k < end; k++) {
                int n = (int) k + 1;
                float[] rows = new float[n * MinBiasPool.FEATURES];
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = k * 100 + i;
                }
                w.append(rows, n);
            }
            w.commit();
        }
        return p;
    }
}
