package org.jetbridge.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativesTest {

    /** Without the pytorch-native-cpu jar and with an empty cache the runtime must say what is missing. */
    @Test
    void missingNativeLibrariesGiveAClearError(@TempDir Path dir) throws Exception {
        String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String withoutNatives = Arrays.stream(full.split(File.pathSeparator))
                .filter(e -> !e.contains("pytorch-native-cpu")).collect(Collectors.joining(File.pathSeparator));
        assertTrue(withoutNatives.length() < full.length(), "test class path has no pytorch-native-cpu jar: " + full);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", withoutNatives,
                "-D" + NnSettings.CACHE_DIR_PROPERTY + "=" + dir.resolve("empty-cache"),
                StartRuntime.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(3, p.exitValue(), out);
        assertTrue(out.contains("cannot load libtorch through DJL") && out.contains("pytorch-native-cpu:2.7.1"), out);
    }
}
