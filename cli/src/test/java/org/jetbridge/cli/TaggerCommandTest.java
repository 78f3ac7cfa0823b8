package org.jetbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jetbridge.cli.CliRunner.Result;
import org.jetbridge.io.hdf5.DType;
import org.jetbridge.io.hdf5.Hdf5Reader;
import org.jetbridge.io.hdf5.Hdf5Writer;
import org.jetbridge.io.hdf5.TaggingDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jetbridge tagger}: a tiny train → embed → evaluate round trip on synthetic jets (b jets carry displaced
 * tracks), and one-line errors with exit status 2 for bad inputs.
 */
class TaggerCommandTest {
    @TempDir
    static Path dir;
    static Path jets;
    static Path model;

    /** Synthetic tagging jets: 3–20 constituents, b and c jets with positive lifetime-signed d0. */
    static void write(Path path, int n, long seed, boolean nan) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        try (TaggingDataset.Writer w = TaggingDataset.create(path, 24, Map.of("preset", "synthetic"))) {
            for (int j = 0; j < n; j++) {
                int flavour = r.nextInt(3);
                int k = 3 + r.nextInt(18);
                float[][] c = new float[k][];
                for (int i = 0; i < k; i++) {
                    int charge = r.nextInt(3) - 1;
                    float d0 = (float) (0.01 * r.nextGaussian() + (charge != 0 ? 0.2 * flavour * r.nextDouble() : 0));
                    c[i] = new float[] {(float) (20.0 / (i + 1)), 0.1f, 0.2f, (float) (0.1 * r.nextGaussian()),
                        (float) (0.1 * r.nextGaussian()), d0, 0.02f, (float) (0.05 * r.nextGaussian()), 0.05f, charge,
                        charge == 0 ? 0 : 2};
                }
                if (nan && j == 5) {
                    c[1][5] = Float.NaN;
                }
                w.append(c, new float[] {60, 0.1f, 0.2f, 10, k}, flavour, 0);
            }
            w.commit();
        }
    }

    @BeforeAll
    static void trainTinyModel() throws IOException {
        jets = dir.resolve("jets.h5");
        write(jets, 600, 1, false);
        Path out = dir.resolve("train");
        Result r = CliRunner.run("tagger", "train", "--train", jets.toString(), "--validation", jets.toString(),
                "--output", out.toString(), "--preset", "small", "--steps", "30", "--batch-size", "64",
                "--validation-jets", "200", "--learning-rate", "3e-3");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("model in"), r.err());
        model = out;
    }

    @Test
    void embedWritesLatentsOfTheDocumentedShapes() throws IOException {
        Path latents = dir.resolve("latents.h5");
        Result r = CliRunner.run("tagger", "embed", "--model", model.toString(), "--input", jets.toString(),
                "--output", latents.toString());
        assertEquals(0, r.status(), r.err());
        try (Hdf5Reader h = Hdf5Reader.open(latents)) {
            assertEquals(List.of("latent", "penultimate", "probabilities", "jet_pt", "jet_eta", "flavour"),
                    List.copyOf(h.datasets().keySet()));
            assertEquals(600, h.dataset("latent").rows());
            assertEquals(128, h.dataset("latent").rowShape()[0]);
            assertEquals(16, h.dataset("penultimate").rowShape()[0]);
            assertEquals(3, h.dataset("probabilities").rowShape()[0]);
            h.require("flavour", DType.INT32);
            float[] pt = new float[600];
            h.read("jet_pt", 0, 600, pt, 0);
            assertEquals(60f, pt[123]);
        }
    }

    @Test
    void embedShardsMergeIntoTheWholeLatentFile() throws Exception {
        Path whole = dir.resolve("latents-whole.h5");
        assertEquals(0, CliRunner.run("tagger", "embed", "--model", model.toString(), "--input", jets.toString(),
                "--output", whole.toString(), "-q").status());
        List<String> merge = new java.util.ArrayList<>(List.of("merge", "-q", "--output",
                dir.resolve("latents-merged.h5").toString()));
        for (int i = 0; i < 3; i++) {
            Path part = dir.resolve("latents-" + i + ".h5");
            Result r = CliRunner.run("tagger", "embed", "--model", model.toString(), "--input", jets.toString(),
                    "--output", part.toString(), "--shard", i + "/3", "-q");
            assertEquals(0, r.status(), r.err());
            try (Hdf5Reader h = Hdf5Reader.open(part)) {
                assertEquals(200, h.dataset("latent").rows());
            }
            merge.add(part.toString());
        }
        Result r = CliRunner.run(merge.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        ShardCommandTest.assertSameFile(whole, dir.resolve("latents-merged.h5"));
    }

    @Test
    void evaluateWritesMetricsWithStableKeys() throws IOException {
        Path report = dir.resolve("report");
        Result r = CliRunner.run("tagger", "evaluate", "--model", model.resolve("model").toString(), "--input",
                jets.toString(), "--compare", jets.toString(), "--output", report.toString());
        assertEquals(0, r.status(), r.err());
        JsonObject m = JsonParser.parseString(Files.readString(report.resolve("metrics.json"), StandardCharsets.UTF_8))
                .getAsJsonObject();
        JsonObject auc = m.getAsJsonObject("auc");
        assertEquals(List.of("b_vs_light", "c_vs_light", "b_vs_c"), List.copyOf(auc.keySet()));
        // displaced tracks make b jets easy to tell from light ones even after 30 steps
        assertTrue(auc.get("b_vs_light").getAsDouble() > 0.7, auc.toString());
        assertEquals(600, m.getAsJsonObject("jets").get("total").getAsInt());
        // a file compared with itself shows no shift
        assertEquals(0, m.getAsJsonObject("shift").getAsJsonObject("p_b").get("wasserstein").getAsDouble(), 1e-12);
        for (String pair : List.of("b_vs_light", "c_vs_light", "b_vs_c")) {
            assertTrue(Files.readString(report.resolve("roc_" + pair + ".svg")).startsWith("<svg"), pair);
        }
        assertTrue(Files.exists(report.resolve("shift_p_b.svg")));
        assertTrue(Files.readString(report.resolve("report.html")).contains("ROC curves"));
    }

    private static void assertOneLineError(Result r, String... fragments) {
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        for (String f : fragments) {
            assertTrue(r.err().contains(f), "'" + f + "' not in: " + r.err());
        }
    }

    @Test
    void datasetMissingAFeatureIsNamed() throws IOException {
        Path bad = dir.resolve("no-d0.h5");
        try (Hdf5Writer w = Hdf5Writer.create(bad)) {
            List<String> names = TaggingDataset.CONSTITUENT_FEATURES.stream().map(n -> n.equals("d0") ? "ip" : n)
                    .toList();
            w.dataset("constituents", DType.FLOAT32, 4, 11).attribute("feature_names", names.toArray(String[]::new))
                    .append(new float[44], 0, 1);
            w.dataset("mask", DType.INT8, 4).append(new byte[4], 0, 1);
            w.dataset("jets", DType.FLOAT32, 5).attribute("feature_names",
                    TaggingDataset.JET_FEATURES.toArray(String[]::new)).append(new float[5], 0, 1);
            w.commit();
        }
        Result r = CliRunner.run("tagger", "embed", "--model", model.toString(), "--input", bad.toString(),
                "--output", dir.resolve("x.h5").toString());
        assertOneLineError(r, "no-d0.h5", "lacks feature 'd0'");
        assertFalse(Files.exists(dir.resolve("x.h5")));
    }

    @Test
    void nanFeatureIsNamedWithJetAndConstituent() throws IOException {
        Path bad = dir.resolve("nan.h5");
        write(bad, 20, 2, true);
        Result r = CliRunner.run("tagger", "evaluate", "--model", model.toString(), "--input", bad.toString(),
                "--output", dir.resolve("nan-report").toString());
        assertOneLineError(r, "nan.h5", "jet 5 constituent 1", "feature 'd0' is NaN");
    }

    @Test
    void modelFromAnotherVersionIsRefused() throws IOException {
        Path copy = dir.resolve("old-model");
        Files.createDirectories(copy);
        for (String f : List.of("model.json", "weights.npz")) {
            Files.copy(model.resolve("model").resolve(f), copy.resolve(f));
        }
        Path json = copy.resolve("model.json");
        String text = Files.readString(json);
        Files.writeString(json, text.replaceFirst("\"format\": 1", "\"format\": 7"));
        Result r = CliRunner.run("tagger", "embed", "--model", copy.toString(), "--input", jets.toString(),
                "--output", dir.resolve("y.h5").toString());
        assertOneLineError(r, "old-model", "model format 7");
        // a tagger of another tagger-format (inputs or layout changed)
        Files.writeString(json, text.replaceFirst("\"config\": \\{\\s*\"format\": 1", "\"config\": {\"format\": 2"));
        r = CliRunner.run("tagger", "embed", "--model", copy.toString(), "--input", jets.toString(), "--output",
                dir.resolve("y.h5").toString());
        assertOneLineError(r, "old-model", "tagger model format 2");
        // a configuration whose widths do not match the stored weights
        Files.writeString(json, text.replaceFirst("\"dim\": 32", "\"dim\": 16"));
        r = CliRunner.run("tagger", "embed", "--model", copy.toString(), "--input", jets.toString(), "--output",
                dir.resolve("y.h5").toString());
        assertOneLineError(r, "old-model", "parameter 'embed.weight' expected", "(16, 16)");
    }

    @Test
    void divergedTrainingStopsWithoutWritingAModel() {
        Path out = dir.resolve("diverged");
        Result r = CliRunner.run("tagger", "train", "--train", jets.toString(), "--validation", jets.toString(),
                "--output", out.toString(), "--preset", "small", "--steps", "6", "--batch-size", "64",
                "--validation-jets", "100", "--learning-rate", "1e30", "-q");
        assertOneLineError(r, "training diverged at step", "last good checkpoint was kept");
        assertFalse(Files.exists(out.resolve("model")));
    }

    @Test
    void missingFilesAndBadOptionsAreUsageErrors() {
        Result r = CliRunner.run("tagger", "embed", "--model", dir.resolve("nowhere").toString(), "--input",
                jets.toString(), "--output", dir.resolve("z.h5").toString());
        assertOneLineError(r, "nowhere", "model directory does not exist");
        r = CliRunner.run("tagger", "evaluate", "--model", model.toString(), "--input",
                dir.resolve("none.h5").toString(), "--output", dir.resolve("r").toString());
        assertOneLineError(r, "none.h5");
        r = CliRunner.run("tagger", "train", "--train", jets.toString(), "--validation", jets.toString(), "--output",
                dir.resolve("t").toString(), "--preset", "huge");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("unknown tagger preset 'huge'"), r.err());
    }
}
