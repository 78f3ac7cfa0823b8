package org.jetbridge.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Inputs shared with the core module's tests: the golden FastJet reference folder (read in place from core's test
 * resources, so the 2 MB event file is not duplicated; tests run from the module directory) and Debian's
 * fastjet-examples files (skipped when not installed, a failure under CI=true).
 */
final class ReferenceFiles {
    static final Path REFERENCE = Paths.get("..", "core", "src", "test", "resources", "reference");
    static final Path EXAMPLES = Paths.get("/usr/share/doc/fastjet-examples/examples");

    private ReferenceFiles() {
    }

    static Path reference(String name) {
        Path p = REFERENCE.resolve(name);
        Assertions.assertTrue(Files.exists(p), "missing " + p.toAbsolutePath());
        return p;
    }

    static Path example(String name) {
        Path p = EXAMPLES.resolve(name);
        if (!Files.exists(p)) {
            String msg = "fastjet-examples not installed (" + p + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(msg);
            }
            Assumptions.abort(msg);
        }
        return p;
    }

    /** Rows of a reference CSV (header skipped) split at commas. */
    static List<String[]> csvRows(Path p) {
        try {
            List<String> lines = Files.readAllLines(p);
            List<String[]> rows = new ArrayList<>();
            for (String l : lines.subList(1, lines.size())) {
                if (!l.isBlank()) {
                    rows.add(l.split(","));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
