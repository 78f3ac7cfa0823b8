package org.jetbridge.io;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Line-by-line reading of a text input with 1-based line numbers, whitespace tokenising and number parsing whose
 * failures become {@link InputException}s naming the input and line. Shared by the text event readers.
 */
final class TextLines implements AutoCloseable {
    private final BufferedReader reader;
    private final String name;
    private long lineNumber;
    private boolean eof;
    /** Start and end offsets of the tokens of the last {@link #tokenize} call. */
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int count;
    private String tokenized;
    private String pushedBack;

    TextLines(BufferedReader reader, String name) {
        this.reader = reader;
        this.name = name;
    }

    String name() {
        return name;
    }

    long lineNumber() {
        return lineNumber;
    }

    /** The next line, or null at the end of the input. */
    String next() {
        if (pushedBack != null) {
            String line = pushedBack;
            pushedBack = null;
            lineNumber++;
            return line;
        }
        if (eof) {
            return null;
        }
        try {
            String line = reader.readLine();
            if (line == null) {
                eof = true;
            } else {
                lineNumber++;
            }
            return line;
        } catch (IOException e) {
            throw new InputException(name, "cannot read after line " + lineNumber + ": " + e.getMessage(), e);
        }
    }

    /** Makes the line just read by {@link #next()} the next one again. */
    void pushBack(String line) {
        pushedBack = line;
        lineNumber--;
    }

    /** Splits a line at spaces and tabs; returns the number of tokens. */
    int tokenize(String line) {
        tokenized = line;
        count = 0;
        int n = line.length();
        int i = 0;
        while (i < n) {
            while (i < n && isBlank(line.charAt(i))) {
                i++;
            }
            if (i == n) {
                break;
            }
            int s = i;
            while (i < n && !isBlank(line.charAt(i))) {
                i++;
            }
            if (count == starts.length) {
                starts = java.util.Arrays.copyOf(starts, 2 * count);
                ends = java.util.Arrays.copyOf(ends, 2 * count);
            }
            starts[count] = s;
            ends[count] = i;
            count++;
        }
        return count;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f';
    }

    int tokenCount() {
        return count;
    }

    String token(int k) {
        return tokenized.substring(starts[k], ends[k]);
    }

    /** Token k as a finite double; {@code what} names the quantity in the error message. */
    double finiteDouble(int k, String what) {
        double x = anyDouble(k, what);
        if (!Double.isFinite(x)) {
            throw error(what + " must be a finite number, got " + token(k));
        }
        return x;
    }

    /** Token k as a double (NaN and infinities allowed). */
    double anyDouble(int k, String what) {
        String t = token(k);
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw error("expected a number for " + what + ", got '" + t + "'");
        }
    }

    /** Token k as an int. */
    int integer(int k, String what) {
        String t = token(k);
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw error("expected an integer for " + what + ", got '" + t + "'");
        }
    }

    /** Token k as a long. */
    long longInteger(int k, String what) {
        String t = token(k);
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw error("expected an integer for " + what + ", got '" + t + "'");
        }
    }

    /** An error at the current line. */
    InputException error(String problem) {
        return new InputException(name, lineNumber, problem);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            // nothing was lost: we only read from it
        }
    }
}
