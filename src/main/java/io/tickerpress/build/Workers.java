package io.tickerpress.build;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;

/**
 * Runs page work in parallel on more threads than cores: writing a page is mostly waiting on the file system
 * (mkdir, open), so extra threads keep the cores busy rendering while others wait.
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
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
