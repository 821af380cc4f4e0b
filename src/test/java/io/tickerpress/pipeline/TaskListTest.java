package io.tickerpress.pipeline;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Tasks are made from their sources in order, one per item, only when asked for. */
class TaskListTest {
    @Test
    void givesATaskPerItemInTheOrderTheSourcesWereAdded() {
        List<String> ran = new ArrayList<>();
        AtomicInteger made = new AtomicInteger();
        TaskList tasks = new TaskList()
                .addFor(List.of("a1", "a2", "a3"), s -> {
                    made.incrementAndGet();
                    return () -> ran.add(s);
                })
                .addFor(List.<String>of(), s -> () -> ran.add("never"))   // an empty source adds nothing
                .addTask(() -> ran.add("one"))
                .addFor(List.of(10, 20), n -> () -> ran.add("n" + n));
        assertEquals(0, made.get(), "nothing is made when sources are added");
        assertEquals(6, tasks.size()); // 3 + 0 + 1 + 2
        tasks.get(5).run();  // the last source's second item
        tasks.get(3).run();  // the single task
        tasks.get(0).run();
        tasks.get(2).run();  // the first source's last item
        tasks.get(4).run();
        assertEquals(List.of("n20", "one", "a1", "a3", "n10"), ran);
        assertEquals(2, made.get(), "only the tasks asked for were made");
        assertThrows(IndexOutOfBoundsException.class, () -> tasks.get(6));
        assertThrows(IndexOutOfBoundsException.class, () -> tasks.get(-1));
    }

    @Test
    void runsEveryTaskOnceOnTheWorkers() {
        // 9 sources of 0..8 items: 36 tasks in all; each adds its value once.
        TaskList tasks = new TaskList();
        for (int n = 0; n < 9; n++) {
            List<Integer> items = new ArrayList<>();
            for (int i = 0; i < n; i++) items.add(n * 100 + i);
            tasks.addFor(items, v -> () -> {
            });
        }
        assertEquals(36, tasks.size());
        AtomicInteger sum = new AtomicInteger();
        TaskList counted = new TaskList();
        for (int n = 0; n < 9; n++) counted.addFor(java.util.Collections.nCopies(n, n), v -> () -> sum.addAndGet(v));
        try (Workers workers = new Workers(2)) {
            workers.each(counted, Runnable::run);
        }
        // Sum over n of n * n for n = 0..8: 0+1+4+9+16+25+36+49+64 = 204.
        assertEquals(204, sum.get());
    }
}
