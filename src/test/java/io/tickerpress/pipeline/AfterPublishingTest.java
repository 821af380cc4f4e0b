package io.tickerpress.pipeline;

import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.OutOfMemory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The record keeping after a build has published: a 1,000,000-article build ran out of memory there (making the
 * article order's lists) and reported "Build failed; the previous site ... was left as it was" with exit 1, while
 * its new site was already out. Running out of memory there is now a warning; the steps after it are skipped.
 * The out-of-memory errors here are real: an array larger than any Java heap may hold.
 */
class AfterPublishingTest {
    @AfterEach
    void putTheReserveBack() {
        OutOfMemory.reserve();
    }

    /** Each test's own (JUnit makes a new instance for each): the steps, their warnings, and the steps that ran. */
    private final Diagnostics diagnostics = new Diagnostics();
    private final AfterPublishing records = new AfterPublishing(diagnostics);
    private final List<String> ran = new ArrayList<>();

    private static void runOutOfMemory() {
        long[] tooLarge = new long[Integer.MAX_VALUE]; // "Requested array size exceeds VM limit"
        tooLarge[0] = 1;
    }

    @Test
    void runningOutOfMemoryIsAWarningAndTheStepsAfterItAreSkipped() {
        records.record(() -> ran.add("manifest"));
        records.record(() -> {
            ran.add("order");
            runOutOfMemory();
        });
        records.record(() -> ran.add("last build"));
        assertEquals(List.of("manifest", "order"), ran, "nothing is recorded after the step that ran out of memory");
        assertFalse(records.complete());
        assertEquals(1, diagnostics.warnings().size());
        String warning = diagnostics.warnings().get(0);
        assertTrue(warning.contains("the site was published"), warning);
        assertTrue(warning.contains("the next build renders every page"), warning);
        assertTrue(warning.contains("TICKERPRESS_JAVA_OPTS"), "says how to raise the heap: " + warning);
    }

    @Test
    void anOutOfMemoryErrorWrappedByAWorkerIsFoundToo() {
        records.record(() -> {
            try {
                runOutOfMemory();
            } catch (OutOfMemoryError e) {
                throw new CompletionException(e);
            }
        });
        assertFalse(records.complete());
        assertEquals(1, diagnostics.warnings().size());
    }

    @Test
    void everyStepRunsWhenNoneFails() {
        records.record(() -> ran.add("a"));
        records.record(() -> ran.add("b"));
        assertEquals(List.of("a", "b"), ran);
        assertTrue(records.complete());
        assertTrue(diagnostics.warnings().isEmpty());
    }

    @Test
    void anythingElseIsABugAndIsThrown() {
        IllegalStateException bug = new IllegalStateException("a bug");
        assertSame(bug, assertThrows(IllegalStateException.class, () -> records.record(() -> {
            throw bug;
        })));
    }
}
