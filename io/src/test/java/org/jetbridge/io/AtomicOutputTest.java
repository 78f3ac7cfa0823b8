package org.jetbridge.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {
    @TempDir
    Path dir;

    private List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void targetAppearsOnlyAtCommit() throws IOException {
        Path target = dir.resolve("out.csv");
        try (AtomicOutput out = AtomicOutput.create(target)) {
            out.writer().write("a,b\n1,2\n");
            out.writer().flush();
            assertFalse(Files.exists(target), "nothing visible before commit");
            assertEquals(1, listing().size());
            out.commit();
        }
        assertEquals("a,b\n1,2\n", Files.readString(target));
        assertEquals(List.of(target), listing());
    }

    @Test
    void failureLeavesExistingTargetUntouchedAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old complete result\n");
        assertThrows(IllegalStateException.class, () -> {
            try (AtomicOutput out = AtomicOutput.create(target)) {
                out.writer().write("half a new resu");
                throw new IllegalStateException("interrupted");
            }
        });
        assertEquals("old complete result\n", Files.readString(target));
        assertEquals(List.of(target), listing());
    }

    @Test
    void commitReplacesAnExistingTarget() throws IOException {
        Path target = dir.resolve("out.bin");
        Files.writeString(target, "old");
        try (AtomicOutput out = AtomicOutput.create(target)) {
            out.stream().write(new byte[] {1, 2, 3});
            out.commit();
        }
        assertEquals(3, Files.size(target));
    }

    @Test
    void unwritableTargetsFailAtOnceNamingTheTarget() {
        Path missingDir = dir.resolve("no-such-dir").resolve("out.csv");
        OutputException e = assertThrows(OutputException.class, () -> AtomicOutput.create(missingDir));
        assertEquals(missingDir + ": directory " + missingDir.toAbsolutePath().getParent() + " does not exist",
                e.getMessage());
        assertEquals(dir + ": is a directory",
                assertThrows(OutputException.class, () -> AtomicOutput.create(dir)).getMessage());
    }

    @Test
    void writerSinkIsFlushedButNotClosed() throws IOException {
        StringWriter sink = new StringWriter();
        try (AtomicOutput out = AtomicOutput.toWriter(sink, "standard output")) {
            CsvWriter csv = new CsvWriter(out, List.of("x"));
            csv.value(1.5).endRow();
            out.commit();
        }
        assertEquals("x\n1.5\n", sink.toString());
        assertTrue(sink.getBuffer().length() > 0);
    }
}
