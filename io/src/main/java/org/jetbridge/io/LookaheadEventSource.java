package org.jetbridge.io;

import java.util.NoSuchElementException;
import org.jetbridge.core.Event;

/** The iterator mechanics shared by the line-based readers: one event of look-ahead, and "no events" as an error. */
abstract class LookaheadEventSource implements EventSource {
    protected final TextLines lines;
    private Event pending;
    private boolean finished;
    private long returned;

    LookaheadEventSource(TextLines lines) {
        this.lines = lines;
    }

    /** The next event, or null at the end of the input. */
    protected abstract Event readEvent();

    /** Describes what an event looks like in this format, for the "no events" message. */
    protected abstract String emptyInputHint();

    @Override
    public final boolean hasNext() {
        if (pending == null && !finished) {
            pending = readEvent();
            if (pending == null) {
                finished = true;
                lines.close();
                if (returned == 0) {
                    throw new InputException(lines.name(), "no events found (" + emptyInputHint() + ")");
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
