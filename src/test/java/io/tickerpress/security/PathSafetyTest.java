package io.tickerpress.security;

import io.tickerpress.TestSites;
import io.tickerpress.diag.InputError;
import io.tickerpress.load.Slugs;
import io.tickerpress.load.Urls;
import io.tickerpress.write.SafePaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No content can make TickerPress read or write outside the source and output folders. */
class PathSafetyTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "../../etc | etc", "/etc/passwd | etc-passwd", "..\\..\\windows\\system32 | windows-system32",
            "C:\\Users\\x | c-users-x", "Société Générale Shares Jump | societe-generale-shares-jump",
            "Zürich Börse: Straße & Co. | zurich-borse-strasse-and-co", "  Ærø Ølkompagni  | aero-olkompagni",
            "%2e%2e%2fetc | 2e-2e-2fetc", "S&P 500 Hits 7,000 | s-and-p-500-hits-7-000"})
    void slugsAreSafeAndReadable(String input, String slug) {
        assertEquals(slug, Slugs.slugify(input));
    }

    @Test
    void hostileSlugsStayInsideTheOutput() throws Exception {
        Path src = TestSites.site(dir.resolve("src"), Map.of(
                "content/articles/a.md", TestSites.article("A", "2026-01-05T09:00:00-05:00", "slug: ../../../../tmp/evil\n", "x"),
                "content/articles/b.md", TestSites.article("B", "2026-01-05T09:00:00-05:00", "slug: '..\\..\\evil2'\n", "x")));
        Path out = dir.resolve("out");
        TestSites.build(src, out);
        assertTrue(Files.isRegularFile(out.resolve("news/2026/01/05/tmp-evil/index.html")));
        assertTrue(Files.isRegularFile(out.resolve("news/2026/01/05/evil2/index.html")));
        try (Stream<Path> all = Files.walk(dir)) {
            assertTrue(all.allMatch(p -> p.startsWith(src) || p.startsWith(out) || p.startsWith(dir.resolve(".out.versions")) || p.startsWith(dir.resolve("out-cache"))
                    || p.equals(dir)), "nothing written outside the output and cache folders");
        }
    }

    @Test
    void symlinksOutOfContentAreRefused() throws Exception {
        Path secret = dir.resolve("secret.md");
        Files.writeString(secret, TestSites.article("Secret", "2026-01-05T09:00:00-05:00", "", "private"));
        Path src = TestSites.site(dir.resolve("src"), Map.of());
        Files.createDirectories(src.resolve("content/articles"));
        Files.createSymbolicLink(src.resolve("content/articles/linked.md"), secret);
        InputError e = assertThrows(InputError.class, () -> TestSites.build(src, dir.resolve("out")));
        assertTrue(e.getMessage().contains("linked.md: is a link to"), e.getMessage());
        assertTrue(e.getMessage().contains("outside the content folder"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "/etc/passwd", "a/../../x", "a\\..\\x", "C:/x", "a/./b"})
    void outputPathsCannotEscape(String path) {
        assertThrows(IllegalArgumentException.class, () -> SafePaths.resolve(dir, path));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://example.com/ | true", "http://x | true", "mailto:desk@example.com | true", "/news/x/ | true",
            "#top | true", "../x | true", "x.html | true", "javascript:alert(1) | false", "JAVASCRIPT:alert(1) | false",
            "java\tscript:alert(1) | false", " javascript:alert(1) | false", "data:text/html;base64,xx | false",
            "vbscript:x | false", "file:///etc/passwd | false", "'' | false"})
    void linkSchemes(String url, boolean safe) {
        assertEquals(safe, Urls.isSafeLink(url.equals("''") ? "" : url), url);
        assertFalse(Urls.isSafeLink("java\u0000script:alert(1)"));
    }
}
