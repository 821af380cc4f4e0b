package io.tickerpress.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;

/**
 * The one derivation of a day's move: change and percent change from the previous session's close, computed on
 * the closes as decimals (so 271.17 − 269.92 is exactly 1.25, not 1.2500000000000284), and the missing half of
 * a figure given in a snapshot. Percent means percent: 1.2 is a 1.2% move.
 */
public final class DayChange {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext DIGITS = MathContext.DECIMAL64;

    private DayChange() {
    }

    /** A close as the decimal it was written as (closes are read from decimal text with at most 15 digits). */
    public static BigDecimal decimal(double close) {
        return BigDecimal.valueOf(close);
    }

    public static BigDecimal change(double previousClose, double close) {
        return decimal(close).subtract(decimal(previousClose));
    }

    public static BigDecimal pct(double previousClose, double close) {
        return change(previousClose, close).multiply(HUNDRED).divide(decimal(previousClose), DIGITS);
    }

    /**
     * A close rebased to 100 at {@code base} (compare charts): {@code 100 + pct(base, close)}, so 8 → 8.29 is
     * exactly 103.625, never the 103.62499999999999 of {@code 8.29 / 8 * 100} in binary arithmetic.
     */
    public static BigDecimal rebased(double base, double close) {
        return pct(base, close).add(HUNDRED);
    }

    /** The percent change implied by a given change: the previous close is {@code close − change}; empty if not positive. */
    public static BigDecimal pctFromChange(double close, BigDecimal change) {
        BigDecimal previous = decimal(close).subtract(change);
        if (previous.signum() <= 0) return null;
        return change.multiply(HUNDRED).divide(previous, DIGITS);
    }

    /** The change implied by a given percent change: the previous close is {@code close / (1 + pct/100)}. */
    public static BigDecimal changeFromPct(double close, BigDecimal pct) {
        BigDecimal factor = BigDecimal.ONE.add(pct.divide(HUNDRED, DIGITS));
        if (factor.signum() <= 0) return null;
        BigDecimal previous = decimal(close).divide(factor, DIGITS);
        return decimal(close).subtract(previous, DIGITS);
    }

    /**
     * Index of the bar holding the previous session's close for bar {@code i}, or -1 when {@code i} is the first
     * bar or a trading day is missing between the two (a change is never taken across a gap).
     */
    public static int previousSession(PriceSeries series, int i, TradingCalendar calendar) {
        if (i <= 0) return -1;
        int before = series.epochDay(i - 1);
        int day = series.epochDay(i);
        if (day - before == 1) return i - 1; // consecutive days: nothing between
        return calendar.hasSessionBetween(LocalDate.ofEpochDay(before), LocalDate.ofEpochDay(day)) ? -1 : i - 1;
    }

    /** Half a unit in the last decimal a figure was written with: 1.25 → 0.005, 0.012 → 0.0005, 210 → 0.5. */
    public static BigDecimal halfUnit(BigDecimal given) {
        return BigDecimal.ONE.movePointLeft(Math.max(given.scale(), 0)).divide(BigDecimal.valueOf(2));
    }
}
