package io.tickerpress.importer;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One day of one symbol as read from a provider's file (or from the history file already there): prices as exact
 * decimals, {@code null} where the provider gave none, with the file and line it came from for error messages.
 */
public record PriceRow(String symbol, LocalDate date, BigDecimal open, BigDecimal high, BigDecimal low,
                       BigDecimal close, BigDecimal adjClose, Long volume, String file, int line) {
    public String where() {
        return file + ":" + line;
    }
}
