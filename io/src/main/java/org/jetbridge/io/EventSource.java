package org.jetbridge.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;
import org.jetbridge.core.Event;

/**
 * A stream of events read one at a time from a file of any size, whatever its format. {@link #hasNext()} and
 * {@link #next()} throw {@link InputException} (naming the input and line) for malformed content, and for an input
 * that holds no event at all. Close it (try-with-resources) to release the file.
 */
public interface EventSource extends Iterator<Event>, AutoCloseable {

    /** The input's name as used in messages (the path as given, or e.g. "standard input"). */
    String name();

    EventFormat format();

    /** Number of events returned by {@link #next()} so far. */
    long eventsRead();

    /** Releases the input; never throws. */
    @Override
    void close();

    /** The remaining events as a sequential stream; closing the stream closes this source. */
    default Stream<Event> stream() {
        Spliterator<Event> s = Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(s, false).onClose(this::close);
    }

    /** Opens a file, its format from its extension or, failing that, from its first line. */
    static EventSource open(Path file) {
        return open(file, null);
    }

    /**
     * Opens a file in the given format (null: from the extension, else from the first line: "HepMC::" means HepMC3,
     * anything else FastJet text). A trailing {@code .gz} is decompressed on the fly.
     */
    static EventSource open(Path file, EventFormat format) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(name, "is a directory, expected an event file");
        }
        InputStream in = null;
        try {
            in = Files.newInputStream(file);
            if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".gz")) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            EventFormat f = format != null ? format : EventFormat.fromFileName(file.getFileName().toString());
            return open(reader, name, f);
        } catch (NoSuchFileException e) {
            throw new InputException(name, "no such file");
        } catch (AccessDeniedException e) {
            throw new InputException(name, "permission denied");
        } catch (IOException e) {
            closeQuietly(in);
            throw new InputException(name, "cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    /** Reads events from an open reader (e.g. standard input); null format: from the first non-blank line. */
    static EventSource open(BufferedReader reader, String name, EventFormat format) {
        EventFormat f = format != null ? format : sniff(reader, name);
        return switch (f) {
            case FASTJET_DAT -> new FastJetTextReader(reader, name);
            case HEPMC3 -> new HepMC3Reader(reader, name);
        };
    }

    private static EventFormat sniff(BufferedReader reader, String name) {
        final int limit = 1 << 16;
        try {
            reader.mark(limit);
            String first = null;
            int read = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                read += line.length() + 1;
                if (!line.isBlank()) {
                    first = line;
                    break;
                }
                if (read > limit / 2) {
                    break;
                }
            }
            reader.reset();
            return EventFormat.sniff(first);
        } catch (IOException e) {
            throw new InputException(name, "cannot read: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // already failing with a more useful message
            }
        }
    }
}
