package io.tickerpress.pipeline;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs page work in parallel on a pool of its own, one thread per core (the common pool has one thread fewer
 * than there are cores).
 */
final class Workers implements AutoCloseable {
    private final ForkJoinPool pool;
    private volatile boolean failed;

    Workers(int threads) {
        pool = new ForkJoinPool(threads);
    }

    static Workers forThisMachine() {
        return new Workers(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Runs {@code action} on every item; the first failure is rethrown as it was, and items not started yet are
     * skipped once any item has failed.
     */
    <T> void each(List<T> items, Consumer<T> action) {
        try {
            pool.submit(() -> items.parallelStream().forEach(item -> {
                if (failed) return;
                try {
                    action.accept(item);
                } catch (RuntimeException | Error e) {
                    failed = true;
                    throw e;
                }
            })).get();
        } catch (ExecutionException | InterruptedException e) {
            throw io.tickerpress.load.Parallel.unwrap(e);
        }
    }

    /**
     * Runs a task on this pool, so that the parallel streams inside it run on the pool too, and stop with it
     * when the build fails.
     */
    <T> T call(java.util.function.Supplier<T> task) {
        try {
            return pool.submit(task::get).get();
        } catch (ExecutionException | InterruptedException e) {
            throw io.tickerpress.load.Parallel.unwrap(e);
        }
    }

    /**
     * Starts a task on this pool beside the page work (it takes a worker while it runs); {@link #join} waits for
     * it. A failure stops the page work too, and {@code join} rethrows it as it was.
     */
    java.util.concurrent.Future<?> start(Runnable task) {
        return pool.submit(() -> {
            if (failed) return;
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                failed = true;
                throw e;
            }
        });
    }

    static void join(java.util.concurrent.Future<?> task) {
        try {
            task.get();
        } catch (ExecutionException | InterruptedException e) {
            throw io.tickerpress.load.Parallel.unwrap(e);
        }
    }

    /**
     * Stops the workers and waits until none is running, so that a failed build removes its staging folder
     * only after the last write into it: a task still running finishes its current item.
     */
    @Override
    public void close() {
        failed = true;
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("page workers did not stop within 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
