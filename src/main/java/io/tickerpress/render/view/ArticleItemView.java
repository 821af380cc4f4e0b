package io.tickerpress.render.view;

/**
 * One article in a list (home, tag and ticker pages).
 *
 * @param date "Jan 20, 2026"
 * @param datePublished ISO-8601 for {@code <time datetime>}
 * @param lead the first key point, or "" when there are none
 */
public record ArticleItemView(String title, String url, String date, String datePublished, String lead) {
}
