package io.tickerpress.model;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * One news article as written by an editor: front matter plus the Markdown body.
 *
 * @param file path of the source file as shown to the user
 * @param date publication time, in the zone the article is written for
 * @param body the Markdown after the front matter, in memory or read again from the file when needed
 * @param bodyLine the line of the file on which the Markdown body starts (for messages)
 */
public record Article(
        String file,
        String title,
        ZonedDateTime date,
        ZonedDateTime updated,
        String dateline,
        String slug,
        List<String> summary,
        List<String> tags,
        List<String> tickers,
        List<Source> sources,
        String author,
        boolean draft,
        List<ChartRequest> charts,
        ArticleBody body,
        int bodyLine) {

    public Article {
        summary = List.copyOf(summary);
        tags = List.copyOf(tags);
        tickers = List.copyOf(tickers);
        sources = List.copyOf(sources);
        charts = List.copyOf(charts);
    }
}
