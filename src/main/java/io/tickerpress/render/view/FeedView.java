package io.tickerpress.render.view;

import java.util.List;

/**
 * Template variable {@code feed} in {@code rss.ftlx} and {@code atom.ftlx}. URLs are absolute; dates come
 * as RFC 3339 ({@code updated}, item {@code published}/{@code modified}) and RFC 822 ({@code updatedRfc822},
 * item {@code pubDate}). Fields ending in {@code Html} are HTML, for the elements feed readers render as HTML
 * (RSS {@code <description>}, {@code <content:encoded>}, Atom {@code content type="html"}); every other field
 * is plain text. The template escapes both as XML.
 *
 * @param descriptionHtml {@code description} escaped as HTML
 */
public record FeedView(String title, String description, String descriptionHtml, String language, String link,
                       String selfRss, String selfAtom, String id, String updated, String updatedRfc822,
                       String publisher, List<Item> items) {
    @Override
    public String toString() {
        return io.tickerpress.model.RecordText.of(this);
    }

    /**
     * One entry.
     *
     * @param summary the key points (or the title) as plain text
     * @param summaryHtml {@code summary} escaped as HTML
     * @param contentHtml the full article with absolute links, or null unless enabled
     */
    public record Item(String title, String url, String published, String modified, String pubDate, String summary,
                       String summaryHtml, String contentHtml, String author, List<String> categories) {
        @Override
        public String toString() {
            return io.tickerpress.model.RecordText.of(this);
        }
    }
}
