package io.tickerpress.render;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * JSON-LD is written by hand: it must be exactly what a JSON library writes with sorted keys and the same
 * script-safe escapes (Jackson here, as the pages were written before), and it must parse back to its data.
 */
class JsonLdTest {
    /** Jackson with sorted map entries and '<', '>', '&', U+2028 and U+2029 escaped. */
    private static final ObjectMapper JACKSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    static {
        JACKSON.getFactory().setCharacterEscapes(new CharacterEscapes() {
            private final int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();

            {
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
                if (ch == 0x2028) return new SerializedString("\\u2028");
                if (ch == 0x2029) return new SerializedString("\\u2029");
                return null;
            }
        });
    }

    private static String text(Random random) {
        // Every ASCII character (controls included), some beyond: Latin, the line separators, an emoji's halves.
        String beyond = "é€中\u2028\u2029\u0085\u00a0\ud83d\ude00\ufeff";
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(40);
        for (int i = 0; i < n; i++) {
            s.append(random.nextInt(5) == 0 ? beyond.charAt(random.nextInt(beyond.length())) : (char) random.nextInt(128));
        }
        return s.toString();
    }

    @Test
    void writesWhatJacksonWritesWithSortedKeysAndScriptSafeEscapes() throws Exception {
        Random random = new Random(13);
        for (int i = 0; i < 5_000; i++) {
            List<String> keywords = new ArrayList<>();
            for (int k = random.nextInt(4); k > 0; k--) keywords.add(text(random));
            String json = JsonLd.newsArticle(text(random), text(random), text(random), text(random), text(random),
                    random.nextBoolean() ? null : text(random), random.nextBoolean() ? null : text(random), keywords,
                    random.nextBoolean() ? null : text(random), random.nextBoolean() ? null : text(random),
                    text(random), random.nextBoolean() ? null : text(random));
            JsonNode data = JACKSON.readTree(json);
            assertEquals(JACKSON.writeValueAsString(JACKSON.convertValue(data, Map.class)), json);
            assertFalse(json.contains("<") || json.contains(">") || json.contains("&"), json);
        }
    }

    @Test
    void mapsListsAndNullsAsJackson() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("z", null);
        m.put("b", Arrays.asList("x</script>", null, "\u0000\u001f\u007f"));
        m.put("a", Map.of("k", List.of(Map.of("y", "1", "x", "2"))));
        m.put("@id", "");
        assertEquals(JACKSON.writeValueAsString(m), JsonLd.write(m));
        // Worked by hand: keys in order, '<' '>' as \u003C \u003E, U+0000 and U+001F escaped, U+007F as it is.
        assertEquals("{\"@id\":\"\",\"a\":{\"k\":[{\"x\":\"2\",\"y\":\"1\"}]},"
                + "\"b\":[\"x\\u003C/script\\u003E\",null,\"\\u0000\\u001F\u007f\"],\"z\":null}", JsonLd.write(m));
    }
}
