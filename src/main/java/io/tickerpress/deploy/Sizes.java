package io.tickerpress.deploy;

import java.util.Locale;

/** Byte counts for people: 812 B, 14.2 kB, 2.1 MB (powers of 1000, one decimal). */
final class Sizes {
    private Sizes() {
    }

    static String bytes(long n) {
        if (n < 1000) return n + " B";
        if (n < 1_000_000) return String.format(Locale.ROOT, "%.1f kB", n / 1000.0);
        if (n < 1_000_000_000) return String.format(Locale.ROOT, "%.1f MB", n / 1_000_000.0);
        return String.format(Locale.ROOT, "%.1f GB", n / 1_000_000_000.0);
    }
}
