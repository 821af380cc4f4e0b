package io.tickerpress.model;

import java.time.LocalDate;

/**
 * One trading day of one symbol. Open, high, low and volume may be unknown (null).
 *
 * @param source the file (and line) the bar came from, for error messages
 */
public record Bar(LocalDate date, Double open, Double high, Double low, double close, Long volume, String source) {
}
