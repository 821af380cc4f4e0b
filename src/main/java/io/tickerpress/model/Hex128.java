package io.tickerpress.model;

import java.util.HexFormat;

/**
 * A 128-bit hash written as 32 lowercase hex digits (as {@code Fingerprint} gives them) held as two longs: a
 * {@code String} of it costs 72 bytes, the two longs 16, and a large site keeps one per file and per page.
 */
public final class Hex128 {
    private static final HexFormat HEX = HexFormat.of();

    private Hex128() {
    }

    /** Whether {@code text} is 32 lowercase hex digits, which {@link #high}, {@link #low} and {@link #text} keep exactly. */
    public static boolean is(String text) {
        if (text.length() != 32) return false;
        for (int i = 0; i < 32; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) return false;
        }
        return true;
    }

    /** The first 16 digits of a hash that {@link #is}. */
    public static long high(String text) {
        return HexFormat.fromHexDigitsToLong(text, 0, 16);
    }

    /** The last 16 digits of a hash that {@link #is}. */
    public static long low(String text) {
        return HexFormat.fromHexDigitsToLong(text, 16, 32);
    }

    /** The 32 digits of the hash whose halves are {@code high} and {@code low}. */
    public static String text(long high, long low) {
        return HEX.toHexDigits(high) + HEX.toHexDigits(low);
    }
}
