package org.jetbridge.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Same seed, same output, whatever the number of threads; different seeds, different output. */
class DeterminismTest {

    private static void assertSameJets(List<FlavourJet> a, List<FlavourJet> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            FlavourJet x = a.get(i);
            FlavourJet y = b.get(i);
            assertEquals(x.event(), y.event());
            assertEquals(x.pt(), y.pt());
            assertEquals(x.flavour(), y.flavour());
            assertArrayEquals(x.cPt(), y.cPt());
            assertArrayEquals(x.cD0(), y.cD0());
            assertArrayEquals(x.cDz(), y.cDz());
            assertArrayEquals(x.cClass(), y.cClass());
        }
    }

    @Test
    void flavourJetsAreIdenticalWithOneAndTwoThreads() {
        FlavourJets fj = new FlavourJets(GeneratorSettings.nominal(), 0.4);
        List<FlavourJet> one = fj.generate(42, 100, 300, 1);
        List<FlavourJet> two = fj.generate(42, 100, 300, 2);
        assertSameJets(one, two);
        // a sub-range reproduces the same events: streams depend on (seed, event index) only
        List<FlavourJet> tail = fj.generate(42, 250, 150, 2);
        assertSameJets(one.stream().filter(j -> j.event() >= 250).toList(), tail);
        List<FlavourJet> other = fj.generate(43, 100, 300, 2);
        assertNotEquals(one.get(0).pt(), other.get(0).pt());
    }

    @Test
    void pileupEventsAndPoolsAreReproducible() {
        GeneratorSettings s = GeneratorSettings.nominal().with("pileup.mu", "20");
        Generator g = new Generator(s);
        List<TruthEvent> a = EventLoop.run(7, 0, 20, 1, (i, r) -> g.ttbarEvent(r, true));
        List<TruthEvent> b = EventLoop.run(7, 0, 20, 2, (i, r) -> g.ttbarEvent(r, true));
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).px(), b.get(i).px());
            assertArrayEquals(a.get(i).interaction(), b.get(i).interaction());
            assertArrayEquals(a.get(i).interactionZ(), b.get(i).interactionZ());
        }
        MinBiasPool p1 = MinBiasPool.generate(s, 9, 0, 50, 1);
        MinBiasPool p2 = MinBiasPool.generate(s, 9, 0, 50, 2);
        assertArrayEquals(p1.pt(), p2.pt());
        assertArrayEquals(p1.offsets(), p2.offsets());
    }

    @Test
    void eventLoopRejectsBadArguments() {
        assertEquals("threads must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> EventLoop.run(1, 0, 5, 0, (i, r) -> i)).getMessage());
        assertEquals("event count must be >= 0, got -1", assertThrows(IllegalArgumentException.class,
                () -> EventLoop.run(1, 0, -1, 1, (i, r) -> i)).getMessage());
    }
}
