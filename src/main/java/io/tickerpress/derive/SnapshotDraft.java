package io.tickerpress.derive;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.tickerpress.model.Bar;
import io.tickerpress.model.DayChange;
import io.tickerpress.model.MarketData;
import io.tickerpress.model.MarketSettings;
import io.tickerpress.model.PriceSeries;
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
 * previous session's close (left out after a gap or on a symbol's first day), rounded half-up to 2 decimals. The
 * editorial parts ({@code sectors}, {@code stockOfTheDay}) are left empty. Symbols go to {@code indices} when the
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
        sb.append("  \"sectors\": [],\n  \"stockOfTheDay\": []\n}\n");
        return sb.toString();
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
                sb.append(", \"change\": ").append(round(DayChange.change(s.close(p), s.close(i))))
                        .append(", \"changePct\": ").append(round(DayChange.pct(s.close(p), s.close(i))));
            }
            sb.append('}');
        }
        sb.append(symbols.isEmpty() ? "],\n" : "\n  ],\n");
    }

    private static void price(StringBuilder sb, String key, Double v) {
        if (v == null || v.isNaN()) return;
        BigDecimal d = DayChange.decimal(v).stripTrailingZeros();
        if (d.scale() < 2) d = d.setScale(2, RoundingMode.UNNECESSARY);
        sb.append(", \"").append(key).append("\": ").append(d.toPlainString());
    }

    private static String round(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String text(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

}
