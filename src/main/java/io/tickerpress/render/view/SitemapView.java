package io.tickerpress.render.view;

import java.util.List;

/** Template variable {@code sitemap}: absolute URLs with their last change (RFC 3339). */
public record SitemapView(List<Entry> entries) {
    public record Entry(String url, String lastmod) {
    }
}
