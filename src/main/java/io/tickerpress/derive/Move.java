package io.tickerpress.derive;

/**
 * A symbol's close on a day with its change from the previous close: as given in the snapshot, or derived
 * from the series when the snapshot leaves it out (null when there is no previous close either).
 */
public record Move(String symbol, String name, java.time.LocalDate date, double close, Double change, Double changePct,
                   Long volume) {
    /**
     * 1 up, -1 down, 0 unchanged (or no change known): the sign of the unrounded change, the one rule of
     * {@link io.tickerpress.model.Rounding#direction} that arrows, colours, streaks and the digest's movers follow.
     */
    public int direction() {
        double v = change != null ? change : changePct != null ? changePct : 0;
        return io.tickerpress.model.Rounding.direction(v);
    }
}
