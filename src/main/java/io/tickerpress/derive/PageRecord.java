package io.tickerpress.derive;

import java.time.Instant;

/**
 * A page the build wrote: its site-relative path and when its content last changed (for sitemaps). A build keeps
 * one for each of its pages until the sitemaps are written, so the time is kept as seconds and nanoseconds rather
 * than an {@link Instant} each; it compares as a record of its two accessors.
 */
public final class PageRecord {
    private final String path;
    private final long seconds;
    private final int nanos;

    public PageRecord(String path, Instant lastmod) {
        this.path = path;
        this.seconds = lastmod.getEpochSecond();
        this.nanos = lastmod.getNano();
    }

    public String path() {
        return path;
    }

    public Instant lastmod() {
        return Instant.ofEpochSecond(seconds, nanos);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PageRecord r && java.util.Objects.equals(path, r.path) && seconds == r.seconds
                && nanos == r.nanos;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(path, lastmod());
    }

    @Override
    public String toString() {
        return "PageRecord[path=" + path + ", lastmod=" + lastmod() + "]";
    }
}
