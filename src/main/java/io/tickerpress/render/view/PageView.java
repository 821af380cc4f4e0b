package io.tickerpress.render.view;

import java.util.List;

/**
 * Template variable {@code page}: what every page's head and layout need.
 *
 * @param kind one of article, home, list, terms, digest, markets, ticker, search, notfound
 * @param url site-relative URL ("/news/.../")
 * @param canonical absolute URL
 * @param image absolute URL of the page's preview image (its first chart), or null
 * @param jsonLd schema.org JSON-LD for the page, already escaped for a script element, or null
 * @param feeds the feeds to announce with {@code <link rel="alternate">}
 */
public record PageView(String kind, String title, String description, String url, String canonical, String image,
                       String jsonLd, List<FeedLink> feeds) {
    @Override
    public String toString() {
        return io.tickerpress.model.RecordText.of(this);
    }

    /** A feed announced in the page head. {@code type} is the MIME type. */
    public record FeedLink(String title, String url, String type) {
        @Override
        public String toString() {
            return io.tickerpress.model.RecordText.of(this);
        }
    }

    public PageView(String kind, String title, String description, String url, String canonical) {
        this(kind, title, description, url, canonical, null, null, List.of());
    }

    public PageView withImage(String newImage) {
        return new PageView(kind, title, description, url, canonical, newImage, jsonLd, feeds);
    }

    public PageView withJsonLd(String json) {
        return new PageView(kind, title, description, url, canonical, image, json, feeds);
    }

    public PageView withFeeds(List<FeedLink> newFeeds) {
        return new PageView(kind, title, description, url, canonical, image, jsonLd, List.copyOf(newFeeds));
    }
}
