package io.tickerpress.pipeline;

import java.nio.file.Path;
import java.time.Instant;

/**
 * What to build and how.
 *
 * @param source folder holding {@code content/} and optionally {@code templates/}
 * @param output folder the site is written to (replaced as a whole on success)
 * @param baseUrl overrides site.yaml's baseUrl when not null
 * @param now the build's clock, which decides what counts as a future article
 * @param cacheDir where rendered charts and the page manifest are kept across builds (null: no cache)
 * @param clean ignore the previous build and render every page
 * @param inPlace update the output folder file by file instead of swapping in a new one (preview server only)
 * @param temporary an output no later build starts from ({@code check}'s): it gets no spare folder for one
 */
public record BuildOptions(Path source, Path output, boolean drafts, boolean future, String baseUrl, Instant now,
                           Path cacheDir, boolean clean, boolean inPlace, boolean temporary) {
    public BuildOptions(Path source, Path output, boolean drafts, boolean future, String baseUrl, Instant now,
                        Path cacheDir, boolean clean) {
        this(source, output, drafts, future, baseUrl, now, cacheDir, clean, false, false);
    }

    public BuildOptions withTemporary(boolean t) {
        return new BuildOptions(source, output, drafts, future, baseUrl, now, cacheDir, clean, inPlace, t);
    }

    public BuildOptions withInPlace(boolean p) {
        return new BuildOptions(source, output, drafts, future, baseUrl, now, cacheDir, clean, p, temporary);
    }

    public static final String CACHE_DIR = ".tickerpress-cache";

    public static BuildOptions of(Path source, Path output) {
        return new BuildOptions(source, output, false, false, null, Instant.now(), source.resolve(CACHE_DIR), false);
    }

    public BuildOptions withCacheDir(Path dir) {
        return new BuildOptions(source, output, drafts, future, baseUrl, now, dir, clean, inPlace, temporary);
    }

    public BuildOptions withNow(Instant instant) {
        return new BuildOptions(source, output, drafts, future, baseUrl, instant, cacheDir, clean, inPlace, temporary);
    }

    public BuildOptions withDrafts(boolean d) {
        return new BuildOptions(source, output, d, future, baseUrl, now, cacheDir, clean, inPlace, temporary);
    }

    public BuildOptions withFuture(boolean f) {
        return new BuildOptions(source, output, drafts, f, baseUrl, now, cacheDir, clean, inPlace, temporary);
    }

    public BuildOptions withBaseUrl(String url) {
        return new BuildOptions(source, output, drafts, future, url, now, cacheDir, clean, inPlace, temporary);
    }

    public BuildOptions withClean(boolean c) {
        return new BuildOptions(source, output, drafts, future, baseUrl, now, cacheDir, c, inPlace, temporary);
    }

    public BuildOptions withOutput(Path o) {
        return new BuildOptions(source, o, drafts, future, baseUrl, now, cacheDir, clean, inPlace, temporary);
    }
}
