package io.tickerpress.model;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * One trading day's market data from {@code content/market/YYYY-MM-DD.json}.
 *
 * @param asOf when the data is final (default: 16:00 New York time on {@code date})
 */
public record Snapshot(String file, LocalDate date, ZonedDateTime asOf, List<Quote> indices, List<Quote> quotes,
                       List<SectorMove> sectors, List<StockOfTheDay> stockOfTheDay) {
    public Snapshot {
        indices = List.copyOf(indices);
        quotes = List.copyOf(quotes);
        sectors = List.copyOf(sectors);
        stockOfTheDay = List.copyOf(stockOfTheDay);
    }
}
