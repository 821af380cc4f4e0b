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
        s = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        s = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        s = s.replaceAll("^-+|-+$", "");
        if (s.length() > 80) {
            s = s.substring(0, 80).replaceAll("-+$", "");
        }
        return s;
    }

    /** A file name's slug: the name without extension and without a leading {@code YYYY-MM-DD-}. */
    public static String fromFileName(String fileName) {
        String base = fileName.replaceFirst("\\.(md|markdown|mdown)$", "");
        base = base.replaceFirst("^\\d{4}-\\d{2}-\\d{2}-", "");
        return slugify(base);
    }
}
