package org.jetbridge.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jetbridge.cli.CliRunner.Result;
import org.jetbridge.io.Shard;
import org.jetbridge.io.hdf5.DType;
import org.jetbridge.io.hdf5.DatasetInfo;
import org.jetbridge.io.hdf5.Hdf5Reader;
import org.jetbridge.io.hdf5.Hdf5Writer;
import org.jetbridge.io.hdf5.PythonH5py;
import org.jetbridge.io.hdf5.ShardMerge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --shard I/N} and {@code jetbridge merge} end to end: the N shards of a generation run merge into exactly the
 * unsharded file (every dataset bit for bit, attributes too; checked with our reader and with h5py), as do the
 * shards of {@code calibrate apply}; bad shard specs and incomplete shard sets are one-line usage errors.
 */
class ShardCommandTest {
    @TempDir
    Path dir;

    private Path run(String name, String... args) {
        Path out = dir.resolve(name);
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--output", out.toString()));
        Result r = CliRunner.run(all.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        return out;
    }

    @ParameterizedTest
    @CsvSource({"flavour, 150", "ttbar, 40", "minbias, 200"})
    void generatedShardsMergeIntoTheUnshardedFile(String process, int events) throws Exception {
        String[] common = {"generate", process, "--events", String.valueOf(events), "--seed", "5", "-q"};
        Path whole = run("whole.h5", common);
        List<String> merge = new ArrayList<>(List.of("merge", "-q"));
        for (int i = 2; i >= 0; i--) { // any order
            List<String> args = new ArrayList<>(List.of(common));
            args.addAll(List.of("--shard", i + "/3", "--threads", String.valueOf(1 + i % 2)));
            Path shard = run("shard-" + i + ".h5", args.toArray(String[]::new));
            try (Hdf5Reader r = Hdf5Reader.open(shard)) {
                Shard s = new Shard(i, 3);
                assertEquals(s.first(events), r.attributes().get(Shard.FIRST_ROW));
                assertEquals(s.end(events), r.attributes().get(Shard.END_ROW));
                assertEquals("event", r.attributes().get(Shard.UNIT));
            }
            merge.add(shard.toString());
        }
        Path merged = run("merged.h5", merge.toArray(String[]::new));
        assertSameFile(whole, merged);
        PythonH5py.assumeAvailable();
        assertEquals("OK", PythonH5py.run(dir, "compare_files.py", whole.toString(), merged.toString(),
                ShardMerge.MERGED_SHARDS).strip());
    }

    /** Every dataset of {@code whole} has the same type, shape and bytes in {@code merged}; attributes agree. */
    static void assertSameFile(Path whole, Path merged) throws Exception {
        try (Hdf5Reader a = Hdf5Reader.open(whole); Hdf5Reader b = Hdf5Reader.open(merged)) {
            assertEquals(a.datasets(), b.datasets());
            assertTrue(a.datasets().values().iterator().next().rows() > 10, "a test with rows: " + a.datasets());
            for (DatasetInfo d : a.datasets().values()) {
                int rows = Math.toIntExact(d.rows());
                int n = rows * d.rowSize();
                switch (d.dtype()) {
                    case FLOAT32 -> {
                        float[] x = new float[n];
                        float[] y = new float[n];
                        a.read(d.name(), 0, rows, x, 0);
                        b.read(d.name(), 0, rows, y, 0);
                        assertArrayEquals(x, y, d.name()); // compares bit patterns (floatToIntBits)
                    }
                    case INT8 -> {
                        byte[] x = new byte[n];
                        byte[] y = new byte[n];
                        a.read(d.name(), 0, rows, x, 0);
                        b.read(d.name(), 0, rows, y, 0);
                        assertArrayEquals(x, y, d.name());
                    }
                    case INT32 -> {
                        int[] x = new int[n];
                        int[] y = new int[n];
                        a.read(d.name(), 0, rows, x, 0);
                        b.read(d.name(), 0, rows, y, 0);
                        assertArrayEquals(x, y, d.name());
                    }
                    case INT64 -> {
                        long[] x = new long[n];
                        long[] y = new long[n];
                        a.read(d.name(), 0, rows, x, 0);
                        b.read(d.name(), 0, rows, y, 0);
                        assertArrayEquals(x, y, d.name());
                    }
                    case FLOAT64 -> {
                        double[] x = new double[n];
                        double[] y = new double[n];
                        a.read(d.name(), 0, rows, x, 0);
                        b.read(d.name(), 0, rows, y, 0);
                        assertArrayEquals(x, y, d.name());
                    }
                }
                assertEquals(a.attributes(d.name()).keySet(), b.attributes(d.name()).keySet(), d.name());
            }
            Map<String, Object> attrs = new LinkedHashMap<>(b.attributes());
            assertTrue(attrs.remove(ShardMerge.MERGED_SHARDS) instanceof Long);
            assertEquals(a.attributes().keySet(), attrs.keySet());
            for (String k : attrs.keySet()) {
                assertTrue(java.util.Objects.deepEquals(a.attributes().get(k), attrs.get(k)), k);
            }
        }
    }

    @Test
    void badShardSpecIsAUsageError() {
        for (String[] bad : new String[][] {{"3/3", "[0, 3)"}, {"-1/2", "[0, 2)"}, {"1/0", "N must be >= 1"},
            {"half", "expected I/N"}}) {
            Result r = CliRunner.run("generate", "minbias", "--events", "10", "--output",
                    dir.resolve("x.h5").toString(), "--shard", bad[0]);
            assertEquals(2, r.status(), bad[0]);
            assertTrue(r.err().contains("--shard") && r.err().contains(bad[1]), r.err());
        }
        assertFalse(Files.exists(dir.resolve("x.h5")));
    }

    @Test
    void incompleteShardSetIsRefusedNamingTheFile() {
        String[] common = {"generate", "minbias", "--events", "30", "-q"};
        List<String> args = new ArrayList<>(List.of(common));
        args.addAll(List.of("--shard", "0/3"));
        Path s0 = run("s0.h5", args.toArray(String[]::new));
        args.set(args.size() - 1, "2/3");
        Path s2 = run("s2.h5", args.toArray(String[]::new));
        Path whole = run("whole.h5", common);
        Path out = dir.resolve("merged.h5");
        Result r = CliRunner.run("merge", "--output", out.toString(), s0.toString(), s2.toString());
        assertEquals(2, r.status());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("s0.h5") && r.err().contains("missing shard 1/3"), r.err());
        r = CliRunner.run("merge", "--output", out.toString(), s0.toString(), whole.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("whole.h5") && r.err().contains("no shard metadata"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void calibrateApplyShardsMergeIntoTheUnshardedOutput() throws Exception {
        int rows = 700;
        int dim = 3;
        Path latents = dir.resolve("latents.h5");
        SplittableRandom rnd = new SplittableRandom(3);
        float[] x = new float[rows * dim];
        float[] pt = new float[rows];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextGaussian();
        }
        for (int i = 0; i < rows; i++) {
            pt[i] = 30 + i;
        }
        try (Hdf5Writer w = Hdf5Writer.create(latents)) {
            w.dataset("latent", DType.FLOAT32, dim).append(x, 0, rows);
            w.dataset("jet_pt", DType.FLOAT32).append(pt, 0, rows);
            w.attribute("origin", "test");
            w.commit();
        }
        Path model = dir.resolve("map");
        Result fit = CliRunner.run("calibrate", "fit", "--source", latents.toString(), "--target", latents.toString(),
                "--output", model.toString(), "--steps", "5", "--width", "4", "--batch", "32");
        assertEquals(0, fit.status(), fit.err());
        String[] apply = {"calibrate", "apply", "--model", model.toString(), "--input", latents.toString()};
        Path whole = run("whole.h5", apply);
        List<String> merge = new ArrayList<>(List.of("merge", "-q"));
        for (int i = 0; i < 4; i++) {
            List<String> args = new ArrayList<>(List.of(apply));
            args.addAll(List.of("--shard", i + "/4"));
            merge.add(run("part-" + i + ".h5", args.toArray(String[]::new)).toString());
        }
        Path merged = run("merged.h5", merge.toArray(String[]::new));
        assertSameFile(whole, merged);
    }
}
