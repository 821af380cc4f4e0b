package io.tickerpress.diag;

import java.text.Normalizer;
import java.util.Locale;

/**
 * File names that print the same but name two files: one name with its accents composed (NFC: "é" is U+00E9)
 * and one with them decomposed (NFD: "e" followed by U+0301, as macOS and some tools write names). Linux keeps
 * both, and a message that names them as they print would name one file twice.
 */
public final class LookAlikeNames {
    private LookAlikeNames() {
    }

    /** Whether two different names are the same text once both are composed (NFC). */
    public static boolean alike(String first, String second) {
        return !first.equals(second)
                && Normalizer.normalize(first, Normalizer.Form.NFC).equals(Normalizer.normalize(second, Normalizer.Form.NFC));
    }

    /** The name with every character outside printable ASCII written as its code point: {@code caf<U+00E9>.md}. */
    public static String spelled(String name) {
        StringBuilder s = new StringBuilder(name.length() + 16);
        name.codePoints().forEach(c -> {
            if (c >= 0x20 && c < 0x7f) s.appendCodePoint(c);
            else s.append(String.format(Locale.ROOT, "<U+%04X>", c));
        });
        return s.toString();
    }
}
