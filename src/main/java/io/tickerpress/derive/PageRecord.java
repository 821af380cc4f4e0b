package io.tickerpress.derive;

import java.time.Instant;
import java.util.Comparator;

/**
 * A page the build wrote at a pretty URL path: its site-relative path and when its content last changed (for
 * sitemaps). A build keeps one for each of its pages until the sitemaps are written, so the record keeps the page's
 * file path ({@code path + "index.html"}), the one string the build keys the page by, rather than a copy of its path,
 * and the time as seconds and nanoseconds rather than an {@link Instant}; it compares as a record of its two
 * accessors.
 */
public final class PageRecord {
    /** The file of a page at a pretty URL path, in its folder. */
    public static final String INDEX = "index.html";
    /** By path, as {@link String#compareTo} orders the paths, without making them. */
    public static final Comparator<PageRecord> BY_PATH = PageRecord::compareByPath;

    private final String file;
    private final long seconds;
    private final int nanos;

    private PageRecord(Instant lastmod, String file) {
        this.file = file;
        this.seconds = lastmod.getEpochSecond();
        this.nanos = lastmod.getNano();
    }

    /** The page whose file is {@code file}: its path followed by {@value #INDEX} (the string itself is kept). */
    public static PageRecord ofFile(String file, Instant lastmod) {
        if (!file.endsWith(INDEX)) throw new IllegalArgumentException("not a page's " + INDEX + ": " + file);
        return new PageRecord(lastmod, file);
    }

    public String path() {
        return file.substring(0, pathLength());
    }

    public Instant lastmod() {
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private int pathLength() {
        return file.length() - INDEX.length();
    }

    private static int compareByPath(PageRecord a, PageRecord b) {
        int n = a.pathLength();
        int m = b.pathLength();
        for (int i = 0, k = Math.min(n, m); i < k; i++) {
            char x = a.file.charAt(i);
            char y = b.file.charAt(i);
            if (x != y) return x - y;
        }
        return n - m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PageRecord r && file.equals(r.file) && seconds == r.seconds && nanos == r.nanos;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(path(), lastmod());
    }

    @Override
    public String toString() {
        return "PageRecord[path=" + path() + ", lastmod=" + lastmod() + "]";
    }
}
