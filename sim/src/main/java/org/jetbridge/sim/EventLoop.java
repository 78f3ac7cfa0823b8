package org.jetbridge.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs an event function over a range of event indices on several threads and returns the results in event
 * order. Every event draws from its own {@link RandomStream#forEvent} stream, so the output is identical
 * whatever the number of threads.
 */
public final class EventLoop {

    /** Generates one event from its index and its private random stream. */
    @FunctionalInterface
    public interface EventFunction<T> {
        T generate(long eventIndex, RandomStream rng);
    }

    private EventLoop() {
    }

    /**
     * Events {@code first … first+count−1} of the run with {@code seed}, computed on {@code threads} threads
     * (1 = the calling thread), in event order.
     */
    public static <T> List<T> run(long seed, long first, int count, int threads, EventFunction<T> f) {
        if (count < 0) {
            throw new IllegalArgumentException("event count must be >= 0, got " + count);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        Object[] out = new Object[count];
        if (threads == 1 || count < 2) {
            for (int i = 0; i < count; i++) {
                out[i] = f.generate(first + i, RandomStream.forEvent(seed, first + i));
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "jetbridge-sim");
                t.setDaemon(true);
                return t;
            });
            try {
                int chunk = Math.max(1, Math.min(256, count / (threads * 8)));
                List<Future<?>> fs = new ArrayList<>();
                for (int start = 0; start < count; start += chunk) {
                    int s = start;
                    int e = Math.min(count, start + chunk);
                    fs.add(pool.submit(() -> {
                        for (int i = s; i < e; i++) {
                            out[i] = f.generate(first + i, RandomStream.forEvent(seed, first + i));
                        }
                    }));
                }
                for (Future<?> fu : fs) {
                    fu.get();
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("event generation interrupted", ex);
            } catch (ExecutionException ex) {
                Throwable c = ex.getCause();
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(c);
            } finally {
                pool.shutdownNow();
            }
        }
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) Arrays.asList(out);
        return list;
    }
}
