package org.jetbridge.io;

import java.io.BufferedReader;
import java.util.NoSuchElementException;
import org.jetbridge.core.Event;

/** The iterator mechanics shared by the line-based readers: one event of look-ahead, and "no events" as an error. */
abstract class LookaheadEventSource implements EventSource {
    protected final TextLines lines;
    private final EventFormat format;
    private final String emptyInputHint;
    private Event pending;
    private boolean finished;
    private long returned;

    /** {@code emptyInputHint} describes what an event looks like in {@code format}, for the "no events" message. */
    LookaheadEventSource(BufferedReader reader, String name, EventFormat format, String emptyInputHint) {
        this.lines = new TextLines(reader, name);
        this.format = format;
        this.emptyInputHint = emptyInputHint;
    }

    /** The next event, or null at the end of the input. */
    protected abstract Event readEvent();

    @Override
    public final boolean hasNext() {
        if (pending == null && !finished) {
            pending = readEvent();
            if (pending == null) {
                finished = true;
                lines.close();
                if (returned == 0) {
                    throw new InputException(lines.name(), "no events found (" + emptyInputHint + ")");
                }
            }
        }
        return pending != null;
    }

    @Override
    public final Event next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more events in " + lines.name());
        }
        Event e = pending;
        pending = null;
        returned++;
        return e;
    }

    @Override
    public final EventFormat format() {
        return format;
    }

    @Override
    public final String name() {
        return lines.name();
    }

    @Override
    public final long eventsRead() {
        return returned;
    }

    @Override
    public void close() {
        finished = true;
        pending = null;
        lines.close();
    }
}
