package io.tickerpress.load;

import io.tickerpress.diag.InputError;
import io.tickerpress.model.DayChange;
import io.tickerpress.model.PriceSeries;
import io.tickerpress.model.Quote;
import io.tickerpress.model.Rounding;
import io.tickerpress.model.Snapshot;
import io.tickerpress.model.TradingCalendar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Checks the {@code change} and {@code changePct} a snapshot gives against the closes: they must agree within the
 * rounding of the given value (1.25 allows 1.245 to 1.255), or the build stops naming both values. A
 * {@code changePct} a hundred times too small gets a "percent, not a fraction" hint. Without a previous session's
 * close, a given {@code change} is the figure, and a {@code changePct} given with it must match it.
 */
final class GivenFigures {
    /** Slack for the binary doubles the closes are stored in. */
    private static final BigDecimal EPSILON = new BigDecimal("1e-9");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private GivenFigures() {
    }

    static void check(List<Snapshot> snapshots, Map<String, PriceSeries> series, TradingCalendar calendar) {
        for (Snapshot s : snapshots) {
            for (List<Quote> list : List.of(s.indices(), s.quotes())) {
                for (Quote q : list) {
                    if (q.change() != null || q.changePct() != null) check(s, q, series.get(q.symbol()), calendar);
                }
            }
        }
    }

    private static void check(Snapshot s, Quote q, PriceSeries series, TradingCalendar calendar) {
        int i = series.indexOf(s.date());
        int p = DayChange.previousSession(series, i, calendar);
        if (p < 0) possible(s, q);
        BigDecimal change;
        BigDecimal pct;
        String basis;
        if (p >= 0) {
            double previous = series.close(p);
            change = DayChange.change(previous, q.close());
            pct = DayChange.pct(previous, q.close());
            basis = "the closes give " + plain(DayChange.decimal(q.close())) + " - " + plain(DayChange.decimal(previous))
                    + " (" + series.date(p) + ", " + series.sourceFile(p) + ") = " + round(change, Math.max(2, change.scale()))
                    + ", that is ";
        } else if (q.change() != null && q.changePct() != null) {
            change = null;
            pct = DayChange.pctFromChange(q.close(), q.change());
            if (pct == null) return;
            basis = "its 'change' " + plain(q.change()) + " on a close of " + plain(DayChange.decimal(q.close()))
                    + " (no previous session's close in the data) gives ";
        } else {
            return;
        }
        if (change != null && q.change() != null && off(change, q.change())) {
            throw new InputError(s.file(), q.line(), q.symbol() + ": 'change' " + plain(q.change())
                    + " disagrees: " + basis + pctText(pct) + "; write " + round(change, q.change().scale())
                    + " or leave 'change' out to use the computed figure");
        }
        if (q.changePct() == null || !off(pct, q.changePct())) return;
        BigDecimal given = q.changePct();
        if (!off(pct.divide(HUNDRED), given)) {
            throw new InputError(s.file(), q.line(), q.symbol() + ": 'changePct' " + plain(given) + " looks like a"
                    + " fraction: did you mean " + round(pct, Math.max(given.scale() - 2, 0))
                    + " (percent, not a fraction)? " + capital(basis) + pctText(pct));
        }
        throw new InputError(s.file(), q.line(), q.symbol() + ": 'changePct' " + plain(given)
                + " disagrees: " + basis + pctText(pct) + "; write " + round(pct, given.scale())
                + " (percent) or leave 'changePct' out to use the computed figure");
    }

    /**
     * Without a previous close, a given figure is the day's move and the previous close is derived from it, so it
     * must leave a positive one: a change below the close, a percent change above -100.
     */
    private static void possible(Snapshot s, Quote q) {
        BigDecimal close = DayChange.decimal(q.close());
        if (q.change() != null && close.subtract(q.change()).signum() <= 0) {
            throw new InputError(s.file(), q.line(), q.symbol() + ": 'change' " + plain(q.change()) + " on a close of "
                    + close.setScale(Math.max(2, close.scale()), RoundingMode.UNNECESSARY).toPlainString()
                    + " means a previous close of " + close.subtract(q.change()).setScale(Math.max(2, Math.max(close.scale(),
                    q.change().scale())), RoundingMode.UNNECESSARY).toPlainString() + ", but a price is positive; correct"
                    + " 'change' (this close minus the previous session's) or 'close'");
        }
        if (q.changePct() != null && q.changePct().compareTo(HUNDRED.negate()) <= 0) {
            throw new InputError(s.file(), q.line(), q.symbol() + ": 'changePct' " + plain(q.changePct())
                    + " is not a possible day's move (a price that fell 100% would be 0); a % change is above -100");
        }
    }

    /** Whether a computed value is outside the rounding of the given one. */
    private static boolean off(BigDecimal computed, BigDecimal given) {
        return computed.subtract(given).abs().compareTo(DayChange.halfUnit(given).add(EPSILON)) > 0;
    }

    private static String round(BigDecimal v, int scale) {
        return Rounding.round(v, Math.max(scale, 0)).toPlainString();
    }

    private static String pctText(BigDecimal pct) {
        return round(pct, 4) + "%";
    }

    private static String plain(BigDecimal v) {
        return v.toPlainString();
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
