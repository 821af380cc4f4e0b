package io.tickerpress.pipeline;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;

/**
 * Runs page work in parallel on a pool of its own, one thread per core (the common pool has one thread fewer
 * than there are cores).
 */
final class Workers implements AutoCloseable {
    private final ForkJoinPool pool;

    Workers(int threads) {
        pool = new ForkJoinPool(threads);
    }

    static Workers forThisMachine() {
        return new Workers(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    /** Runs {@code action} on every item; the first failure is rethrown as it was. */
    <T> void each(List<T> items, Consumer<T> action) {
        try {
            pool.submit(() -> items.parallelStream().forEach(action)).get();
        } catch (ExecutionException | InterruptedException e) {
            throw io.tickerpress.load.Parallel.unwrap(e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
