package io.tickerpress.derive;

import io.tickerpress.model.Bar;
import io.tickerpress.model.ChartSpec;
import io.tickerpress.model.PriceSeries;
import io.tickerpress.model.Snapshot;
import io.tickerpress.model.TradingCalendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Cuts the data a chart shows out of the market data, ending at a given day: no look-ahead. */
public final class ChartSlicer {
    private final Market market;

    public ChartSlicer(Market market) {
        this.market = market;
    }

    /**
     * @return the chart's data, or an explanation of why there is none (unknown symbol, empty range)
     */
    public Result slice(ChartSpec spec, LocalDate asOf) {
        if (spec.type() == ChartSpec.Type.SECTORS) {
            Optional<Snapshot> snap = market.snapshots().stream().filter(s -> !s.date().isAfter(asOf))
                    .filter(s -> !s.sectors().isEmpty()).reduce((a, b) -> b);
            return snap.map(s -> Result.ok(new ChartData(spec, s.date(), List.of(), s.sectors())))
                    .orElseGet(() -> Result.error("no snapshot with sectors on or before " + asOf));
        }
        List<ChartData.Slice> slices = new ArrayList<>();
        LocalDate end = null;
        for (String symbol : spec.symbols()) {
            Optional<SeriesStats> stats = market.stats(symbol);
            if (stats.isEmpty()) {
                return Result.error("unknown symbol '" + symbol + "': no snapshot or history file has it");
            }
            PriceSeries series = stats.get().series();
            int last = series.indexAtOrBefore(asOf);
            if (last < 0) {
                return Result.error("no " + symbol + " data on or before " + asOf);
            }
            LocalDate lastDate = series.bars().get(last).date();
            int first = firstIndex(series, lastDate, spec.range(), market.calendar());
            if (last - first < 1) {
                return Result.error("range " + spec.range() + " has fewer than two " + symbol + " closes up to " + lastDate);
            }
            slices.add(new ChartData.Slice(symbol, series.name(), series.bars().subList(first, last + 1)));
            if (end == null || lastDate.isAfter(end)) end = lastDate;
        }
        return Result.ok(new ChartData(spec, end, slices, List.of()));
    }

    /**
     * The first bar shown. Ranges are trading-day windows ending at {@code end}: 1M is 21 sessions, 3M 63, 6M 126,
     * 1Y 252 and 5Y 1260, counted on the exchange calendar, plus the close the window's change is measured from;
     * YTD starts at the previous year's last session; 52W is the 52 weeks of the 52-week high and low
     * ({@link SeriesStats#first52WeekDay}), with no close before them. The first bar is the first one on or after the window's
     * start, so a chart never reaches back to an older close across missing data.
     */
    static int firstIndex(PriceSeries series, LocalDate end, String range, TradingCalendar calendar) {
        if (range.equals("MAX")) return 0;
        LocalDate start = switch (range) {
            case "YTD" -> calendar.previousTradingDay(LocalDate.of(end.getYear(), 1, 1));
            case "52W" -> SeriesStats.first52WeekDay(end);
            default -> calendar.sessionsBefore(end, SESSIONS.getOrDefault(range, 0));
        };
        int i = series.indexAtOrBefore(start);
        if (i >= 0 && series.date(i).equals(start)) return i;
        return i + 1;
    }

    /** Sessions in each range: about 21 trading days a month, 252 a year. */
    static final java.util.Map<String, Integer> SESSIONS = java.util.Map.of("1M", 21, "3M", 63, "6M", 126,
            "1Y", 252, "5Y", 1260);

    /** Chart data, or why there is none. */
    public record Result(ChartData data, String error) {
        static Result ok(ChartData d) {
            return new Result(d, null);
        }

        static Result error(String e) {
            return new Result(null, e);
        }
    }

    /** Convenience for callers that know the data exists. */
    public static List<Bar> bars(ChartData d) {
        return d.slices().get(0).bars();
    }
}
