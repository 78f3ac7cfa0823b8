package org.jetbridge.io.hdf5;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One dataset of an {@link Hdf5Writer}: rows of a fixed shape and type, appended batch by batch. Rows are given
 * flat in row-major (C) order, e.g. a [64, 11] row is 704 consecutive values. Appended bytes go through a bounded
 * buffer to disk (the first dataset of a file straight into the output file, the others to spool files next to
 * it), so memory does not grow with the number of rows. Not thread-safe.
 */
public final class DatasetWriter {
    private static final int BUFFER_BYTES = 1 << 20;

    private final Hdf5Writer owner;
    private final String name;
    private final DType dtype;
    private final int[] rowShape;
    private final int rowSize;
    private final Path spool;
    private final FileChannel channel;
    private final long base;
    private final boolean ownsChannel;
    private long written;
    private final ByteBuffer buffer;
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private long rows;

    /**
     * Writes the data at {@code base} of {@code channel} when given, else into a new spool file {@code spool}.
     */
    DatasetWriter(Hdf5Writer owner, String name, DType dtype, int[] rowShape, Path spool, FileChannel channel,
                  long base) throws IOException {
        this.owner = owner;
        this.name = name;
        this.dtype = dtype;
        this.rowShape = rowShape.clone();
        long size = 1;
        for (int i = 0; i < rowShape.length; i++) {
            if (rowShape[i] <= 0) {
                throw new IllegalArgumentException("dataset '" + name + "': row shape " + Arrays.toString(rowShape)
                        + " has a non-positive dimension at index " + i);
            }
            size *= rowShape[i];
        }
        if (size * dtype.bytes() > BUFFER_BYTES / 2) {
            throw new IllegalArgumentException("dataset '" + name + "': row of " + size * dtype.bytes()
                    + " bytes is larger than supported (" + BUFFER_BYTES / 2 + ")");
        }
        this.rowSize = (int) size;
        this.spool = spool;
        this.ownsChannel = channel == null;
        this.channel = ownsChannel
                ? FileChannel.open(spool, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE) : channel;
        this.base = base;
        this.buffer = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    }

    public String name() {
        return name;
    }

    public DType dtype() {
        return dtype;
    }

    /** Shape of one row (the dataset's shape without its leading dimension). */
    public int[] rowShape() {
        return rowShape.clone();
    }

    /** Number of values in one row. */
    public int rowSize() {
        return rowSize;
    }

    /** Rows appended so far. */
    public long rows() {
        return rows;
    }

    /** Sets a dataset attribute (see {@link Hdf5Writer#attribute} for the value types). */
    public DatasetWriter attribute(String key, Object value) {
        owner.checkOpen();
        attributes.put(key, Hdf5Layout.checkAttribute("dataset '" + name + "'", key, value));
        return this;
    }

    Map<String, Object> attributes() {
        return attributes;
    }

    /** Appends {@code values.length / rowSize()} float32 rows. */
    public void append(float[] values) {
        append(values, 0, wholeRows(values.length));
    }

    /** Appends {@code rows} float32 rows starting at {@code values[offset]}. */
    public void append(float[] values, int offset, int rows) {
        int n = begin(DType.FLOAT32, values.length, offset, rows);
        for (int i = 0; i < n; ) {
            int k = Math.min(n - i, room(4));
            buffer.asFloatBuffer().put(values, offset + i, k);
            buffer.position(buffer.position() + 4 * k);
            i += k;
        }
        this.rows += rows;
    }

    public void append(double[] values) {
        append(values, 0, wholeRows(values.length));
    }

    public void append(double[] values, int offset, int rows) {
        int n = begin(DType.FLOAT64, values.length, offset, rows);
        for (int i = 0; i < n; ) {
            int k = Math.min(n - i, room(8));
            buffer.asDoubleBuffer().put(values, offset + i, k);
            buffer.position(buffer.position() + 8 * k);
            i += k;
        }
        this.rows += rows;
    }

    public void append(int[] values) {
        append(values, 0, wholeRows(values.length));
    }

    public void append(int[] values, int offset, int rows) {
        int n = begin(DType.INT32, values.length, offset, rows);
        for (int i = 0; i < n; ) {
            int k = Math.min(n - i, room(4));
            buffer.asIntBuffer().put(values, offset + i, k);
            buffer.position(buffer.position() + 4 * k);
            i += k;
        }
        this.rows += rows;
    }

    public void append(long[] values) {
        append(values, 0, wholeRows(values.length));
    }

    public void append(long[] values, int offset, int rows) {
        int n = begin(DType.INT64, values.length, offset, rows);
        for (int i = 0; i < n; ) {
            int k = Math.min(n - i, room(8));
            buffer.asLongBuffer().put(values, offset + i, k);
            buffer.position(buffer.position() + 8 * k);
            i += k;
        }
        this.rows += rows;
    }

    public void append(byte[] values) {
        append(values, 0, wholeRows(values.length));
    }

    public void append(byte[] values, int offset, int rows) {
        int n = begin(DType.INT8, values.length, offset, rows);
        for (int i = 0; i < n; ) {
            int k = Math.min(n - i, room(1));
            buffer.put(values, offset + i, k);
            i += k;
        }
        this.rows += rows;
    }

    /** Appends booleans to an {@link DType#INT8} dataset as 0 / 1. */
    public void append(boolean[] values) {
        append(values, 0, wholeRows(values.length));
    }

    public void append(boolean[] values, int offset, int rows) {
        int n = begin(DType.INT8, values.length, offset, rows);
        for (int i = 0; i < n; i++) {
            room(1);
            buffer.put(values[offset + i] ? (byte) 1 : (byte) 0);
        }
        this.rows += rows;
    }

    private int wholeRows(int length) {
        if (length % rowSize != 0) {
            throw new IllegalArgumentException("dataset '" + name + "': " + length
                    + " values are not a whole number of rows of " + rowSize + " (row shape "
                    + Arrays.toString(rowShape) + ")");
        }
        return length / rowSize;
    }

    private int begin(DType given, int length, int offset, int rows) {
        owner.checkOpen();
        if (given != dtype) {
            throw new IllegalArgumentException("dataset '" + name + "' has dtype " + dtype + ", cannot append "
                    + given + " values");
        }
        long n = (long) rows * rowSize;
        if (rows < 0 || offset < 0 || offset + n > length) {
            throw new IllegalArgumentException("dataset '" + name + "': " + rows + " rows of " + rowSize
                    + " values from offset " + offset + " do not fit in an array of " + length);
        }
        return (int) n;
    }

    /** Makes room for at least one element of {@code bytes} and returns how many fit. */
    private int room(int bytes) {
        if (buffer.remaining() < bytes) {
            flush();
        }
        return buffer.remaining() / bytes;
    }

    private void flush() {
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                written += channel.write(buffer, base + written);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing spool file " + spool + " for dataset '" + name + "'", e);
        }
        buffer.clear();
    }

    /** Flushes and, for a spool file, closes it; returns the bytes written, checked against rows × row bytes. */
    long finish() throws IOException {
        flush();
        if (ownsChannel) {
            channel.close();
        }
        long expected = rows * rowSize * dtype.bytes();
        if (written != expected) {
            throw new IOException(spool + ": dataset '" + name + "' wrote " + written + " bytes, expected " + expected);
        }
        return written;
    }

    Path spool() {
        return spool;
    }

    void discard() {
        if (!ownsChannel) {
            return; // the output file belongs to the Hdf5Writer
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // the spool is deleted next; a failed close changes nothing for the caller
        }
        try {
            Files.deleteIfExists(spool);
        } catch (IOException ignored) {
            // best effort: a leftover spool is a hidden temp file, never a file at the target path
        }
    }
}
