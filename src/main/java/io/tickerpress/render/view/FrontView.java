package io.tickerpress.render.view;

import java.util.List;

/**
 * Template variable {@code front} on the first page of the home page.
 *
 * @param lead the newest story, with its key points and time, or null when there are no stories
 * @param digest the latest market digest, or null without market data
 */
public record FrontView(ArticleItemView lead, DigestTeaser digest) {
    @Override
    public String toString() {
        return io.tickerpress.model.RecordText.of(this);
    }

    /**
     * The latest digest: its {@code title}, {@code url}, {@code date} ("Tuesday, January 20, 2026"),
     * {@code dateIso}, and its {@code stockOfTheDay} items.
     */
    public record DigestTeaser(String title, String url, String date, String dateIso, List<MarketItemView> stockOfTheDay) {
        @Override
        public String toString() {
            return io.tickerpress.model.RecordText.of(this);
        }

        public DigestTeaser {
            stockOfTheDay = List.copyOf(stockOfTheDay);
        }
    }
}
