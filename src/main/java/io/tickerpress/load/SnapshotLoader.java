package io.tickerpress.load;

import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.InputError;
import io.tickerpress.model.Quote;
import io.tickerpress.model.SectorMove;
import io.tickerpress.model.Snapshot;
import io.tickerpress.model.StockOfTheDay;
import io.tickerpress.model.TradingCalendar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and validates one daily snapshot, {@code content/market/YYYY-MM-DD.json}. */
public final class SnapshotLoader {
    public static final ZoneId NEW_YORK = TradingCalendar.NEW_YORK;
    static final Set<String> FIELDS = Set.of("date", "asOf", "indices", "quotes", "sectors", "stockOfTheDay");
    static final Set<String> QUOTE_FIELDS = Set.of("symbol", "name", "open", "high", "low", "close", "volume",
            "change", "changePct");
    static final Set<String> SECTOR_FIELDS = Set.of("name", "changePct", "ytdPct");
    static final Set<String> ITEM_FIELDS = Set.of("symbol", "time", "headline", "body");
    public static final Pattern SYMBOL = Pattern.compile("[A-Z0-9^][A-Z0-9.^-]{0,11}");

    private final TradingCalendar calendar;

    private final long maxBytes;

    public SnapshotLoader(TradingCalendar calendar, long maxBytes) {
        this.calendar = calendar;
        this.maxBytes = maxBytes;
    }

    public Snapshot load(Path file) {
        String display = Diagnostics.display(file);
        return parse(TextFiles.read(file, display, maxBytes), display, file.getFileName().toString(),
                name -> Files.exists(file.resolveSibling(name)));
    }

    public Snapshot parse(String text, String display, String fileName) {
        return parse(text, display, fileName, name -> false);
    }

    /** Parses a snapshot's JSON text; every problem is an {@link InputError} naming {@code display}. */
    /** @param exists whether a file of that name lies beside this one (so a rename is not suggested onto it) */
    Snapshot parse(String text, String display, String fileName, java.util.function.Predicate<String> exists) {
        if (text.isBlank()) {
            throw new InputError(display, 1, "file is empty: a snapshot is a JSON object with at least \"date\"");
        }
        Fields f = LocatedTree.json(text, display).root().allowOnly(FIELDS);

        String dateText = f.requiredString("date");
        LocalDate date = DateValues.parseDate(dateText)
                .orElseThrow(() -> f.error("date", DateProblems.why(dateText).map(why -> "'date' is not a real date: '"
                        + dateText + "': " + why).orElse("'date' is not a date like 2026-01-20: '" + dateText + "'")));
        String expectedName = date + ".json";
        if (!fileName.equals(expectedName)) {
            String stem = fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
            String nameProblem = DateProblems.why(stem).map(why -> " (not a real day: " + why + ")").orElse("");
            throw f.error("date", "'date' is " + date + " but the file is named " + fileName + nameProblem
                    + (exists.test(expectedName)
                    ? ", and " + expectedName + " exists already: set 'date' to the trading day this file holds and"
                    + " name the file after it"
                    : ": name it " + expectedName));
        }
        calendar.closedReason(date).ifPresent(reason -> {
            throw f.error("date", date + " is not a trading day (" + reason + "): the exchange was closed");
        });
        ZonedDateTime asOf = calendar.closeAt(date);
        if (f.has("asOf")) {
            asOf = time(f, "asOf", "2026-01-20T16:00:00-05:00");
            if (!asOf.withZoneSameInstant(NEW_YORK).toLocalDate().equals(date)
                    || asOf.isBefore(calendar.openAt(date))) {
                throw f.error("asOf", "'asOf' " + asOf.withZoneSameInstant(NEW_YORK).toLocalDateTime()
                        + " (New York) is not during or after the " + date + " session (opens "
                        + TradingCalendar.OPEN + ", closes " + calendar.closeTime(date) + "): it must be a time on "
                        + date + " from the open, e.g. " + calendar.closeAt(date).toOffsetDateTime());
            }
        }

        Set<String> symbols = new HashSet<>();
        List<Quote> indices = quotes(f, "indices", symbols);
        List<Quote> quotes = quotes(f, "quotes", symbols);
        List<SectorMove> sectors = new ArrayList<>();
        Set<String> sectorNames = new HashSet<>();
        for (Fields s : f.objects("sectors")) {
            s.allowOnly(SECTOR_FIELDS);
            String name = s.requiredString("name").strip();
            if (!sectorNames.add(name.toLowerCase(Locale.ROOT))) {
                throw s.error("name", "sector '" + name + "' is listed twice");
            }
            sectors.add(new SectorMove(name, finite(s, "changePct"), finite(s, "ytdPct")));
        }
        List<StockOfTheDay> items = new ArrayList<>();
        for (Fields s : f.objects("stockOfTheDay")) {
            s.allowOnly(ITEM_FIELDS);
            String symbol = symbol(s);
            if (!symbols.contains(symbol)) {
                throw s.error("symbol", "stock of the day '" + symbol + "' has no entry in this snapshot's quotes or"
                        + " indices: add its quote so its % change can be shown");
            }
            s.requiredString("time");
            ZonedDateTime time = time(s, "time", "2026-01-20T08:16:00-05:00");
            LocalDate day = time.withZoneSameInstant(NEW_YORK).toLocalDate();
            if (!day.equals(date)) {
                throw s.error("time", "stock of the day '" + symbol + "' is timed " + day + " (New York) but this is the "
                        + date + " snapshot: its 'time' must fall on " + date);
            }
            items.add(new StockOfTheDay(symbol, time, AsWritten.text(s, "headline", s.requiredString("headline").strip()),
                    AsWritten.text(s, "body", s.string("body", "")),
                    display, s.line()));
        }
        return new Snapshot(display, date, asOf, indices, quotes, sectors, items);
    }

    /** A date-time field read in New York time; a local time skipped or repeated by a clock change is an error. */
    private static ZonedDateTime time(Fields f, String key, String example) {
        String t = f.string(key);
        try {
            return DateValues.parse(t, NEW_YORK).orElseThrow(() -> f.error(key,
                    "'" + key + "' is not a date-time like " + example + ": '" + t + "'"));
        } catch (java.time.DateTimeException e) {
            throw f.error(key, "'" + key + "': " + e.getMessage());
        }
    }

    private static List<Quote> quotes(Fields f, String key, Set<String> symbols) {
        List<Quote> out = new ArrayList<>();
        for (Fields q : f.objects(key)) {
            q.allowOnly(QUOTE_FIELDS);
            String symbol = symbol(q);
            if (!symbols.add(symbol)) {
                throw q.error("symbol", "symbol '" + symbol + "' appears twice in this snapshot");
            }
            Double open = price(q, "open");
            Double high = price(q, "high");
            Double low = price(q, "low");
            Double close = price(q, "close");
            // Without a close the entry takes its figures from the history (MarketLoader fills them in).
            if (high != null && low != null && high < low) {
                throw q.error("high", symbol + ": 'high' " + high + " is below 'low' " + low);
            }
            for (String k : new String[] {"open", "close"}) {
                Double v = k.equals("open") ? open : close;
                if (v != null && high != null && v > high + 1e-9) {
                    throw q.error(k, symbol + ": '" + k + "' " + v + " is above 'high' " + high);
                }
                if (v != null && low != null && v < low - 1e-9) {
                    throw q.error(k, symbol + ": '" + k + "' " + v + " is below 'low' " + low);
                }
            }
            Long volume = null;
            if (q.has("volume")) {
                java.math.BigDecimal v = q.decimal("volume");
                if (v.signum() < 0 || v.stripTrailingZeros().scale() > 0 || v.compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                    throw q.error("volume", symbol + ": 'volume' must be a whole number of shares, not " + v.toPlainString());
                }
                volume = v.longValue();
            }
            String name = q.string("name", "").strip(); // empty: left out, named by MarketLoader
            out.add(new Quote(symbol, name.isEmpty() ? null : name, open, high, low,
                    close == null ? Double.NaN : close, volume,
                    given(q, "change"), given(q, "changePct"), q.line()));
        }
        return out;
    }

    static String symbol(Fields q) {
        String raw = q.requiredString("symbol");
        String symbol = raw.strip().toUpperCase(Locale.ROOT);
        if (!SYMBOL.matcher(symbol).matches()) {
            throw q.error("symbol", "'" + raw + "' is not a symbol (letters, digits, '.', '-' or '^', at most 12)");
        }
        return symbol;
    }

    private static Double price(Fields q, String key) {
        Double v = finite(q, key);
        if (v != null && v <= 0) {
            throw q.error(key, "'" + key + "' must be a positive price, not " + v);
        }
        return v;
    }

    /** A figure as written, with its decimals (so checks know the rounding it was given with). */
    private static java.math.BigDecimal given(Fields q, String key) {
        if (finite(q, key) == null) return null;
        return q.decimal(key);
    }

    private static Double finite(Fields q, String key) {
        if (!q.has(key)) return null;
        java.math.BigDecimal v = q.decimal(key);
        double d = v.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw q.error(key, "'" + key + "' must be a finite number");
        }
        return d;
    }
}
