package io.tickerpress.importer;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Alpha Vantage's CSV ({@code TIME_SERIES_DAILY&datatype=csv}): {@code timestamp,open,high,low,close,volume},
 * newest first, ISO dates; the adjusted series adds {@code adjusted_close,dividend_amount,split_coefficient}.
 */
final class AlphaVantageCsv extends NamedColumnsCsv {
    static final List<String> HEADER = List.of("timestamp", "open", "high", "low", "close", "volume");
    static final List<String> ADJUSTED = List.of("timestamp", "open", "high", "low", "close", "adjusted_close",
            "volume", "dividend_amount", "split_coefficient");

    @Override
    public String name() {
        return "alphavantage";
    }

    @Override
    public String describe() {
        return "alphavantage (Alpha Vantage CSV: timestamp,open,high,low,close,volume; or its JSON with"
                + " \"Time Series (Daily)\")";
    }

    @Override
    public boolean recognises(ProviderFile file) {
        List<String> h = CsvTable.headerKeys(file);
        return h.equals(HEADER) || h.equals(ADJUSTED);
    }

    @Override
    Columns columns() {
        return new Columns("timestamp", "open", "high", "low", "close", "adjusted_close", "volume");
    }

    @Override
    DateTimeFormatter dateFormat() {
        return Cells.ISO;
    }

    @Override
    String dateExample() {
        return "2026-01-20";
    }
}
