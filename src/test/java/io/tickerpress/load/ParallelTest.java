package io.tickerpress.load;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParallelTest {
    private static List<Integer> upTo(int n) {
        List<Integer> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) items.add(i);
        return items;
    }

    @Test
    void resultsComeInInputOrderPastTheWindow() {
        int n = Parallel.WINDOW * 5 + 3;
        List<Long> squares = Parallel.map(upTo(n), i -> (long) i * i);
        assertEquals(n, squares.size());
        for (int i = 0; i < n; i++) assertEquals((long) i * i, squares.get(i), "item " + i);
    }

    @Test
    void theFirstFailureInInputOrderIsRethrownAsItWas() {
        int n = Parallel.WINDOW * 3;
        IllegalArgumentException first = new IllegalArgumentException("item 700");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> Parallel.map(upTo(n), i -> {
            if (i == 700) throw first;
            if (i > 700 && i % 50 == 0) throw new IllegalStateException("later item " + i);
            return i;
        }));
        assertSame(first, thrown);
    }

    @Test
    void atMostAWindowOfItemsStartsWhileTheFirstIsUnfinished() throws Exception {
        Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "one core: items are mapped in turn");
        // While item 0 is held, the results cannot be taken in order, so no more than WINDOW items may be queued:
        // items 1 .. WINDOW-1 start, item WINDOW does not. Queuing them all (what the map did before) starts all 20.
        int n = Parallel.WINDOW * 20;
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        Thread mapper = new Thread(() -> Parallel.map(upTo(n), i -> {
            started.incrementAndGet();
            if (i == 0) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return i;
        }));
        mapper.start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (started.get() < Parallel.WINDOW && System.nanoTime() < until) Thread.sleep(20);
        Thread.sleep(500); // time for more items to start, were more queued
        int whileHeld = started.get();
        release.countDown();
        mapper.join(30_000);
        assertTrue(whileHeld <= Parallel.WINDOW, whileHeld + " items started while the first was unfinished");
        assertEquals(n, started.get());
    }
}
