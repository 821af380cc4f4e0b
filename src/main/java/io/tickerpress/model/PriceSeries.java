package io.tickerpress.model;

import java.time.LocalDate;
import java.util.List;

/** A symbol's daily closes, oldest first, merged from history files and snapshots. */
public record PriceSeries(String symbol, String name, List<Bar> bars) {
    public PriceSeries {
        bars = List.copyOf(bars);
    }

    /** Index of the bar on {@code date}, or -1. */
    public int indexOf(LocalDate date) {
        int i = indexAtOrBefore(date);
        return i >= 0 && bars.get(i).date().equals(date) ? i : -1;
    }

    /** Index of the last bar on or before {@code date}, or -1 when the series starts later. */
    public int indexAtOrBefore(LocalDate date) {
        int lo = 0;
        int hi = bars.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (bars.get(mid).date().isAfter(date)) {
                hi = mid - 1;
            } else {
                found = mid;
                lo = mid + 1;
            }
        }
        return found;
    }
}
