package io.tickerpress.load;

import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.InputError;
import io.tickerpress.model.Bar;
import io.tickerpress.model.MarketData;
import io.tickerpress.model.PriceSeries;
import io.tickerpress.model.Quote;
import io.tickerpress.model.Snapshot;
import io.tickerpress.model.TradingCalendar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads {@code content/market/}: daily snapshots and {@code history/*.csv}, merged into one price series per
 * symbol. A symbol and day present in both with different closes is an error naming both files.
 */
public final class MarketLoader {
    /** Two closes for the same symbol and day agree when they differ by at most half a cent. */
    public static final double CLOSE_TOLERANCE = 0.005;
    private final TradingCalendar calendar;
    private final Diagnostics diagnostics;

    private final io.tickerpress.model.Limits limits;
    private final boolean strict;

    /** @param strict whether missing trading days in the data are errors ({@code market.strict}) rather than warnings */
    public MarketLoader(TradingCalendar calendar, Diagnostics diagnostics, io.tickerpress.model.Limits limits, boolean strict) {
        this.calendar = calendar;
        this.diagnostics = diagnostics;
        this.limits = limits;
        this.strict = strict;
    }

    public MarketData load(Path contentDir) {
        return load(contentDir, new ContentLoader.Cache());
    }

    public MarketData load(Path contentDir, ContentLoader.Cache cache) {
        Path dir = contentDir.resolve("market");
        if (!Files.isDirectory(dir)) {
            return MarketData.empty();
        }
        List<Snapshot> snapshots = new ArrayList<>();
        SnapshotLoader snapshotLoader = new SnapshotLoader(calendar, limits.snapshotBytes());
        // Parsed in parallel, reported in file order: the first bad file in that order is the one named.
        List<Path> files = ContentFiles.list(contentDir, dir, ".json").stream()
                .filter(file -> file.getParent().equals(dir)) // snapshots live directly in market/
                .toList();
        java.util.List<Object> settings = java.util.List.of(calendar, limits);
        snapshots.addAll(Parallel.map(files, f -> cache.parsed(f, settings, snapshotLoader::load)));
        snapshots.sort(java.util.Comparator.comparing(Snapshot::date));
        snapshots = names(snapshots);

        Map<String, PriceSeries.Builder> history = new TreeMap<>();
        Path historyDir = dir.resolve("history");
        if (Files.isDirectory(historyDir)) {
            HistoryLoader loader = new HistoryLoader(calendar, diagnostics, limits.csvBytes());
            for (Path file : ContentFiles.list(contentDir, historyDir, ".csv")) {
                String name = file.getFileName().toString();
                String symbol = name.substring(0, name.length() - 4).toUpperCase(Locale.ROOT);
                if (!SnapshotLoader.SYMBOL.matcher(symbol).matches()) {
                    throw new InputError(Diagnostics.display(file), "file name must be a symbol, such as RUT.csv");
                }
                if (history.containsKey(symbol)) {
                    throw new InputError(Diagnostics.display(file), "a second history file for " + symbol);
                }
                history.put(symbol, cache.parsed(file, settings, loader::load));
            }
        }
        // Snapshot quotes per symbol, in date order (snapshots are sorted).
        Map<String, PriceSeries.Builder> fromSnapshots = new TreeMap<>();
        Map<String, String> names = new HashMap<>();
        for (Snapshot s : snapshots) {
            for (List<Quote> list : List.of(s.indices(), s.quotes())) {
                for (Quote q : list) {
                    names.put(q.symbol(), q.name());
                    fromSnapshots.computeIfAbsent(q.symbol(), k -> new PriceSeries.Builder(64)).add(new Bar(s.date(),
                            q.open(), q.high(), q.low(), q.close(), q.volume(), s.file() + ":" + q.line()));
                }
            }
        }
        Map<String, PriceSeries> series = new TreeMap<>();
        java.util.Set<String> symbols = new java.util.TreeSet<>(history.keySet());
        symbols.addAll(fromSnapshots.keySet());
        for (String symbol : symbols) {
            PriceSeries.Builder h = history.getOrDefault(symbol, new PriceSeries.Builder(0));
            PriceSeries.Builder s = fromSnapshots.getOrDefault(symbol, new PriceSeries.Builder(0));
            PriceSeries.Builder merged = h.merge(s, CLOSE_TOLERANCE, (mine, theirs) -> {
                String where = s.source(theirs);
                int colon = where.lastIndexOf(':');
                throw new InputError(where.substring(0, colon), Integer.parseInt(where.substring(colon + 1)),
                        symbol + " closes at " + s.close(theirs) + " on " + LocalDate.ofEpochDay(s.day(theirs))
                                + " here but at " + h.close(mine) + " in " + h.source(mine)
                                + ": the two files disagree; correct one of them");
            });
            series.put(symbol, merged.build(symbol, names.getOrDefault(symbol, symbol)));
        }
        SnapshotOverHistory.check(snapshots, history);
        snapshots = HistoryFigures.fill(snapshots, series, history.keySet());
        GivenFigures.check(snapshots, series, calendar);
        SessionGaps.check(series, calendar, diagnostics, strict);
        return new MarketData(snapshots, series);
    }

    /**
     * Names the entries that leave out {@code name} with the name the latest earlier snapshot gave their symbol
     * (default: the symbol): names are written once, for new symbols, and a later entry without one keeps it.
     */
    private static List<Snapshot> names(List<Snapshot> snapshots) {
        Map<String, String> given = new HashMap<>();
        List<Snapshot> out = new ArrayList<>(snapshots.size());
        for (Snapshot s : snapshots) {
            List<Quote> indices = names(s.indices(), given);
            List<Quote> quotes = names(s.quotes(), given);
            out.add(indices == s.indices() && quotes == s.quotes() ? s
                    : new Snapshot(s.file(), s.date(), s.asOf(), indices, quotes, s.sectors(), s.stockOfTheDay()));
        }
        return out;
    }

    private static List<Quote> names(List<Quote> list, Map<String, String> given) {
        boolean complete = true;
        for (Quote q : list) {
            if (q.name() != null) given.put(q.symbol(), q.name());
            else complete = false;
        }
        if (complete) return list;
        List<Quote> out = new ArrayList<>(list.size());
        for (Quote q : list) {
            out.add(q.name() != null ? q : new Quote(q.symbol(), given.getOrDefault(q.symbol(), q.symbol()), q.open(),
                    q.high(), q.low(), q.close(), q.volume(), q.change(), q.changePct(), q.line()));
        }
        return out;
    }
}
