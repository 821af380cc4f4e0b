package io.tickerpress.derive;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.tickerpress.model.Bar;
import io.tickerpress.model.DayChange;
import io.tickerpress.model.MarketData;
import io.tickerpress.model.MarketSettings;
import io.tickerpress.model.PriceSeries;
import io.tickerpress.model.Rounding;
import io.tickerpress.model.TradingCalendar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The text of a new day's snapshot, pre-filled from the data: one entry for every symbol with a history row that day,
 * with its open, high, low, close and volume as the history gives them and its change and % change derived from the
 * previous session's close (left out after a gap or on a symbol's first day), rounded by the one rule of
 * {@link Rounding} (a change with the decimals of its closes, a % change with 2), as pages show them; sector
 * moves for the sectors {@code market.sectors} configures. {@code stockOfTheDay}, the editorial part, is left empty. Symbols go to {@code indices} when the
 * latest earlier snapshot lists them there or {@code market.board}, {@code mainIndex} or {@code benchmark} names them;
 * the others to {@code quotes}. Names come from earlier snapshots (default: the symbol).
 */
public final class SnapshotDraft {
    private SnapshotDraft() {
    }

    public static String json(LocalDate day, MarketData data, MarketSettings settings, TradingCalendar calendar) {
        Set<String> indexSymbols = new LinkedHashSet<>(settings.board());
        data.snapshots().stream().filter(s -> s.date().isBefore(day)).reduce((a, b) -> b)
                .ifPresent(s -> s.indices().forEach(q -> indexSymbols.add(q.symbol())));
        indexSymbols.add(settings.mainIndex());
        indexSymbols.add(settings.benchmark());
        List<String> indices = new ArrayList<>();
        for (String symbol : indexSymbols) {
            if (data.series().containsKey(symbol) && data.series().get(symbol).indexOf(day) >= 0) indices.add(symbol);
        }
        List<String> quotes = data.series().entrySet().stream()
                .filter(e -> !indexSymbols.contains(e.getKey()) && e.getValue().indexOf(day) >= 0)
                .map(Map.Entry::getKey).sorted().toList();
        StringBuilder sb = new StringBuilder();
        sb.append("{\n  \"date\": \"").append(day).append("\",\n")
                .append("  \"asOf\": \"").append(calendar.closeAt(day).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append("\",\n");
        entries(sb, "indices", indices, day, data.series(), calendar);
        entries(sb, "quotes", quotes, day, data.series(), calendar);
        sectors(sb, day, settings, data.series(), calendar);
        sb.append("  \"stockOfTheDay\": []\n}\n");
        return sb.toString();
    }

    /**
     * Sector moves from {@code market.sectors}: a sector's {@code changePct} is the equal-weighted average of its
     * members' % changes that day, its {@code ytdPct} the average of their changes since the previous year's last
     * close (each rounded by {@link Rounding} to its 2 decimals). A sector is left out when a member has no change that day; its
     * {@code ytdPct} when a member lacks the previous year's last close.
     */
    private static void sectors(StringBuilder sb, LocalDate day, MarketSettings settings, Map<String, PriceSeries> series,
                                TradingCalendar calendar) {
        List<String> lines = new ArrayList<>();
        LocalDate yearBase = calendar.previousTradingDay(LocalDate.of(day.getYear(), 1, 1));
        for (io.tickerpress.model.SectorMembers sector : settings.sectors()) {
            BigDecimal dayPct = BigDecimal.ZERO;
            BigDecimal ytd = BigDecimal.ZERO;
            boolean complete = true;
            boolean ytdKnown = true;
            for (String symbol : sector.symbols()) {
                PriceSeries s = series.get(symbol);
                int i = s == null ? -1 : s.indexOf(day);
                int p = i < 0 ? -1 : DayChange.previousSession(s, i, calendar);
                if (p < 0) {
                    complete = false;
                    break;
                }
                dayPct = dayPct.add(DayChange.pct(s.close(p), s.close(i)));
                int b = s.indexOf(yearBase);
                if (b < 0) ytdKnown = false;
                else ytd = ytd.add(DayChange.pct(s.close(b), s.close(i)));
            }
            if (!complete) continue;
            BigDecimal n = BigDecimal.valueOf(sector.symbols().size());
            lines.add("    {\"name\": " + text(sector.name()) + ", \"changePct\": "
                    + pct(dayPct.divide(n, 12, RoundingMode.HALF_UP))
                    + (ytdKnown ? ", \"ytdPct\": " + pct(ytd.divide(n, 12, RoundingMode.HALF_UP)) : "") + "}");
        }
        sb.append("  \"sectors\": [").append(lines.isEmpty() ? "" : "\n" + String.join(",\n", lines) + "\n  ")
                .append("],\n");
    }

    private static void entries(StringBuilder sb, String key, List<String> symbols, LocalDate day,
                                Map<String, PriceSeries> series, TradingCalendar calendar) {
        sb.append("  \"").append(key).append("\": [");
        for (int n = 0; n < symbols.size(); n++) {
            PriceSeries s = series.get(symbols.get(n));
            int i = s.indexOf(day);
            Bar bar = s.bar(i);
            sb.append(n == 0 ? "\n" : ",\n").append("    {\"symbol\": ").append(text(s.symbol()))
                    .append(", \"name\": ").append(text(s.name()));
            price(sb, "open", bar.open());
            price(sb, "high", bar.high());
            price(sb, "low", bar.low());
            price(sb, "close", bar.close());
            if (bar.volume() != null) sb.append(", \"volume\": ").append(bar.volume());
            int p = DayChange.previousSession(s, i, calendar);
            if (p >= 0) {
                BigDecimal change = DayChange.change(s.close(p), s.close(i));
                BigDecimal close = DayChange.decimal(s.close(i));
                sb.append(", \"change\": ").append(Rounding.round(change, Rounding.changeDecimals(close, change)).toPlainString())
                        .append(", \"changePct\": ").append(pct(DayChange.pct(s.close(p), s.close(i))));
            }
            sb.append('}');
        }
        sb.append(symbols.isEmpty() ? "],\n" : "\n  ],\n");
    }

    private static void price(StringBuilder sb, String key, Double v) {
        if (v == null || v.isNaN()) return;
        sb.append(", \"").append(key).append("\": ").append(Rounding.asData(DayChange.decimal(v)));
    }

    private static String pct(BigDecimal v) {
        return Rounding.round(v, Rounding.PCT_DECIMALS).toPlainString();
    }

    private static String text(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

}
