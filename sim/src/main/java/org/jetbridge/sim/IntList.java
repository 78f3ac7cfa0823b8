package org.jetbridge.sim;

/** A minimal growable int list (no boxing) for building particle lists. */
final class IntList {
    int[] data = new int[16];
    int size;

    void add(int v) {
        if (size == data.length) {
            data = java.util.Arrays.copyOf(data, 2 * size);
        }
        data[size++] = v;
    }

    int[] toArray() {
        return java.util.Arrays.copyOf(data, size);
    }
}
