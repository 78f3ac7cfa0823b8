package org.jetbridge.io;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shard {@code index} of {@code count} equal parts of a run: of n items (events of a generation run, rows of an
 * input file) it owns the contiguous range [⌊index·n/count⌋, ⌊(index+1)·n/count⌋). The ranges of all shards tile
 * [0, n) exactly, in shard order, whatever n (shards are empty when count &gt; n). Outputs of a shard carry
 * {@link #metadata} so that {@code jetbridge merge} can check that a set of shard files is complete and does not
 * overlap.
 */
public record Shard(int index, int count) {
    /** File attribute: the shard's index i. */
    public static final String INDEX = "shard_index";
    /** File attribute: the number of shards N of the run. */
    public static final String COUNT = "shard_count";
    /** File attribute: first item (event or input row) of the shard. */
    public static final String FIRST_ROW = "first_row";
    /** File attribute: one past the shard's last item. */
    public static final String END_ROW = "end_row";
    /** File attribute: the number of items n the whole run partitions. */
    public static final String TOTAL_ROWS = "total_rows";
    /** File attribute: what the partitioned items are ("event" or "row"). */
    public static final String UNIT = "shard_unit";

    public Shard {
        if (count < 1) {
            throw new IllegalArgumentException("shard count must be >= 1, got " + count);
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("shard index must be in [0, " + count + "), got " + index);
        }
    }

    /**
     * Parses {@code "i/N"} (0 ≤ i &lt; N).
     *
     * @throws IllegalArgumentException with a message naming the text and the expected form
     */
    public static Shard parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("expected I/N (shard I of N, 0 <= I < N), got '" + text + "'");
        }
        int i;
        int n;
        try {
            i = Integer.parseInt(t.substring(0, slash).strip());
            n = Integer.parseInt(t.substring(slash + 1).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected I/N with integers I and N, got '" + text + "'");
        }
        if (n < 1) {
            throw new IllegalArgumentException("'" + text + "': the shard count N must be >= 1");
        }
        if (i < 0 || i >= n) {
            throw new IllegalArgumentException("'" + text + "': the shard index must be in [0, " + n + "), got " + i);
        }
        return new Shard(i, n);
    }

    /** First item of this shard among {@code n}: ⌊index·n/count⌋ (exact for any n ≥ 0, no overflow). */
    public long first(long n) {
        return boundary(index, n);
    }

    /** One past the last item of this shard among {@code n}. */
    public long end(long n) {
        return boundary(index + 1, n);
    }

    /** Number of items of this shard among {@code n}: ⌊n/count⌋ or one more. */
    public long size(long n) {
        return end(n) - first(n);
    }

    private long boundary(int k, long n) {
        if (n < 0) {
            throw new IllegalArgumentException("cannot shard a negative number of items: " + n);
        }
        // ⌊k·n/N⌋ without forming k·n: n = qN + r, so k·n/N = kq + k·r/N and k·r < N² fits a long
        long q = n / count;
        long r = n % count;
        return k * q + (long) k * r / count;
    }

    /** The file attributes of this shard over {@code n} items of the given unit ("event" or "row"). */
    public Map<String, Object> metadata(long n, String unit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(INDEX, (long) index);
        m.put(COUNT, (long) count);
        m.put(FIRST_ROW, first(n));
        m.put(END_ROW, end(n));
        m.put(TOTAL_ROWS, n);
        m.put(UNIT, unit);
        return m;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
