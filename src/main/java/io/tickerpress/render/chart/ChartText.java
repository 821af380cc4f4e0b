package io.tickerpress.render.chart;

import io.tickerpress.derive.ChartData;
import io.tickerpress.model.Bar;
import io.tickerpress.model.ChartSpec;
import io.tickerpress.model.DayChange;
import io.tickerpress.model.SectorMove;
import io.tickerpress.render.Formats;
import io.tickerpress.render.Numbers;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

/**
 * Words and numbers for a chart, from its data: the alt text (what, range, start and end values, % change)
 * and a data table for screen readers and for readers who want the figures.
 */
public final class ChartText {
    /** A data table: caption, header cells and rows of cells. */
    public record Table(String caption, List<String> headers, List<List<String>> rows) {
        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    private ChartText() {
    }

    public static String title(ChartData d, Formats f) {
        if (!d.spec().title().isEmpty()) return d.spec().title();
        String range = rangeWords(d.spec().range());
        return switch (d.spec().type()) {
            case PRICE -> label(d.slices().get(0)) + ", " + range;
            case COMPARE -> String.join(" vs ", d.slices().stream().map(ChartData.Slice::name).toList()) + ", " + range;
            case CANDLESTICK -> label(d.slices().get(0)) + " daily prices and volume, " + range;
            case SECTORS -> "Sector performance, " + f.date(d.end());
            case SPARKLINE -> label(d.slices().get(0)) + ", " + range;
        };
    }

    public static String alt(ChartData d, Formats f) {
        String range = rangeWords(d.spec().range()) + " to " + f.date(d.end());
        switch (d.spec().type()) {
            case SECTORS: {
                List<SectorMove> known = d.sectors().stream().filter(s -> s.changePct() != null)
                        .sorted((a, b) -> Double.compare(b.changePct(), a.changePct())).toList();
                if (known.isEmpty()) return "Bar chart of sector performance on " + f.date(d.end()) + ": no figures.";
                // Counted by the direction of the move (the sign of the unrounded figure), as arrows and colours are.
                long up = known.stream().filter(s -> Numbers.direction(s.changePct()).equals("up")).count();
                SectorMove best = known.get(0);
                SectorMove worst = known.get(known.size() - 1);
                return "Bar chart of sector performance on " + f.date(d.end()) + ": best " + best.name() + " "
                        + Numbers.pct(best.changePct()) + ", worst " + worst.name() + " " + Numbers.pct(worst.changePct())
                        + "; " + up + " of " + known.size() + " sectors rose.";
            }
            case COMPARE: {
                List<String> parts = new ArrayList<>();
                for (ChartData.Slice s : d.slices()) {
                    parts.add(label(s) + " " + Numbers.pct(change(s.bars())));
                }
                return "Line chart comparing " + String.join(", ", d.slices().stream().map(ChartData.Slice::symbol).toList())
                        + " rebased to 100, " + range + ": " + String.join("; ", parts) + ".";
            }
            case CANDLESTICK: {
                ChartData.Slice s = d.slices().get(0);
                Bar hi = s.bars().stream().max((a, b) -> Double.compare(high(a), high(b))).orElseThrow();
                Bar lo = s.bars().stream().min((a, b) -> Double.compare(low(a), low(b))).orElseThrow();
                return "Candlestick chart of " + label(s) + " daily open, high, low and close with volume, " + range
                        + ": " + span(s.bars(), f) + "; high " + Numbers.price(high(hi)) + " on " + f.date(hi.date())
                        + ", low " + Numbers.price(low(lo)) + " on " + f.date(lo.date()) + ".";
            }
            case SPARKLINE: {
                ChartData.Slice s = d.slices().get(0);
                return "Trend of " + label(s) + ", " + range + ": " + span(s.bars(), f) + ".";
            }
            default: {
                ChartData.Slice s = d.slices().get(0);
                return "Line chart of " + label(s) + " closes, " + range + ": " + span(s.bars(), f) + ".";
            }
        }
    }

    public static Table table(ChartData d, Formats f) {
        ChartSpec.Type type = d.spec().type();
        if (type == ChartSpec.Type.SECTORS) {
            List<List<String>> rows = new ArrayList<>();
            for (SectorMove s : d.sectors()) {
                rows.add(List.of(s.name(), s.changePct() == null ? "" : Numbers.pct(s.changePct()),
                        s.ytdPct() == null ? "" : Numbers.pct(s.ytdPct())));
            }
            return new Table("Sector performance on " + f.date(d.end()), List.of("Sector", "Day", "Year to date"), rows);
        }
        if (type == ChartSpec.Type.CANDLESTICK) {
            List<Bar> bars = d.slices().get(0).bars();
            List<List<String>> rows = new ArrayList<>();
            for (Bar b : sample(bars)) {
                rows.add(List.of(f.date(b.date()), b.open() == null ? "" : Numbers.price(b.open()),
                        b.high() == null ? "" : Numbers.price(b.high()), b.low() == null ? "" : Numbers.price(b.low()),
                        Numbers.price(b.close()), b.volume() == null ? "" : Numbers.volume(b.volume())));
            }
            return new Table(caption(d, bars, f), List.of("Date", "Open", "High", "Low", "Close", "Volume"), rows);
        }
        // Line charts: one column per symbol, dates of the first symbol.
        List<String> headers = new ArrayList<>();
        headers.add("Date");
        for (ChartData.Slice s : d.slices()) headers.add(s.symbol() + (type == ChartSpec.Type.COMPARE ? " (rebased)" : ""));
        List<Bar> spine = d.slices().get(0).bars();
        List<List<String>> rows = new ArrayList<>();
        for (Bar b : sample(spine)) {
            List<String> row = new ArrayList<>();
            row.add(f.date(b.date()));
            for (ChartData.Slice s : d.slices()) {
                Bar match = at(s.bars(), b.date());
                double base = s.bars().get(0).close();
                row.add(match == null ? "" : type == ChartSpec.Type.COMPARE
                        ? Numbers.price(DayChange.rebased(base, match.close())) : Numbers.price(match.close()));
            }
            rows.add(row);
        }
        return new Table(caption(d, spine, f), headers, rows);
    }

    /** Up to about 100 rows: every session for short ranges, else the last session of each week or month. */
    static List<Bar> sample(List<Bar> bars) {
        if (bars.size() <= 100) return bars;
        boolean weekly = bars.size() <= 520;
        List<Bar> out = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            boolean lastOfPeriod = i == bars.size() - 1 || !samePeriod(b.date(), bars.get(i + 1).date(), weekly);
            if (i == 0 || lastOfPeriod) out.add(b);
        }
        return out;
    }

    private static boolean samePeriod(LocalDate a, LocalDate b, boolean weekly) {
        if (weekly) {
            return a.get(IsoFields.WEEK_BASED_YEAR) == b.get(IsoFields.WEEK_BASED_YEAR)
                    && a.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) == b.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        }
        return a.getYear() == b.getYear() && a.getMonthValue() == b.getMonthValue();
    }

    private static String caption(ChartData d, List<Bar> bars, Formats f) {
        String every = bars.size() <= 100 ? "Daily" : bars.size() <= 520 ? "Weekly (last session of each week)"
                : "Monthly (last session of each month)";
        return every + " figures, " + rangeWords(d.spec().range()) + " to " + f.date(d.end());
    }

    private static Bar at(List<Bar> bars, LocalDate date) {
        for (Bar b : bars) if (b.date().equals(date)) return b;
        return null;
    }

    private static String span(List<Bar> bars, Formats f) {
        Bar first = bars.get(0);
        Bar last = bars.get(bars.size() - 1);
        return "from " + Numbers.price(first.close()) + " on " + f.date(first.date()) + " to "
                + Numbers.price(last.close()) + " on " + f.date(last.date()) + ", " + Numbers.pct(change(bars));
    }

    /** % change over the bars, by the rule of a day's change ({@link DayChange#pct}). */
    static double change(List<Bar> bars) {
        return DayChange.pct(bars.get(0).close(), bars.get(bars.size() - 1).close()).doubleValue();
    }

    private static double high(Bar b) {
        return b.high() == null ? b.close() : b.high();
    }

    private static double low(Bar b) {
        return b.low() == null ? b.close() : b.low();
    }

    private static String label(ChartData.Slice s) {
        return s.name().equals(s.symbol()) ? s.symbol() : s.name() + " (" + s.symbol() + ")";
    }

    static String rangeWords(String range) {
        return switch (range) {
            case "1M" -> "1 month";
            case "3M" -> "3 months";
            case "6M" -> "6 months";
            case "YTD" -> "year to date";
            case "1Y" -> "1 year";
            case "52W" -> "52 weeks";
            case "5Y" -> "5 years";
            default -> "all data";
        };
    }
}
