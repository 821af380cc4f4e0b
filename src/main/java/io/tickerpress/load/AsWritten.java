package io.tickerpress.load;

import java.util.List;

/**
 * Fields published as written (titles, key points, the stock of the day): shortcodes run only in the Markdown body of
 * articles and digests, so a {@code {{< quote … >}}} in one of these would reach the page, the feeds, the search index,
 * JSON-LD and meta tags as its own text. It is an error naming the field, never a figure left unwritten.
 */
final class AsWritten {
    private AsWritten() {
    }

    static String text(Fields f, String key, String text) {
        if (text != null && text.contains("{{<")) {
            throw f.error(key, "'" + key + "' holds a shortcode ('" + shortcode(text) + "'), but shortcodes run only in"
                    + " the body of an article or a digest: here it would be published as it is written, on the page and in"
                    + " feeds and search; write the figure itself, or give it in the body");
        }
        return text;
    }

    static List<String> texts(Fields f, String key, List<String> texts) {
        for (String t : texts) text(f, key, t);
        return texts;
    }

    private static String shortcode(String text) {
        int open = text.indexOf("{{<");
        int close = text.indexOf(">}}", open);
        return close < 0 ? text.substring(open) : text.substring(open, close + 3);
    }
}
