package org.jetbridge.io.hdf5;

import io.jhdf.checksum.ChecksumUtils;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Encodes the metadata of the HDF5 files {@link Hdf5Writer} produces: superblock version 2, version-2 object
 * headers, one flat root group of hard links (compact link storage), contiguous datasets and compact attributes.
 * This is the subset of the HDF5 file format specification (version 3.0) that a file of fixed-shape contiguous
 * datasets needs; it exists because jHDF 0.9.4 can only write datasets it holds whole in memory, while the data
 * here are streamed to disk first and their size is known only at the end. Checksums use jHDF's Jenkins lookup3.
 */
final class Hdf5Layout {
    static final long UNDEFINED_ADDRESS = -1L;
    static final int SUPERBLOCK_SIZE = 48;

    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final int MSG_DATASPACE = 0x01;
    private static final int MSG_LINK_INFO = 0x02;
    private static final int MSG_DATATYPE = 0x03;
    private static final int MSG_FILL_VALUE = 0x05;
    private static final int MSG_LINK = 0x06;
    private static final int MSG_LAYOUT = 0x08;
    private static final int MSG_GROUP_INFO = 0x0A;
    private static final int MSG_ATTRIBUTE = 0x0C;
    private static final int MSG_ATTRIBUTE_INFO = 0x15;

    private Hdf5Layout() {
    }

    /** One dataset as laid out in the file: its object header says where its contiguous bytes are. */
    record DatasetLayout(String name, DType dtype, long[] shape, Map<String, Object> attributes, long dataAddress,
                         long dataBytes) {
    }

    static byte[] superblock(long rootAddress, long endOfFile) {
        Bytes b = new Bytes();
        b.put(SIGNATURE);
        b.u8(2).u8(8).u8(8).u8(0);
        b.u64(0).u64(UNDEFINED_ADDRESS).u64(endOfFile).u64(rootAddress);
        b.u32(ChecksumUtils.checksum(b.toArray()));
        return b.toArray();
    }

    /** The root group: link info, group info, then one hard link per child, in the given order. */
    static byte[] rootGroup(List<String> names, long[] addresses, Map<String, Object> attributes) {
        Bytes linkInfo = new Bytes().u8(0).u8(0).u64(UNDEFINED_ADDRESS).u64(UNDEFINED_ADDRESS);
        Bytes groupInfo = new Bytes().u8(0).u8(0);
        Bytes messages = new Bytes();
        message(messages, MSG_LINK_INFO, linkInfo);
        message(messages, MSG_GROUP_INFO, groupInfo);
        for (int i = 0; i < names.size(); i++) {
            byte[] name = names.get(i).getBytes(StandardCharsets.UTF_8);
            // flags: 1-byte name length, hard link, character set present (UTF-8)
            Bytes link = new Bytes().u8(1).u8(0x10).u8(1).u8(name.length).put(name).u64(addresses[i]);
            message(messages, MSG_LINK, link);
        }
        attributes(messages, attributes);
        return objectHeader(messages);
    }

    static byte[] dataset(DatasetLayout d) {
        Bytes messages = new Bytes();
        message(messages, MSG_DATATYPE, datatype(d.dtype()));
        message(messages, MSG_DATASPACE, dataspace(d.shape()));
        // version 3, late allocation, fill value written only if set (none set): the storage is always complete
        message(messages, MSG_FILL_VALUE, new Bytes().u8(3).u8(0x0A));
        message(messages, MSG_LAYOUT, new Bytes().u8(3).u8(1).u64(d.dataAddress()).u64(d.dataBytes()));
        attributes(messages, d.attributes());
        return objectHeader(messages);
    }

    private static void attributes(Bytes messages, Map<String, Object> attributes) {
        if (!attributes.isEmpty()) {
            // Without it the HDF5 library reports zero attributes for a version-2 header (h5py: len(attrs) == 0,
            // iteration empty) even though each one can be opened by name: compact storage, no dense heap.
            message(messages, MSG_ATTRIBUTE_INFO, new Bytes().u8(0).u8(0).u64(UNDEFINED_ADDRESS).u64(UNDEFINED_ADDRESS));
        }
        for (Map.Entry<String, Object> e : attributes.entrySet()) {
            message(messages, MSG_ATTRIBUTE, attribute(e.getKey(), e.getValue()));
        }
    }

    private static byte[] objectHeader(Bytes messages) {
        Bytes b = new Bytes();
        b.put(new byte[] {'O', 'H', 'D', 'R'}).u8(2).u8(0x02).u32(messages.size()).put(messages.toArray());
        b.u32(ChecksumUtils.checksum(b.toArray()));
        return b.toArray();
    }

    private static void message(Bytes out, int type, Bytes body) {
        if (body.size() > 0xFFFF) {
            throw new IllegalArgumentException("HDF5 header message of " + body.size()
                    + " bytes exceeds the 65535-byte limit (attribute too large?)");
        }
        out.u8(type).u16(body.size()).u8(0).put(body.toArray());
    }

    static Bytes dataspace(long[] shape) {
        Bytes b = new Bytes().u8(2).u8(shape.length).u8(0).u8(shape.length == 0 ? 0 : 1);
        for (long n : shape) {
            b.u64(n);
        }
        return b;
    }

    static Bytes datatype(DType t) {
        Bytes b = new Bytes();
        switch (t) {
            case INT8, INT32, INT64 -> b.u8(0x10).u8(0x08).u8(0).u8(0).u32(t.bytes()).u16(0).u16(8 * t.bytes());
            case FLOAT32 -> b.u8(0x11).u8(0x20).u8(31).u8(0).u32(4).u16(0).u16(32)
                    .u8(23).u8(8).u8(0).u8(23).u32(127);
            case FLOAT64 -> b.u8(0x11).u8(0x20).u8(63).u8(0).u32(8).u16(0).u16(64)
                    .u8(52).u8(11).u8(0).u8(52).u32(1023);
            default -> throw new AssertionError(t);
        }
        return b;
    }

    /** Fixed-length, null-padded UTF-8 strings (h5py reads them as {@code bytes}). */
    private static Bytes stringType(int length) {
        return new Bytes().u8(0x13).u8(0x11).u8(0).u8(0).u32(length);
    }

    private static Bytes attribute(String name, Object value) {
        Bytes type;
        long[] shape;
        Bytes data = new Bytes();
        if (value instanceof String s) {
            byte[] v = s.getBytes(StandardCharsets.UTF_8);
            type = stringType(Math.max(1, v.length));
            shape = new long[0];
            data.put(v.length == 0 ? new byte[1] : v);
        } else if (value instanceof String[] a) {
            byte[][] v = new byte[a.length][];
            int width = 1;
            for (int i = 0; i < a.length; i++) {
                v[i] = a[i].getBytes(StandardCharsets.UTF_8);
                width = Math.max(width, v[i].length);
            }
            type = stringType(width);
            shape = new long[] {a.length};
            for (byte[] s : v) {
                data.put(Arrays.copyOf(s, width));
            }
        } else if (value instanceof Number || value instanceof Boolean) {
            shape = new long[0];
            if (value instanceof Boolean z) {
                type = datatype(DType.INT8);
                data.u8(z ? 1 : 0);
            } else if (value instanceof Integer i) {
                type = datatype(DType.INT32);
                data.u32(i);
            } else if (value instanceof Long l) {
                type = datatype(DType.INT64);
                data.u64(l);
            } else if (value instanceof Float f) {
                type = datatype(DType.FLOAT32);
                data.u32(Float.floatToRawIntBits(f));
            } else if (value instanceof Double x) {
                type = datatype(DType.FLOAT64);
                data.u64(Double.doubleToRawLongBits(x));
            } else {
                throw unsupported(name, value);
            }
        } else if (value instanceof int[] a) {
            type = datatype(DType.INT32);
            shape = new long[] {a.length};
            for (int v : a) {
                data.u32(v);
            }
        } else if (value instanceof long[] a) {
            type = datatype(DType.INT64);
            shape = new long[] {a.length};
            for (long v : a) {
                data.u64(v);
            }
        } else if (value instanceof float[] a) {
            type = datatype(DType.FLOAT32);
            shape = new long[] {a.length};
            for (float v : a) {
                data.u32(Float.floatToRawIntBits(v));
            }
        } else if (value instanceof double[] a) {
            type = datatype(DType.FLOAT64);
            shape = new long[] {a.length};
            for (double v : a) {
                data.u64(Double.doubleToRawLongBits(v));
            }
        } else {
            throw unsupported(name, value);
        }
        Bytes space = dataspace(shape);
        byte[] nameBytes = (name + "\0").getBytes(StandardCharsets.UTF_8);
        return new Bytes().u8(3).u8(0).u16(nameBytes.length).u16(type.size()).u16(space.size()).u8(1)
                .put(nameBytes).put(type.toArray()).put(space.toArray()).put(data.toArray());
    }

    /** Checks an attribute value up front, so a bad one fails where it is set rather than at commit. */
    static Object checkAttribute(String owner, String name, Object value) {
        checkName(owner + " attribute", name);
        boolean ok = value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Float || value instanceof Double || value instanceof Boolean
                || value instanceof String[] || value instanceof int[] || value instanceof long[]
                || value instanceof float[] || value instanceof double[];
        if (!ok) {
            throw unsupported(name, value);
        }
        if (value.getClass().isArray() && java.lang.reflect.Array.getLength(value) == 0) {
            throw new IllegalArgumentException(owner + " attribute '" + name + "': empty arrays are not supported");
        }
        if (value instanceof String[] a) {
            for (int i = 0; i < a.length; i++) {
                if (a[i] == null) {
                    throw new IllegalArgumentException(owner + " attribute '" + name + "': element " + i + " is null");
                }
            }
        }
        Object copy = value.getClass().isArray() ? cloneArray(value) : value;
        attribute(name, copy); // fails now, not at commit, if the attribute is too large for a header message
        return copy;
    }

    private static Object cloneArray(Object a) {
        int n = java.lang.reflect.Array.getLength(a);
        Object c = java.lang.reflect.Array.newInstance(a.getClass().getComponentType(), n);
        System.arraycopy(a, 0, c, 0, n);
        return c;
    }

    static void checkName(String what, String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.contains("/")
                || name.getBytes(StandardCharsets.UTF_8).length > 255 || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " name '" + name
                    + "' is invalid: expected 1 to 255 bytes, no '/' and no NUL");
        }
    }

    private static IllegalArgumentException unsupported(String name, Object value) {
        return new IllegalArgumentException("attribute '" + name + "': unsupported value type "
                + (value == null ? "null" : value.getClass().getSimpleName())
                + "; expected String, Integer, Long, Float, Double, Boolean or an array of String/int/long/float/double");
    }

    /** A little-endian byte builder. */
    static final class Bytes {
        private byte[] buf = new byte[64];
        private int n;

        private void ensure(int extra) {
            if (n + extra > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + extra));
            }
        }

        Bytes u8(int v) {
            ensure(1);
            buf[n++] = (byte) v;
            return this;
        }

        Bytes u16(int v) {
            return u8(v).u8(v >>> 8);
        }

        Bytes u32(int v) {
            return u16(v).u16(v >>> 16);
        }

        Bytes u64(long v) {
            return u32((int) v).u32((int) (v >>> 32));
        }

        Bytes put(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, n, b.length);
            n += b.length;
            return this;
        }

        int size() {
            return n;
        }

        byte[] toArray() {
            return Arrays.copyOf(buf, n);
        }
    }
}
