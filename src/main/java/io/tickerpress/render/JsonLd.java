package io.tickerpress.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * schema.org structured data as JSON, safe to place inside {@code <script type="application/ld+json">}:
 * '<', '>' and '&' are written as Unicode escapes, so no content can close the script element.
 */
public final class JsonLd {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    static {
        JSON.getFactory().setCharacterEscapes(new ScriptSafeEscapes());
    }

    private JsonLd() {
    }

    public static String write(Map<String, Object> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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

    private static final class ScriptSafeEscapes extends CharacterEscapes {
        private final int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();

        ScriptSafeEscapes() {
            escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            // Line and paragraph separators end a line in some JavaScript parsers.
            if (ch == 0x2028) return new SerializedString("\\u2028");
            if (ch == 0x2029) return new SerializedString("\\u2029");
            return null;
        }
    }
}
