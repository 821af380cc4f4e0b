package io.tickerpress.load;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Turns titles and file names into safe URL segments: lowercase ASCII letters, digits and single dashes
 * ({@link #slugify}); tag and author names into the same, keeping letters and digits of scripts other than Latin
 * ({@link #termSlug}).
 */
public final class Slugs {
    // Compiled once: every article's slug comes from its file name.
    private static final java.util.regex.Pattern MARKDOWN_ENDING = java.util.regex.Pattern.compile("\\.(md|markdown|mdown)$");
    private static final java.util.regex.Pattern DATE_PREFIX = java.util.regex.Pattern.compile("^\\d{4}-\\d{2}-\\d{2}-");

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

    /**
     * A tag's or author's slug: {@link #slugify}'s rule for Latin letters, digits and every other character of the
     * Latin and common scripts (so a name written in those gives the slug it always had), and letters and digits of
     * other scripts kept with their marks, lower-cased and in NFKC ("日本", "россия"). Case and normalisation form
     * make no difference: "Россия" and "РОССИЯ", or "Café" in NFC and in NFD, give one slug. At most 80 characters
     * and 240 bytes of UTF-8 (a file name holds 255), never cut between a letter and its marks.
     */
    public static String termSlug(String text) {
        String s = text.replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("Æ", "ae").replace("Ø", "o")
                .replace("&", " and ");
        if (ascii(s)) return dashed(s.toLowerCase(Locale.ROOT));
        Bounded b = new Bounded();
        for (int i = 0; i < s.length() && !b.full; ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) { // ASCII is its own NFKD form: slugify's rule at once
                b.ascii(Character.toLowerCase((char) cp));
                continue;
            }
            if (isMark(cp)) continue; // a mark after no kept letter of another script: dropped, as slugify drops it
            String d = withoutMarks(Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKD))
                    .toLowerCase(Locale.ROOT);
            boolean kept = !(ascii(d) && !d.isEmpty()) && Character.isLetterOrDigit(cp)
                    && Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN;
            if (!kept) { // slugify's rule: its ASCII letters and digits, each other character a gap
                for (int k = 0; k < d.length() && !b.full; k++) b.ascii(d.charAt(k));
                continue;
            }
            // The letter, case-folded, with the marks that follow it: one piece, never cut.
            int start = i;
            while (i < s.length() && isMark(s.codePointAt(i))) i += Character.charCount(s.codePointAt(i));
            String piece = new StringBuilder(1 + i - start).appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp)))
                    .append(s, start, i).toString();
            b.add(Normalizer.normalize(piece, Normalizer.Form.NFKC));
        }
        return Normalizer.normalize(b.out, Normalizer.Form.NFKC);
    }

    /** {@code s} without its marks (Unicode categories Mn, Mc, Me: the regular expression \p{M}). */
    private static String withoutMarks(String s) {
        int i = 0;
        while (i < s.length() && !isMark(s.codePointAt(i))) i += Character.charCount(s.codePointAt(i));
        if (i == s.length()) return s;
        StringBuilder b = new StringBuilder(s.length()).append(s, 0, i);
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (!isMark(cp)) b.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** A term slug as it grows: a dash for each gap between pieces, at most 80 characters and 240 bytes of UTF-8. */
    private static final class Bounded {
        final StringBuilder out = new StringBuilder();
        boolean gap;
        boolean full;
        private int chars;
        private int bytes;

        /** One character of slugify's rule: a-z and 0-9 added, any other a gap. */
        void ascii(char c) {
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                gap = true;
                return;
            }
            int add = gap && out.length() > 0 ? 2 : 1;
            if (chars + add > 80 || bytes + add > 240) {
                full = true;
                return;
            }
            if (add == 2) out.append('-');
            out.append(c);
            chars += add;
            bytes += add;
            gap = false;
        }

        void add(String piece) {
            String add = (gap && out.length() > 0 ? "-" : "") + piece;
            int addChars = add.codePointCount(0, add.length());
            int addBytes = add.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (chars + addChars > 80 || bytes + addBytes > 240) {
                full = true;
                return;
            }
            out.append(add);
            chars += addChars;
            bytes += addBytes;
            gap = false;
        }
    }

    /** A file name's slug: the name without extension and without a leading {@code YYYY-MM-DD-}. */
    public static String fromFileName(String fileName) {
        String base = MARKDOWN_ENDING.matcher(fileName).replaceFirst("");
        base = DATE_PREFIX.matcher(base).replaceFirst("");
        return slugify(base);
    }
}
