package io.tickerpress.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Maps a list in parallel on a fixed pool, one thread per core. (CompletableFuture's default executor starts a
 * new thread per task on a 2-core machine, which costs more than the parsing it spreads.)
 */
public final class Parallel {
    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS, r -> {
        Thread t = new Thread(r, "tickerpress-load");
        t.setDaemon(true);
        return t;
    });

    private Parallel() {
    }

    /** Results in input order; the first failure in that order is rethrown as it was. */
    public static <T, R> List<R> map(List<T> items, Function<T, R> f) {
        if (items.size() < 2 || THREADS == 1) {
            List<R> out = new ArrayList<>(items.size());
            for (T t : items) out.add(f.apply(t));
            return out;
        }
        // At most WINDOW tasks queued at a time: a task, its future and its queue node cost about 80 bytes, which
        // for a million files would be 80 MB held while the results themselves grow.
        java.util.ArrayDeque<Future<R>> pending = new java.util.ArrayDeque<>(WINDOW);
        List<R> out = new ArrayList<>(items.size());
        int next = 0;
        while (next < items.size() || !pending.isEmpty()) {
            while (next < items.size() && pending.size() < WINDOW) {
                T t = items.get(next++);
                pending.add(POOL.submit(() -> f.apply(t)));
            }
            try {
                out.add(pending.peek().get());
                pending.poll();
            } catch (ExecutionException | InterruptedException e) {
                pending.forEach(x -> x.cancel(false));
                throw unwrap(e);
            }
        }
        return out;
    }

    /** Tasks in flight at most: enough that no thread waits for the next one to be queued. */
    static final int WINDOW = 256 * THREADS;

    /** The task's own exception, as it was thrown, from a failed or interrupted wait for it. */
    public static RuntimeException unwrap(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new IllegalStateException(e);
        }
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException re) return re;
        if (cause instanceof Error err) throw err;
        return new IllegalStateException(cause);
    }
}
