package io.tickerpress.pipeline;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Ends a build whose heap is too small for it, instead of letting it collect garbage for minutes. With the serial
 * collector the launcher uses, a heap a little too small does not fail at once: every full collection frees just
 * enough for the next few pages, so the build goes on at a tenth of its speed or less, for minutes, before any
 * {@link OutOfMemoryError} (the JVM's own "GC overhead limit" is not implemented for the serial collector). This
 * watches the collections and calls the heap exhausted when, after a full collection, the heap (or its old generation,
 * which can be full while the young one is empty) is still more than {@value #FULL_PERCENT}% in use and collections took more than {@value #GC_PERCENT}% of the wall time over the last
 * {@value #WINDOW_MILLIS} ms. The build then fails at its next page or file ({@link #check()}) with an
 * {@link OutOfMemoryError}, which says what any out-of-memory failure says: how to give the heap more.
 *
 * <p>Only the build's own steps call {@link #check()}, all before the new site is published: a build that is
 * publishing or has published is never stopped by it.
 */
public final class HeapGuard {
    /** Heap in use after a full collection, in percent of the maximum heap, above which the heap counts as full. */
    static final int FULL_PERCENT = 95;
    /** Share of the wall time spent collecting, in percent, above which the build counts as not moving. */
    static final int GC_PERCENT = 90;
    /** The span over which that share is measured. */
    static final long WINDOW_MILLIS = 10_000;

    /**
     * For tests only: "FULL,GC,WINDOW" (percent, percent, ms) instead of the limits above, so that a test can make a
     * small site's thrashing end within seconds.
     */
    static final String LIMITS_PROPERTY = "tickerpress.heapGuardLimits";

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    private static final GcHistory HISTORY = GcHistory.of(System.getProperty(LIMITS_PROPERTY));
    /**
     * The error a build fails with once the heap counts as exhausted, or null while it does not. Made when the
     * verdict is, after a collection: made at the failing page, on a heap with no room, it might not get its message.
     */
    private static volatile OutOfMemoryError exhausted;

    private HeapGuard() {
    }

    /**
     * Starts watching (once per process, on a thread of its own: loading the management classes takes some 30 ms,
     * which the build need not wait for) and forgets an earlier build's verdict: called when a full build starts.
     */
    static void watch() {
        exhausted = null;
        if (INSTALLED.compareAndSet(false, true)) {
            Thread t = new Thread(HeapGuard::install, "tickerpress-heap-guard");
            t.setDaemon(true);
            t.start();
        }
    }

    /** Throws {@link OutOfMemoryError} when the heap counts as exhausted since the build started. */
    static void check() {
        OutOfMemoryError e = exhausted;
        if (e != null) throw e;
    }

    private static void install() {
        try {
            Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
            // The old generation ("Tenured Gen" of the serial collector, "PS Old Gen", "G1 Old Gen"): it can be full
            // while the young one is empty, so that every collection is a full one with the heap as a whole at 70%.
            String oldPool = heapPools.stream().filter(n -> n.contains("Old") || n.contains("Tenured")).findFirst()
                    .orElse(null);
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (!(gc instanceof NotificationEmitter emitter)) continue;
                emitter.addNotificationListener((notification, handback) -> {
                    if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                        return;
                    }
                    GarbageCollectionNotificationInfo info =
                            GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    GcInfo gcInfo = info.getGcInfo();
                    long used = 0;
                    MemoryUsage old = null;
                    for (Map.Entry<String, MemoryUsage> pool : gcInfo.getMemoryUsageAfterGc().entrySet()) {
                        if (heapPools.contains(pool.getKey())) used += pool.getValue().getUsed();
                        if (pool.getKey().equals(oldPool)) old = pool.getValue();
                    }
                    String verdict = HISTORY.add(gcInfo.getStartTime(), gcInfo.getEndTime(),
                            info.getGcAction().contains("major"), used, old == null ? 0 : old.getUsed(),
                            old == null ? -1 : old.getMax());
                    if (verdict != null && exhausted == null) exhausted = new OutOfMemoryError(verdict);
                }, null, null);
            }
        } catch (RuntimeException | LinkageError e) {
            // A JVM without these management interfaces: builds run unguarded, as they did before.
        }
    }

    /** The recent collections of one process and the verdict on them. */
    static final class GcHistory {
        private final long maxHeap;
        private final int fullPercent;
        private final int gcPercent;
        private final long windowMillis;
        /** Start and end (ms since the JVM started) of the collections that ended in the last window, oldest first. */
        private final ArrayDeque<long[]> recent = new ArrayDeque<>();

        GcHistory(long maxHeap) {
            this(maxHeap, FULL_PERCENT, GC_PERCENT, WINDOW_MILLIS);
        }

        GcHistory(long maxHeap, int fullPercent, int gcPercent, long windowMillis) {
            this.maxHeap = maxHeap;
            this.fullPercent = fullPercent;
            this.gcPercent = gcPercent;
            this.windowMillis = windowMillis;
        }

        /** This JVM's history, with the limits {@code limits} ("FULL,GC,WINDOW") names, or the usual ones when null. */
        static GcHistory of(String limits) {
            long max = Runtime.getRuntime().maxMemory();
            if (limits == null) return new GcHistory(max);
            String[] l = limits.split(",");
            return new GcHistory(max, Integer.parseInt(l[0].trim()), Integer.parseInt(l[1].trim()),
                    Long.parseLong(l[2].trim()));
        }

        /**
         * Records a collection; returns why the heap counts as exhausted after it, or null.
         *
         * @param start     when it started, in ms since the JVM started
         * @param end       when it ended, likewise
         * @param full      whether it was a full (major) collection
         * @param usedAfter bytes of heap in use after it
         */
        synchronized String add(long start, long end, boolean full, long usedAfter) {
            return add(start, end, full, usedAfter, 0, -1);
        }

        /**
         * The same, with the old generation's use after it too: the heap also counts as full when that is more than
         * the limit's share of the old generation's maximum.
         *
         * @param oldUsed bytes of the old generation in use after the collection
         * @param oldMax  the old generation's maximum, or -1 when not known (then only the whole heap counts)
         */
        synchronized String add(long start, long end, boolean full, long usedAfter, long oldUsed, long oldMax) {
            recent.addLast(new long[]{start, end});
            long from = end - windowMillis;
            while (!recent.isEmpty() && recent.peekFirst()[1] <= from) recent.removeFirst();
            boolean heapFull = usedAfter * 100 > maxHeap * fullPercent;
            boolean oldFull = oldMax > 0 && oldUsed * 100 > oldMax * fullPercent;
            if (!full || from < 0 || !(heapFull || oldFull)) return null;
            long collecting = 0;
            for (long[] c : recent) collecting += c[1] - Math.max(c[0], from);
            if (collecting * 100 <= windowMillis * gcPercent) return null;
            String kept = heapFull ? usedAfter * 100 / maxHeap + "% of the heap"
                    : oldUsed * 100 / oldMax + "% of the heap's old generation (its long-lived objects)";
            return String.format(Locale.ROOT, "%d%% of the last %s s spent collecting garbage, and %s still"
                            + " in use after a full collection", collecting * 100 / windowMillis,
                    windowMillis % 1000 == 0 ? String.valueOf(windowMillis / 1000)
                            : String.format(Locale.ROOT, "%.1f", windowMillis / 1000.0), kept);
        }
    }
}
