package io.tickerpress.pipeline;

import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.OutOfMemory;

/**
 * The record keeping a build does once its site is published (the page manifest, the search memo, the article
 * order, the last-build record): what makes the next build quick, not part of the site. The site is out by then, so
 * running out of memory there must not turn the build into a failed one (whose message says the previous site was
 * left as it was, which would be false): the build succeeds with a warning that says so and how to raise the heap,
 * and what was not recorded is simply missing, so the next build renders every page (each record was removed
 * before publishing and is written whole or not at all). Anything else that goes wrong there is a bug and is thrown.
 */
final class AfterPublishing {
    private final Diagnostics diagnostics;
    private boolean stopped;

    AfterPublishing(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Runs one step of the record keeping, unless an earlier one ran out of memory. */
    void record(Runnable step) {
        if (stopped) return;
        try {
            step.run();
        } catch (RuntimeException | Error e) {
            OutOfMemoryError oom = OutOfMemory.find(e);
            if (oom == null) throw e;
            OutOfMemory.free();
            stopped = true;
            diagnostics.warnAbout("memory", "the site was published, but its records for the next build were not all"
                    + " saved, so the next build renders every page. " + OutOfMemory.message("TickerPress", oom));
        }
    }

    /** Whether every step ran. */
    boolean complete() {
        return !stopped;
    }
}
