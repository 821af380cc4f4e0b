package io.tickerpress.model;

import java.time.LocalDate;

/** An exchange closure beyond the rule-based holidays, such as a national day of mourning. */
public record Closure(LocalDate date, String reason) {
    @Override
    public String toString() {
        return RecordText.of(this);
    }
}
