package org.jetbridge.tagger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jetbridge.nn.NnRuntime;
import org.jetbridge.nn.NnSettings;

/** Shared test fixtures: one runtime (2 threads pinned) and small generated tagging files, made once per JVM. */
final class TestData {

    private static final Path DIR = Path.of("target", "tagger-test-data");

    private TestData() {}

    static NnRuntime runtime() {
        return NnRuntime.start(NnSettings.defaults().withThreads(2));
    }

    /** Nominal jets of events [first, first + events) of seed 11, cached in target/. */
    static synchronized Path sample(String name, String preset, long first, int events) {
        try {
            Files.createDirectories(DIR);
            Path p = DIR.resolve(name + ".h5");
            if (!Files.exists(p)) {
                SampleFiles.write(p, preset, 11, first, events, 2);
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ≈ 18 000 training jets. */
    static Path train() {
        return sample("train", "nominal", 0, 15_000);
    }

    /** ≈ 6 000 held-out jets (other events of the same run). */
    static Path validation() {
        return sample("validation", "nominal", 1_000_000, 5_000);
    }

    /** ≈ 1 200 jets for quick checks. */
    static Path tiny() {
        return sample("tiny", "nominal", 2_000_000, 1_000);
    }
}
