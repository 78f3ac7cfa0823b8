package org.jetbridge.sim;

/** Validation helpers for parameter records: every message names the parameter and the expectation. */
final class Check {
    private Check() {
    }

    static double nonNegative(String name, double v) {
        if (!Double.isFinite(v) || v < 0) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + v);
        }
        return v;
    }

    static double positive(String name, double v) {
        if (!Double.isFinite(v) || v <= 0) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
        }
        return v;
    }

    static double fraction(String name, double v) {
        if (!Double.isFinite(v) || v < 0 || v > 1) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + v);
        }
        return v;
    }

    static void order(String lo, double a, String hi, double b) {
        if (!(a < b)) {
            throw new IllegalArgumentException(lo + " (" + a + ") must be < " + hi + " (" + b + ")");
        }
    }
}
