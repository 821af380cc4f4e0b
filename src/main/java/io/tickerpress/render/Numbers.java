package io.tickerpress.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How figures are written: prices with two decimals, percentages signed with one or two decimals. */
public final class Numbers {
    private Numbers() {
    }

    /** DecimalFormat is costly to create and not thread-safe: one per pattern and thread. */
    private static final ThreadLocal<java.util.Map<String, DecimalFormat>> FORMATS =
            ThreadLocal.withInitial(java.util.HashMap::new);

    private static DecimalFormat format(String pattern) {
        return FORMATS.get().computeIfAbsent(pattern, p -> {
            DecimalFormat f = new DecimalFormat(p, DecimalFormatSymbols.getInstance(Locale.US));
            f.setRoundingMode(RoundingMode.HALF_UP);
            return f;
        });
    }

    /** "2,698.10" */
    public static String price(double v) {
        return format("#,##0.00").format(round(v, 2));
    }

    /** "+21.40" or "-3.05"; "0.00" unsigned. */
    public static String change(double v) {
        double r = round(v, 2);
        String s = format("#,##0.00").format(Math.abs(r));
        return r > 0 ? "+" + s : r < 0 ? "-" + s : s;
    }

    /** "+7.9%", "-6.59%", "+1.0%"; "0.0%" unsigned. */
    public static String pct(double v) {
        double r = round(v, 2);
        String s = format("0.0#").format(Math.abs(r));
        return (r > 0 ? "+" : r < 0 ? "-" : "") + s + "%";
    }

    /** "+3", "-2", "0". */
    public static String signed(int n) {
        return n > 0 ? "+" + n : Integer.toString(n);
    }

    /** "41,250,000" */
    public static String volume(long v) {
        return format("#,##0").format(v);
    }

    /** "up", "down" or "flat", for CSS classes and text signs. */
    public static String direction(double v) {
        double r = round(v, 2);
        return r > 0 ? "up" : r < 0 ? "down" : "flat";
    }

    /** A text sign that does not rely on colour: ▲ up, ▼ down, ■ unchanged. */
    public static String arrow(double v) {
        return switch (direction(v)) {
            case "up" -> "▲";
            case "down" -> "▼";
            default -> "■";
        };
    }

    private static double round(double v, int scale) {
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP).doubleValue();
    }
}
