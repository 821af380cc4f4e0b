package io.tickerpress.render.view;

import java.util.List;

/** Template variable {@code news} in {@code news-sitemap.ftlx}: recent articles for news search engines. */
public record NewsSitemapView(String publication, String language, List<Entry> entries) {
    @Override
    public String toString() {
        return io.tickerpress.model.RecordText.of(this);
    }

    public record Entry(String url, String published, String title) {
        @Override
        public String toString() {
            return io.tickerpress.model.RecordText.of(this);
        }
    }
}
