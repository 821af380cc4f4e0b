package io.tickerpress.derive;

import java.time.Instant;

/** A page the build wrote: its site-relative path and when its content last changed (for sitemaps). */
public record PageRecord(String path, Instant lastmod) {
}
