package io.tickerpress.load;

import io.tickerpress.model.ChartSpec;

import java.util.List;

/** Checks a chart request's type, symbols and range, wherever it was written (front matter or shortcode). */
public final class ChartSpecs {
    private ChartSpecs() {
    }

    /** @return what is wrong, or null when the request is well-formed */
    public static String problem(String type, List<String> symbols, String range) {
        ChartSpec.Type t = ChartSpec.Type.parse(type);
        if (t == null) {
            return "unknown chart type '" + type + "'; known: price, compare, sectors, candlestick, sparkline";
        }
        if (!ChartSpec.RANGES.contains(range)) {
            return "range '" + range + "' is not one of " + String.join(", ", ChartSpec.RANGES);
        }
        for (String s : symbols) {
            if (!SnapshotLoader.SYMBOL.matcher(s).matches()) return "'" + s + "' is not a symbol";
        }
        return switch (t) {
            case SECTORS -> symbols.isEmpty() ? null : "a sectors chart takes no symbols";
            case COMPARE -> symbols.size() >= 2 && symbols.size() <= 6 ? null : "a compare chart takes 2 to 6 symbols";
            default -> symbols.size() == 1 ? null : "a " + type + " chart takes exactly one symbol";
        };
    }
}
