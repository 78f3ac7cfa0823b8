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
 * <p>Rows go to one spool file per dataset in the target's directory; {@link #commit()} assembles them, behind
 * the headers, into a temporary file (one extra sequential copy of the data, so about twice the final size of
 * free disk is needed) and renames it onto the target atomically. {@link #close()} without a successful commit
 * discards everything: an interrupted or failed run never leaves a file at the target path.
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
    private final Path target;
    private final Path spoolDir;
    private final Map<String, DatasetWriter> datasets = new LinkedHashMap<>();
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private boolean closed;
    private boolean committed;

    private Hdf5Writer(Path target, Path spoolDir) {
        this.target = target;
        this.spoolDir = spoolDir;
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
        Path spoolDir = Files.createTempDirectory(dir, "." + abs.getFileName() + ".");
        return new Hdf5Writer(abs, spoolDir);
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
        DatasetWriter d = new DatasetWriter(this, name, dtype, rowShape,
                spoolDir.resolve("dataset-" + datasets.size() + ".raw"));
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

    /** Writes the file and renames it onto the target (replacing an existing file). Further appends are refused. */
    public void commit() throws IOException {
        checkOpen();
        List<String> names = new ArrayList<>(datasets.keySet());
        List<Hdf5Layout.DatasetLayout> provisional = new ArrayList<>();
        long[] bytes = new long[names.size()];
        for (int i = 0; i < names.size(); i++) {
            DatasetWriter d = datasets.get(names.get(i));
            bytes[i] = d.finish();
            provisional.add(layout(d, 0L, bytes[i]));
        }
        // Header sizes do not depend on the addresses inside them, so one provisional pass fixes the layout.
        long[] headerAddress = new long[names.size()];
        long position = Hdf5Layout.SUPERBLOCK_SIZE
                + Hdf5Layout.rootGroup(names, new long[names.size()], attributes).length;
        for (int i = 0; i < names.size(); i++) {
            headerAddress[i] = position;
            position += Hdf5Layout.dataset(provisional.get(i)).length;
        }
        List<byte[]> headers = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            position = align8(position);
            long address = bytes[i] == 0 ? Hdf5Layout.UNDEFINED_ADDRESS : position;
            headers.add(Hdf5Layout.dataset(layout(datasets.get(names.get(i)), address, bytes[i])));
            provisional.set(i, layout(datasets.get(names.get(i)), address, bytes[i]));
            position += bytes[i];
        }
        long endOfFile = position;
        Path tmp = spoolDir.resolve("assembled.h5");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            writeFully(out, Hdf5Layout.superblock(Hdf5Layout.SUPERBLOCK_SIZE, endOfFile), 0);
            writeFully(out, Hdf5Layout.rootGroup(names, headerAddress, attributes), Hdf5Layout.SUPERBLOCK_SIZE);
            for (int i = 0; i < names.size(); i++) {
                writeFully(out, headers.get(i), headerAddress[i]);
            }
            for (int i = 0; i < names.size(); i++) {
                if (bytes[i] > 0) {
                    long at = provisional.get(i).dataAddress();
                    // transferFrom writes nothing beyond the current end, so pad the alignment gap first
                    writeFully(out, new byte[(int) (at - out.size())], out.size());
                    copy(datasets.get(names.get(i)).spool(), out, at, bytes[i]);
                }
            }
            if (out.size() < endOfFile) {
                writeFully(out, new byte[(int) (endOfFile - out.size())], out.size());
            }
            out.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
        cleanUp();
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
