package io.tickerpress.render.view;

import java.util.List;

/**
 * Template variable {@code feed} in {@code rss.ftlx} and {@code atom.ftlx}. URLs are absolute; dates come
 * as RFC 3339 ({@code updated}, item {@code published}/{@code modified}) and RFC 822 ({@code updatedRfc822},
 * item {@code pubDate}).
 */
public record FeedView(String title, String description, String language, String link, String selfRss,
                       String selfAtom, String id, String updated, String updatedRfc822, String publisher,
                       List<Item> items) {
    /** One entry: {@code contentHtml} is the full article with absolute links, or null unless enabled. */
    public record Item(String title, String url, String published, String modified, String pubDate, String summary,
                       String contentHtml, String author, List<String> categories) {
    }
}
