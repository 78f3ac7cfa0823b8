package org.jetbridge.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A dense C-order array in host memory (little-endian bytes), the unit of NPZ files and checkpoints.
 *
 * @param type element type: FLOAT32, FLOAT64, INT32, INT64 or UINT8
 * @param shape dimensions, outermost first
 * @param data little-endian element bytes, {@code product(shape) * type.getNumOfBytes()} long
 */
public record HostArray(DataType type, long[] shape, byte[] data) {

    public HostArray {
        if (type != DataType.FLOAT32 && type != DataType.FLOAT64 && type != DataType.INT32
                && type != DataType.INT64 && type != DataType.UINT8) {
            throw new IllegalArgumentException("type: expected float32/float64/int32/int64/uint8, got " + type);
        }
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + ": negative dimension");
            }
            n *= d;
        }
        if (n * type.getNumOfBytes() != data.length) {
            throw new IllegalArgumentException("data: shape " + Arrays.toString(shape) + " of " + type + " needs "
                    + n * type.getNumOfBytes() + " bytes, got " + data.length);
        }
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Copies an array (any device) to the host. */
    public static HostArray of(NDArray array) {
        ByteBuffer buf = array.toByteBuffer().order(ByteOrder.nativeOrder());
        byte[] bytes = new byte[buf.remaining()];
        buf.get(bytes);
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new IllegalStateException("big-endian hosts are not supported");
        }
        return new HostArray(array.getDataType(), array.getShape().getShape(), bytes);
    }

    public static HostArray ofFloats(float[] values, long... shape) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return new HostArray(DataType.FLOAT32, shape, b.array());
    }

    public static HostArray ofDoubles(double[] values, long... shape) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(values);
        return new HostArray(DataType.FLOAT64, shape, b.array());
    }

    public static HostArray ofLongs(long[] values, long... shape) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return new HostArray(DataType.INT64, shape, b.array());
    }

    /** Number of elements. */
    public long size() {
        return data.length / type.getNumOfBytes();
    }

    public float[] toFloats() {
        requireType(DataType.FLOAT32);
        float[] out = new float[(int) size()];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    public double[] toDoubles() {
        requireType(DataType.FLOAT64);
        double[] out = new double[(int) size()];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
        return out;
    }

    public long[] toLongs() {
        requireType(DataType.INT64);
        long[] out = new long[(int) size()];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
        return out;
    }

    /** A new array owned by {@code manager} with these contents. */
    public NDArray toNDArray(NDManager manager) {
        ByteBuffer direct = manager.allocateDirect(data.length);
        direct.put(data).rewind();
        return manager.create(direct, new Shape(shape), type);
    }

    private void requireType(DataType expected) {
        if (type != expected) {
            throw new IllegalStateException("expected a " + expected + " array, got " + type);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostArray h && h.type == type && Arrays.equals(h.shape, shape)
                && Arrays.equals(h.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "HostArray[" + type + " " + Arrays.toString(shape) + "]";
    }
}
