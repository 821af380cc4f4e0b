package io.tickerpress.derive;

import io.tickerpress.model.DayChange;
import io.tickerpress.model.Fingerprint;
import io.tickerpress.model.MarketData;
import io.tickerpress.model.PriceSeries;
import io.tickerpress.model.Quote;
import io.tickerpress.model.Snapshot;
import io.tickerpress.model.StockOfTheDay;
import io.tickerpress.model.TradingCalendar;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The market data of a site with what is derived from it: statistics per symbol and "as of" look-ups that
 * never look ahead of a given moment.
 */
public final class Market {
    private final MarketData data;
    private final TradingCalendar calendar;
    private final Map<String, SeriesStats> stats = new HashMap<>();
    /** Figures snapshots give, by symbol and day (checked against the closes by the loader). */
    private final Map<String, Map<LocalDate, Quote>> given = new HashMap<>();

    public Market(MarketData data, TradingCalendar calendar) {
        this.data = data;
        this.calendar = calendar;
        data.series().forEach((symbol, series) -> stats.put(symbol, new SeriesStats(series, calendar)));
        for (Snapshot s : data.snapshots()) {
            for (List<Quote> list : List.of(s.indices(), s.quotes())) {
                for (Quote q : list) {
                    if (q.change() != null || q.changePct() != null) {
                        given.computeIfAbsent(q.symbol(), k -> new HashMap<>()).put(s.date(), q);
                    }
                }
            }
        }
    }

    /**
     * A symbol's move on bar {@code i} of its series: the one source of a day's change on every page (digest,
     * sidebar, ticker page, quote shortcode). With the previous session's close in the data, change and percent
     * are computed from the two closes, whatever the snapshot writes: a figure it gives is only a check (the loader
     * stopped the build if it disagreed beyond its own rounding), so a {@code change: 0} that the closes make 0.40
     * is published as +0.40, never as a 0.00 beside closes 0.40 apart. Without that close (a symbol's first
     * day, the session after a gap) a given figure is the move, and the other is derived from it. Change and
     * percent are null when neither is possible: no given figure there (a change is never taken across missing
     * days).
     */
    public Move move(String symbol, int i) {
        SeriesStats s = stats.get(symbol);
        PriceSeries series = s.series();
        double close = s.close(i);
        BigDecimal change;
        BigDecimal pct;
        int p = DayChange.previousSession(series, i, calendar);
        if (p >= 0) {
            change = DayChange.change(s.close(p), close);
            pct = DayChange.pct(s.close(p), close);
        } else {
            Quote q = given.getOrDefault(symbol, Map.of()).get(s.date(i));
            change = q == null ? null : q.change();
            pct = q == null ? null : q.changePct();
            if (change != null && pct == null) pct = DayChange.pctFromChange(close, change);
            else if (pct != null && change == null) change = DayChange.changeFromPct(close, pct);
        }
        return new Move(symbol, series.name(), s.date(i), close, change == null ? null : change.doubleValue(),
                pct == null ? null : pct.doubleValue(), series.bars().get(i).volume());
    }

    /** A symbol's move on a day it has a bar, or empty. */
    public Optional<Move> moveOn(String symbol, LocalDate date) {
        return stats(symbol).map(s -> s.series().indexOf(date)).filter(i -> i >= 0).map(i -> move(symbol, i));
    }

    private volatile String digest;

    /**
     * A hash of all market data, for fingerprints of pages whose text is computed from it. The figures only: not
     * the names of the files they were read from, which no page shows and which are written as seen from the
     * working folder (a build from another folder must find the same hash).
     */
    public String digest() {
        String d = digest;
        if (d == null) {
            // The fingerprints' own hash: SHA-256 took a fifth of an article edit on a site of 5,000 snapshots.
            Fingerprint.Parts hash = new Fingerprint.Parts();
            for (Snapshot s : data.snapshots()) {
                hash.add(java.util.Arrays.asList(s.date(), s.asOf(), s.indices(), s.quotes(), s.sectors()).toString());
                for (StockOfTheDay x : s.stockOfTheDay()) {
                    hash.add(java.util.Arrays.asList(x.symbol(), x.time(), x.headline(), x.body(), x.line()).toString());
                }
                hash.add(s.stockOfTheDay().size());
            }
            data.series().values().stream().sorted(java.util.Comparator.comparing(PriceSeries::symbol))
                    .forEach(series -> hash.add(series.symbol()).add(series.contentHash()));
            d = hash.hex();
            digest = d;
        }
        return d;
    }

    public TradingCalendar calendar() {
        return calendar;
    }

    public List<Snapshot> snapshots() {
        return data.snapshots();
    }

    public boolean isEmpty() {
        return data.isEmpty();
    }

    public Optional<SeriesStats> stats(String symbol) {
        return Optional.ofNullable(stats.get(symbol));
    }

    public Map<String, PriceSeries> series() {
        return data.series();
    }

    /** The last trading day whose close is known at {@code moment} (the calendar knows each session's close). */
    public LocalDate lastCloseDate(Instant moment) {
        return calendar.lastCloseDate(moment);
    }

    /** The newest snapshot whose {@code asOf} is at or before {@code moment}. */
    public Optional<Snapshot> snapshotAsOf(Instant moment) {
        Snapshot found = null;
        for (Snapshot s : data.snapshots()) {
            if (!s.asOf().toInstant().isAfter(moment)) found = s;
        }
        return Optional.ofNullable(found);
    }

    public Optional<Snapshot> latestSnapshot() {
        List<Snapshot> s = data.snapshots();
        return s.isEmpty() ? Optional.empty() : Optional.of(s.get(s.size() - 1));
    }

    public Optional<Snapshot> snapshotOn(LocalDate date) {
        return data.snapshots().stream().filter(s -> s.date().equals(date)).findFirst();
    }
}
