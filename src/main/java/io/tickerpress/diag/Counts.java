package io.tickerpress.diag;

import java.util.Locale;

/**
 * A count and its noun in a message, singular for one and plural otherwise ("1 article", "0 articles",
 * "3 articles"): the one place for that rule, so no message says "1 articles" or "1 file(s)".
 */
public final class Counts {
    private Counts() {
    }

    /** "1 page", "2 pages": the noun with an "s" added for any count but one. */
    public static String of(long n, String noun) {
        return n + " " + pick(n, noun, noun + "s");
    }

    /** As {@link #of(long, String)}, with the plural given ("1 entry", "2 entries"). */
    public static String of(long n, String singular, String plural) {
        return n + " " + pick(n, singular, plural);
    }

    /** As {@link #of(long, String)}, the count with thousands separators ("1,234 files"). */
    public static String grouped(long n, String noun) {
        return String.format(Locale.ROOT, "%,d", n) + " " + pick(n, noun, noun + "s");
    }

    /** The word that agrees with a count: {@code singular} for one, else {@code plural} ("is"/"are", "it"/"them"). */
    public static String pick(long n, String singular, String plural) {
        return n == 1 ? singular : plural;
    }
}
