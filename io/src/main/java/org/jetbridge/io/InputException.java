package org.jetbridge.io;

/**
 * A user's input cannot be read as asked: a missing or unreadable file, a malformed line, an unphysical number.
 * The message is one complete line naming the input, the position and what was expected, e.g.
 * {@code events.dat line 812: expected 4 numbers (px py pz E), got 3}, ready to show to the user as it is.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;

    /** A problem at a given line (1-based) of the named input. */
    public InputException(String source, long line, String problem) {
        super(source + " line " + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    /** A problem with the named input as a whole (no line), optionally with its cause. */
    public InputException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.line = 0;
    }

    /** A problem with the named input as a whole. */
    public InputException(String source, String problem) {
        this(source, problem, null);
    }

    /** The input's name as the user gave it (a path, or "standard input"). */
    public String source() {
        return source;
    }

    /** The 1-based line of the problem, or 0 when it concerns the input as a whole. */
    public long line() {
        return line;
    }
}
