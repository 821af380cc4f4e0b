package io.tickerpress.render.view;

import java.util.List;

/**
 * Template variable {@code article} on article pages. Dates come preformatted; {@code bodyHtml} is
 * already-rendered Markdown (print it with {@code ?no_esc}).
 *
 * @param dateline "NEW YORK, Jan 20, 2026, 06:04 EST"
 * @param previous the next older story, or null for the oldest
 * @param next the next newer story, or null for the newest
 * @param archiveUrl the page of the articles of its day (linked from the dateline), or null
 * @param authorUrl the author's page, or null without an author
 */
public record ArticleView(String title, String url, String canonical, String dateline, String datePublished,
                          String updated, String dateModified, String author, List<String> summary,
                          String bodyHtml, List<LinkView> sources, List<LinkView> tags, List<LinkView> tickers,
                          LinkView previous, LinkView next, String archiveUrl, String authorUrl) {
    @Override
    public String toString() {
        return io.tickerpress.model.RecordText.of(this);
    }

    public ArticleView withBody(String html) {
        return new ArticleView(title, url, canonical, dateline, datePublished, updated, dateModified, author, summary,
                html, sources, tags, tickers, previous, next, archiveUrl, authorUrl);
    }
}
