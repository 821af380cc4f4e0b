package io.tickerpress.derive;

import io.tickerpress.model.MarketData;
import io.tickerpress.model.PriceSeries;
import io.tickerpress.model.Snapshot;
import io.tickerpress.model.TradingCalendar;
import io.tickerpress.load.SnapshotLoader;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
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

    public Market(MarketData data, TradingCalendar calendar) {
        this.data = data;
        this.calendar = calendar;
        data.series().forEach((symbol, series) -> stats.put(symbol, new SeriesStats(series)));
    }

    private volatile String digest;

    /** A hash of all market data, for fingerprints of pages whose text is computed from it. */
    public String digest() {
        String d = digest;
        if (d == null) {
            java.security.MessageDigest sha;
            try {
                sha = java.security.MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            for (Snapshot s : data.snapshots()) {
                sha.update(s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            data.series().values().stream().sorted(java.util.Comparator.comparing(PriceSeries::symbol)).forEach(series -> {
                sha.update(series.symbol().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update(java.nio.ByteBuffer.allocate(8).putLong(series.contentHash()).array());
            });
            d = java.util.HexFormat.of().formatHex(sha.digest(), 0, 16);
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

    /**
     * The last trading day whose close is known at {@code moment}: a day's close counts from 16:00 New York
     * time, so a 06:04 story sees the previous session's close.
     */
    public static LocalDate lastCloseDate(Instant moment) {
        ZonedDateTime ny = moment.atZone(SnapshotLoader.NEW_YORK);
        return ny.toLocalTime().isBefore(SnapshotLoader.CLOSE) ? ny.toLocalDate().minusDays(1) : ny.toLocalDate();
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
