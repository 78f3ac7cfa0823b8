package org.jetbridge.io.hdf5;

/**
 * Element types of the datasets jetbridge reads and writes, all little-endian in files we write. Booleans are
 * stored as {@link #INT8} (0 or 1), as numpy would after {@code astype(np.int8)}.
 */
public enum DType {
    INT8(1, "int8"),
    INT32(4, "int32"),
    INT64(8, "int64"),
    FLOAT32(4, "float32"),
    FLOAT64(8, "float64");

    private final int bytes;
    private final String numpyName;

    DType(int bytes, String numpyName) {
        this.bytes = bytes;
        this.numpyName = numpyName;
    }

    /** Size of one element in bytes. */
    public int bytes() {
        return bytes;
    }

    public boolean isFloatingPoint() {
        return this == FLOAT32 || this == FLOAT64;
    }

    /** The numpy spelling ("float32"), used in messages so Python users recognise it. */
    @Override
    public String toString() {
        return numpyName;
    }
}
