package io.tickerpress.model;

import java.util.List;
import java.util.Map;

/**
 * All market data of a site: the daily snapshots (oldest first) and one price series per symbol.
 */
public record MarketData(List<Snapshot> snapshots, Map<String, PriceSeries> series) {
    public MarketData {
        snapshots = List.copyOf(snapshots);
        series = Map.copyOf(series);
    }

    public static MarketData empty() {
        return new MarketData(List.of(), Map.of());
    }

    public boolean isEmpty() {
        return snapshots.isEmpty() && series.isEmpty();
    }
}
