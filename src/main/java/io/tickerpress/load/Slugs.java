package io.tickerpress.load;

import java.text.Normalizer;
import java.util.Locale;

/** Turns titles and file names into safe URL segments: lowercase ASCII letters, digits and single dashes. */
public final class Slugs {
    private Slugs() {
    }

    public static String slugify(String text) {
        String s = text.replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("Æ", "ae").replace("Ø", "o")
                .replace("&", " and ");
        if (!ascii(s)) { // ASCII text is its own NFKD form and has no marks
            s = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        }
        return dashed(s.toLowerCase(Locale.ROOT));
    }

    /**
     * Each run of characters other than a-z and 0-9 as one dash, none at either end, at most 80 characters
     * (no dash at the end of the cut either).
     */
    private static String dashed(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), 80));
        boolean gap = false;
        for (int i = 0; i < s.length() && b.length() < 80; i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                if (gap && b.length() > 0) {
                    if (b.length() >= 79) break; // the cut would end on this dash, which then goes
                    b.append('-');
                }
                gap = false;
                b.append(c);
            } else {
                gap = true;
            }
        }
        return b.toString();
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) return false;
        }
        return true;
    }

    /** A file name's slug: the name without extension and without a leading {@code YYYY-MM-DD-}. */
    public static String fromFileName(String fileName) {
        String base = fileName.replaceFirst("\\.(md|markdown|mdown)$", "");
        base = base.replaceFirst("^\\d{4}-\\d{2}-\\d{2}-", "");
        return slugify(base);
    }
}
