package org.jetbridge.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.jetbridge.core.Event;
import org.jetbridge.core.Particle;
import org.jetbridge.sim.EventLoop;
import org.jetbridge.sim.Generator;
import org.jetbridge.sim.GeneratorSettings;
import org.jetbridge.sim.Species;
import org.jetbridge.sim.TruthEvent;

/**
 * Testbed events as core {@link Event}s at particle level: every stable visible particle of the bunch crossing
 * (neutrinos left out) with its PDG id, charge and vertex = interaction index (0 hard scatter, k ≥ 1 the k-th
 * pile-up interaction). Generated in chunks on several threads; the sequence depends only on the seed.
 */
final class GeneratedEvents implements EventInputOptions.Events {
    /** Events per parallel chunk. */
    static final int CHUNK = 256;

    private final EventLoop.EventFunction<Event> function;
    private final long seed;
    private final long events;
    private final int threads;
    private List<Event> chunk = List.of();
    private int inChunk;
    private long next;

    /** Process ttbar, flavour or minbias; pile-up from the settings' pileup group when {@code pileup}. */
    GeneratedEvents(String process, GeneratorSettings settings, boolean pileup, long seed, long events, int threads) {
        Generator g = new Generator(settings);
        this.function = switch (process) {
            case "ttbar" -> (i, rng) -> toEvent(g.ttbarEvent(rng, pileup));
            case "flavour" -> (i, rng) -> toEvent(g.flavourEvent(rng, pileup));
            case "minbias" -> (i, rng) -> toEvent(g.minBiasEvent(rng));
            default -> throw new IllegalArgumentException("unknown process '" + process + "'");
        };
        this.seed = seed;
        this.events = events;
        this.threads = threads;
    }

    /** The particle-level event of a truth record. */
    static Event toEvent(TruthEvent t) {
        List<Particle> ps = new ArrayList<>(t.size());
        for (int i = 0; i < t.size(); i++) {
            if (!Species.isNeutrino(t.pdg()[i])) {
                ps.add(new Particle(t.momentum(i), t.pdg()[i], t.charge()[i], t.interaction()[i]));
            }
        }
        return new Event(ps);
    }

    @Override
    public boolean hasNext() {
        return next < events;
    }

    @Override
    public Event next() {
        if (!hasNext()) {
            throw new NoSuchElementException("all " + events + " generated events were read");
        }
        if (inChunk == chunk.size()) {
            int n = (int) Math.min(CHUNK, events - next);
            chunk = EventLoop.run(seed, next, n, threads, function);
            inChunk = 0;
        }
        next++;
        return chunk.get(inChunk++);
    }

    @Override
    public void close() {
        // nothing to release: generation holds no files
    }
}
