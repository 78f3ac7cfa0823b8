package org.jetbridge.io;

/**
 * An output cannot be written: its directory is missing or read-only, the disk is full, the target is a directory.
 * The message is one complete line naming the output, ready to show to the user as it is.
 */
public class OutputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OutputException(String target, String problem, Throwable cause) {
        super(target + ": " + problem, cause);
    }

    public OutputException(String target, String problem) {
        this(target, problem, null);
    }
}
