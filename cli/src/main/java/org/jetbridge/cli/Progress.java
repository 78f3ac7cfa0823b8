package org.jetbridge.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress lines on standard error for long runs: at most one every {@link #INTERVAL_NANOS}, none for runs shorter
 * than that, and nothing at all when quiet.
 */
final class Progress {
    static final long INTERVAL_NANOS = 10_000_000_000L;

    private final PrintWriter err;
    private final String command;
    private final boolean quiet;
    private final long start = System.nanoTime();
    private long lastReport = start;

    Progress(PrintWriter err, String command, boolean quiet) {
        this.err = err;
        this.command = command;
        this.quiet = quiet;
    }

    /** Called after each event; cheap. */
    void event(long eventsDone) {
        if ((eventsDone & 63) == 0) {
            chunk(eventsDone);
        }
    }

    /** Called after each chunk of events (any size); prints at most one line per interval. */
    void chunk(long eventsDone) {
        if (quiet) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastReport >= INTERVAL_NANOS) {
            lastReport = now;
            double s = (now - start) * 1e-9;
            err.printf(Locale.ROOT, "%s: %d events so far (%.0f events/s)%n", command, eventsDone, eventsDone / s);
            err.flush();
        }
    }

    double elapsedSeconds() {
        return (System.nanoTime() - start) * 1e-9;
    }

    /** The final line, unless quiet. */
    void summary(String text) {
        if (!quiet) {
            err.printf(Locale.ROOT, "%s: %s%n", command, text);
            err.flush();
        }
    }
}
