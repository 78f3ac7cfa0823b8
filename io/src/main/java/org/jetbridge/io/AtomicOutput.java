package org.jetbridge.io;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An output file that appears only when complete: everything goes to a hidden temporary file in the target's
 * directory, which {@link #commit()} flushes, syncs to disk and renames onto the target in one step; closing without
 * a commit (an exception, an interrupted run) deletes it, and an existing target is left untouched. Use it with
 * try-with-resources and call {@code commit()} as the last statement of the block. Failures are
 * {@link OutputException}s naming the target.
 *
 * <p>{@link #toWriter} wraps a stream that is not a file (standard output): there nothing can be held back,
 * {@code commit()} only flushes.
 */
public final class AtomicOutput implements Closeable {
    private final String name;
    private final Path target;
    private final Path temp;
    private FileChannel channel;
    private OutputStream stream;
    private Writer writer;
    private boolean committed;
    private boolean closed;

    private AtomicOutput(String name, Path target, Path temp, FileChannel channel, Writer writer) {
        this.name = name;
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.writer = writer;
    }

    /** Starts writing the given file; fails at once when its directory is missing or not writable. */
    public static AtomicOutput create(Path target) {
        String name = target.toString();
        if (Files.isDirectory(target)) {
            throw new OutputException(name, "is a directory");
        }
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new OutputException(name, "directory " + (dir == null ? "?" : dir) + " does not exist");
        }
        Path temp = dir.resolve("." + abs.getFileName() + ".tmp-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return new AtomicOutput(name, abs, temp, ch, null);
        } catch (AccessDeniedException e) {
            throw new OutputException(name, "cannot write in directory " + dir + " (permission denied)", e);
        } catch (IOException e) {
            throw new OutputException(name, "cannot create a file in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Writes text to a stream that is not a file (e.g. standard output); closing never closes the sink. */
    public static AtomicOutput toWriter(Writer sink, String name) {
        return new AtomicOutput(name, null, null, null, nonClosing(sink));
    }

    /** Closing the returned writer only flushes: the output's life is decided by commit() and close(). */
    private static Writer nonClosing(Writer w) {
        return new FilterWriter(w) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** The output's name for messages: the path as given, or the sink's name. */
    public String name() {
        return name;
    }

    /** The temporary file, for libraries that write a path themselves; only for file outputs. */
    public Path temporaryFile() {
        requireFile("temporaryFile");
        return temp;
    }

    /** The output as bytes; only for file outputs, and not mixed with {@link #writer()}. */
    public OutputStream stream() {
        requireFile("stream");
        if (writer != null) {
            throw new IllegalStateException("writer() already in use for " + name);
        }
        if (stream == null) {
            stream = Channels.newOutputStream(channel);
        }
        return stream;
    }

    /** The output as buffered UTF-8 text (closing it only flushes). */
    public Writer writer() {
        if (writer == null) {
            if (stream != null) {
                throw new IllegalStateException("stream() already in use for " + name);
            }
            writer = nonClosing(new BufferedWriter(
                    new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8), 1 << 16));
        }
        return writer;
    }

    /** Flushes, syncs and renames the temporary file onto the target: from now on the output exists, complete. */
    public void commit() {
        if (closed) {
            throw new IllegalStateException(name + " already closed");
        }
        try {
            if (writer != null) {
                writer.flush();
            }
            if (stream != null) {
                stream.flush();
            }
            if (target == null) {
                committed = true;
                closed = true;
                return;
            }
            if (channel.isOpen()) {
                channel.force(true);
                channel.close();
            } else if (Files.exists(temp)) {
                // a library wrote the temporary file through temporaryFile() and closed it; sync it ourselves
                try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
            closed = true;
        } catch (NoSuchFileException e) {
            close();
            throw new OutputException(name, "temporary file " + temp + " vanished before it could be renamed", e);
        } catch (IOException e) {
            close();
            throw new OutputException(name, "cannot write: " + e.getMessage(), e);
        }
    }

    /** True once {@link #commit()} succeeded. */
    public boolean committed() {
        return committed;
    }

    /** Without a prior commit: discards everything written (the target is not created or changed). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (target == null) {
            try {
                writer.flush();
            } catch (IOException ignored) {
                // the sink is gone; nothing more to do
            }
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // deleting below is what matters
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // a stale hidden temporary file is harmless and never mistaken for the output
        }
    }

    private void requireFile(String what) {
        if (target == null) {
            throw new UnsupportedOperationException(what + "() needs a file output, " + name + " is a stream");
        }
    }
}
