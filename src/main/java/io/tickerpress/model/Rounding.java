package io.tickerpress.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one rounding rule for figures. Rounding is half-up (away from zero) on the decimal value as written in the
 * data: a double is read back as its shortest round-tripping decimal ({@link BigDecimal#valueOf(double)}), so 2.675
 * rounds to 2.68, never to the 2.67 its binary neighbour would give. Prices, index levels and changes keep 2
 * decimals, percentages 2. {@code render.Numbers} writes every figure with it, and the market pages choose their
 * gainers and losers by it, so a stock listed as a gainer never shows 0.00%.
 */
public final class Rounding {
    public static final int PRICE_DECIMALS = 2;
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

    /** The sign of a percentage as shown (two decimals): 1, -1, or 0 for one shown as 0.00% (+0.004%). */
    public static int shownSign(double pct) {
        return round(decimal(pct), PCT_DECIMALS).signum();
    }
}
