package org.jetbridge.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArchiveTest {

    /** A configuration record as a model family would define it. */
    record HeadConfig(int input, int hidden, int output, String note) {}

    @Test
    void roundTripRestoresOutputsConfigNormalisationAndVersions(@TempDir Path dir) throws Exception {
        NnRuntime rt = TestRuntime.get();
        HeadConfig cfg = new HeadConfig(4, 8, 2, "test");
        HostArray offset = HostArray.ofFloats(new float[] {0.5f, -1, 2, 3}, 4);
        float[] x = {0.1f, 0.2f, -0.3f, 0.4f, 1, 2, 3, 4};
        float[] before;
        Path model = dir.resolve("model");
        try (ParameterStore store = new ParameterStore(rt, 1); NDManager m = rt.newManager()) {
            MlpHead head = new MlpHead(store, "head", cfg.input(), cfg.hidden(), cfg.output());
            before = head.forward(m.create(x, new Shape(2, 4))).toFloatArray();
            ModelArchive.save(model, "toy-head", cfg, store, Map.of("norm/offset", offset));
            // Saving again over an existing model replaces it.
            ModelArchive.save(model, "toy-head", cfg, store, Map.of("norm/offset", offset));
        }
        ModelArchive.Loaded loaded = ModelArchive.load(model, "toy-head");
        HeadConfig back = loaded.config(HeadConfig.class);
        assertEquals(cfg, back);
        assertEquals(offset, loaded.extra("norm/offset"));
        assertEquals(NnRuntime.versions().djl(), loaded.versions().get("djl"));
        assertEquals("2.7.1", loaded.versions().get("torch"));
        try (ParameterStore store = new ParameterStore(rt, 2); NDManager m = rt.newManager()) {
            MlpHead head = new MlpHead(store, "head", back.input(), back.hidden(), back.output());
            loaded.loadInto(store);
            assertArrayEquals(before, head.forward(m.create(x, new Shape(2, 4))).toFloatArray(), 0f);
        }
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count(), "temporary directories left behind");
        }
    }

    @Test
    void badModelDirectoriesGiveClearErrors(@TempDir Path dir) throws Exception {
        NnRuntime rt = TestRuntime.get();
        Path model = dir.resolve("m");
        try (ParameterStore store = new ParameterStore(rt, 1)) {
            new Linear(store, "lin", 2, 3);
            ModelArchive.save(model, "lin", Map.of("width", 3), store, Map.of());
        }
        assertMessage(() -> ModelArchive.load(dir.resolve("nope"), null), "does not exist");
        assertMessage(() -> ModelArchive.load(model, "tagger"), "a 'lin' model, expected 'tagger'");
        String json = Files.readString(model.resolve(ModelArchive.DESCRIPTION));
        Files.writeString(model.resolve(ModelArchive.DESCRIPTION), json.replace("\"format\": 1", "\"format\": 7"));
        assertMessage(() -> ModelArchive.load(model, "lin"), "model format 7");
        Files.writeString(model.resolve(ModelArchive.DESCRIPTION), json);
        try (ParameterStore other = new ParameterStore(rt, 1)) {
            new Linear(other, "lin", 2, 4);
            ModelArchive.Loaded l = ModelArchive.load(model, "lin");
            assertMessage(() -> {
                l.loadInto(other);
                return null;
            }, "parameter 'lin.weight' expected float32 (2, 4)");
            assertMessage(() -> l.extra("norm"), "'extra/norm' missing");
        }
        Files.delete(model.resolve(ModelArchive.WEIGHTS));
        assertMessage(() -> ModelArchive.load(model, "lin"), "weights.npz missing");
    }

    private interface Call {
        Object run() throws Exception;
    }

    private static void assertMessage(Call c, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, c::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
