package io.tickerpress.derive;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A page's record keeps its file's string, and gives back and orders the page's path as the sitemaps list it. */
class PageRecordTest {
    private static final Instant T = Instant.parse("2026-11-26T14:30:00.000000001Z");

    @Test
    void givesBackThePathOfItsFile() {
        PageRecord home = PageRecord.ofFile("index.html", T);
        assertEquals("", home.path());
        assertEquals(T, home.lastmod());
        assertEquals("news/2026/fed-holds/", PageRecord.ofFile("news/2026/fed-holds/index.html", T).path());
        assertThrows(IllegalArgumentException.class, () -> PageRecord.ofFile("404.html", T));
    }

    @Test
    void ordersByPathAsStringsCompareNotByFile() {
        // The order String.compareTo gives these paths, worked out by hand: "" first, a folder before what lies in
        // it ("news/" before "news/a/", though "news/index.html" sorts after "news/a/index.html"), '-' (U+002D)
        // before '/' (U+002F), then by UTF-16 unit: e-acute U+00E9, the chart emoji's high surrogate U+D83D, the
        // ligature U+FB01 (which a code-point order would put before the emoji).
        List<String> expected = List.of("", "news/", "news/a-b/", "news/a/", "news/b/", "tags/\u00e9/",
                "tags/\uD83D\uDCC8/", "tags/\uFB01/");
        List<PageRecord> records = new ArrayList<>();
        for (int i = expected.size() - 1; i >= 0; i--) records.add(PageRecord.ofFile(expected.get(i) + "index.html", T));
        java.util.Collections.swap(records, 1, 5);
        records.sort(PageRecord.BY_PATH);
        assertEquals(expected, records.stream().map(PageRecord::path).toList());
    }
}
