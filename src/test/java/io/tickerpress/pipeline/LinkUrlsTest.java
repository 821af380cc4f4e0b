package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import io.tickerpress.load.Urls;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Body links, images and sources with characters a URL may not hold (a space, a quote, {@code <}, {@code >}, letters
 * beyond ASCII) are written percent-encoded, so the page's href and src are valid URLs (the W3C checker rejects
 * them raw, escaped or not); an escape already there is kept, not encoded again; unsafe schemes stay refused. The
 * expected URLs are encoded by hand from RFC 3986 and the URL Standard: " %22, space %20, < %3C, > %3E, ü C3 BC.
 */
class LinkUrlsTest {
    @TempDir
    Path dir;

    @Test
    void linksImagesAndSourcesAreValidUrls() throws Exception {
        String body = String.join("\n",
                "A [quoted](<https://ex.com/a b\"c\\<d\\>e>) link, [escaped](https://ex.com/q?x=%20y&z=%zz),",
                "[münchen](https://ex.com/münchen#top#2), [script](javascript:alert(1)) and ![chart](</img/a b.png>).");
        Path src = TestSites.site(dir.resolve("src"), Map.of("content/articles/2026-01-05-a.md",
                TestSites.article("A", "2026-01-05T09:00:00-05:00",
                        "sources:\n  - {name: Filing, url: 'https://ex.com/\"x\"<y>?q=a b'}\n"
                                + "  - {name: Wire, url: 'https://[::1]:8080/p%41th|x'}\n", body)));
        Path out = dir.resolve("out");
        BuildResult r = TestSites.build(src, out);
        Document page = TestSites.page(out, "/news/2026/01/05/a/");

        assertEquals("https://ex.com/a%20b%22c%3Cd%3Ee", page.selectFirst("a:contains(quoted)").attr("href"));
        assertEquals("https://ex.com/q?x=%20y&z=%25zz", page.selectFirst("a:contains(escaped)").attr("href"));
        assertEquals("https://ex.com/m%C3%BCnchen#top%232", page.selectFirst("a:contains(münchen)").attr("href"));
        assertEquals("/img/a%20b.png", page.selectFirst("img[alt=chart]").attr("src"));
        assertTrue(page.select("a[href^=javascript]").isEmpty());
        assertTrue(page.selectFirst(".article-body, article").text().contains("script"), "the link keeps its text");
        assertTrue(String.join("\n", r.warnings()).contains("link to 'javascript:alert(1)' dropped"), r.warnings().toString());

        List<String> sources = page.select(".sources a").eachAttr("href");
        assertEquals(List.of("https://ex.com/%22x%22%3Cy%3E?q=a%20b", "https://[::1]:8080/p%41th%7Cx"), sources);
        for (String href : page.select("[href], [src]").eachAttr("abs:href")) {
            if (!href.isEmpty()) new URI(href); // parses as a URI: no raw space, quote or angle bracket
        }
    }

    @Test
    void encodingTwiceChangesNothing() {
        for (String url : List.of("https://ex.com/a b\"<>", "/tags/日本/", "https://ex.com/%zz%41", "a#b#c", "x\\y^`{|}")) {
            String once = Urls.encode(url);
            assertEquals(once, Urls.encode(once), url);
            assertTrue(once.chars().allMatch(c -> c > 0x20 && c < 0x7f), once);
        }
        assertEquals("https://ex.com/%zz".replace("%zz", "%25zz"), Urls.encode("https://ex.com/%zz"));
        assertEquals("/caf%C3%A9%F0%9F%98%80", Urls.encode("/café😀"));
    }

    /**
     * Each escaped character as its UTF-8 bytes (RFC 3629), worked out by hand at the edges of each length: U+007F
     * one byte, U+0080 and U+07FF two (C2 80, DF BF), U+0800 and U+FFFF three (E0 A0 80, EF BF BF), U+10000 and
     * U+10FFFF four (F0 90 80 80, F4 8F BF BF); 日 U+65E5 is E6 97 A5; a lone half of a surrogate pair is
     * U+FFFD (EF BF BD); control characters are one byte, upper-case hex.
     */
    @Test
    void eachEscapeIsTheUtf8BytesInUpperCaseHex() {
        assertEquals("/%01%09%1F%7F", Urls.encode("/\u0001\t\u001f\u007f"));
        assertEquals("/%C2%80%DF%BF", Urls.encode("/\u0080\u07ff"));
        assertEquals("/%E0%A0%80%EF%BF%BF%E6%97%A5", Urls.encode("/\u0800\uffff\u65e5"));
        assertEquals("/%F0%90%80%80%F4%8F%BF%BF", Urls.encode("/" + Character.toString(0x10000) + Character.toString(0x10FFFF)));
        assertEquals("/a%EF%BF%BDb%EF%BF%BD", Urls.encode("/a\ud800b\udfff"));
        assertEquals("/ok-as-is_~.!$&'()*+,;=:@/?q=1", Urls.encode("/ok-as-is_~.!$&'()*+,;=:@/?q=1"));
    }
}
