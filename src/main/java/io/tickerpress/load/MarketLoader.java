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
    private static final double CLOSE_TOLERANCE = 0.005;
    private final TradingCalendar calendar;
    private final Diagnostics diagnostics;

    private final io.tickerpress.model.Limits limits;

    public MarketLoader(TradingCalendar calendar, Diagnostics diagnostics, io.tickerpress.model.Limits limits) {
        this.calendar = calendar;
        this.diagnostics = diagnostics;
        this.limits = limits;
    }

    public MarketData load(Path contentDir) {
        Path dir = contentDir.resolve("market");
        if (!Files.isDirectory(dir)) {
            return MarketData.empty();
        }
        List<Snapshot> snapshots = new ArrayList<>();
        SnapshotLoader snapshotLoader = new SnapshotLoader(calendar, limits.snapshotBytes());
        for (Path file : ContentFiles.list(contentDir, dir, ".json")) {
            if (!file.getParent().equals(dir)) continue; // snapshots live directly in market/
            snapshots.add(snapshotLoader.load(file));
        }
        snapshots.sort(java.util.Comparator.comparing(Snapshot::date));

        Map<String, TreeMap<LocalDate, Bar>> bars = new TreeMap<>();
        Map<String, String> names = new HashMap<>();
        Path historyDir = dir.resolve("history");
        if (Files.isDirectory(historyDir)) {
            HistoryLoader history = new HistoryLoader(diagnostics, limits.csvBytes());
            for (Path file : ContentFiles.list(contentDir, historyDir, ".csv")) {
                String name = file.getFileName().toString();
                String symbol = name.substring(0, name.length() - 4).toUpperCase(Locale.ROOT);
                if (!SnapshotLoader.SYMBOL.matcher(symbol).matches()) {
                    throw new InputError(Diagnostics.display(file), "file name must be a symbol, such as RUT.csv");
                }
                TreeMap<LocalDate, Bar> series = bars.computeIfAbsent(symbol, k -> new TreeMap<>());
                for (Bar bar : history.load(file)) {
                    series.put(bar.date(), bar);
                }
            }
        }
        for (Snapshot s : snapshots) {
            for (List<Quote> list : List.of(s.indices(), s.quotes())) {
                for (Quote q : list) {
                    names.put(q.symbol(), q.name());
                    Bar bar = new Bar(s.date(), q.open(), q.high(), q.low(), q.close(), q.volume(), s.file() + ":" + q.line());
                    Bar other = bars.computeIfAbsent(q.symbol(), k -> new TreeMap<>()).put(s.date(), bar);
                    if (other != null && Math.abs(other.close() - bar.close()) > CLOSE_TOLERANCE) {
                        throw new InputError(s.file(), q.line(), q.symbol() + " closes at " + q.close() + " on " + s.date()
                                + " here but at " + other.close() + " in " + other.source()
                                + ": the two files disagree; correct one of them");
                    }
                }
            }
        }
        Map<String, PriceSeries> series = new TreeMap<>();
        bars.forEach((symbol, map) -> series.put(symbol,
                new PriceSeries(symbol, names.getOrDefault(symbol, symbol), new ArrayList<>(map.values()))));
        return new MarketData(snapshots, series);
    }
}
