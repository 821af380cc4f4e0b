package io.tickerpress.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * schema.org structured data as JSON, safe to place inside {@code <script type="application/ld+json">}:
 * '<', '>' and '&' are written as Unicode escapes, so no content can close the script element.
 */
public final class JsonLd {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private JsonLd() {
    }

    /**
     * Compact JSON with every map's keys in order (as Jackson writes with sorted map entries, which this
     * replaced: an article page's data cost a noticeable part of its rendering that way): strings, maps, lists
     * and null.
     *
     * @throws IllegalArgumentException for a value of another kind
     */
    public static String write(Map<String, Object> data) {
        StringBuilder out = new StringBuilder(512);
        value(data, out);
        return out.toString();
    }

    private static void value(Object v, StringBuilder out) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(s, out);
        } else if (v instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
                if (!first) out.append(',');
                first = false;
                string((String) e.getKey(), out);
                out.append(':');
                value(e.getValue(), out);
            }
            out.append('}');
        } else if (v instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) out.append(',');
                value(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON-LD value: " + v.getClass().getName());
        }
    }

    /**
     * A JSON string safe inside a script element: '<', '>' and '&' as Unicode escapes, so no content can close
     * it; control characters as JSON's short escapes or Unicode escapes; the line and paragraph separators as
     * Unicode escapes (they end a line in some JavaScript parsers); every other character as it is.
     */
    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A NewsArticle; {@code image} and {@code author} may be null. */
    public static String newsArticle(String headline, String description, String url, String published, String modified,
                                     String author, String dateline, List<String> keywords, String image,
                                     String publisher, String publisherUrl, String section) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@context", "https://schema.org");
        m.put("@type", "NewsArticle");
        m.put("headline", headline);
        m.put("description", description);
        m.put("mainEntityOfPage", url);
        m.put("url", url);
        m.put("datePublished", published);
        m.put("dateModified", modified);
        Map<String, Object> org = new LinkedHashMap<>();
        org.put("@type", "Organization");
        org.put("name", publisher);
        org.put("url", publisherUrl);
        m.put("publisher", org);
        if (author != null && !author.isBlank()) {
            m.put("author", List.of(Map.of("@type", "Person", "name", author)));
        } else {
            m.put("author", List.of(org));
        }
        if (dateline != null && !dateline.isBlank()) m.put("dateline", dateline);
        if (keywords != null && !keywords.isEmpty()) m.put("keywords", keywords);
        if (image != null) m.put("image", List.of(image));
        if (section != null) m.put("articleSection", section);
        return write(m);
    }
}
