package io.tickerpress.render.search;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The search tokeniser against its rule as written in its documentation and in search.js: lower-case with
 * Locale.ROOT, maximal runs of {@code [\p{L}\p{N}]}, runs longer than 40 UTF-16 units dropped. The expected words
 * come from that rule applied by the JDK's regex engine, a computation independent of the scanner under test.
 */
class SearchTokensTest {
    private static final Pattern RULE = Pattern.compile("[\\p{L}\\p{N}]+");

    private static List<String> byTheRule(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = RULE.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) if (m.end() - m.start() <= 40) words.add(m.group());
        return words;
    }

    @Test
    void handPickedTexts() {
        assertEquals(List.of("fed", "holds", "rates", "at", "5", "25"), SearchTokens.words("Fed holds rates at 5.25%"));
        assertEquals(List.of("s", "p", "500", "ünd", "çà", "日本株"), SearchTokens.words("S&P 500 — ÜND/çà 日本株!"));
        assertEquals(List.of("x²", "ⅻ", "𝐀b"), SearchTokens.words("x² (Ⅻ) 𝐀B"), "No, Nl and a letter outside the BMP");
        assertEquals(List.of("a" .repeat(40)), SearchTokens.words("a".repeat(40) + " " + "b".repeat(41)));
        assertEquals(List.of(), SearchTokens.words(""));
    }

    @Test
    void randomTextsGiveTheWordsOfTheRule() {
        Random random = new Random(16);
        // Characters from every kind the rule separates: ASCII, Latin-1 and beyond, marks, punctuation, spaces,
        // numbers of all three categories, letters outside the BMP, lone surrogates, Turkish dotted I.
        int[] pool = {'a', 'Z', '0', '9', ' ', '-', '.', '\'', '$', '#', '_', '\t', 0xA0, 'é', 'Ü', 'ß', 0x130, 0x131,
                0x301, 0x2D9, 0x2160, 0xB2, 0xBD, 0x660, 0x4E2D, 0x3042, 0x1D400, 0x1F600, 0xD800, 0xDC00, 0x2019,
                0x2014, 0x5D0, 0x2C6, 0x1C5, 0xFF21};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                int cp = random.nextInt(4) == 0 ? random.nextInt(0x3000) : pool[random.nextInt(pool.length)];
                if (random.nextInt(10) == 0) text.append("x".repeat(random.nextInt(45)));
                text.appendCodePoint(cp);
            }
            String t = text.toString();
            assertEquals(byTheRule(t), SearchTokens.words(t), () -> "text: " + t.codePoints()
                    .mapToObj(Integer::toHexString).toList());
        }
    }
}
