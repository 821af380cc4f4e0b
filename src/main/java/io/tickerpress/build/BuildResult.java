package io.tickerpress.build;

import java.util.List;

/** What a successful build did: pages and files written, warnings to show, and how long it took. */
public record BuildResult(int pages, int files, int articles, List<String> warnings, long millis) {
    public BuildResult {
        warnings = List.copyOf(warnings);
    }
}
