package io.tickerpress.importer;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Nasdaq.com's historical-quotes download: {@code Date,Close/Last,Volume,Open,High,Low}, newest first, dates as
 * {@code MM/DD/YYYY}, prices with a {@code $} ({@code $248.04}), and {@code N/A} for volumes it lacks (indices).
 */
final class Nasdaq extends NamedColumnsCsv {
    static final List<String> HEADER = List.of("date", "close/last", "volume", "open", "high", "low");

    @Override
    public String name() {
        return "nasdaq";
    }

    @Override
    public String describe() {
        return "nasdaq (Nasdaq.com: Date,Close/Last,Volume,Open,High,Low)";
    }

    @Override
    public boolean recognises(ProviderFile file) {
        return CsvTable.headerKeys(file).equals(HEADER);
    }

    @Override
    Columns columns() {
        return new Columns("date", "open", "high", "low", "close/last", null, "volume");
    }

    @Override
    boolean dollars() {
        return true;
    }

    @Override
    DateTimeFormatter dateFormat() {
        return Cells.US;
    }

    @Override
    String dateExample() {
        return "01/20/2026 (MM/DD/YYYY)";
    }
}
