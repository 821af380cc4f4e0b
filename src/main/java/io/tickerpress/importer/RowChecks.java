package io.tickerpress.importer;

import io.tickerpress.diag.InputError;
import io.tickerpress.model.TradingCalendar;

import java.math.BigDecimal;

/** The checks every imported row passes, as the history loader applies them: a trading day, and coherent prices. */
final class RowChecks {
    private RowChecks() {
    }

    static void check(PriceRow r, TradingCalendar calendar) {
        calendar.closedReason(r.date()).ifPresent(reason -> {
            throw new InputError(r.file(), r.line(), r.symbol() + ": " + r.date() + " is not a trading day (" + reason
                    + "): the exchange was closed; remove the row or correct its date");
        });
        BigDecimal high = r.high();
        BigDecimal low = r.low();
        if (high != null && low != null && high.compareTo(low) < 0) {
            throw new InputError(r.file(), r.line(), r.symbol() + " " + r.date() + ": high " + high.toPlainString()
                    + " is below low " + low.toPlainString());
        }
        for (String k : new String[] {"open", "close"}) {
            BigDecimal v = k.equals("open") ? r.open() : r.close();
            if (v == null) continue;
            if ((high != null && v.compareTo(high) > 0) || (low != null && v.compareTo(low) < 0)) {
                throw new InputError(r.file(), r.line(), r.symbol() + " " + r.date() + ": " + k + " " + v.toPlainString()
                        + " is outside the day's range " + (low == null ? "?" : low.toPlainString()) + " to "
                        + (high == null ? "?" : high.toPlainString())
                        + ": a day's open and close lie between its low and high");
            }
        }
    }
}
