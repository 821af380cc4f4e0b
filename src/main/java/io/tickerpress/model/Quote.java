package io.tickerpress.model;

/**
 * A symbol's line in a daily snapshot (an index or a stock). {@code change} and {@code changePct} are as
 * given in the file, or null when they are to be derived from the previous close.
 */
public record Quote(String symbol, String name, Double open, Double high, Double low, double close, Long volume,
                    Double change, Double changePct, int line) {
}
