package io.tickerpress.importer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.tickerpress.model.TradingCalendar;

/**
 * Polygon's (Massive's) day-aggregate flat files ({@code us_stocks_sip/day_aggs_v1/…/2026-01-20.csv.gz}):
 * {@code ticker,volume,open,close,high,low,window_start,transactions}, gzip-compressed, every symbol of the market in
 * one file. {@code window_start} is the start of the day in Unix <em>nanoseconds</em>, read as a New York date; index
 * files leave out volume and transactions and prefix tickers with {@code I:} (dropped: {@code I:SPX} → {@code SPX}).
 */
final class Polygon implements ProviderFormat {
    static final List<String> HEADER = List.of("ticker", "volume", "open", "close", "high", "low", "window_start",
            "transactions");
    static final List<String> INDICES = List.of("ticker", "open", "close", "high", "low", "window_start");

    @Override
    public String name() {
        return "polygon";
    }

    @Override
    public String describe() {
        return "polygon (Polygon flat file: ticker,volume,open,close,high,low,window_start,transactions)";
    }

    @Override
    public boolean recognises(ProviderFile file) {
        List<String> h = CsvTable.headerKeys(file);
        return h.equals(HEADER) || h.equals(INDICES);
    }

    static String symbol(String ticker) {
        String s = ticker.strip().toUpperCase(Locale.ROOT);
        return s.startsWith("I:") ? s.substring(2) : s;
    }

    @Override
    public List<PriceRow> read(ProviderFile file, String symbol) {
        CsvTable table = new CsvTable(file);
        List<PriceRow> out = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            Cells cells = new Cells(file.display(), row.line());
            String ticker = table.cell(row, "ticker");
            String sym = symbol(ticker);
            if (!NamedColumnsCsv.isSymbol(sym)) {
                throw cells.error("'" + ticker + "' in column ticker is not a symbol TickerPress can keep (letters,"
                        + " digits, '.', '-', at most 12); import one symbol with --symbol");
            }
            if (symbol != null && !symbol.equals(sym)) continue;
            String start = table.cell(row, "window_start");
            long nanos;
            try {
                nanos = Long.parseLong(start);
            } catch (NumberFormatException e) {
                throw cells.error("'" + start + "' in column window_start is not a time in Unix nanoseconds"
                        + " (such as 1768885200000000000)");
            }
            LocalDate date = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L))
                    .atZone(TradingCalendar.NEW_YORK).toLocalDate();
            out.add(new PriceRow(sym, date,
                    cells.price(table.cell(row, "open"), "open", false),
                    cells.price(table.cell(row, "high"), "high", false),
                    cells.price(table.cell(row, "low"), "low", false),
                    cells.price(table.cell(row, "close"), "close", false), null,
                    cells.volume(table.cell(row, "volume"), "volume", false), file.display(), row.line()));
        }
        return out;
    }
}
