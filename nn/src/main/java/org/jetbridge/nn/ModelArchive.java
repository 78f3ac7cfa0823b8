package org.jetbridge.nn;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A trained model on disk: a directory with {@code model.json} (format, kind, configuration, versions of jetbridge,
 * DJL and libtorch) and {@code weights.npz} (parameters as {@code param/NAME}, other arrays such as input
 * normalisation as {@code extra/NAME}). Written to a temporary sibling directory and renamed into place.
 */
public final class ModelArchive {

    /** Bumped whenever the layout or meaning of the files changes; other values are refused on load. */
    public static final int FORMAT_VERSION = 1;
    public static final String DESCRIPTION = "model.json";
    public static final String WEIGHTS = "weights.npz";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private ModelArchive() {}

    /**
     * A loaded model directory.
     *
     * @param dir where it was read from
     * @param kind model family, e.g. "tagger"
     * @param config the configuration as JSON (see {@link #config(Class)})
     * @param versions versions that wrote it
     * @param weights parameters by name
     * @param extras other arrays by name
     */
    public record Loaded(Path dir, String kind, JsonObject config, Map<String, String> versions,
            Map<String, HostArray> weights, Map<String, HostArray> extras) {

        /** The configuration as a typed record or class (Gson field names). */
        public <T> T config(Class<T> type) {
            try {
                return GSON.fromJson(config, type);
            } catch (JsonParseException e) {
                throw new IllegalArgumentException(dir.resolve(DESCRIPTION) + ": configuration is not a valid "
                        + type.getSimpleName() + ": " + e.getMessage(), e);
            }
        }

        /** Copies the weights into a model built from {@link #config}; names and shapes must match. */
        public void loadInto(ParameterStore store) {
            store.load(weights, dir.resolve(WEIGHTS).toString());
        }

        /** The extra array {@code name}, e.g. a normalisation offset. */
        public HostArray extra(String name) {
            HostArray a = extras.get(name);
            if (a == null) {
                throw new IllegalArgumentException(dir.resolve(WEIGHTS) + ": array 'extra/" + name
                        + "' missing; it has " + extras.keySet());
            }
            return a;
        }
    }

    /**
     * Saves {@code params}, {@code config} (any Gson-serialisable object, typically a record) and {@code extras}
     * as model {@code kind} in {@code dir}, replacing a previous model there.
     */
    public static void save(Path dir, String kind, Object config, ParameterStore params, Map<String, HostArray> extras)
            throws IOException {
        Path target = dir.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempDirectory(target.getParent(), target.getFileName() + ".tmp");
        try {
            writeInto(tmp, kind, config, params, extras);
            moveIntoPlace(tmp, target);
        } finally {
            if (Files.exists(tmp)) {
                deleteTree(tmp);
            }
        }
    }

    /**
     * Writes the files of {@link #save} into the existing directory {@code dir} as they are, with no temporary
     * directory: for composite models that assemble several parts in one temporary directory and move it into place
     * themselves ({@link #moveIntoPlace}).
     */
    public static void writeInto(Path dir, String kind, Object config, ParameterStore params,
            Map<String, HostArray> extras) throws IOException {
        Map<String, HostArray> arrays = new LinkedHashMap<>();
        params.snapshot().forEach((k, v) -> arrays.put("param/" + k, v));
        extras.forEach((k, v) -> arrays.put("extra/" + k, v));
        Npz.write(dir.resolve(WEIGHTS), arrays);
        JsonObject d = new JsonObject();
        d.addProperty("format", FORMAT_VERSION);
        d.addProperty("kind", kind);
        NnRuntime.Versions v = NnRuntime.versions();
        JsonObject versions = new JsonObject();
        versions.addProperty("jetbridge", v.jetbridge());
        versions.addProperty("djl", v.djl());
        versions.addProperty("torch", v.torch());
        d.add("versions", versions);
        d.add("config", GSON.toJsonTree(config));
        Files.writeString(dir.resolve(DESCRIPTION), GSON.toJson(d), StandardCharsets.UTF_8);
    }

    /**
     * Reads a model directory written by {@link #save}.
     *
     * @param expectedKind the model family the caller can rebuild, or null to accept any
     * @throws IllegalArgumentException naming the directory and what is wrong: missing files, another format
     *     version, another kind, unreadable JSON
     */
    public static Loaded load(Path dir, String expectedKind) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": model directory does not exist");
        }
        Path description = dir.resolve(DESCRIPTION);
        Path weights = dir.resolve(WEIGHTS);
        for (Path p : new Path[] {description, weights}) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException(dir + ": not a jetbridge model directory (" + p.getFileName()
                        + " missing)");
            }
        }
        JsonObject d;
        try {
            d = JsonParser.parseString(Files.readString(description, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException(description + ": not valid JSON: " + e.getMessage(), e);
        }
        JsonElement format = d.get("format");
        if (format == null || !format.isJsonPrimitive() || format.getAsInt() != FORMAT_VERSION) {
            throw new IllegalArgumentException(description + ": model format " + format + " written by jetbridge "
                    + (d.has("versions") ? d.getAsJsonObject("versions").get("jetbridge") : "?")
                    + "; this jetbridge " + NnRuntime.versions().jetbridge() + " reads format " + FORMAT_VERSION);
        }
        String kind = d.has("kind") ? d.get("kind").getAsString() : null;
        if (expectedKind != null && !expectedKind.equals(kind)) {
            throw new IllegalArgumentException(description + ": a '" + kind + "' model, expected '" + expectedKind
                    + "'");
        }
        Map<String, String> versions = new LinkedHashMap<>();
        if (d.has("versions")) {
            d.getAsJsonObject("versions").entrySet().forEach(e -> versions.put(e.getKey(), e.getValue().getAsString()));
        }
        Map<String, HostArray> params = new LinkedHashMap<>();
        Map<String, HostArray> extras = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, HostArray> e : Npz.read(weights).arrays().entrySet()) {
                if (e.getKey().startsWith("param/")) {
                    params.put(e.getKey().substring(6), e.getValue());
                } else if (e.getKey().startsWith("extra/")) {
                    extras.put(e.getKey().substring(6), e.getValue());
                }
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(weights + ": missing", e);
        }
        JsonObject config = d.has("config") && d.get("config").isJsonObject() ? d.getAsJsonObject("config")
                : new JsonObject();
        return new Loaded(dir, kind, config, versions, params, extras);
    }

    /**
     * Renames the finished directory {@code tmp} (a sibling of {@code target}) to {@code target}, replacing a previous
     * directory there: readers see the old or the new directory, never a half-written one.
     */
    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        if (Files.exists(target)) {
            Path old = Files.createTempDirectory(target.getParent(), target.getFileName() + ".old");
            Files.delete(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
        } else {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Deletes {@code root} and everything below it. */
    public static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
