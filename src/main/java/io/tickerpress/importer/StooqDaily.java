package io.tickerpress.importer;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Stooq's daily CSV download ({@code stooq.com/q/d/l/?s=aapl.us&i=d}): {@code Date,Open,High,Low,Close,Volume},
 * oldest first, ISO dates; index files (such as {@code ^spx}) may come without the Volume column. Volumes are
 * split-adjusted, as in Stooq's bulk files, and so may have decimals: rounded to whole shares.
 */
final class StooqDaily extends NamedColumnsCsv {
    static final List<String> HEADER = List.of("date", "open", "high", "low", "close", "volume");

    @Override
    public String name() {
        return "stooq";
    }

    @Override
    public String describe() {
        return "stooq (Stooq daily CSV: Date,Open,High,Low,Close,Volume)";
    }

    @Override
    public boolean recognises(ProviderFile file) {
        List<String> h = CsvTable.headerKeys(file);
        return h.equals(HEADER) || h.equals(HEADER.subList(0, 5));
    }

    @Override
    boolean fractionalVolumes() {
        return true;
    }

    @Override
    Columns columns() {
        return new Columns("date", "open", "high", "low", "close", null, "volume");
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
