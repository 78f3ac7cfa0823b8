package org.jetbridge.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs oracle scripts in Debian's {@code /usr/bin/python3} with {@code python3-torch}. Skips the test when torch is
 * missing on a developer machine and fails under {@code CI=true}, like the FastJet oracle of core.
 */
final class TorchOracle {

    static final Path PYTHON = Path.of("/usr/bin/python3");

    private TorchOracle() {}

    static void requireTorch() throws IOException, InterruptedException {
        boolean ok = Files.isExecutable(PYTHON) && exec(List.of(PYTHON.toString(), "-c", "import torch")).isEmpty();
        if (!ok && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI: /usr/bin/python3 with python3-torch is required (apt-get install python3-torch)");
        }
        assumeTrue(ok, "python3-torch not installed: oracle test skipped");
    }

    /** Runs a script from the oracle test resources with arguments; returns nothing, fails on a non-zero exit. */
    static void run(String script, String... args) throws IOException, InterruptedException {
        Path path = Path.of("src/test/resources/oracle", script).toAbsolutePath();
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), path.toString()));
        cmd.addAll(List.of(args));
        String err = exec(cmd);
        assertEquals("", err, "oracle " + script + " failed");
    }

    /** Runs a command; returns "" on success or the exit code and output on failure. */
    private static String exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "timeout";
        }
        return p.exitValue() == 0 ? "" : "exit " + p.exitValue() + ": " + new String(out, StandardCharsets.UTF_8);
    }
}
