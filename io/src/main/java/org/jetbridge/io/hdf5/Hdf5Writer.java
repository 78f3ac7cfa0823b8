package org.jetbridge.io.hdf5;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an HDF5 file of named datasets with a fixed per-row shape, appended row batch by row batch in bounded
 * memory, plus file and dataset attributes. The file is h5py-readable: one flat root group, contiguous
 * little-endian datasets, compact attributes (strings are fixed-length UTF-8, read by h5py as {@code bytes}).
 *
 * <p>The first declared dataset (put the largest first) is written straight into a temporary output file in the
 * target's directory, its data starting at byte 64; every other dataset goes to its own spool file.
 * {@link #commit()} appends the headers and copies the spooled datasets behind them (so free disk of about the
 * final size plus the size of the non-first datasets is needed), writes the superblock and renames the file onto
 * the target atomically. {@link #close()} without a successful commit discards everything: an interrupted or
 * failed run never leaves a file at the target path. Not thread-safe.
 *
 * <pre>{@code
 * try (Hdf5Writer w = Hdf5Writer.create(path)) {
 *     DatasetWriter c = w.dataset("constituents", DType.FLOAT32, 64, 11);
 *     c.attribute("feature_names", names);
 *     w.attribute("seed", 42L);
 *     for (...) c.append(rowsFlat, 0, nRows);
 *     w.commit();
 * }
 * }</pre>
 */
public final class Hdf5Writer implements AutoCloseable {
    /** Where the first dataset's data start: after the 48-byte superblock, aligned to 64 bytes. */
    private static final long FIRST_DATA_ADDRESS = 64;

    private final Path target;
    private final Path spoolDir;
    private final Path assembled;
    private final FileChannel out;
    private final Map<String, DatasetWriter> datasets = new LinkedHashMap<>();
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private boolean closed;
    private boolean committed;

    private Hdf5Writer(Path target, Path spoolDir) throws IOException {
        this.target = target;
        this.spoolDir = spoolDir;
        this.assembled = spoolDir.resolve("assembled.h5");
        this.out = FileChannel.open(assembled, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
    }

    /** Starts a file that will appear at {@code target} on {@link #commit()}; fails now if the directory is not writable. */
    public static Hdf5Writer create(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException(target + ": directory " + dir + " does not exist");
        }
        if (Files.isDirectory(abs)) {
            throw new IOException(target + ": is a directory");
        }
        Path spoolDir;
        try {
            spoolDir = Files.createTempDirectory(dir, "." + abs.getFileName() + ".");
        } catch (IOException e) {
            throw new IOException(target + ": cannot write in directory " + dir + " (" + e + ")", e);
        }
        try {
            return new Hdf5Writer(abs, spoolDir);
        } catch (IOException e) {
            Files.deleteIfExists(spoolDir);
            throw e;
        }
    }

    public Path target() {
        return target;
    }

    /**
     * Declares a dataset of rows of shape {@code rowShape} (empty for scalars per row, e.g. labels). The file's
     * dataset has shape {@code [rows, rowShape...]}. Datasets appear in the file in declaration order.
     */
    public DatasetWriter dataset(String name, DType dtype, int... rowShape) throws IOException {
        checkOpen();
        Hdf5Layout.checkName(target.getFileName() + ": dataset", name);
        if (datasets.containsKey(name)) {
            throw new IllegalArgumentException(target.getFileName() + ": dataset '" + name + "' declared twice");
        }
        boolean first = datasets.isEmpty();
        DatasetWriter d = new DatasetWriter(this, name, dtype, rowShape,
                first ? assembled : spoolDir.resolve("dataset-" + datasets.size() + ".raw"), first ? out : null,
                first ? FIRST_DATA_ADDRESS : 0L);
        datasets.put(name, d);
        return d;
    }

    /**
     * Sets a file (root group) attribute. Values: String, Integer, Long, Float, Double, Boolean (stored as int8),
     * or a non-empty String[], int[], long[], float[] or double[]; arrays are copied.
     */
    public Hdf5Writer attribute(String key, Object value) {
        checkOpen();
        attributes.put(key, Hdf5Layout.checkAttribute("file", key, value));
        return this;
    }

    /** Sets every entry of {@code values} as a file attribute, in iteration order. */
    public Hdf5Writer attributes(Map<String, ?> values) {
        values.forEach(this::attribute);
        return this;
    }

    void checkOpen() {
        if (closed || committed) {
            throw new IllegalStateException(target.getFileName() + ": writer already "
                    + (committed ? "committed" : "closed"));
        }
    }

    /**
     * Writes the file and renames it onto the target (replacing an existing file). Further appends are refused. If
     * it fails, everything temporary is removed and the target is left as it was.
     */
    public void commit() throws IOException {
        checkOpen();
        try {
            assemble();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        committed = true;
        cleanUp();
    }

    private void assemble() throws IOException {
        List<String> names = new ArrayList<>(datasets.keySet());
        int n = names.size();
        long[] bytes = new long[n];
        long[] dataAddress = new long[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = datasets.get(names.get(i)).finish();
        }
        // Layout: superblock | first dataset's data (already in place) | root group | dataset headers | other data.
        // Header sizes do not depend on the addresses inside them, so provisional headers fix every position.
        long position = n > 0 ? FIRST_DATA_ADDRESS + bytes[0] : Hdf5Layout.SUPERBLOCK_SIZE;
        long rootAddress = align8(position);
        position = rootAddress + Hdf5Layout.rootGroup(names, new long[n], attributes).length;
        long[] headerAddress = new long[n];
        for (int i = 0; i < n; i++) {
            headerAddress[i] = position;
            position += Hdf5Layout.dataset(layout(datasets.get(names.get(i)), 0L, bytes[i])).length;
        }
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                position = align8(position);
            }
            long at = i == 0 ? FIRST_DATA_ADDRESS : position;
            dataAddress[i] = bytes[i] == 0 ? Hdf5Layout.UNDEFINED_ADDRESS : at;
            if (i > 0) {
                position += bytes[i];
            }
        }
        long endOfFile = position;
        writeFully(out, Hdf5Layout.rootGroup(names, headerAddress, attributes), rootAddress);
        for (int i = 0; i < n; i++) {
            writeFully(out, Hdf5Layout.dataset(layout(datasets.get(names.get(i)), dataAddress[i], bytes[i])),
                    headerAddress[i]);
        }
        for (int i = 1; i < n; i++) {
            if (bytes[i] > 0) {
                // transferFrom writes nothing beyond the current end, so pad the alignment gap first
                writeFully(out, new byte[(int) (dataAddress[i] - out.size())], out.size());
                copy(datasets.get(names.get(i)).spool(), out, dataAddress[i], bytes[i]);
            }
        }
        writeFully(out, Hdf5Layout.superblock(rootAddress, endOfFile), 0);
        if (out.size() < endOfFile) {
            writeFully(out, new byte[(int) (endOfFile - out.size())], out.size());
        }
        out.force(true);
        out.close();
        try {
            Files.move(assembled, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(assembled, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Hdf5Layout.DatasetLayout layout(DatasetWriter d, long address, long bytes) {
        int[] row = d.rowShape();
        long[] shape = new long[row.length + 1];
        shape[0] = d.rows();
        for (int k = 0; k < row.length; k++) {
            shape[k + 1] = row[k];
        }
        return new Hdf5Layout.DatasetLayout(d.name(), d.dtype(), shape, d.attributes(), address, bytes);
    }

    private static long align8(long p) {
        return (p + 7) & ~7L;
    }

    private static void writeFully(FileChannel out, byte[] data, long at) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(data);
        while (b.hasRemaining()) {
            at += out.write(b, at);
        }
    }

    private static void copy(Path from, FileChannel out, long at, long bytes) throws IOException {
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ)) {
            long done = 0;
            while (done < bytes) {
                long n = out.transferFrom(in, at + done, bytes - done);
                if (n <= 0) {
                    throw new IOException("spool file " + from + " ended after " + done + " of " + bytes + " bytes");
                }
                done += n;
            }
        }
    }

    /** Discards everything unless {@link #commit()} succeeded; the target is then left as it was. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        cleanUp();
    }

    private void cleanUp() {
        for (DatasetWriter d : datasets.values()) {
            d.discard();
        }
        try {
            out.close();
        } catch (IOException ignored) {
            // the file is deleted below; nothing of it reaches the target
        }
        if (!Files.isDirectory(spoolDir)) {
            return; // already cleaned up by commit
        }
        try (var s = Files.list(spoolDir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(spoolDir);
        } catch (IOException e) {
            throw new UncheckedIOException("removing temporary directory " + spoolDir, e);
        }
    }
}
