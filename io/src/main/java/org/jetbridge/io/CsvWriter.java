package org.jetbridge.io;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Comma-separated values with a header row, one row at a time: numbers in {@link Double#toString} form (shortest
 * text that reads back to the same double, independent of the locale; NaN as {@code NaN}), text quoted as RFC 4180
 * asks. Each row must have exactly as many values as the header has columns. Write failures are
 * {@link OutputException}s naming the output.
 */
public final class CsvWriter {
    private final Writer out;
    private final String name;
    private final int columns;
    private int inRow;
    private long rows;

    /** Writes the header row at once. */
    public CsvWriter(Writer out, String name, List<String> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a CSV table needs at least one column");
        }
        this.out = out;
        this.name = name;
        this.columns = columns.size();
        for (String c : columns) {
            text(c);
        }
        endRow();
        rows = 0;
    }

    /** Writes into an atomic output (named after it). */
    public CsvWriter(AtomicOutput output, List<String> columns) {
        this(output.writer(), output.name(), columns);
    }

    public CsvWriter value(double x) {
        return raw(Double.toString(x));
    }

    public CsvWriter value(long x) {
        return raw(Long.toString(x));
    }

    /** A text cell, quoted when it holds a comma, a quote or a line break. */
    public CsvWriter text(String s) {
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return raw(quote ? '"' + s.replace("\"", "\"\"") + '"' : s);
    }

    private CsvWriter raw(String cell) {
        if (inRow == columns) {
            throw new IllegalStateException(name + ": row has more than the " + columns + " columns of the header");
        }
        try {
            if (inRow > 0) {
                out.write(',');
            }
            out.write(cell);
        } catch (IOException e) {
            throw new OutputException(name, "cannot write: " + e.getMessage(), e);
        }
        inRow++;
        return this;
    }

    /** Ends the current row, which must be complete. */
    public void endRow() {
        if (inRow != columns) {
            throw new IllegalStateException(name + ": row has " + inRow + " values, the header " + columns);
        }
        try {
            out.write('\n');
        } catch (IOException e) {
            throw new OutputException(name, "cannot write: " + e.getMessage(), e);
        }
        inRow = 0;
        rows++;
    }

    /** Number of data rows written (the header not counted). */
    public long rows() {
        return rows;
    }
}
