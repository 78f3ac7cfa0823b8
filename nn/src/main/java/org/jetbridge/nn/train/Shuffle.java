package org.jetbridge.nn.train;

import java.util.SplittableRandom;

/** Seeded random permutations for reproducible shuffling of training rows (same generator state, same order). */
public final class Shuffle {
    private Shuffle() {
    }

    /** A uniformly random permutation of 0 … n−1 (Fisher–Yates, drawing from the end). */
    public static int[] permutation(int n, SplittableRandom r) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
