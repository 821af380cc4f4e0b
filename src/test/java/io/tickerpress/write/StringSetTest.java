package io.tickerpress.write;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compact set of paths holds exactly what was added, from several threads at once, as it grows. */
class StringSetTest {
    @Test
    void holdsWhatFourThreadsAddedAndNothingElse() throws Exception {
        StringSet set = new StringSet(1); // grows from 16 slots to 65,536 or more
        int perThread = 10_000;
        // Paths whose hash codes collide: "Aa" and "BB" have the same hash, so every name below shares its hash
        // with another made of the other pair.
        Thread[] threads = new Thread[4];
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < threads.length; t++) {
            int from = t * perThread;
            threads[t] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new RuntimeException(e);
                }
                for (int i = from; i < from + perThread; i++) {
                    set.add("news/" + (i % 2 == 0 ? "Aa" : "BB") + i / 2 + "/index.html");
                }
            });
            threads[t].start();
        }
        start.countDown();
        for (Thread t : threads) t.join();
        // A second computation of the same names: 40,000 i's, but i and i+1 differ only by Aa/BB, never equal.
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 4 * perThread; i++) expected.add("news/" + (i % 2 == 0 ? "Aa" : "BB") + i / 2 + "/index.html");
        assertEquals(40_000, expected.size());
        assertEquals(expected.size(), set.size());
        assertEquals(expected, new HashSet<>(set), "iteration gives every string once");
        for (String s : expected) assertTrue(set.contains(s), s);
        assertFalse(set.contains("news/Aa0/index.htm"));
        assertFalse(set.contains(42));
        assertFalse(set.add("news/Aa0/index.html"), "already there");
        assertEquals(40_000, set.size());
    }
}
