package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import io.tickerpress.diag.InputError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shortcodes run in the Markdown bodies of articles and digests only. Written in a title, a key point or a stock of
 * the day, one was published as its own text ("{{< quote MU close >}}") on the page, in the feeds, the search index,
 * JSON-LD and the meta description; it is an error naming the file, line and field.
 */
class ShortcodeFieldsTest {
    @TempDir
    Path dir;

    private static final String SNAPSHOT = "{\"date\": \"2026-01-16\",\n \"quotes\": [{\"symbol\": \"MU\", \"close\": 340}],\n"
            + " \"stockOfTheDay\": [{\"symbol\": \"MU\", \"time\": \"2026-01-16T10:00:00-05:00\",\n \"headline\": \"%s\",\n \"body\": \"%s\"}]}";

    static Stream<Arguments> fields() {
        return Stream.of(
                Arguments.of("content/articles/a.md", "---\ntitle: 'MU at {{< quote MU close >}}'\ndate: 2026-01-16T17:00:00-05:00\n---\nx\n", 2, "title"),
                Arguments.of("content/articles/a.md", "---\ntitle: A\ndate: 2026-01-16T17:00:00-05:00\nsummary:\n  - 'MU {{< quote MU changePct >}}'\n---\nx\n", 4, "summary"),
                Arguments.of("content/articles/a.md", "---\ntitle: A\ndate: 2026-01-16T17:00:00-05:00\ncharts:\n  - {type: price, symbols: [MU], title: 'MU {{< quote MU close >}}'}\n---\nx\n", 5, "title"),
                Arguments.of("content/digests/2026-01-16.md", "---\ntitle: 'Day {{< quote MU close >}}'\n---\nx\n", 2, "title"),
                Arguments.of("content/digests/2026-01-16.md", "---\ntitle: Day\nsummary:\n  - 'MU {{< quote MU close >}}'\n---\nx\n", 3, "summary"),
                Arguments.of("content/market/2026-01-16.json", "HEADLINE", 4, "headline"),
                Arguments.of("content/market/2026-01-16.json", "BODY", 5, "body"));
    }

    @ParameterizedTest
    @MethodSource("fields")
    void aShortcodeOutsideABodyIsAnError(String file, String text, int line, String field) {
        Map<String, String> files = new HashMap<>();
        files.put("content/market/2026-01-16.json", SNAPSHOT.formatted("Micron", "Blurb"));
        files.put("content/market/2026-01-15.json", "{\"date\": \"2026-01-15\", \"quotes\": [{\"symbol\": \"MU\", \"close\": 330}]}");
        files.put("content/articles/b.md", TestSites.article("B", "2026-01-16T17:00:00-05:00", "", "MU {{< quote MU close >}}"));
        String shortcode = "{{< quote MU changePct >}}";
        files.put(file, switch (text) {
            case "HEADLINE" -> SNAPSHOT.formatted("MU " + shortcode, "Blurb");
            case "BODY" -> SNAPSHOT.formatted("Micron", "MU " + shortcode);
            default -> text;
        });
        Path src = TestSites.site(dir.resolve("src"), files);
        InputError e = assertThrows(InputError.class, () -> TestSites.build(src, dir.resolve("out")));
        assertTrue(e.file().endsWith(file.substring("content/".length())), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.problem().startsWith("'" + field + "' holds a shortcode"), e.getMessage());
        assertTrue(e.problem().contains("only in the body"), e.getMessage());
    }
}
