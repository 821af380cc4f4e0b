package io.tickerpress.derive;

/**
 * A symbol's close on a day with its change from the previous close: as given in the snapshot, or derived
 * from the series when the snapshot leaves it out (null when there is no previous close either).
 */
public record Move(String symbol, String name, java.time.LocalDate date, double close, Double change, Double changePct,
                   Long volume) {
}
