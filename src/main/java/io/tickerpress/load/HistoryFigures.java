package io.tickerpress.load;

import io.tickerpress.diag.InputError;
import io.tickerpress.model.Bar;
import io.tickerpress.model.PriceSeries;
import io.tickerpress.model.Quote;
import io.tickerpress.model.Snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills in the figures a snapshot leaves to the history: an entry without {@code close} takes the close of its
 * symbol's history row for the snapshot's day (open, high, low and volume left out are taken the same way when the
 * series is merged). An entry without a close whose history has no row that day is an error naming the entry.
 */
final class HistoryFigures {
    private HistoryFigures() {
    }

    static List<Snapshot> fill(List<Snapshot> snapshots, Map<String, PriceSeries> series, Set<String> withHistory) {
        List<Snapshot> out = new ArrayList<>(snapshots.size());
        for (Snapshot s : snapshots) {
            List<Quote> indices = fill(s, s.indices(), series, withHistory);
            List<Quote> quotes = fill(s, s.quotes(), series, withHistory);
            out.add(indices == s.indices() && quotes == s.quotes() ? s
                    : new Snapshot(s.file(), s.date(), s.asOf(), indices, quotes, s.sectors(), s.stockOfTheDay()));
        }
        return out;
    }

    private static List<Quote> fill(Snapshot s, List<Quote> list, Map<String, PriceSeries> series, Set<String> withHistory) {
        if (list.stream().noneMatch(q -> Double.isNaN(q.close()))) return list;
        List<Quote> out = new ArrayList<>(list.size());
        for (Quote q : list) {
            if (!Double.isNaN(q.close())) {
                out.add(q);
                continue;
            }
            PriceSeries p = series.get(q.symbol());
            int i = p.indexOf(s.date());
            if (i < 0 || Double.isNaN(p.close(i))) {
                throw new InputError(s.file(), q.line(), q.symbol() + " has no 'close' here and "
                        + (withHistory.contains(q.symbol()) ? "its history has no row for " + s.date()
                        : "there is no history file content/market/history/" + q.symbol() + ".csv")
                        + ": write the close, or import the day's data (tickerpress import)");
            }
            Bar b = p.bar(i);
            out.add(new Quote(q.symbol(), q.name(), q.open() != null ? q.open() : b.open(),
                    q.high() != null ? q.high() : b.high(), q.low() != null ? q.low() : b.low(), p.close(i),
                    q.volume() != null ? q.volume() : b.volume(), q.change(), q.changePct(), q.line()));
        }
        return out;
    }
}
