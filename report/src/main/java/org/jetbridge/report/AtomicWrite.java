package org.jetbridge.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a file through a temporary sibling and a rename, so an interrupted run never leaves a half-written file
 * that looks complete. Parent directories are created.
 */
public final class AtomicWrite {
  private static final AtomicLong COUNTER = new AtomicLong();

  private AtomicWrite() {}

  /** Writes {@code text} as UTF-8 to {@code file}, replacing it atomically where the file system allows. */
  public static void writeString(Path file, String text) throws IOException {
    writeBytes(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code bytes} to {@code file}, replacing it atomically where the file system allows. */
  public static void writeBytes(Path file, byte[] bytes) throws IOException {
    Path abs = file.toAbsolutePath();
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    // a fresh sibling name created with CREATE_NEW (normal umask permissions, unlike createTempFile's 0600)
    Path tmp = dir.resolve("." + abs.getFileName() + "." + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet() + ".tmp");
    try {
      Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
