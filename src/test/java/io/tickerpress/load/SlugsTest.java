package io.tickerpress.load;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Slugs are the URL segments of articles and tags: every input must give the slug the documented rule gives. */
class SlugsTest {
    /**
     * The rule as regular expressions, the way it is written in words: replacements, NFKD without marks,
     * lowercase, each run of other characters as one dash, none at the ends, cut at 80 (no dash at the cut's end).
     */
    private static String byTheRule(String text) {
        String s = text.replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("Æ", "ae").replace("Ø", "o")
                .replace("&", " and ");
        s = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        s = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        s = s.replaceAll("^-+|-+$", "");
        if (s.length() > 80) s = s.substring(0, 80).replaceAll("-+$", "");
        return s;
    }

    @Test
    void workedExamples() {
        assertEquals("fed-holds-rates-at-5-25", Slugs.slugify("  Fed holds rates at 5.25%!  "));
        assertEquals("s-and-p-500", Slugs.slugify("S&P 500"));
        assertEquals("cafe-strasse-oresund", Slugs.slugify("Café Straße — Øresund"));
        assertEquals("", Slugs.slugify("¿—!"));
        assertEquals("q1-earnings", Slugs.fromFileName("2026-01-20-Q1 earnings.md"));
        // 79 letters, a space, then more: the cut at 80 would end on the dash, which goes (79 letters left).
        assertEquals("a".repeat(79), Slugs.slugify("a".repeat(79) + " bcd"));
        // 80 letters then more: cut at 80 letters.
        assertEquals("a".repeat(80), Slugs.slugify("a".repeat(85)));
        assertEquals("a".repeat(78) + "-b", Slugs.slugify("a".repeat(78) + " b c"));
    }

    /**
     * 20,000 texts of the alphabet's chars (a quarter of them spaces), mostly short, every tenth up to 200 chars;
     * the emoji is two chars, and a lone half of it is text too.
     */
    private static void forRandomTexts(String alphabet, long seed, java.util.function.Consumer<String> check) {
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            int n = random.nextInt(i % 10 == 0 ? 200 : 30);
            StringBuilder s = new StringBuilder();
            for (int k = 0; k < n; k++) {
                s.append(random.nextInt(4) == 0 ? ' ' : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            check.accept(s.toString());
        }
    }

    @Test
    void randomTextGivesWhatTheRuleGives() {
        forRandomTexts("abcXYZ019 -_.&!/ßæøÆØéÉüñİıǅﬁ①²\u0301\u00a0\t😀中", 16,
                text -> assertEquals(byTheRule(text), Slugs.slugify(text), () -> "slug of '" + text + "'"));
    }

    /** A tag or author name in Latin letters and common characters keeps the slug the title rule gives it. */
    @Test
    void termSlugsOfLatinTextAreTitleSlugs() {
        forRandomTexts("abcXYZ019 -_.&!/ßæøÆØéÉüñİıǅﬁ①²½\u0301\u00a0\t😀", 25,
                text -> assertEquals(byTheRule(text), Slugs.termSlug(text), () -> "term slug of '" + text + "'"));
    }

    /**
     * The term slug rule as README's "Tag slugs" words it, one character at a time with the library's own tools
     * (Normalizer, a regular expression for the marks, String.toLowerCase): a character's NFKD form without marks,
     * lower-cased; kept as a letter (with the marks after it, NFKC) when it is a letter or digit of a script other
     * than Latin that gives no ASCII, else its ASCII letters and digits, and each other character a gap (one dash);
     * at most 80 characters and 240 bytes, never cut inside a piece; the whole in NFKC.
     */
    private static String byTheTermRule(String text) {
        String s = text.replace("ß", "ss").replace("æ", "ae").replace("ø", "o").replace("Æ", "ae").replace("Ø", "o")
                .replace("&", " and ");
        StringBuilder out = new StringBuilder();
        boolean gap = false;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (String.valueOf(Character.toChars(cp)).matches("\\p{M}")) continue;
            String d = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD)
                    .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
            List<String> pieces = new java.util.ArrayList<>();
            if (!d.isEmpty() && d.chars().allMatch(c -> c < 0x80) || !Character.isLetterOrDigit(cp)
                    || Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN) {
                for (char c : d.toCharArray()) pieces.add(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' ? "" + c : null);
            } else {
                StringBuilder piece = new StringBuilder().appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp)));
                while (i < s.length() && String.valueOf(Character.toChars(s.codePointAt(i))).matches("\\p{M}")) {
                    piece.appendCodePoint(s.codePointAt(i));
                    i += Character.charCount(s.codePointAt(i));
                }
                pieces.add(Normalizer.normalize(piece, Normalizer.Form.NFKC));
            }
            for (String piece : pieces) {
                if (piece == null) {
                    gap = true;
                    continue;
                }
                String add = (gap && out.length() > 0 ? "-" : "") + piece;
                String longer = out + add;
                if (longer.codePointCount(0, longer.length()) > 80
                        || longer.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 240) {
                    return Normalizer.normalize(out, Normalizer.Form.NFKC);
                }
                out.append(add);
                gap = false;
            }
        }
        return Normalizer.normalize(out, Normalizer.Form.NFKC);
    }

    /** Names in many scripts, with marks in NFD, half-width kana, Greek final sigma, ASCII among them. */
    @Test
    void termSlugsOfAnyScriptGiveWhatTheRuleGives() {
        forRandomTexts("aZ9 -&.Россияйё日本経済ｶﾞｿﾘﾝﾞガーΟΔΟΣςहिन्दीÉé\u0301\u0306\u093f①ﬁ½😀𠀀\u200d", 37,
                text -> assertEquals(byTheTermRule(text), Slugs.termSlug(text), () -> "term slug of '" + text + "'"));
        assertEquals("ab日", Slugs.termSlug("ÀB日")); // no gap between them: no dash
        assertEquals("россия-2026-q1", Slugs.termSlug("Россия 2026 — Q1"));
        assertEquals("x".repeat(79), Slugs.termSlug("x".repeat(79) + " 日")); // a dash and 日 would be 81
    }
}
