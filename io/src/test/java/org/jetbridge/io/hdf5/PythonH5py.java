package org.jetbridge.io.hdf5;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs test-resource Python scripts with Debian's /usr/bin/python3 (which has h5py and numpy; the pyenv python on
 * PATH does not). Without h5py the calling test is skipped, except under CI=true, where that is a failure. Published
 * in io's test-jar for the cli tests; scripts are looked up as class-path resources {@code /hdf5/<script>}.
 */
public final class PythonH5py {
    public static final Path PYTHON = Paths.get("/usr/bin/python3");

    private PythonH5py() {
    }

    public static void assumeAvailable() throws IOException, InterruptedException {
        boolean ok = Files.isExecutable(PYTHON)
                && new ProcessBuilder(PYTHON.toString(), "-c", "import h5py, numpy").redirectErrorStream(true)
                        .start().waitFor() == 0;
        if (ok) {
            return;
        }
        String msg = "h5py unavailable: install python3-h5py python3-numpy (Debian) for /usr/bin/python3";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(msg);
        }
        Assumptions.abort(msg);
    }

    /** Runs {@code hdf5/<script>} with the given arguments; fails the test with Python's output on a non-zero exit. */
    public static String run(Path workDir, String script, String... args) throws IOException, InterruptedException {
        Path file = workDir.resolve(script);
        try (InputStream in = PythonH5py.class.getResourceAsStream("/hdf5/" + script)) {
            Assertions.assertNotNull(in, "missing test resource hdf5/" + script);
            Files.write(file, in.readAllBytes());
        }
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), file.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            Assertions.fail(script + " timed out");
        }
        Assertions.assertEquals(0, p.exitValue(), script + " failed:\n" + out);
        return out;
    }
}
