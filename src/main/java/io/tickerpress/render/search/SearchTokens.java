package io.tickerpress.render.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one tokenisation rule of search, shared with {@code templates/static/search.js} (which applies the same
 * steps to the reader's query): lower-case the whole text with {@link Locale#ROOT}, then every maximal run of
 * Unicode letters and digits ({@code \p{L}}, {@code \p{N}}) is a word; words longer than {@value #MAX_LENGTH}
 * UTF-16 units are dropped. Filter keys cannot collide with words: they start with a character that is
 * neither a letter nor a digit.
 */
public final class SearchTokens {
    public static final int MAX_LENGTH = 40;

    private SearchTokens() {
    }

    public static List<String> words(String text) {
        // A scan by code point (no regex: this runs over every story's title, key points, tags and tickers).
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            if (isWordChar(cp)) {
                if (start < 0) start = i;
            } else if (start >= 0) {
                add(words, lower, start, i);
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) add(words, lower, start, lower.length());
        return words;
    }

    private static void add(List<String> words, String text, int start, int end) {
        if (end - start <= MAX_LENGTH) words.add(text.substring(start, end));
    }

    /** A Unicode letter ({@code \p{L}}: the five letter categories) or number ({@code \p{N}}: Nd, Nl, No). */
    private static boolean isWordChar(int cp) {
        if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z');
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** The key of the ticker filter: {@code $} and the symbol in lower case ({@code $aapl}). */
    public static String tickerKey(String symbol) {
        return "$" + symbol.toLowerCase(Locale.ROOT);
    }

    /** The key of the tag filter: {@code #} and the tag in lower case ({@code #small caps}). */
    public static String tagKey(String tag) {
        return "#" + tag.toLowerCase(Locale.ROOT);
    }
}
