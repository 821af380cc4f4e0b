package io.tickerpress.importer;

import io.tickerpress.diag.InputError;
import io.tickerpress.model.Rounding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The history file, {@code content/market/history/SYMBOL.csv}, as {@code import} reads and writes it: the header
 * {@code Date,Open,High,Low,Close,Adj Close,Volume} ({@code Adj Close} only when some row has one), rows by date,
 * empty cells for figures not known. Prices are written with every digit given and at least the decimals of the
 * price rule ({@link Rounding#asData}: {@code 6000.00}, {@code 248.0425}, {@code 0.5000}), so the same figures
 * always give the same bytes.
 */
final class HistoryCsv {
    private HistoryCsv() {
    }

    /** The rows of an existing history file (already checked by the history loader). */
    static List<PriceRow> read(ProviderFile file, String symbol) {
        List<String> keys = CsvTable.headerKeys(file);
        if (!keys.contains("date") || !keys.contains("close")) {
            throw new InputError(file.display(), file.firstLineNumber(), "header must have 'Date' and 'Close' columns");
        }
        CsvTable table = new CsvTable(file);
        List<PriceRow> out = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            Cells cells = new Cells(file.display(), row.line());
            LocalDate date = cells.date(table.cell(row, "date"), "Date", Cells.ISO, "2026-01-20");
            out.add(new PriceRow(symbol, date, price(table, row, cells, "open", "Open"),
                    price(table, row, cells, "high", "High"), price(table, row, cells, "low", "Low"),
                    price(table, row, cells, "close", "Close"), price(table, row, cells, "adj close", "Adj Close"),
                    cells.volume(table.cell(row, "volume"), "Volume", false), file.display(), row.line()));
        }
        return out;
    }

    private static BigDecimal price(CsvTable table, CsvTable.Row row, Cells cells, String key, String name) {
        return cells.price(table.cell(row, key), name, false);
    }

    /** The file's text for rows already sorted by date. */
    static String format(Collection<PriceRow> rows) {
        boolean adj = rows.stream().anyMatch(r -> r.adjClose() != null);
        StringBuilder sb = new StringBuilder(rows.size() * 56 + 48);
        sb.append(adj ? "Date,Open,High,Low,Close,Adj Close,Volume\n" : "Date,Open,High,Low,Close,Volume\n");
        for (PriceRow r : rows) {
            sb.append(r.date()).append(',').append(price(r.open())).append(',').append(price(r.high())).append(',')
                    .append(price(r.low())).append(',').append(price(r.close())).append(',');
            if (adj) sb.append(price(r.adjClose())).append(',');
            sb.append(r.volume() == null ? "" : Long.toString(r.volume())).append('\n');
        }
        return sb.toString();
    }

    /** A price as written: every digit given, at least the decimals of the price rule ({@link Rounding#asData}). */
    static String price(BigDecimal v) {
        return v == null ? "" : Rounding.asData(v);
    }
}
