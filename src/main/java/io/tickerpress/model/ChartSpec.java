package io.tickerpress.model;

import java.util.List;
import java.util.Locale;

/**
 * A chart an article, digest or ticker page asks for.
 *
 * @param symbols one symbol for price, candlestick and sparkline charts; several for compare; none for sectors
 * @param range one of 1M, 3M, 6M, YTD, 1Y, 5Y, MAX
 * @param title caption, or "" for a generated one
 */
public record ChartSpec(Type type, List<String> symbols, String range, String title) {
    @Override
    public String toString() {
        return RecordText.of(this);
    }

    public enum Type {
        PRICE, COMPARE, SECTORS, CANDLESTICK, SPARKLINE;

        public static Type parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "price", "line" -> PRICE;
                case "compare", "comparison" -> COMPARE;
                case "sectors", "sector" -> SECTORS;
                case "candlestick", "candles", "ohlc" -> CANDLESTICK;
                case "sparkline", "spark" -> SPARKLINE;
                default -> null;
            };
        }
    }

    public static final List<String> RANGES = List.of("1M", "3M", "6M", "YTD", "1Y", "52W", "5Y", "MAX");

    public ChartSpec {
        symbols = List.copyOf(symbols);
    }
}
