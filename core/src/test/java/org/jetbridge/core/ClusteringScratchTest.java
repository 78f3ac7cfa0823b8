package org.jetbridge.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jetbridge.core.testing.TestEvents;
import org.junit.jupiter.api.Test;

/**
 * Reusing the per-thread scratch arrays must leave no trace: an event clustered after larger and different
 * events on the same thread has, bit for bit, the history it has on a fresh thread (whose scratch is new), for
 * every strategy; runs beyond the retention limits (a very fine tiling) get private arrays and still agree.
 */
class ClusteringScratchTest {
    private static final ClusteringStrategy[] STRATEGIES = {ClusteringStrategy.N2_PLAIN,
        ClusteringStrategy.N2_TILED, ClusteringStrategy.N2_MINHEAP_TILED, ClusteringStrategy.N2_TILED_DENSE};

    /** History of one clustering as comparable arrays: parent1, parent2, child and the bits of d per step. */
    private static long[] history(ClusterSequence cs) {
        int n = cs.historySize();
        long[] h = new long[4 * n];
        for (int i = 0; i < n; i++) {
            h[4 * i] = cs.parent1(i);
            h[4 * i + 1] = cs.parent2(i);
            h[4 * i + 2] = cs.child(i);
            h[4 * i + 3] = Double.doubleToLongBits(cs.dij(i));
        }
        return h;
    }

    private static long[] onFreshThread(List<FourMomentum> ev, JetDefinition def, ClusteringStrategy s)
            throws InterruptedException {
        AtomicReference<long[]> out = new AtomicReference<>();
        Thread t = new Thread(() -> out.set(history(new ClusterSequence(ev, def, s))));
        t.start();
        t.join();
        return out.get();
    }

    @Test
    void reusedArraysGiveTheHistoryOfFreshOnes() throws InterruptedException {
        for (JetDefinition def : List.of(JetDefinition.antiKt(0.4), JetDefinition.kt(0.1), JetDefinition.kt(0.7),
                JetDefinition.cambridge(0.2), JetDefinition.genKt(0.1, 0.5))) {
            for (ClusteringStrategy s : STRATEGIES) {
                // growing, shrinking and repeated sizes; each event twice in a row (same tiling, same steps: what
                // the first run left in the tiles is exactly in the way), then after a φ-rotated copy
                long seed = 10;
                for (int n : new int[] {1500, 1, 5, 60, 17, 401, 150, 2, 401, 3}) {
                    List<FourMomentum> ev = TestEvents.lhcLike(n, seed++);
                    List<FourMomentum> rotated = ev.stream().map(p -> p.rotateZ(1.0)).toList();
                    for (List<FourMomentum> e : List.of(ev, ev, rotated, ev)) {
                        long[] fresh = onFreshThread(e, def, s);
                        long[] reused = history(new ClusterSequence(e, def, s));
                        assertTrue(Arrays.equals(fresh, reused), def + " " + s + " n = " + n);
                    }
                }
            }
        }
    }

    @Test
    void tilingBeyondTheRetentionLimitAgreesAndLeavesTheCacheIntact() throws InterruptedException {
        List<FourMomentum> ev = TestEvents.lhcLike(300, 21);
        JetDefinition fine = JetDefinition.antiKt(0.005);
        // tiles ≈ (2π / R) columns × min(rapidity range / R, 2n + 1) rows: far beyond the retention limit
        double range = ev.stream().mapToDouble(FourMomentum::rapidity).max().orElseThrow()
                - ev.stream().mapToDouble(FourMomentum::rapidity).min().orElseThrow();
        double tiles = Math.floor(2 * Math.PI / 0.005 - 1) * Math.min(Math.floor(range / 0.005 - 1), 601);
        assertTrue(tiles > 2 * ClusteringScratch.MAX_RETAINED_TILES, "tiles " + tiles);
        long[] plain = history(new ClusterSequence(ev, fine, ClusteringStrategy.N2_PLAIN));
        for (ClusteringStrategy s : STRATEGIES) {
            assertTrue(Arrays.equals(plain, history(new ClusterSequence(ev, fine, s))), "R = 0.005 " + s);
        }
        JetDefinition def = JetDefinition.antiKt(0.4);
        for (ClusteringStrategy s : new ClusteringStrategy[] {ClusteringStrategy.N2_MINHEAP_TILED,
            ClusteringStrategy.N2_TILED_DENSE}) {
            long[] fresh = onFreshThread(ev, def, s);
            assertEquals(fresh.length, 4 * 2 * ev.size());
            assertTrue(Arrays.equals(fresh, history(new ClusterSequence(ev, def, s))), "after the fine tiling " + s);
        }
    }
}
