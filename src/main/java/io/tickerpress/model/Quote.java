package io.tickerpress.model;

import java.math.BigDecimal;

/**
 * A symbol's line in a daily snapshot (an index or a stock). {@code change} (price units) and {@code changePct}
 * (percent: 1.2 means 1.2%) are as written in the file, keeping their decimals (the rounding they were given
 * with), or null when they are to be derived from the previous close. A snapshot may leave out {@code close}: the
 * loader reads it as NaN and fills it from the symbol's history for that day (an error when the history has none).
 * {@code name} is null when the entry leaves it out, until the loader names it as the latest earlier snapshot did.
 */
public record Quote(String symbol, String name, Double open, Double high, Double low, double close, Long volume,
                    BigDecimal change, BigDecimal changePct, int line) {
    @Override
    public String toString() {
        return RecordText.of(this);
    }
}
