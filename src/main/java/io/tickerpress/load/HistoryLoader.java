package io.tickerpress.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.InputError;
import io.tickerpress.model.PriceSeries;
import io.tickerpress.model.TradingCalendar;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Streams a daily history file, {@code content/market/history/SYMBOL.csv}, in the common download format
 * {@code Date,Open,High,Low,Close,Adj Close,Volume}. Only Date and Close are required columns; empty or
 * {@code null} cells are allowed and reported once per file.
 */
public final class HistoryLoader {
    private static final CsvMapper CSV = new CsvMapper();
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[-+]?\\d{1,18}(\\.\\d{1,12})?([eE][-+]?\\d{1,3})?");

    private static final java.util.regex.Pattern WHOLE = java.util.regex.Pattern.compile("\\d{1,19}");

    private final Diagnostics diagnostics;
    private final long maxBytes;
    private final TradingCalendar calendar;

    public HistoryLoader(TradingCalendar calendar, Diagnostics diagnostics, long maxBytes) {
        this.calendar = calendar;
        this.diagnostics = diagnostics;
        this.maxBytes = maxBytes;
    }

    /** The rows of the file, as columns sorted by day. */
    public PriceSeries.Builder load(Path file) {
        String display = Diagnostics.display(file);
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new InputError(display, "file is " + size + " bytes, over the limit of " + maxBytes + " bytes");
            }
        } catch (IOException e) {
            throw new InputError(display, "cannot read file: " + e.getMessage());
        }
        try (Reader reader = new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            return parse(reader, display);
        } catch (IOException e) {
            throw new InputError(display, "cannot read file: " + e.getMessage());
        }
    }

    /** Parses CSV text from a reader; every problem is an {@link InputError} naming {@code display}. */
    public PriceSeries.Builder parse(Reader source, String display) {
        try (Reader reader = new java.io.BufferedReader(source, 1 << 16);
             MappingIterator<String[]> rows = CSV.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                     .with(CsvParser.Feature.TRIM_SPACES).readValues(reader)) {
            return read(rows, display);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InputError(display, "is not valid UTF-8 text" + TextFiles.SAVE_AS_UTF8);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputError(display, line, "malformed CSV: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InputError(display, "cannot read file: " + e.getMessage());
        } catch (InputError e) {
            throw e;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                throw new InputError(display, "is not valid UTF-8 text" + TextFiles.SAVE_AS_UTF8);
            }
            if (e.getCause() instanceof JsonProcessingException jpe) {
                int line = jpe.getLocation() == null ? 0 : jpe.getLocation().getLineNr();
                throw new InputError(display, line, "malformed CSV: " + firstLine(jpe.getOriginalMessage()));
            }
            throw e;
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private PriceSeries.Builder read(MappingIterator<String[]> rows, String display) throws IOException {
        if (!rows.hasNextValue()) {
            throw new InputError(display, 1, "file is empty: expected a header line such as Date,Open,High,Low,Close,Adj Close,Volume");
        }
        String[] header = rows.nextValue();
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            String name = header[i].strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT);
            columns.putIfAbsent(name, i);
        }
        Integer dateCol = columns.get("date");
        Integer closeCol = columns.get("close");
        if (dateCol == null || closeCol == null) {
            throw new InputError(display, 1, "header must have 'Date' and 'Close' columns (the common download format is"
                    + " Date,Open,High,Low,Close,Adj Close,Volume), not: " + String.join(",", header));
        }
        Integer openCol = columns.get("open");
        Integer highCol = columns.get("high");
        Integer lowCol = columns.get("low");
        Integer volumeCol = columns.get("volume");

        PriceSeries.Builder bars = new PriceSeries.Builder(1024);
        int emptyCells = 0;
        int firstEmptyLine = 0;
        int skipped = 0;
        while (rows.hasNextValue()) {
            int line = rows.getCurrentLocation().getLineNr();
            String[] row = rows.nextValue();
            if (row.length == 1 && row[0].isBlank()) continue;
            if (row.length != header.length) {
                throw new InputError(display, line, "row has " + io.tickerpress.diag.Counts.of(row.length, "cell")
                        + " but the header has " + header.length);
            }
            String dateText = row[dateCol];
            LocalDate date = DateValues.parseDate(dateText).orElseThrow(() ->
                    new InputError(display, line, "'" + dateText + "' in column Date is not a date like 2026-01-20"));
            calendar.closedReason(date).ifPresent(reason -> {
                throw new InputError(display, line, date + " is not a trading day (" + reason + "): the exchange was"
                        + " closed; remove the row or correct its date");
            });
            Double close = number(row, closeCol, "Close", display, line);
            Double open = number(row, openCol, "Open", display, line);
            Double high = number(row, highCol, "High", display, line);
            Double low = number(row, lowCol, "Low", display, line);
            Long volume = volume(row, volumeCol, display, line);
            int empties = countEmpty(row, openCol, highCol, lowCol, closeCol, volumeCol);
            if (empties > 0) {
                emptyCells += empties;
                if (firstEmptyLine == 0) firstEmptyLine = line;
            }
            if (close == null) {
                skipped++;
                continue;
            }
            if (high != null && low != null && high < low) {
                throw new InputError(display, line, "High " + high + " is below Low " + low);
            }
            for (String k : new String[] {"Open", "Close"}) {
                Double v = k.equals("Open") ? open : close;
                if (v != null && high != null && v > high) {
                    throw new InputError(display, line, k + " " + v + " is above High " + high
                            + ": a day's open and close lie between its low and high");
                }
                if (v != null && low != null && v < low) {
                    throw new InputError(display, line, k + " " + v + " is below Low " + low
                            + ": a day's open and close lie between its low and high");
                }
            }
            bars.add((int) date.toEpochDay(), open == null ? Double.NaN : open, high == null ? Double.NaN : high,
                    low == null ? Double.NaN : low, close, volume == null ? -1 : volume, display, line);
        }
        if (emptyCells > 0) {
            diagnostics.warn(display, firstEmptyLine, io.tickerpress.diag.Counts.of(emptyCells, "empty or null cell")
                    + (skipped > 0 ? "; " + io.tickerpress.diag.Counts.of(skipped, "row") + " without a close "
                    + io.tickerpress.diag.Counts.pick(skipped, "was", "were") + " skipped" : ""));
        }
        int duplicate = bars.sortByDay();
        if (duplicate >= 0) {
            int a = Math.min(bars.line(duplicate), bars.line(duplicate + 1));
            int b = Math.max(bars.line(duplicate), bars.line(duplicate + 1));
            throw new InputError(display, b, LocalDate.ofEpochDay(bars.day(duplicate)) + " appears twice (also on line " + a + ")");
        }
        return bars;
    }

    private static int countEmpty(String[] row, Integer... cols) {
        int n = 0;
        for (Integer c : cols) {
            if (c != null && isEmpty(row[c])) n++;
        }
        return n;
    }

    private static boolean isEmpty(String cell) {
        return cell.isEmpty() || cell.equalsIgnoreCase("null");
    }

    /** A volume: a whole number of shares written as digits (no decimals, no exponent), at most Long.MAX_VALUE. */
    private static Long volume(String[] row, Integer col, String display, int line) {
        if (col == null || isEmpty(row[col])) return null;
        String cell = row[col];
        if (WHOLE.matcher(cell).matches()) {
            try {
                return Long.parseLong(cell);
            } catch (NumberFormatException e) {
                // over Long.MAX_VALUE: reported below
            }
        }
        throw new InputError(display, line, "'" + cell + "' in column Volume is not a whole number of shares (write"
                + " digits only, such as 22539283, at most " + Long.MAX_VALUE + "; no decimals, exponents or signs)");
    }

    private static Double number(String[] row, Integer col, String name, String display, int line) {
        if (col == null || isEmpty(row[col])) return null;
        String cell = row[col];
        if (!NUMBER.matcher(cell).matches()) {
            throw new InputError(display, line, "'" + cell + "' in column " + name + " is not a number");
        }
        double v = Double.parseDouble(cell);
        // 1e400 reads as Infinity and 1e-400 as 0: neither is a price to publish.
        if (Double.isInfinite(v) || v <= 0) {
            throw new InputError(display, line, "'" + cell + "' in column " + name + " is not a positive price");
        }
        return v;
    }
}
