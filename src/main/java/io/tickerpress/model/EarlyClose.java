package io.tickerpress.model;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A day the exchange closes at another time than its rule says (site.yaml {@code market.earlyCloses}): an early
 * close not covered by the rules, or {@code 16:00} to undo a rule-based early close.
 */
public record EarlyClose(LocalDate date, LocalTime close) {
    @Override
    public String toString() {
        return RecordText.of(this);
    }
}
