package io.tickerpress.load;

import io.tickerpress.diag.InputError;
import io.tickerpress.model.Bar;
import io.tickerpress.model.PriceSeries;
import io.tickerpress.model.Quote;
import io.tickerpress.model.Snapshot;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Checks a day whose figures come from two files: a snapshot entry gives some of open, high, low and close, and the
 * symbol's history row for that day the others. Each file's own figures were checked when it was read; the row made
 * of both must hold too ({@code low ≤ open, close ≤ high}), or the page would show an open above the day's high.
 * Figures from the two files are compared with the tolerance the closes are ({@link MarketLoader#CLOSE_TOLERANCE}).
 */
final class SnapshotOverHistory {
    private static final String[] FIELDS = {"open", "high", "low", "close"};
    /** Pairs (lower, upper) of {@link #FIELDS} indices that must be in order. */
    private static final int[][] ORDER = {{2, 1}, {0, 1}, {3, 1}, {2, 0}, {2, 3}};

    private SnapshotOverHistory() {
    }

    static void check(List<Snapshot> snapshots, Map<String, PriceSeries.Builder> history) {
        for (Snapshot s : snapshots) {
            for (List<Quote> list : List.of(s.indices(), s.quotes())) {
                for (Quote q : list) {
                    PriceSeries.Builder h = history.get(q.symbol());
                    if (h == null || h.size() == 0) continue;
                    PriceSeries rows = h.build(q.symbol(), q.symbol()); // a view of the builder's columns
                    int i = rows.indexOf(s.date());
                    if (i >= 0) check(s, q, rows.bar(i));
                }
            }
        }
    }

    private static void check(Snapshot s, Quote q, Bar row) {
        Double[] given = {q.open(), q.high(), q.low(), Double.isNaN(q.close()) ? null : q.close()};
        Double[] kept = {row.open(), row.high(), row.low(), row.close()};
        for (int[] pair : ORDER) {
            int lower = pair[0];
            int upper = pair[1];
            // Only a pair from two files: each file's own pairs were checked as it was read.
            if ((given[lower] == null) == (given[upper] == null)) continue;
            Double low = given[lower] != null ? given[lower] : kept[lower];
            Double high = given[upper] != null ? given[upper] : kept[upper];
            if (low == null || high == null || low <= high + MarketLoader.CLOSE_TOLERANCE) continue;
            boolean lowerHere = given[lower] != null;
            int here = lowerHere ? lower : upper;
            int there = lowerHere ? upper : lower;
            throw new InputError(s.file(), q.line(), q.symbol() + ": '" + FIELDS[here] + "' " + plain(given[here])
                    + " here is " + (lowerHere ? "above" : "below") + " the '" + FIELDS[there] + "' " + plain(kept[there])
                    + " of " + row.source() + " for " + s.date() + ": the day's row is made of both files, and a day's low"
                    + " is at most its open and close, its high at least; correct one of the two files");
        }
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).toPlainString();
    }
}
