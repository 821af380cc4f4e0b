package io.tickerpress.load;

import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.InputError;
import io.tickerpress.model.PriceSeries;
import io.tickerpress.model.TradingCalendar;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds trading days missing inside each symbol's series (between its first and last bar) and reports them once
 * per file, against the file holding the first row after a gap: a warning, or an error with
 * {@code market.strict: true}. No day-over-day change is published for a session that follows a gap.
 */
final class SessionGaps {
    private static final int LISTED = 12;

    private SessionGaps() {
    }

    /** Missing days of one file: the days and the symbols lacking them, and the line of the first row after a gap. */
    private static final class FileGaps {
        final TreeMap<LocalDate, TreeSet<String>> days = new TreeMap<>();
        int line;
    }

    static void check(Map<String, PriceSeries> series, TradingCalendar calendar, Diagnostics diagnostics, boolean strict) {
        Map<String, FileGaps> byFile = new LinkedHashMap<>();
        for (PriceSeries s : new TreeMap<>(series).values()) {
            for (int i = 1; i < s.size(); i++) {
                if (s.epochDay(i) - s.epochDay(i - 1) == 1) continue; // consecutive days: nothing missing
                LocalDate before = s.date(i - 1);
                LocalDate after = s.date(i);
                if (!calendar.hasSessionBetween(before, after)) continue;
                FileGaps gaps = byFile.computeIfAbsent(s.sourceFile(i), k -> new FileGaps());
                if (gaps.line == 0) gaps.line = s.sourceLine(i);
                for (LocalDate d : calendar.tradingDaysBetween(before, after)) {
                    gaps.days.computeIfAbsent(d, k -> new TreeSet<>()).add(s.symbol());
                }
            }
        }
        for (Map.Entry<String, FileGaps> e : byFile.entrySet()) {
            String message = message(e.getValue());
            if (strict) {
                throw new InputError(e.getKey(), e.getValue().line, message
                        + "; market.strict is on in site.yaml: add the missing rows (or turn strict off to publish with a warning)");
            }
            diagnostics.warn(e.getKey(), e.getValue().line, message);
        }
    }

    private static String message(FileGaps gaps) {
        TreeSet<String> symbols = new TreeSet<>();
        gaps.days.values().forEach(symbols::addAll);
        List<String> dates = gaps.days.keySet().stream().limit(LISTED).map(LocalDate::toString).toList();
        int more = gaps.days.size() - dates.size();
        return io.tickerpress.diag.Counts.of(gaps.days.size(), "trading day") + " missing from the " + String.join(", ", symbols) + " data: "
                + String.join(", ", dates) + (more > 0 ? " and " + more + " more" : "")
                + " (no day-over-day change is published for the session after a gap)";
    }
}
