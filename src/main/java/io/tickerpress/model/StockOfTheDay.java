package io.tickerpress.model;

import java.time.ZonedDateTime;

/** An editor's market item: a stock, a time stamp, a headline and a Markdown blurb. */
public record StockOfTheDay(String symbol, ZonedDateTime time, String headline, String body, String file, int line) {
    @Override
    public String toString() {
        return RecordText.of(this);
    }
}
