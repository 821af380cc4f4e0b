package io.tickerpress.render;

import io.tickerpress.model.Rounding;

import java.math.BigDecimal;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.function.DoubleFunction;

/**
 * How every figure is written, on every page, feed, chart label and alt text: the one rule set.
 * <ul>
 * <li>Rounding is {@link Rounding}'s: half-up on the decimal value as written in the data.</li>
 * <li>Decimals per kind of figure, by {@link Rounding}'s rules: prices and index levels by their size (2 from 1 up,
 * 4 below 1, more below 0.01), changes as the closes they lie between, percentages 2, volumes 0.</li>
 * <li>Thousands separated by a comma, decimals by a point, ASCII digits, whatever the machine's locale.</li>
 * <li>Signed forms ({@code +1.25}, {@code -1.25}) carry the ASCII hyphen-minus, so figures copied into a
 * spreadsheet stay numbers; a figure that rounds to zero is written without a sign ({@code 0.00}, never
 * {@code -0.00}). Unsigned forms (for prose: "fell 2.46%") are the magnitude of the rounded figure.</li>
 * </ul>
 * Nothing here depends on {@link java.util.Locale}: digits and separators are written by hand.
 */
public final class Numbers {
    /** Changes when any rule here changes, so that cached pages with figures are rendered again. */
    public static final String RULES = "numbers-4";
    private static final int PCT_DECIMALS = Rounding.PCT_DECIMALS;

    private Numbers() {
    }

    /** A price or index level: "2,698.10", "0.0012" ({@link Rounding#priceDecimals}). */
    public static String price(double v) {
        return price(decimal(v));
    }

    public static String price(BigDecimal v) {
        return text(round(v, Rounding.priceDecimals(v)), false);
    }

    /**
     * The labels of a price axis's ticks, all with one number of decimals: the most that {@link Rounding#priceDecimals}
     * gives any of them, so an axis crossing 1 reads {@code 0.9500, 1.0000, 1.0500}, never {@code 0.9500, 1.00}.
     */
    public static java.util.List<String> priceTicks(double[] ticks) {
        int decimals = Rounding.PRICE_DECIMALS;
        for (double t : ticks) decimals = Math.max(decimals, Rounding.priceDecimals(decimal(t)));
        java.util.List<String> out = new java.util.ArrayList<>(ticks.length);
        for (double t : ticks) out.add(text(round(decimal(t), decimals), false));
        return out;
    }

    /**
     * A change in price or level on a close, signed: "+21.40", "-3.05", "0.00", "+0.0001" on a close of 0.0013
     * ({@link Rounding#changeDecimals}).
     */
    public static String change(double change, double close) {
        return change(decimal(change), decimal(close));
    }

    public static String change(BigDecimal change, BigDecimal close) {
        return text(round(change, Rounding.changeDecimals(close, change)), true);
    }

    /** The size of a change on a close, for prose: "3.05". */
    public static String changeAbs(double change, double close) {
        BigDecimal c = decimal(change);
        return text(round(c.abs(), Rounding.changeDecimals(decimal(close), c)), false);
    }

    /** A percentage, signed: "+7.90%", "-6.59%", "0.00%". */
    public static String pct(double v) {
        return pct(decimal(v));
    }

    public static String pct(BigDecimal v) {
        return text(round(v, PCT_DECIMALS), true) + "%";
    }

    /** The size of a percentage, for prose ("Nvidia fell 2.46%"): "2.46%". */
    public static String pctAbs(double v) {
        return text(round(decimal(v).abs(), PCT_DECIMALS), false) + "%";
    }

    /** A count that can go either way, signed: "+3", "-2", "0". */
    public static String signed(long n) {
        return n > 0 ? "+" + n : Long.toString(n);
    }

    /** A number of shares: "41,250,000". */
    public static String volume(long v) {
        return text(BigDecimal.valueOf(v), false);
    }

    /** A volume axis label: "850K", "1.2M", "3B" (one decimal at most, half-up). */
    public static String compactVolume(double v) {
        BigDecimal d = decimal(v);
        BigDecimal a = d.abs();
        String[] units = {"B", "M", "K"};
        int[] powers = {9, 6, 3};
        for (int i = 0; i < units.length; i++) {
            if (a.compareTo(BigDecimal.ONE.scaleByPowerOfTen(powers[i])) >= 0) {
                return plain(round(d.scaleByPowerOfTen(-powers[i]), 1)) + units[i];
            }
        }
        return plain(round(d, 1));
    }

    /**
     * "up", "down" or "flat" by the sign of the unrounded move ({@link Rounding#direction}), for CSS classes and text
     * signs: a change of +0.20 on 6,900 is up, though its percent reads 0.00%.
     */
    public static String direction(double v) {
        int sign = Rounding.direction(v);
        return sign > 0 ? "up" : sign < 0 ? "down" : "flat";
    }

    /** A text sign that does not rely on colour: ▲ up, ▼ down, ■ unchanged. */
    public static String arrow(double v) {
        return switch (direction(v)) {
            case "up" -> "▲";
            case "down" -> "▼";
            default -> "■";
        };
    }

    /**
     * A {@link NumberFormat} that writes with one of the rules above, for libraries that take one (chart axes
     * and labels), so that a chart never rounds differently from the table beside it.
     */
    public static NumberFormat asFormat(DoubleFunction<String> rule) {
        return new RuleFormat(rule);
    }

    private static BigDecimal decimal(double v) {
        return Rounding.decimal(v);
    }

    private static BigDecimal round(BigDecimal v, int scale) {
        return Rounding.round(v, scale);
    }

    /** Digits with thousands separators and, when asked and non-zero, a sign. */
    private static String text(BigDecimal rounded, boolean signed) {
        String digits = rounded.abs().toPlainString();
        int point = digits.indexOf('.');
        String whole = point < 0 ? digits : digits.substring(0, point);
        StringBuilder sb = new StringBuilder();
        if (rounded.signum() < 0) sb.append('-');
        else if (signed && rounded.signum() > 0) sb.append('+');
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) sb.append(',');
            sb.append(whole.charAt(i));
        }
        if (point >= 0) sb.append(digits, point, digits.length());
        return sb.toString();
    }

    /** A short number without trailing zeros or separators: "1.2", "3". */
    private static String plain(BigDecimal rounded) {
        String s = rounded.stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    private static final class RuleFormat extends NumberFormat {
        private final transient DoubleFunction<String> rule;

        RuleFormat(DoubleFunction<String> rule) {
            this.rule = rule;
        }

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(rule.apply(number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(rule.apply(number));
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            throw new UnsupportedOperationException("figures are only written, never read back");
        }
    }
}
