package io.tickerpress.importer;

import io.tickerpress.load.SnapshotLoader;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The common shape of single-symbol daily CSVs: a date column and price columns found by name. */
abstract class NamedColumnsCsv implements ProviderFormat {
    /** Column names (lower case) of the date, open, high, low, close, adjusted close and volume; null if absent. */
    record Columns(String date, String open, String high, String low, String close, String adjClose, String volume) {
    }

    abstract Columns columns();

    abstract DateTimeFormatter dateFormat();

    abstract String dateExample();

    /**
     * Whether volumes may have decimals, rounded to whole shares by the one rule ({@link Cells#volume}): a provider
     * whose volumes are split-adjusted (Stooq's); the others give whole shares, and a fraction there is an error.
     */
    boolean fractionalVolumes() {
        return false;
    }

    /** Whether prices may carry a leading {@code $}. */
    boolean dollars() {
        return false;
    }

    @Override
    public List<PriceRow> read(ProviderFile file, String symbol) {
        if (symbol == null) throw new Importer.MissingSymbol(file.display(), describe());
        CsvTable table = new CsvTable(file);
        Columns c = columns();
        List<PriceRow> out = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            Cells cells = new Cells(file.display(), row.line());
            LocalDate date = cells.date(table.cell(row, c.date()), header(table, c.date()), dateFormat(), dateExample());
            out.add(new PriceRow(symbol, date,
                    price(table, row, cells, c.open()), price(table, row, cells, c.high()),
                    price(table, row, cells, c.low()), price(table, row, cells, c.close()),
                    price(table, row, cells, c.adjClose()),
                    c.volume() == null ? null : cells.volume(table.cell(row, c.volume()), header(table, c.volume()), fractionalVolumes()),
                    file.display(), row.line()));
        }
        return out;
    }

    private BigDecimal price(CsvTable table, CsvTable.Row row, Cells cells, String column) {
        if (column == null) return null;
        return cells.price(table.cell(row, column), header(table, column), dollars());
    }

    /** The column's name for messages (as the provider capitalises it). */
    private static String header(CsvTable table, String column) {
        return table.name(column);
    }

    static boolean isSymbol(String s) {
        return SnapshotLoader.SYMBOL.matcher(s).matches();
    }
}
