package io.tickerpress.security;

import io.tickerpress.TestSites;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feed readers render RSS {@code <description>}, {@code <content:encoded>} and Atom {@code content type="html"}
 * as HTML. Text in them must read as the text it was, never as markup; and full-content bodies must have
 * absolute links without any other change. The feeds are read back as a reader does: XML first, then the
 * field's text as HTML (jsoup).
 */
class FeedHtmlTest {
    static final String RSS_CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String KEY_POINT = "<img src=x onerror=alert(9)> AT&T <script>alert(1)</script>";
    static final String TAG = "<b onmouseover=\"alert(2)\">tag</b>";
    static final String DESCRIPTION = "Desk <script>alert(3)</script> & \"friends\"";

    @TempDir
    Path dir;

    static Document xml(Path file) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    /** What a feed reader shows for an HTML field: the text must be the original, with no element at all. */
    static void assertShowsAsText(String expected, String htmlField, String where) {
        Element body = Jsoup.parseBodyFragment(htmlField).body();
        assertEquals(0, body.select("*").size() - 1, where + ": elements in " + htmlField);
        assertEquals(expected, body.text(), where);
    }

    /** The text of the channel's description and of each item's. */
    static List<String> rssDescriptions(Document rss) {
        var nodes = rss.getElementsByTagName("description");
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> nodes.item(i).getTextContent()).toList();
    }

    @Test
    void textInHtmlFieldsReadsAsText() throws Exception {
        Path src = TestSites.site(dir.resolve("src"), Map.of(
                "content/site.yaml", TestSites.SITE_YAML + "description: '" + DESCRIPTION + "'\n",
                "content/articles/2026-01-05-a.md", TestSites.article("A", "2026-01-05T09:00:00-05:00",
                        "summary: ['" + KEY_POINT + "']\ntags: ['" + TAG + "']\n", "Body.")));
        Path out = dir.resolve("out");
        TestSites.build(src, out);

        List<String> site = rssDescriptions(xml(out.resolve("feed.xml")));
        assertEquals(2, site.size(), "the channel's and the one item's");
        assertShowsAsText(DESCRIPTION, site.get(0), "site channel description");
        assertShowsAsText(KEY_POINT, site.get(1), "item description");

        Path tagFeed;
        try (Stream<Path> tags = Files.list(out.resolve("tags"))) {
            tagFeed = tags.filter(Files::isDirectory).findFirst().orElseThrow().resolve("feed.xml");
        }
        List<String> tag = rssDescriptions(xml(tagFeed));
        assertShowsAsText(TAG, tag.get(0), "tag channel description is the tag's name");
        assertShowsAsText(KEY_POINT, tag.get(1), "tag feed item description");

        // Atom's summary and subtitle are text (no type attribute means type="text"): the text itself.
        Document atom = xml(out.resolve("atom.xml"));
        assertEquals(KEY_POINT, atom.getElementsByTagNameNS(ATOM, "summary").item(0).getTextContent());
        assertEquals(DESCRIPTION, atom.getElementsByTagNameNS(ATOM, "subtitle").item(0).getTextContent());
        assertFalse(atom.getElementsByTagNameNS(ATOM, "summary").item(0).getAttributes().getNamedItem("type") != null);
    }

    @Test
    void fullContentGetsAbsoluteLinksAndNothingElseChanges() throws Exception {
        String body = """
                Prices a, /b rose, src="/c" and href="/d" are text here.

                See [other](/ledger/news/2026/01/04/other/), [relative](../../04/other/), [anchor](#top) and \
                [away](https://example.org/x?a=1&b=2).

                <img src="/ledger/charts/a.png" srcset="/ledger/charts/a.png 1x, /ledger/charts/a@2x.png 2x" alt="c">
                """;
        Path src = TestSites.site(dir.resolve("src"), Map.of(
                "content/site.yaml", "title: T\nbaseUrl: https://test.example.com/ledger/\n"
                        + "feeds:\n  fullContent: true\nmarkdown:\n  unsafe: true\n",
                "content/articles/2026-01-05-links.md", TestSites.article("Links", "2026-01-05T09:00:00-05:00", "", body)));
        Path out = dir.resolve("out");
        TestSites.build(src, out);

        Document rss = xml(out.resolve("feed.xml"));
        Document atom = xml(out.resolve("atom.xml"));
        String rssContent = rss.getElementsByTagNameNS(RSS_CONTENT, "encoded").item(0).getTextContent();
        var atomNode = atom.getElementsByTagNameNS(ATOM, "content").item(0);
        assertEquals("html", atomNode.getAttributes().getNamedItem("type").getNodeValue());
        for (String html : List.of(rssContent, atomNode.getTextContent())) {
            Element content = Jsoup.parseBodyFragment(html).body();
            // The article page is https://test.example.com/ledger/news/2026/01/05/links/; worked out by hand:
            // "/ledger/x" → origin + path; "../../04/other/" climbs from links/ to 05/ to 01/; "#top" stays on
            // the article; an absolute link stays as it is.
            assertEquals(List.of("https://test.example.com/ledger/news/2026/01/04/other/",
                    "https://test.example.com/ledger/news/2026/01/04/other/",
                    "https://test.example.com/ledger/news/2026/01/05/links/#top",
                    "https://example.org/x?a=1&b=2"), content.select("a").eachAttr("href"));
            Element img = content.selectFirst("img");
            assertEquals("https://test.example.com/ledger/charts/a.png", img.attr("src"));
            assertEquals("https://test.example.com/ledger/charts/a.png 1x, https://test.example.com/ledger/charts/a@2x.png 2x",
                    img.attr("srcset"));
            assertEquals("c", img.attr("alt"));
            assertTrue(content.text().contains("Prices a, /b rose, src=\"/c\" and href=\"/d\" are text here."),
                    content.text());
        }
    }
}
