package io.tickerpress.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one rounding rule for figures, and how many decimals each kind of figure keeps. Rounding is half-up (away
 * from zero) on the decimal value as written in the data: a double is read back as its shortest round-tripping
 * decimal ({@link BigDecimal#valueOf(double)}), so 2.675 rounds to 2.68, never to the 2.67 its binary neighbour
 * would give. {@code render.Numbers} writes every figure with it, and {@code new snapshot} writes its figures with it.
 * <ul>
 * <li>Prices and index levels: {@link #priceDecimals} (2 from 1 up, 4 below 1, more below 0.01).</li>
 * <li>Changes in price units: the decimals of the finer of the two closes they lie between ({@link #changeDecimals}).</li>
 * <li>Percentages: {@link #PCT_DECIMALS}.</li>
 * </ul>
 * The direction of a move (up, down, unchanged) is the sign of the unrounded figure ({@link #direction}), never of
 * the rounded one.
 */
public final class Rounding {
    /** Decimals of a price of 1 or more: a cent. */
    public static final int PRICE_DECIMALS = 2;
    /** Decimals of a price below 1: the $0.0001 increment US exchanges quote such stocks in (Reg NMS Rule 612). */
    public static final int SUB_UNIT_DECIMALS = 4;
    /** The most decimals a price is written with, however small. */
    public static final int MAX_PRICE_DECIMALS = 8;
    public static final int PCT_DECIMALS = 2;

    private Rounding() {
    }

    /** The decimal value as written in the data. */
    public static BigDecimal decimal(double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("not a finite number: " + v);
        return BigDecimal.valueOf(v);
    }

    /** {@code v} to {@code scale} decimals, half-up; a figure that rounds to zero is zero without a sign. */
    public static BigDecimal round(BigDecimal v, int scale) {
        BigDecimal r = v.setScale(scale, RoundingMode.HALF_UP);
        return r.signum() == 0 ? r.abs() : r;
    }

    /**
     * Decimals a price (or index level, or rebased value) is written with, by its own size, so that the same price
     * reads the same wherever it is shown: 2 from 1 up ({@code 2,685.48}); 4 below 1 ({@code 0.0012},
     * {@code 0.5000}), the sub-penny increment of quotes under $1; below 0.01, as many as show two significant
     * digits ({@code 0.000042}), at most {@link #MAX_PRICE_DECIMALS}. Zero (an axis tick) has 2.
     */
    public static int priceDecimals(BigDecimal price) {
        BigDecimal a = price.abs();
        if (a.signum() == 0 || a.compareTo(BigDecimal.ONE) >= 0) return PRICE_DECIMALS;
        int leading = a.precision() - a.scale() - 1; // the power of ten of the first significant digit: 0.0012 → -3
        return Math.min(MAX_PRICE_DECIMALS, Math.max(SUB_UNIT_DECIMALS, -leading + 1));
    }

    /**
     * A price as a data file holds it (the history file {@code import} writes, the snapshot {@code new snapshot}
     * drafts): every digit given kept, so nothing is lost, padded with zeros to the decimals {@link #priceDecimals}
     * gives it, never an exponent: {@code 6000.00}, {@code 248.0425}, {@code 0.5000}, {@code 0.000042},
     * {@code 0.000050}. The same figure always gives the same text.
     */
    public static String asData(BigDecimal price) {
        BigDecimal s = price.stripTrailingZeros();
        int decimals = priceDecimals(s);
        if (s.scale() < decimals) s = s.setScale(decimals, RoundingMode.UNNECESSARY);
        return s.toPlainString();
    }

    /**
     * Decimals of a change in price units on a close: those of the finer of the close and the previous close
     * ({@code close - change}), so that a move from 1.02 to 0.98 reads {@code -0.0400} beside a close of
     * {@code 0.9800}, and a move of 0.0001 on a close of 0.0013 is not shown as {@code 0.00}.
     */
    public static int changeDecimals(BigDecimal close, BigDecimal change) {
        BigDecimal previous = close.subtract(change);
        int here = priceDecimals(close);
        return previous.signum() > 0 ? Math.max(here, priceDecimals(previous)) : here;
    }

    /**
     * The direction of a move: 1 up, -1 down, 0 unchanged, by the sign of the unrounded change (or % change: the
     * two have one sign, the previous close being positive). A close of 6,900.20 after 6,900.00 is up, though its
     * +0.0029% is written 0.00%: the arrow, the colour, the streak and the digest's gainers all follow this sign.
     */
    public static int direction(double move) {
        return move > 0 ? 1 : move < 0 ? -1 : 0;
    }
}
