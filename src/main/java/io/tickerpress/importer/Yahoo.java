package io.tickerpress.importer;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Yahoo Finance's historical-data download: {@code Date,Open,High,Low,Close,Adj Close,Volume} (older and
 * third-party exports leave out {@code Adj Close}), oldest first, ISO dates, {@code null} cells on days Yahoo lacks.
 * The history keeps {@code Close}, the price the market printed (adjusted for splits only); {@code Adj Close}, which
 * Yahoo also adjusts for dividends, is carried along in its own column but never used for figures.
 */
final class Yahoo extends NamedColumnsCsv {
    static final List<String> HEADER = List.of("date", "open", "high", "low", "close", "adj close", "volume");

    private final boolean explicit;

    /** @param explicit whether {@code --format yahoo} was given: then the header without Adj Close is Yahoo's too */
    Yahoo(boolean explicit) {
        this.explicit = explicit;
    }

    @Override
    public String name() {
        return "yahoo";
    }

    @Override
    public String describe() {
        return "yahoo (Yahoo Finance: Date,Open,High,Low,Close,Adj Close,Volume)";
    }

    @Override
    public boolean recognises(ProviderFile file) {
        List<String> h = CsvTable.headerKeys(file);
        return h.equals(HEADER) || (explicit && h.equals(StooqDaily.HEADER));
    }

    @Override
    Columns columns() {
        return new Columns("date", "open", "high", "low", "close", "adj close", "volume");
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
