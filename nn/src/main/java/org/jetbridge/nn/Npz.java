package org.jetbridge.nn;

import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * NumPy {@code .npz} archives (a zip of {@code .npy} v1.0 files) of named {@link HostArray}s, readable by
 * {@code numpy.load}. Entries not ending in {@code .npy} are kept as raw bytes (used for JSON state in checkpoints).
 */
public final class Npz {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([<>|=])([a-z])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    private Npz() {}

    /** Archive contents: arrays by name (without {@code .npy}) and any other entries as raw bytes. */
    public record Contents(Map<String, HostArray> arrays, Map<String, byte[]> other) {}

    /** Writes arrays (and optional raw entries) to {@code path} through a temporary file and an atomic rename. */
    public static void write(Path path, Map<String, HostArray> arrays, Map<String, byte[]> other) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, path.getFileName().toString(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.setLevel(1);
                for (Map.Entry<String, HostArray> e : arrays.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                    writeNpy(zip, e.getValue());
                    zip.closeEntry();
                }
                for (Map.Entry<String, byte[]> e : other.entrySet()) {
                    if (e.getKey().endsWith(".npy")) {
                        throw new IllegalArgumentException("raw entry " + e.getKey() + ": must not end in .npy");
                    }
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void write(Path path, Map<String, HostArray> arrays) throws IOException {
        write(path, arrays, Map.of());
    }

    /** Reads every entry; errors name the file and the entry. */
    public static Contents read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString(), null, "NPZ file missing");
        }
        Map<String, HostArray> arrays = new LinkedHashMap<>();
        Map<String, byte[]> other = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(path); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                byte[] bytes = zip.readAllBytes();
                String name = entry.getName();
                if (name.endsWith(".npy")) {
                    try {
                        arrays.put(name.substring(0, name.length() - 4), readNpy(bytes));
                    } catch (IllegalArgumentException e) {
                        throw new IOException(path + " entry " + name + ": " + e.getMessage(), e);
                    }
                } else {
                    other.put(name, bytes);
                }
            }
        }
        return new Contents(arrays, other);
    }

    static void writeNpy(OutputStream out, HostArray a) throws IOException {
        StringBuilder shape = new StringBuilder();
        long[] dims = a.shape();
        for (long d : dims) {
            shape.append(d).append(", ");
        }
        if (dims.length > 1) {
            shape.setLength(shape.length() - 2);
        } else if (dims.length == 1) {
            shape.setLength(shape.length() - 1);
        }
        StringBuilder header = new StringBuilder("{'descr': '" + descr(a.type())
                + "', 'fortran_order': False, 'shape': (" + shape + "), }");
        // Pad so that magic (6) + version (2) + length (2) + header is a multiple of 64 and ends with '\n'.
        int total = 10 + header.length() + 1;
        header.append(" ".repeat((64 - total % 64) % 64)).append('\n');
        byte[] h = header.toString().getBytes(StandardCharsets.US_ASCII);
        out.write(MAGIC);
        out.write(new byte[] {1, 0, (byte) (h.length & 0xff), (byte) (h.length >>> 8)});
        out.write(h);
        out.write(a.data());
    }

    static HostArray readNpy(byte[] bytes) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes.length < 10 || bytes[i] != MAGIC[i]) {
                throw new IllegalArgumentException("not an .npy array (bad magic)");
            }
        }
        int major = bytes[6];
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen;
        int start;
        if (major == 1) {
            headerLen = b.getShort(8) & 0xffff;
            start = 10;
        } else if (major == 2 || major == 3) {
            headerLen = b.getInt(8);
            start = 12;
        } else {
            throw new IllegalArgumentException("unsupported .npy version " + major);
        }
        String header = new String(bytes, start, headerLen, StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) {
            throw new IllegalArgumentException("cannot parse .npy header " + header.trim());
        }
        if (f.group(1).equals("True")) {
            throw new IllegalArgumentException("Fortran-order arrays are not supported");
        }
        if (d.group(1).equals(">")) {
            throw new IllegalArgumentException("big-endian arrays are not supported: " + d.group());
        }
        DataType type = switch (d.group(2) + d.group(3)) {
            case "f4" -> DataType.FLOAT32;
            case "f8" -> DataType.FLOAT64;
            case "i4" -> DataType.INT32;
            case "i8" -> DataType.INT64;
            case "u1", "b1" -> DataType.UINT8;
            default -> throw new IllegalArgumentException("unsupported dtype " + d.group());
        };
        String[] parts = s.group(1).split(",");
        long[] shape = java.util.Arrays.stream(parts).map(String::trim).filter(p -> !p.isEmpty())
                .mapToLong(Long::parseLong).toArray();
        int dataStart = start + headerLen;
        byte[] data = java.util.Arrays.copyOfRange(bytes, dataStart, bytes.length);
        return new HostArray(type, shape, data);
    }

    private static String descr(DataType t) {
        return switch (t) {
            case FLOAT32 -> "<f4";
            case FLOAT64 -> "<f8";
            case INT32 -> "<i4";
            case INT64 -> "<i8";
            case UINT8 -> "|u1";
            default -> throw new IllegalArgumentException("unsupported type " + t);
        };
    }
}
