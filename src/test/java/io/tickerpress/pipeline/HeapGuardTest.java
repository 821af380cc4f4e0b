package io.tickerpress.pipeline;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The verdict on a history of collections: the heap counts as exhausted only after a full collection that leaves
 * it more than 95% in use, when collections took more than 90% of the last 10 s. A heap of 100 MB keeps the
 * arithmetic in round numbers.
 */
class HeapGuardTest {
    private static final long MB = 1_000_000;

    /** Collections of {@code gcMillis} starting every second from 0 to {@code seconds}; the first verdict or null. */
    private static String firstVerdict(long gcMillis, boolean full, long usedAfter, int seconds) {
        HeapGuard.GcHistory history = new HeapGuard.GcHistory(100 * MB);
        for (int k = 0; k <= seconds; k++) {
            String verdict = history.add(k * 1000L, k * 1000L + gcMillis, full, usedAfter);
            if (verdict != null) return "at " + (k * 1000L + gcMillis) + " ms: " + verdict;
        }
        return null;
    }

    @Test
    void fullCollectionsBackToBackOnAFullHeapAreExhaustion() {
        // 950 ms of every second collecting. The first collection to end 10 s after the JVM started ends at
        // 10,950 ms: its window is 950..10,950 ms, which holds the collections of seconds 1 to 10 whole (the one of
        // second 0 ended at 950, the window's edge) = 10 x 950 = 9,500 ms of 10,000 = 95% > 90%; 96 MB of 100 = 96%.
        assertEquals("at 10950 ms: 95% of the last 10 s spent collecting garbage, and 96% of the heap still in use"
                + " after a full collection", firstVerdict(950, true, 96 * MB, 30));
    }

    @Test
    void aHeapNoFullerThan95PercentIsNeverExhaustion() {
        // 95 MB of 100 is 95%, not more: however long the collections take.
        assertNull(firstVerdict(990, true, 95 * MB, 60));
    }

    @Test
    void collectingNoMoreThan90PercentOfTheTimeIsNeverExhaustion() {
        // 900 ms of every second: every 10 s window holds 9,000 ms = 90%, not more. The build still moves.
        assertNull(firstVerdict(900, true, 99 * MB, 60));
    }

    @Test
    void youngCollectionsAloneAreNeverExhaustion() {
        // Only a full collection says how much the heap keeps; young ones, however many, give no verdict.
        assertNull(firstVerdict(990, false, 99 * MB, 60));
    }

    @Test
    void youngCollectionsCountInTheTimeSpentCollecting() {
        HeapGuard.GcHistory history = new HeapGuard.GcHistory(100 * MB);
        // 10 s of young collections, 960 ms of each second (0..9 s), then one full collection 10,000..10,900 ms:
        // window 900..10,900 holds seconds 1..9 whole (9 x 960 = 8,640) and the second 0 one for 60 ms
        // (900..960), plus the full one's 900 = 9,600 ms = 96%.
        for (int k = 0; k < 10; k++) assertNull(history.add(k * 1000L, k * 1000L + 960, false, 99 * MB));
        assertEquals("96% of the last 10 s spent collecting garbage, and 97% of the heap still in use after a full"
                + " collection", history.add(10_000, 10_900, true, 97 * MB));
    }

    @Test
    void aFullOldGenerationIsExhaustionThoughTheHeapIsNot() {
        HeapGuard.GcHistory history = new HeapGuard.GcHistory(100 * MB);
        // A heap of 100 MB with an old generation of 80 MB, full (79.99 MB) after every full collection, and an empty
        // young one: the heap as a whole is 80% in use, below 95%, yet every collection is a full one. Seconds 0..10,
        // 950 ms each: as in the first test, the one ending at 10,950 ms sees 95% of its window collecting; the old
        // generation is 79.99 / 80 = 99.98% in use, printed as 99%.
        String verdict = null;
        for (int k = 0; k <= 10 && verdict == null; k++) {
            verdict = history.add(k * 1000L, k * 1000L + 950, true, 79_990_000, 79_990_000, 80 * MB);
        }
        assertEquals("95% of the last 10 s spent collecting garbage, and 99% of the heap's old generation (its long-lived"
                + " objects) still in use after a full collection", verdict);
        // The same collections with the old generation at 76 of 80 MB (95%, not more): no verdict.
        HeapGuard.GcHistory roomy = new HeapGuard.GcHistory(100 * MB);
        for (int k = 0; k <= 30; k++) assertNull(roomy.add(k * 1000L, k * 1000L + 990, true, 76 * MB, 76 * MB, 80 * MB));
    }

    @Test
    void noVerdictBeforeTheJvmHasRunAWholeWindow() {
        HeapGuard.GcHistory history = new HeapGuard.GcHistory(100 * MB);
        // Ends at 9,999 ms: less than a window of history, however it looks.
        assertNull(history.add(0, 9_999, true, 99 * MB));
    }
}
