package io.tickerpress.load;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns titles and file names into safe URL segments: lowercase ASCII letters, digits and single dashes. */
public final class Slugs {
    private Slugs() {
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");
    private static final Pattern TRAILING_DASHES = Pattern.compile("-+$");

    public static String slugify(String text) {
        String s = text.replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("Æ", "ae").replace("Ø", "o")
                .replace("&", " and ");
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
        s = NOT_SLUG.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("-");
        s = EDGE_DASHES.matcher(s).replaceAll("");
        if (s.length() > 80) {
            s = TRAILING_DASHES.matcher(s.substring(0, 80)).replaceAll("");
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
