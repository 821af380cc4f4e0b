package io.tickerpress.derive;

import io.tickerpress.model.DayChange;
import io.tickerpress.model.PriceSeries;
import io.tickerpress.model.TradingCalendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Statistics of one price series, each as of a bar index (so nothing after that day is looked at).
 * Prefix arrays are computed once, making every query O(1) or O(log n).
 */
public final class SeriesStats {
    private final PriceSeries series;
    private final TradingCalendar calendar;
    private final double[] close;
    /** Whether the bar before is the previous session's (no trading day missing in between). */
    private final boolean[] afterSession;
    private final int[] lastRecord;
    private final int[] streak;

    public SeriesStats(PriceSeries series, TradingCalendar calendar) {
        this.series = series;
        this.calendar = calendar;
        int n = series.size();
        close = new double[n];
        afterSession = new boolean[n];
        lastRecord = new int[n];
        streak = new int[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            close[i] = series.close(i);
            afterSession[i] = DayChange.previousSession(series, i, calendar) >= 0;
            if (close[i] > max) {
                max = close[i];
                lastRecord[i] = i;
            } else {
                lastRecord[i] = lastRecord[i - 1];
            }
            // A streak counts day-over-day moves only: it restarts after a gap in the data.
            if (!afterSession[i] || close[i] == close[i - 1]) {
                streak[i] = 0;
            } else if (close[i] > close[i - 1]) {
                streak[i] = streak[i - 1] > 0 ? streak[i - 1] + 1 : 1;
            } else {
                streak[i] = streak[i - 1] < 0 ? streak[i - 1] - 1 : -1;
            }
        }
    }

    public PriceSeries series() {
        return series;
    }

    public int size() {
        return close.length;
    }

    public LocalDate date(int i) {
        return series.date(i);
    }

    public double close(int i) {
        return close[i];
    }

    /**
     * Whether bar {@code i} follows the previous session's bar, so that its day-over-day change is known. False
     * for the first bar and after a gap in the data; see {@link Market#move} for the change itself.
     */
    public boolean hasPreviousSession(int i) {
        return afterSession[i];
    }

    /** % change since the last close of the previous calendar year. */
    public OptionalDouble ytd(int i) {
        int base = yearBase(date(i).getYear());
        if (base < 0) return OptionalDouble.empty();
        return OptionalDouble.of(pct(close[base], close[i]));
    }

    /** The bar of the last session of the year before {@code year}, or -1 when the data lacks that day. */
    private int yearBase(int year) {
        return series.indexOf(calendar.previousTradingDay(LocalDate.of(year, 1, 1)));
    }

    /**
     * % change over the first {@code n} trading days of {@code year}, from the previous year's last close to the
     * n-th trading day's close. Empty until that day's bar is known (as of bar {@code i}), or when bars are missing.
     */
    public OptionalDouble firstNDays(int i, int year, int n, TradingCalendar calendar) {
        List<LocalDate> days = calendar.firstTradingDays(year, n);
        if (days.size() < n) return OptionalDouble.empty();
        LocalDate nth = days.get(n - 1);
        if (date(i).isBefore(nth)) return OptionalDouble.empty();
        int end = series.indexOf(nth);
        int base = yearBase(year);
        if (end < 0 || base < 0) return OptionalDouble.empty();
        return OptionalDouble.of(pct(close[base], close[end]));
    }

    /** Index of the latest record close (highest close in the data so far) at or before {@code i}. */
    public int lastRecord(int i) {
        return lastRecord[i];
    }

    /** Sessions since the latest record close: 0 when bar {@code i} is itself a record. */
    public int sessionsSinceRecord(int i) {
        return i - lastRecord[i];
    }

    /** Consecutive up (positive) or down (negative) sessions ending at {@code i}; 0 when unchanged. */
    public int streak(int i) {
        return streak[i];
    }

    /**
     * Consecutive sessions, ending at bar {@code i}, in which this series' % change beat {@code other}'s on
     * the same day. Stops at the first session that did not, or where either series lacks a bar.
     */
    public int relativeStreak(int i, SeriesStats other) {
        int count = 0;
        for (int k = i; k > 0; k--) {
            int j = other.series.indexOf(date(k));
            if (j <= 0 || !afterSession[k] || !other.afterSession[j] || !other.date(j - 1).equals(date(k - 1))) break;
            // Compared as decimals: 80 → 80.90 and 8 → 8.09 are both exactly +1.125%, a tie, not a beat.
            if (DayChange.pct(close[k - 1], close[k]).compareTo(DayChange.pct(other.close[j - 1], other.close[j])) > 0) {
                count++;
            } else {
                break;
            }
        }
        return count;
    }

    /**
     * The first day of the 52 weeks that end on {@code end}: {@code end} and the 363 days before it. The one window
     * of the 52-week high and low and of the ticker page's 52-week chart ({@code range: 52W}), so that the chart's
     * highest close is the 52-week high beside it.
     */
    public static LocalDate first52WeekDay(LocalDate end) {
        return end.minusWeeks(52).plusDays(1);
    }

    /** Highest close over the 52 weeks up to and including bar {@code i}. */
    public int high52(int i) {
        return extreme52(i, true);
    }

    /** Lowest close over the 52 weeks up to and including bar {@code i}. */
    public int low52(int i) {
        return extreme52(i, false);
    }

    private int extreme52(int i, boolean high) {
        LocalDate from = first52WeekDay(date(i));
        int best = i;
        for (int k = i; k >= 0 && !date(k).isBefore(from); k--) {
            if (high ? close[k] > close[best] : close[k] < close[best]) best = k;
        }
        return best;
    }

    /** Convenience for templates: the bar index of the latest close on or before a date. */
    public Optional<Integer> indexAtOrBefore(LocalDate date) {
        int i = series.indexAtOrBefore(date);
        return i < 0 ? Optional.empty() : Optional.of(i);
    }

    /** % change between two closes, by the one rule of {@link DayChange#pct} (decimal, not binary, arithmetic). */
    public static double pct(double from, double to) {
        return DayChange.pct(from, to).doubleValue();
    }
}
