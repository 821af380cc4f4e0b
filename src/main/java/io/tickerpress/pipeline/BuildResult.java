package io.tickerpress.pipeline;

import java.util.List;

/**
 * What a successful build did: HTML pages (rendered, or reused from the previous build because nothing they
 * show changed), all files written, warnings to show, how long it took, and how many distinct charts were
 * rendered or taken from the cache; how many input files were parsed (not taken from a cache), and whether
 * nothing had changed since the last build (then nothing was loaded, rendered or published).
 */
public record BuildResult(int pages, int files, int articles, List<String> warnings, long millis, int chartsRendered,
                          int chartsReused, int pagesRendered, int pagesReused, long chartMillis,
                          java.util.Map<String, Long> stageMillis, int inputsParsed, boolean nothingChanged) {
    public BuildResult {
        warnings = List.copyOf(warnings);
        stageMillis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stageMillis));
    }

    /** This result with other warnings. */
    public BuildResult withWarnings(List<String> warnings) {
        return new BuildResult(pages, files, articles, warnings, millis, chartsRendered, chartsReused, pagesRendered,
                pagesReused, chartMillis, stageMillis, inputsParsed, nothingChanged);
    }
}
