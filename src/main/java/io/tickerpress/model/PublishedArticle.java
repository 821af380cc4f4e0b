package io.tickerpress.model;

/** An article chosen for publication, with the site-relative path of its page (e.g. {@code news/2026/01/20/x/}). */
public record PublishedArticle(Article article, String path) {
}
