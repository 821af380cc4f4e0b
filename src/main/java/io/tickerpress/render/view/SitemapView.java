package io.tickerpress.render.view;

import java.util.List;

/** Template variable {@code sitemap}: absolute URLs with their last change (RFC 3339). */
public record SitemapView(List<Entry> entries) {
    @Override
    public String toString() {
        return io.tickerpress.model.RecordText.of(this);
    }

    public record Entry(String url, String lastmod) {
        @Override
        public String toString() {
            return io.tickerpress.model.RecordText.of(this);
        }
    }
}
