package org.jetbridge.io.hdf5;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.dataset.DatasetBase;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.EnumDataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads HDF5 datasets of fixed-shape rows in bounded memory: metadata (dataset shapes, types, attributes) through
 * jHDF; row ranges either straight from the file for contiguous datasets (one positioned read per request, any
 * file size) or through jHDF's slice reads for chunked (possibly compressed) ones, which decode only the chunks
 * a request touches (memory: the rows asked for plus one decompressed chunk). No call reads more than the rows
 * asked for; {@link #largestReadBytes()} reports the largest
 * single request so callers and tests can check the bound.
 *
 * <p>Datasets are named by their path below the root group ("jets", "group/jets"). Element types: int8 (and
 * h5py's bool, an int8 enum), int32, int64, float32, float64, either byte order. Attributes come back as String,
 * String[], Long (any integer), Double (any float), long[] or double[]. Not thread-safe: use one reader per thread.
 */
public final class Hdf5Reader implements AutoCloseable {
    private final Path path;
    private final String fileName;
    private final HdfFile file;
    private final FileChannel channel;
    private final Map<String, Dataset> nodes = new LinkedHashMap<>();
    private final Map<String, DatasetInfo> datasets = new LinkedHashMap<>();
    private final Map<String, String> unsupported = new LinkedHashMap<>();
    private ByteBuffer scratch = ByteBuffer.allocate(0);
    private long largestRead;

    private Hdf5Reader(Path path, HdfFile file, FileChannel channel) {
        this.path = path;
        this.fileName = String.valueOf(path.getFileName());
        this.file = file;
        this.channel = channel;
        collect(file, "");
    }

    /** Opens a file; a missing or non-HDF5 file is an {@link IOException} / {@link Hdf5FormatException} naming it. */
    public static Hdf5Reader open(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IOException(path + ": no such file");
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        HdfFile file;
        try {
            file = new HdfFile(path);
        } catch (RuntimeException e) {
            channel.close();
            throw new Hdf5FormatException(path.getFileName() + ": not a readable HDF5 file (" + e.getMessage() + ")", e);
        }
        return new Hdf5Reader(path, file, channel);
    }

    private void collect(Group group, String prefix) {
        for (Node n : group) {
            String name = prefix + n.getName();
            if (n instanceof Group g) {
                collect(g, name + "/");
            } else if (n instanceof Dataset d) {
                DType t = dtypeOf(d.getDataType());
                int[] dims = d.getDimensions();
                if (t == null || d.isScalar() || dims.length == 0 || d.isCompound() || d.isVariableLength()) {
                    unsupported.put(name, describe(d));
                    continue;
                }
                long[] shape = new long[dims.length];
                for (int i = 0; i < dims.length; i++) {
                    shape[i] = dims[i];
                }
                nodes.put(name, d);
                datasets.put(name, new DatasetInfo(name, t, shape));
            }
        }
    }

    private static DType dtypeOf(DataType t) {
        if (t instanceof FloatingPoint) {
            return t.getSize() == 4 ? DType.FLOAT32 : t.getSize() == 8 ? DType.FLOAT64 : null;
        }
        if (t instanceof FixedPoint f && f.isSigned()) {
            return switch (t.getSize()) {
                case 1 -> DType.INT8;
                case 4 -> DType.INT32;
                case 8 -> DType.INT64;
                default -> null;
            };
        }
        if (t instanceof EnumDataType e && e.getBaseType().getSize() == 1) {
            return DType.INT8; // numpy bool as written by h5py: enum {FALSE = 0, TRUE = 1} over int8
        }
        return null;
    }

    private static ByteOrder orderOf(DataType t) {
        if (t instanceof FloatingPoint f) {
            return f.getByteOrder();
        }
        if (t instanceof FixedPoint f) {
            return f.getByteOrder();
        }
        return ByteOrder.LITTLE_ENDIAN; // one-byte enum: order is irrelevant
    }

    private static String describe(Dataset d) {
        DataType t = d.getDataType();
        String kind = t instanceof FixedPoint f ? (f.isSigned() ? "int" : "uint") + 8 * t.getSize()
                : t instanceof FloatingPoint ? "float" + 8 * t.getSize()
                : t.getClass().getSimpleName() + " of " + t.getSize() + " bytes";
        return kind + " " + Arrays.toString(d.getDimensions());
    }

    public Path path() {
        return path;
    }

    /** The readable datasets, in file order. */
    public Map<String, DatasetInfo> datasets() {
        return Collections.unmodifiableMap(datasets);
    }

    /** The dataset {@code name}, or an error naming the file, the dataset and what the file has instead. */
    public DatasetInfo dataset(String name) {
        DatasetInfo d = datasets.get(name);
        if (d != null) {
            return d;
        }
        if (unsupported.containsKey(name)) {
            throw new Hdf5FormatException(fileName + ": dataset '" + name + "' has unsupported type or shape "
                    + unsupported.get(name) + "; expected int8/int32/int64/float32/float64 with at least one dimension");
        }
        throw new Hdf5FormatException(fileName + ": no dataset '" + name + "' (datasets: "
                + String.join(", ", datasets.keySet()) + ")");
    }

    /**
     * Checks that dataset {@code name} has the given type and row shape ({@code -1} matches any extent) and returns
     * it; otherwise throws, e.g. {@code latents.h5: dataset 'latent' has shape [1000, 64], expected [*, 128]}.
     */
    public DatasetInfo require(String name, DType dtype, int... rowShape) {
        DatasetInfo d = dataset(name);
        long[] shape = d.shape();
        boolean ok = shape.length == rowShape.length + 1;
        for (int i = 0; ok && i < rowShape.length; i++) {
            ok = rowShape[i] < 0 || shape[i + 1] == rowShape[i];
        }
        if (!ok) {
            StringBuilder want = new StringBuilder("[*");
            for (int r : rowShape) {
                want.append(", ").append(r < 0 ? "*" : String.valueOf(r));
            }
            throw new Hdf5FormatException(fileName + ": dataset '" + name + "' has shape " + Arrays.toString(shape)
                    + ", expected " + want + "]");
        }
        if (d.dtype() != dtype) {
            throw new Hdf5FormatException(fileName + ": dataset '" + name + "' has dtype " + d.dtype()
                    + ", expected " + dtype);
        }
        return d;
    }

    /** File (root group) attributes. */
    public Map<String, Object> attributes() {
        return normalise(file.getAttributes());
    }

    /** Attributes of dataset {@code name}. */
    public Map<String, Object> attributes(String name) {
        dataset(name);
        return normalise(nodes.get(name).getAttributes());
    }

    private static Map<String, Object> normalise(Map<String, Attribute> attributes) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Attribute> e : attributes.entrySet()) {
            out.put(e.getKey(), normalise(e.getValue().getData()));
        }
        return out;
    }

    private static Object normalise(Object v) {
        if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float || v instanceof Double) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof byte[] || v instanceof short[] || v instanceof int[] || v instanceof long[]) {
            long[] a = new long[Array.getLength(v)];
            for (int i = 0; i < a.length; i++) {
                a[i] = ((Number) Array.get(v, i)).longValue();
            }
            return a;
        }
        if (v instanceof float[] || v instanceof double[]) {
            double[] a = new double[Array.getLength(v)];
            for (int i = 0; i < a.length; i++) {
                a[i] = ((Number) Array.get(v, i)).doubleValue();
            }
            return a;
        }
        return v;
    }

    /** Largest number of bytes any single read of this reader has requested so far. */
    public long largestReadBytes() {
        return largestRead;
    }

    /** Reads {@code rows} float32 rows from {@code startRow} into {@code dst} from {@code dstOffset}. */
    public void read(String name, long startRow, int rows, float[] dst, int dstOffset) {
        int n = prepare(name, DType.FLOAT32, startRow, rows, dst.length, dstOffset);
        fill(name, startRow, rows).asFloatBuffer().get(dst, dstOffset, n);
    }

    public void read(String name, long startRow, int rows, double[] dst, int dstOffset) {
        int n = prepare(name, DType.FLOAT64, startRow, rows, dst.length, dstOffset);
        fill(name, startRow, rows).asDoubleBuffer().get(dst, dstOffset, n);
    }

    public void read(String name, long startRow, int rows, int[] dst, int dstOffset) {
        int n = prepare(name, DType.INT32, startRow, rows, dst.length, dstOffset);
        fill(name, startRow, rows).asIntBuffer().get(dst, dstOffset, n);
    }

    public void read(String name, long startRow, int rows, long[] dst, int dstOffset) {
        int n = prepare(name, DType.INT64, startRow, rows, dst.length, dstOffset);
        fill(name, startRow, rows).asLongBuffer().get(dst, dstOffset, n);
    }

    public void read(String name, long startRow, int rows, byte[] dst, int dstOffset) {
        int n = prepare(name, DType.INT8, startRow, rows, dst.length, dstOffset);
        fill(name, startRow, rows).get(dst, dstOffset, n);
    }

    private int prepare(String name, DType dtype, long startRow, int rows, int dstLength, int dstOffset) {
        DatasetInfo d = dataset(name);
        if (d.dtype() != dtype) {
            throw new IllegalArgumentException(fileName + ": dataset '" + name + "' has dtype " + d.dtype()
                    + ", requested as " + dtype);
        }
        if (startRow < 0 || rows < 0 || startRow + rows > d.rows()) {
            throw new IllegalArgumentException(fileName + ": dataset '" + name + "' rows [" + startRow + ", "
                    + (startRow + rows) + ") outside [0, " + d.rows() + ")");
        }
        long n = (long) rows * d.rowSize();
        if (dstOffset < 0 || dstOffset + n > dstLength) {
            throw new IllegalArgumentException(fileName + ": dataset '" + name + "': " + n
                    + " values do not fit in an array of " + dstLength + " from offset " + dstOffset);
        }
        return (int) n;
    }

    /** Returns a buffer positioned at the requested rows' bytes, in the dataset's byte order. */
    private ByteBuffer fill(String name, long startRow, int rows) {
        DatasetInfo d = datasets.get(name);
        Dataset node = nodes.get(name);
        long rowBytes = (long) d.rowSize() * d.dtype().bytes();
        long bytes = rows * rowBytes;
        largestRead = Math.max(largestRead, bytes);
        ByteOrder order = orderOf(node.getDataType());
        if (bytes == 0) {
            return ByteBuffer.allocate(0).order(order);
        }
        if (scratch.capacity() < bytes) {
            scratch = ByteBuffer.allocate(Math.toIntExact(bytes));
        }
        scratch.clear().limit((int) bytes);
        if (node instanceof ContiguousDataset c) {
            long address = c.getDataAddress();
            if (address == Hdf5Layout.UNDEFINED_ADDRESS) {
                // storage never allocated (h5py create_dataset without data): all fill values, zero by default
                Arrays.fill(scratch.array(), 0, (int) bytes, (byte) 0);
                return scratch.order(order);
            }
            long at = file.getHdfBackingStorage().getSuperblock().getBaseAddressByte() + address + startRow * rowBytes;
            try {
                while (scratch.hasRemaining()) {
                    int n = channel.read(scratch, at + scratch.position());
                    if (n < 0) {
                        throw new Hdf5FormatException(fileName + ": dataset '" + name + "' is truncated (file ends at "
                                + channel.size() + " bytes)");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(fileName + ": reading dataset '" + name + "'", e);
            }
            scratch.flip();
            return scratch.order(order);
        }
        if (node instanceof ChunkedDataset chunked) {
            try {
                ChunkedRows.read(chunked, dims(d), d.dtype().bytes(), startRow, rows, scratch.array());
            } catch (RuntimeException e) {
                throw new Hdf5FormatException(fileName + ": dataset '" + name + "': cannot read chunked rows ["
                        + startRow + ", " + (startRow + rows) + "): " + e.getMessage(), e);
            }
            return scratch.order(order);
        }
        if (node instanceof DatasetBase compact) {
            // compact storage: the data live in the object header and are small by construction
            ByteBuffer b = compact.getDataBuffer().duplicate();
            b.position(Math.toIntExact(startRow * rowBytes)).limit(Math.toIntExact(startRow * rowBytes + bytes));
            return b.slice().order(order);
        }
        throw new Hdf5FormatException(fileName + ": dataset '" + name + "' has an unsupported storage layout");
    }

    private static int[] dims(DatasetInfo d) {
        long[] shape = d.shape();
        int[] dims = new int[shape.length];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = Math.toIntExact(shape[i]);
        }
        return dims;
    }

    /**
     * Iterates over all rows of the named datasets (which must have the same number of rows) in batches of at most
     * {@code batchRows}; memory is one batch per dataset, allocated once.
     */
    public Iterable<RowBatch> batches(int batchRows, String... names) {
        return batches(batchRows, 0, -1, names);
    }

    /** As {@link #batches(int, String...)}, over rows {@code [startRow, endRow)} ({@code endRow < 0}: to the end). */
    public Iterable<RowBatch> batches(int batchRows, long startRow, long endRow, String... names) {
        if (batchRows <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchRows);
        }
        if (names.length == 0) {
            throw new IllegalArgumentException(fileName + ": no datasets named for batches");
        }
        Map<String, DatasetInfo> infos = new LinkedHashMap<>();
        DatasetInfo first = dataset(names[0]);
        for (String n : names) {
            DatasetInfo d = dataset(n);
            if (d.rows() != first.rows()) {
                throw new Hdf5FormatException(fileName + ": datasets '" + first.name() + "' (" + first.rows()
                        + " rows) and '" + n + "' (" + d.rows() + " rows) differ in length");
            }
            infos.put(n, d);
        }
        long end = endRow < 0 ? first.rows() : endRow;
        if (startRow < 0 || startRow > end || end > first.rows()) {
            throw new IllegalArgumentException(fileName + ": row range [" + startRow + ", " + end
                    + ") outside [0, " + first.rows() + "]");
        }
        return () -> new BatchIterator(infos, batchRows, startRow, end);
    }

    private final class BatchIterator implements Iterator<RowBatch> {
        private final Map<String, DatasetInfo> infos;
        private final int batchRows;
        private final long end;
        private final RowBatch batch;
        private long next;

        BatchIterator(Map<String, DatasetInfo> infos, int batchRows, long start, long end) {
            this.infos = infos;
            this.end = end;
            this.next = start;
            int rows = (int) Math.min(batchRows, Math.max(1, end - start));
            this.batchRows = rows;
            Map<String, Object> arrays = new LinkedHashMap<>();
            for (DatasetInfo d : infos.values()) {
                int n = Math.multiplyExact(rows, d.rowSize());
                arrays.put(d.name(), switch (d.dtype()) {
                    case INT8 -> new byte[n];
                    case INT32 -> new int[n];
                    case INT64 -> new long[n];
                    case FLOAT32 -> new float[n];
                    case FLOAT64 -> new double[n];
                });
            }
            this.batch = new RowBatch(fileName, arrays, infos);
        }

        @Override
        public boolean hasNext() {
            return next < end;
        }

        @Override
        public RowBatch next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int rows = (int) Math.min(batchRows, end - next);
            for (DatasetInfo d : infos.values()) {
                switch (d.dtype()) {
                    case INT8 -> read(d.name(), next, rows, batch.bytes(d.name()), 0);
                    case INT32 -> read(d.name(), next, rows, batch.ints(d.name()), 0);
                    case INT64 -> read(d.name(), next, rows, batch.longs(d.name()), 0);
                    case FLOAT32 -> read(d.name(), next, rows, batch.floats(d.name()), 0);
                    case FLOAT64 -> read(d.name(), next, rows, batch.doubles(d.name()), 0);
                }
            }
            batch.startRow = next;
            batch.rows = rows;
            next += rows;
            return batch;
        }
    }

    /** Names of datasets present but not readable by this class, with their type and shape (for messages). */
    public Map<String, String> unsupportedDatasets() {
        return Collections.unmodifiableMap(unsupported);
    }

    @Override
    public void close() throws IOException {
        List<Exception> errors = new ArrayList<>();
        try {
            file.close();
        } catch (RuntimeException e) {
            errors.add(e);
        }
        channel.close();
        if (!errors.isEmpty()) {
            throw new IOException(fileName + ": closing", errors.get(0));
        }
    }
}
