package io.tickerpress.render.view;

import java.util.List;

/**
 * One article in a list (home, tag, ticker, archive and author pages).
 *
 * @param date "Jan 20, 2026"
 * @param datePublished ISO-8601 for {@code <time datetime>}
 * @param lead the first key point, or "" when there are none
 * @param time "Jan 20, 2026, 06:04 EST": date and time in the dateline format
 * @param points all key points (the front page's lead story shows them)
 */
public record ArticleItemView(String title, String url, String date, String datePublished, String lead, String time,
                              List<String> points) {
    @Override
    public String toString() {
        return io.tickerpress.model.RecordText.of(this);
    }

    public ArticleItemView {
        points = List.copyOf(points);
    }

    public ArticleItemView(String title, String url, String date, String datePublished, String lead) {
        this(title, url, date, datePublished, lead, date, List.of());
    }
}
