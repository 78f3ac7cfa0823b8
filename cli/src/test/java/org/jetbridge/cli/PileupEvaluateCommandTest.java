package org.jetbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jetbridge.cli.CliRunner.Result;
import org.jetbridge.report.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PileupEvaluateCommandTest {
    @TempDir
    static Path dir;
    static Path tops;
    static Path pool;

    @BeforeAll
    static void inputs() {
        tops = dir.resolve("tops.h5");
        pool = dir.resolve("pool.h5");
        assertEquals(0, CliRunner.run("generate", "ttbar", "--events", "60", "--seed", "2", "-o", tops.toString(),
                "-q").status());
        assertEquals(0, CliRunner.run("generate", "minbias", "--events", "120", "--seed", "3", "-o", pool.toString(),
                "-q").status());
    }

    private static Result evaluate(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("pileup", "evaluate", "--hs", tops.toString(), "--pool",
                pool.toString(), "--jets", "12", "--threads", "2", "-o", out.toString(), "-q"));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(new String[0]));
    }

    @Test
    void writesMetricsPlotsAndPageWithTheDocumentedKeys() throws Exception {
        Path out = dir.resolve("report");
        Result r = evaluate(out, "--mu", "40,20", "--inefficiency", "0.1");
        assertEquals(0, r.status(), r.err());
        Object m = Json.read(out.resolve("metrics.json"));
        for (String method : List.of("observed", "SoftDrop(β=2, z=0.05)", "SoftDrop(β=0, z=0.1)",
                "SoftDrop(best of grid)", "area-median", "SoftKiller", "PUPPI")) {
            for (String mu : List.of("20", "40")) {
                double res = Json.number(Json.at(m, "resolution", method, "mass", mu));
                assertTrue(res >= 0 && Double.isFinite(res), method + " at mu " + mu + ": " + res);
                assertTrue(Double.isFinite(Json.number(Json.at(m, "bias", method, "tau32_kt", mu))));
            }
        }
        assertEquals(Map.of(), Json.at(m, "coverage68"), "no posterior without --model");
        assertTrue(((Map<?, ?>) Json.at(m, "sampling_jets_per_s")).containsKey("cached"));
        assertTrue(((Map<?, ?>) Json.at(m, "sampling_jets_per_s")).containsKey("uncached"));
        assertEquals(12.0, Json.number(Json.at(m, "jets", "20")));
        assertEquals(0.1, Json.number(Json.at(m, "settings", "inefficiency")));
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("Resolution at μ = 20"), "tables at the first and last mu when 60/200 are absent");
        assertTrue(Files.exists(out.resolve("resolution_d2_beta1.svg")));
        assertTrue(Files.exists(out.resolve("marginal_sqrt_d23_mu40.svg")));
    }

    private static void rejected(Result r, String expected, Path out) {
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().startsWith("jetbridge: "), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void badInputIsAUsageErrorAndWritesNothing() throws Exception {
        Path out = dir.resolve("never");
        rejected(evaluate(out, "--mu", "0"), "> 0", out);
        rejected(evaluate(out, "--mu", "60,-5"), "> 0", out);
        rejected(evaluate(out, "--mu", "60,abc"), "abc", out);
        rejected(evaluate(out, "--mu", ""), "--mu", out);
        rejected(evaluate(out, "--mu", "60,60"), "twice", out);
        rejected(evaluate(out, "--mu", "500"), "holds only 120", out);
        rejected(evaluate(out, "--jets", "0"), "--jets", out);
        rejected(evaluate(out, "--inefficiency", "1"), "--inefficiency", out);
        rejected(evaluate(out, "--samples", "0"), "--samples must be >= 1", out);
        rejected(evaluate(out, "--threshold", "1.5"), "--threshold", out);
        rejected(evaluate(out, "--pileup", "gaussian"), "fixed or poisson", out);
        rejected(evaluate(out, "--model", dir.resolve("no-model").toString()), "not a directory", out);
        Path model = Files.createDirectories(dir.resolve("model"));
        rejected(evaluate(out, "--mu", "20", "--model", model.toString()), model.toString(), out);
        rejected(CliRunner.run("pileup", "evaluate", "--hs", pool.toString(), "--pool", pool.toString(), "--mu", "20",
                "-o", out.toString(), "-q"), "top-jet", out);
        rejected(CliRunner.run("pileup", "evaluate", "--hs", tops.toString(), "--pool", tops.toString(), "--mu", "20",
                "-o", out.toString(), "-q"), "minimum-bias pool", out);
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Result r = evaluate(file, "--mu", "20");
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("not a directory"), r.err());
    }
}
