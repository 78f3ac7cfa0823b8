package org.jetbridge.core.testing;

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
 * Runs small C++ programs of ours, compiled against Debian's FastJet, as independent oracles. The sources live in
 * test resources under {@code oracle/}; binaries are cached in {@code target/oracle/}. When g++ or FastJet is
 * missing the calling test is skipped with a message, except under CI (CI=true), where that is a failure:
 * CI installs them, so a missing oracle there means a broken set-up, not a reason to pass.
 */
public final class FastJetOracle {
    private static final Path HEADER = Paths.get("/usr/include/fastjet/ClusterSequence.hh");

    private FastJetOracle() {
    }

    /** True when g++ and FastJet's headers are installed. */
    public static boolean available() {
        return Files.exists(HEADER) && onPath("g++") && onPath("fastjet-config");
    }

    /** Skips (or under CI fails) the current test when the oracle cannot be built. */
    public static void assumeAvailable() {
        if (available()) {
            return;
        }
        String msg = "FastJet oracle unavailable: install g++ libfastjet-dev libfastjettools-dev (see .ci/run)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(msg);
        }
        Assumptions.abort(msg);
    }

    /**
     * Compiles {@code oracle/<name>.cc} from the test class path (once per source content) and returns the
     * executable.
     */
    public static synchronized Path compile(String name) {
        assumeAvailable();
        try (InputStream in = FastJetOracle.class.getResourceAsStream("/oracle/" + name + ".cc")) {
            if (in == null) {
                throw new IllegalArgumentException("no oracle source /oracle/" + name + ".cc on the test class path");
            }
            byte[] src = in.readAllBytes();
            Path dir = Paths.get("target", "oracle").toAbsolutePath();
            Files.createDirectories(dir);
            String tag = Integer.toHexString(java.util.Arrays.hashCode(src));
            Path exe = dir.resolve(name + "-" + tag);
            if (Files.isExecutable(exe)) {
                return exe;
            }
            Path cc = dir.resolve(name + ".cc");
            Files.write(cc, src);
            List<String> cmd = new ArrayList<>(List.of("g++", "-O2", "-std=c++17", "-o", exe.toString() + ".tmp", cc.toString()));
            for (String flag : run(List.of("fastjet-config", "--cxxflags", "--libs"), null).split("\\s+")) {
                if (!flag.isBlank()) {
                    cmd.add(flag);
                }
            }
            run(cmd, null);
            Files.move(Paths.get(exe + ".tmp"), exe, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return exe;
        } catch (IOException e) {
            throw new IllegalStateException("cannot build oracle " + name + ": " + e.getMessage(), e);
        }
    }

    /** Runs the oracle with the given arguments and standard input; returns standard output. */
    public static String run(Path exe, String stdin, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(exe.toString());
        cmd.addAll(List.of(args));
        return run(cmd, stdin);
    }

    private static String run(List<String> cmd, String stdin) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd);
            Path err = Files.createTempFile("oracle", ".err");
            pb.redirectError(err.toFile());
            Process p = pb.start();
            Thread feeder = null;
            if (stdin != null) {
                feeder = new Thread(() -> {
                    try (var os = p.getOutputStream()) {
                        os.write(stdin.getBytes(StandardCharsets.UTF_8));
                    } catch (IOException ignored) {
                        // the process may exit without reading everything; its exit code tells
                    }
                });
                feeder.start();
            } else {
                p.getOutputStream().close();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + cmd);
            }
            if (feeder != null) {
                feeder.join();
            }
            String errText = Files.readString(err);
            Files.deleteIfExists(err);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("command failed (" + p.exitValue() + "): " + cmd + "\n" + errText);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + cmd + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + cmd, e);
        }
    }

    private static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Paths.get(d, exe))) {
                return true;
            }
        }
        return false;
    }
}
