package org.jetbridge.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The partition arithmetic of --shard: shards tile [0, n) exactly, are balanced, and parse with clear errors. */
class ShardTest {
    @Test
    void shardsTileEveryRangeExactlyAndBalanced() {
        for (long n = 0; n <= 40; n++) {
            for (int count = 1; count <= 13; count++) {
                long next = 0;
                for (int i = 0; i < count; i++) {
                    Shard s = new Shard(i, count);
                    assertEquals(next, s.first(n), "shard " + s + " of " + n);
                    long size = s.size(n);
                    // floor(n/N) or one more: the work is as even as it can be
                    assertTrue(size == n / count || size == n / count + 1, "shard " + s + " of " + n + ": " + size);
                    next = s.end(n);
                }
                assertEquals(n, next, "the last shard ends at n = " + n + " for N = " + count);
            }
        }
    }

    @Test
    void unevenAndEdgeCases() {
        // 10 rows in 3 shards: [0,3) [3,6) [6,10)
        assertEquals(0, new Shard(0, 3).first(10));
        assertEquals(3, new Shard(0, 3).end(10));
        assertEquals(6, new Shard(2, 3).first(10));
        assertEquals(10, new Shard(2, 3).end(10));
        // more shards than rows: 2 rows in 5 shards, three shards empty, each row exactly once
        long covered = 0;
        int empty = 0;
        for (int i = 0; i < 5; i++) {
            long size = new Shard(i, 5).size(2);
            covered += size;
            empty += size == 0 ? 1 : 0;
        }
        assertEquals(2, covered);
        assertEquals(3, empty);
        assertEquals(0, new Shard(0, 7).size(0));
        // i = N - 1 always ends at n
        assertEquals(1_000_003, new Shard(999, 1000).end(1_000_003));
    }

    @Test
    void largeCountsDoNotOverflow() {
        long n = Long.MAX_VALUE - 5;
        int count = Integer.MAX_VALUE;
        for (int i : new int[] {0, 1, 12345, count / 2, count - 2, count - 1}) {
            Shard s = new Shard(i, count);
            BigInteger exact = BigInteger.valueOf(i).multiply(BigInteger.valueOf(n)).divide(BigInteger.valueOf(count));
            assertEquals(exact.longValueExact(), s.first(n), "shard " + s);
        }
        assertEquals(n, new Shard(count - 1, count).end(n));
    }

    @Test
    void parsesAndRejectsWithTheReason() {
        assertEquals(new Shard(2, 5), Shard.parse("2/5"));
        assertEquals(new Shard(0, 1), Shard.parse(" 0 / 1 "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.parse("3/3")).getMessage()
                .contains("must be in [0, 3), got 3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.parse("-1/3")).getMessage()
                .contains("must be in [0, 3), got -1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.parse("0/0")).getMessage()
                .contains("N must be >= 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.parse("1of3")).getMessage()
                .contains("expected I/N"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.parse("a/3")).getMessage()
                .contains("integers"));
        assertThrows(IllegalArgumentException.class, () -> new Shard(4, 4));
    }

    @Test
    void metadataRecordsTheRange() {
        Map<String, Object> m = new Shard(1, 3).metadata(10, "event");
        assertEquals(1L, m.get(Shard.INDEX));
        assertEquals(3L, m.get(Shard.COUNT));
        assertEquals(3L, m.get(Shard.FIRST_ROW));
        assertEquals(6L, m.get(Shard.END_ROW));
        assertEquals(10L, m.get(Shard.TOTAL_ROWS));
        assertEquals("event", m.get(Shard.UNIT));
    }
}
