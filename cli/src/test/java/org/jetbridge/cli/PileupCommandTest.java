package org.jetbridge.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jetbridge.cli.CliRunner.Result;
import org.jetbridge.report.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pileup train} and {@code pileup sample} end to end on a tiny model, and their bad-input errors (exit 2). */
class PileupCommandTest {
    @TempDir
    static Path dir;
    static Path tops;
    static Path pool;
    static Path overlaid;
    static Path out;

    @BeforeAll
    static void trainTinyModel() {
        tops = dir.resolve("tops.h5");
        pool = dir.resolve("pool.h5");
        overlaid = dir.resolve("overlaid.h5");
        out = dir.resolve("run");
        assertEquals(0, CliRunner.run("generate", "ttbar", "--events", "300", "--seed", "2", "-o", tops.toString(),
                "-q").status());
        assertEquals(0, CliRunner.run("generate", "minbias", "--events", "300", "--seed", "3", "-o", pool.toString(),
                "-q").status());
        assertEquals(0, CliRunner.run("overlay", "--jets", tops.toString(), "--pool", pool.toString(), "--mu", "10",
                "--pileup", "fixed", "-o", overlaid.toString(), "-q").status());
        Result r = CliRunner.run("pileup", "train", "--hs", tops.toString(), "--pool", pool.toString(), "-o",
                out.toString(), "--preset", "tiny", "--mu", "10", "--mu-sigma", "2", "--steps", "4",
                "--batch-size", "8", "--threads", "2", "-q");
        assertEquals(0, r.status(), r.err());
    }

    private static void userError(String expected, String... args) {
        Result r = CliRunner.run(args);
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains(expected), "expected '" + expected + "' in: " + r.err());
    }

    @Test
    void trainWritesModelAndSampleWritesPosteriorSchema() throws Exception {
        assertTrue(Files.isRegularFile(out.resolve("model").resolve("model.json")));
        assertTrue(Files.isRegularFile(out.resolve("run").resolve("last.ckpt")));
        Path post = dir.resolve("posterior.h5");
        Result r = CliRunner.run("pileup", "sample", "--model", out.toString(), "--input", overlaid.toString(),
                "--samples", "3", "--steps", "2", "--limit", "5", "-o", post.toString(), "--threads", "2");
        assertEquals(0, r.status(), r.err());
        try (HdfFile f = new HdfFile(post)) {
            assertArrayEquals(new int[] {5, 3, 48, 3}, f.getDatasetByPath("constituents").getDimensions());
            assertArrayEquals(new int[] {5, 3, 48}, f.getDatasetByPath("mask").getDimensions());
            int[][] n = (int[][]) f.getDatasetByPath("multiplicity").getData();
            byte[][][] mask = (byte[][][]) f.getDatasetByPath("mask").getData();
            float[][][][] c = (float[][][][]) f.getDatasetByPath("constituents").getData();
            for (int j = 0; j < 5; j++) {
                for (int k = 0; k < 3; k++) {
                    assertTrue(n[j][k] >= 1 && n[j][k] <= 48);
                    for (int i = 0; i < 48; i++) {
                        assertEquals(i < n[j][k] ? 1 : 0, mask[j][k][i]);
                        if (i < n[j][k]) {
                            // a 4-step model samples nonsense, but finite nonsense with pT = exp(ln pT) >= 0
                            assertTrue(c[j][k][i][0] >= 0 && Float.isFinite(c[j][k][i][0]), "pt " + c[j][k][i][0]);
                            assertTrue(Math.abs(c[j][k][i][2]) <= Math.PI + 1e-6, "phi wrapped");
                        } else {
                            assertEquals(0f, c[j][k][i][0], "padding");
                        }
                    }
                }
            }
            assertArrayEquals(new long[] {0, 1, 2, 3, 4}, (long[]) f.getDatasetByPath("jet_index").getData());
            assertEquals("jetbridge.posterior/1", f.getAttribute("schema").getData());
        }
    }

    @Test
    void sampleShardsMergeIntoTheUnshardedPosterior() throws Exception {
        List<String> common = List.of("pileup", "sample", "--model", out.toString(), "--input", overlaid.toString(),
                "--samples", "2", "--steps", "2", "--limit", "13", "--threads", "2", "-q");
        Path whole = dir.resolve("posterior-whole.h5");
        List<String> args = new java.util.ArrayList<>(common);
        args.addAll(List.of("-o", whole.toString()));
        assertEquals(0, CliRunner.run(args.toArray(String[]::new)).status());
        List<String> merge = new java.util.ArrayList<>(List.of("merge", "-q", "--output",
                dir.resolve("posterior-merged.h5").toString()));
        for (int i = 0; i < 3; i++) {
            Path part = dir.resolve("posterior-" + i + ".h5");
            args = new java.util.ArrayList<>(common);
            args.addAll(List.of("--shard", i + "/3", "-o", part.toString()));
            Result r = CliRunner.run(args.toArray(String[]::new));
            assertEquals(0, r.status(), r.err());
            merge.add(part.toString());
        }
        Result r = CliRunner.run(merge.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        ShardCommandTest.assertSameFile(whole, dir.resolve("posterior-merged.h5"));
    }

    @Test
    void evaluateWithTheModelAddsClassifierPosteriorCoverageAndSpeed() throws Exception {
        Path report = dir.resolve("report");
        Result r = CliRunner.run("pileup", "evaluate", "--model", out.toString(), "--hs", tops.toString(), "--pool",
                pool.toString(), "--mu", "10", "--jets", "6", "--samples", "4", "--steps", "2", "--threads", "2",
                "-o", report.toString(), "-q");
        assertEquals(0, r.status(), r.err());
        Object m = Json.read(report.resolve("metrics.json"));
        Map<?, ?> resolution = (Map<?, ?>) Json.at(m, "resolution");
        List<String> learned = resolution.keySet().stream().map(String::valueOf)
                .filter(k -> !k.equals("observed") && !k.startsWith("SoftDrop") && !k.equals("area-median")
                        && !k.equals("SoftKiller") && !k.equals("PUPPI")).toList();
        assertEquals(2, learned.size(), "classifier and posterior join the baselines: " + resolution.keySet());
        double coverage = Json.number(Json.at(m, "coverage68", "mass", "10"));
        assertTrue(coverage >= 0 && coverage <= 1, "coverage " + coverage);
        assertTrue(Json.number(Json.at(m, "sampling_jets_per_s", "cached")) > 0);
        assertTrue(Json.number(Json.at(m, "sampling_jets_per_s", "uncached")) > 0);
    }

    @Test
    void stepsScanReportsQualityPerStepCountAndReusesTheMainPosterior() throws Exception {
        Path report = dir.resolve("report-scan");
        Result r = CliRunner.run("pileup", "evaluate", "--model", out.toString(), "--hs", tops.toString(), "--pool",
                pool.toString(), "--mu", "10", "--jets", "6", "--samples", "4", "--steps", "2", "--steps-scan",
                "3,1,2", "--temperature-scan", "0.001", "--threads", "2", "-o", report.toString(), "-q");
        assertEquals(0, r.status(), r.err());
        Object m = Json.read(report.resolve("metrics.json"));
        List<?> values = (List<?>) Json.at(m, "scans", "sampler_steps", "values");
        assertEquals(List.of(1.0, 2.0, 3.0), values.stream().map(v -> Json.number(v)).toList(), "ascending, no duplicate");
        List<?> members = (List<?>) Json.at(m, "scans", "sampler_steps", "members");
        String main = String.valueOf(members.get(1));
        assertTrue(main.contains("2 steps"), main);
        // the member at the main step count is the main posterior itself: same numbers, evaluated once
        List<?> res = (List<?>) Json.at(m, "scans", "sampler_steps", "resolution", "mass", "10");
        assertEquals(Json.number(Json.at(m, "resolution", main, "mass", "10")), Json.number(res.get(1)), 0);
        assertEquals(Json.number(Json.at(m, "resolution", String.valueOf(members.get(0)), "mass", "10")),
                Json.number(res.get(0)), 0);
        assertEquals(3, ((List<?>) Json.at(m, "scans", "sampler_steps", "coverage68", "tau32_kt", "10")).size());
        // one step and three steps are different samplers: their posteriors differ
        assertTrue(Json.number(res.get(0)) != Json.number(res.get(2)) || Json.number(((List<?>) Json.at(m, "scans",
                "sampler_steps", "resolution", "tau32_kt", "10")).get(0)) != Json.number(((List<?>) Json.at(m,
                "scans", "sampler_steps", "resolution", "tau32_kt", "10")).get(2)), "scan members should differ");
        assertTrue(Files.isRegularFile(report.resolve("scan_sampler_steps_mass.svg")));
        assertTrue(Files.isRegularFile(report.resolve("scan_sampler_steps_coverage_tau32_kt.svg")));
        assertTrue(Files.readString(report.resolve("index.html")).contains("Quality vs sampler steps"));
        // the temperature scan: T = 0.001 and the main posterior (T = 1), which is again evaluated once
        List<?> temps = (List<?>) Json.at(m, "scans", "multiplicity_temperature", "values");
        assertEquals(List.of(0.001, 1.0), temps.stream().map(v -> Json.number(v)).toList());
        List<?> tMembers = (List<?>) Json.at(m, "scans", "multiplicity_temperature", "members");
        assertEquals(main, String.valueOf(tMembers.get(1)));
        assertTrue(String.valueOf(tMembers.get(0)).contains("T_N=0.001"), String.valueOf(tMembers.get(0)));
        assertEquals(Json.number(res.get(1)), Json.number(((List<?>) Json.at(m, "scans", "multiplicity_temperature",
                "resolution", "mass", "10")).get(1)), 0);
    }

    @Test
    void badInputsAreUserErrors() {
        userError("--steps-scan", "pileup", "evaluate", "--model", out.toString(), "--hs", tops.toString(), "--pool",
                pool.toString(), "--mu", "10", "--steps-scan", "2,0", "-o", dir.resolve("never").toString());
        userError("--steps-scan needs --model", "pileup", "evaluate", "--hs", tops.toString(), "--pool",
                pool.toString(), "--mu", "10", "--steps-scan", "2", "-o", dir.resolve("never").toString());
        userError("--temperature-scan", "pileup", "evaluate", "--model", out.toString(), "--hs", tops.toString(),
                "--pool", pool.toString(), "--mu", "10", "--temperature-scan", "0.5,0", "-o",
                dir.resolve("never").toString());
        assertFalse(Files.exists(dir.resolve("never")));
        Path post = dir.resolve("never.h5");
        userError("--samples", "pileup", "sample", "--model", out.toString(), "--input", overlaid.toString(),
                "--samples", "0", "-o", post.toString());
        userError("model directory does not exist", "pileup", "sample", "--model", dir.resolve("nothing").toString(),
                "--input", overlaid.toString(), "--samples", "2", "-o", post.toString(), "--threads", "2");
        userError("contaminated-jet file", "pileup", "sample", "--model", out.toString(), "--input",
                tops.toString(), "--samples", "2", "-o", post.toString(), "--threads", "2");
        userError("minimum-bias pool", "pileup", "train", "--hs", tops.toString(), "--pool", tops.toString(),
                "-o", dir.resolve("bad").toString(), "--preset", "tiny");
        userError("top-jet file", "pileup", "train", "--hs", pool.toString(), "--pool", pool.toString(),
                "-o", dir.resolve("bad").toString(), "--preset", "tiny", "--mu", "5", "--mu-sigma", "1");
        userError("larger pool", "pileup", "train", "--hs", tops.toString(), "--pool", pool.toString(),
                "-o", dir.resolve("bad").toString(), "--preset", "tiny", "--mu", "300");
        userError("scheme", "pileup", "train", "--hs", tops.toString(), "--pool", pool.toString(),
                "-o", dir.resolve("bad").toString(), "--preset", "tiny", "--scheme", "ddpm");
        assertTrue(!Files.exists(post));
    }
}
