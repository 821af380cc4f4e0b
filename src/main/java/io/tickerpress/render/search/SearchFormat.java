package io.tickerpress.render.search;

import java.util.Locale;

/**
 * Where the search index lives in the output and how big its parts are (README, "Search"):
 * <ul>
 *   <li>{@value #MANIFEST}: the small file the search page reads first (format, version folder, document
 *       count, the first key of each shard, the filter choices and the months);
 *   <li>{@code search/VERSION/tN.bin}: shard N of the postings, terms in sorted order, about
 *       {@value #SHARD_BYTES} bytes each (a term bigger than that has a shard of its own);
 *   <li>{@code search/VERSION/dK.json}: the metadata of documents {@code K*CHUNK_DOCS} to
 *       {@code (K+1)*CHUNK_DOCS - 1} (newest first), fetched for the results on screen.
 * </ul>
 * VERSION is a hash of the index content, so a changed index gets a new folder: a deploy uploads it before the
 * manifest that names it, and a reader's cached shard is never stale.
 */
public final class SearchFormat {
    public static final int FORMAT = 1;
    public static final String MANIFEST = "search/manifest.json";
    /**
     * Shards close before they would pass this size: a query of two words, the last one a prefix, fetches at
     * most three shards (24 KiB), which leaves half of a later query's 50 KB for its page of results.
     */
    public static final int SHARD_BYTES = 8 * 1024;
    /** Documents per metadata chunk, and results per page: a page of results fetches at most ten chunks. */
    public static final int CHUNK_DOCS = 10;
    private static final java.util.regex.Pattern VERSIONED = java.util.regex.Pattern.compile("search/[0-9a-f]{12}/[^/]+");

    private SearchFormat() {
    }

    /** Whether a site path is inside a version folder (named by a hash of its content, so never changed). */
    public static boolean versioned(String sitePath) {
        return VERSIONED.matcher(sitePath).matches();
    }

    public static String shard(String version, int n) {
        return String.format(Locale.ROOT, "search/%s/t%d.bin", version, n);
    }

    public static String chunk(String version, int k) {
        return String.format(Locale.ROOT, "search/%s/d%d.json", version, k);
    }
}
