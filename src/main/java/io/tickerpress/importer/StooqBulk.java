package io.tickerpress.importer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Stooq's bulk files (the per-market {@code d_us_txt.zip} and its {@code .txt} files):
 * {@code <TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>}, dates as {@code YYYYMMDD}, one or
 * many tickers per file. Its quirks: tickers carry a market suffix ({@code AAPL.US}) and indices a caret
 * ({@code ^SPX}), both dropped; {@code <PER>} must be {@code D} (daily); volumes are split-adjusted and so may have
 * decimals ({@code 98811715.8}), rounded to whole shares.
 */
final class StooqBulk implements ProviderFormat {
    static final List<String> HEADER = List.of("<ticker>", "<per>", "<date>", "<time>", "<open>", "<high>", "<low>",
            "<close>", "<vol>", "<openint>");

    @Override
    public String name() {
        return "stooq";
    }

    @Override
    public String describe() {
        return "stooq (Stooq bulk: <TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>)";
    }

    @Override
    public boolean recognises(ProviderFile file) {
        return CsvTable.headerKeys(file).equals(HEADER);
    }

    /** TickerPress's symbol for a Stooq ticker: {@code AAPL.US} → {@code AAPL}, {@code ^SPX} → {@code SPX}. */
    static String symbol(String ticker) {
        String s = ticker.strip().toUpperCase(Locale.ROOT);
        if (s.startsWith("^")) s = s.substring(1);
        if (s.endsWith(".US")) s = s.substring(0, s.length() - 3);
        return s;
    }

    @Override
    public List<PriceRow> read(ProviderFile file, String symbol) {
        CsvTable table = new CsvTable(file);
        List<PriceRow> out = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            Cells cells = new Cells(file.display(), row.line());
            String ticker = table.cell(row, "<ticker>");
            String sym = symbol(ticker);
            if (!NamedColumnsCsv.isSymbol(sym)) {
                throw cells.error("'" + ticker + "' in column <TICKER> is not a symbol (letters, digits, '.', '-',"
                        + " at most 12)");
            }
            if (symbol != null && !symbol.equals(sym)) continue;
            String per = table.cell(row, "<per>");
            if (!per.equalsIgnoreCase("D")) {
                throw cells.error("<PER> is '" + per + "', not D: this is not daily data; import Stooq's daily files");
            }
            LocalDate date = cells.date(table.cell(row, "<date>"), "<DATE>", Cells.COMPACT, "20260120 (YYYYMMDD)");
            BigDecimal open = cells.price(table.cell(row, "<open>"), "<OPEN>", false);
            BigDecimal high = cells.price(table.cell(row, "<high>"), "<HIGH>", false);
            BigDecimal low = cells.price(table.cell(row, "<low>"), "<LOW>", false);
            BigDecimal close = cells.price(table.cell(row, "<close>"), "<CLOSE>", false);
            Long volume = cells.volume(table.cell(row, "<vol>"), "<VOL>", true);
            out.add(new PriceRow(sym, date, open, high, low, close, null, volume, file.display(), row.line()));
        }
        return out;
    }
}
