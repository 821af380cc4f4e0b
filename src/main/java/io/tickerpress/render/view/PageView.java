package io.tickerpress.render.view;

/**
 * Template variable {@code page}: what every page's head and layout need.
 *
 * @param kind one of article, home, list, terms, digest, ticker, notfound
 * @param url site-relative URL ("/news/.../")
 * @param canonical absolute URL
 */
public record PageView(String kind, String title, String description, String url, String canonical) {
}
