package io.tickerpress.render.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one tokenisation rule of search, shared with {@code templates/static/search.js} (which applies the same
 * steps to the reader's query): lower-case the whole text with {@link Locale#ROOT}, then every maximal run of
 * Unicode letters and digits ({@code \p{L}}, {@code \p{N}}) is a word; words longer than {@value #MAX_LENGTH}
 * UTF-16 units are dropped. Filter keys cannot collide with words: they start with a character that is
 * neither a letter nor a digit.
 */
public final class SearchTokens {
    public static final int MAX_LENGTH = 40;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private SearchTokens() {
    }

    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (m.end() - m.start() <= MAX_LENGTH) words.add(m.group());
        }
        return words;
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
