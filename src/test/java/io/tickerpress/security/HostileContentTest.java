package io.tickerpress.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.tickerpress.TestSites;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Content written to attack readers: script tags, quotes and javascript: URLs in every field that reaches a
 * page. Everything must come out as text, in every output: HTML, attributes, JSON-LD, feeds, sitemaps, the
 * search index, chart alt text and SVG text.
 */
class HostileContentTest {
    static final String TITLE = "Stocks <script>alert(\"t\")</script> & \"Quotes\" javascript:alert(1)";
    static final String TAG = "<b onmouseover=\"alert(2)\">tag</b>";
    static final String SOURCE = "</script><script>alert(3)</script>";
    static final String NAME = "<script>alert(\"name\")</script>";
    static final String HEADLINE = "</script><img src=x onerror=alert(5)>";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"png", "svg"})
    void everythingIsEscapedOrDropped(String format) throws Exception {
        Map<String, String> files = new HashMap<>();
        files.put("content/site.yaml", TestSites.SITE_YAML + "charts:\n  format: " + format + "\n");
        String q = "{\"symbol\": \"MU\", \"name\": \"" + NAME.replace("\"", "\\\"") + "\", \"close\": %s}";
        files.put("content/market/2026-01-15.json", "{\"date\": \"2026-01-15\", \"quotes\": [" + q.formatted("330") + "]}");
        files.put("content/market/2026-01-16.json", "{\"date\": \"2026-01-16\", \"quotes\": [" + q.formatted("340") + "],"
                + " \"stockOfTheDay\": [{\"symbol\": \"MU\", \"time\": \"2026-01-16T09:00:00-05:00\", \"headline\": \""
                + HEADLINE.replace("\"", "\\\"") + "\", \"body\": \"<script>alert(6)</script> [x](javascript:alert(7))\"}]}");
        files.put("content/articles/2026-01-16-hostile.md", "---\n"
                + "title: '" + TITLE + "'\n"
                + "date: 2026-01-16T17:00:00-05:00\n"
                + "dateline: '<i>NEW YORK</i>'\n"
                + "author: '\"><script>alert(8)</script>'\n"
                + "summary: ['<img src=x onerror=alert(9)>']\n"
                + "tags: ['" + TAG + "']\n"
                + "tickers: [MU]\n"
                + "sources:\n  - name: '" + SOURCE + "'\n    url: 'https://example.com/?q=\"<x>\"'\n"
                + "charts:\n  - {type: price, symbols: [MU], range: 1M, title: '<script>alert(10)</script>'}\n"
                + "---\n"
                + "[click](javascript:alert(11)) [data](data:text/html;base64,PHNjcmlwdD4=) ![i](javascript:alert(12))\n\n"
                + "<script>alert(13)</script>\n\n"
                + "<a href=\"javascript:alert(14)\">raw</a>\n");
        Path src = TestSites.site(dir.resolve("src-" + format), files);
        Path site = dir.resolve("site-" + format);
        var result = TestSites.build(src, site);
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("raw HTML left out")), result.warnings().toString());

        int pages = 0;
        try (Stream<Path> walk = Files.walk(site, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".html")).toList()) {
                pages++;
                assertSafe(Jsoup.parse(p.toFile(), "UTF-8"), site.relativize(p).toString());
            }
        }
        assertTrue(pages > 5);

        Document article = TestSites.page(site, "/news/2026/01/16/hostile/");
        assertEquals(TITLE, article.selectFirst("h1").text(), "the title is shown as text");
        assertEquals(SOURCE, article.selectFirst(".sources a").text());
        // Escaped and a valid URL: " is %22, < %3C, > %3E (README, links).
        assertEquals("https://example.com/?q=%22%3Cx%3E%22", article.selectFirst(".sources a").attr("href"));
        assertEquals(TAG, article.selectFirst(".tags a").text());
        assertEquals("<img src=x onerror=alert(9)>", article.selectFirst(".key-points li").text());
        assertEquals(HEADLINE, article.selectFirst(".market-item-headline").text());
        JsonNode ld = new ObjectMapper().readTree(article.selectFirst("script[type=application/ld+json]").data());
        assertEquals(TITLE, ld.get("headline").asText());
        assertFalse(article.selectFirst("script[type=application/ld+json]").data().contains("</script"));
        Element chart = article.selectFirst("figure.chart img");
        assertTrue(chart.attr("alt").contains(NAME), chart.attr("alt"));

        for (String feed : new String[] {"feed.xml", "atom.xml"}) {
            try (XmlReader r = new XmlReader(site.resolve(feed).toFile())) {
                assertEquals(TITLE, new SyndFeedInput().build(r).getEntries().get(0).getTitle());
            }
        }
        var xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        xml.newDocumentBuilder().parse(site.resolve("sitemap.xml").toFile());
        assertTrue(xml.newDocumentBuilder().parse(site.resolve("news-sitemap.xml").toFile())
                .getDocumentElement().getTextContent().contains(TITLE));
        assertEquals(TITLE, new io.tickerpress.render.search.SearchReader(site).doc(0).get(0).asText());
        if (format.equals("svg")) {
            String svgText = xml.newDocumentBuilder().parse(TestSites.fileFor(site, chart.attr("src")).toFile())
                    .getDocumentElement().getTextContent();
            // The title is the page's figure caption only (escaped there), not drawn again in the image.
            assertFalse(svgText.contains("alert(10)"), "the chart title is not in the SVG");
            assertFalse(Files.readString(TestSites.fileFor(site, chart.attr("src"))).contains("<script>"));
        }
    }

    /** No executable script, event handler or script/data URL anywhere in a page. */
    static void assertSafe(Document doc, String page) {
        for (Element script : doc.select("script")) {
            boolean data = script.attr("type").equals("application/ld+json");
            boolean ours = script.attr("src").equals("/assets/search.js") || script.attr("src").equals("/assets/not-found.js");
            assertTrue(data || ours, page + ": unexpected script " + script.outerHtml());
        }
        for (Element el : doc.getAllElements()) {
            for (Attribute a : el.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                String value = a.getValue().strip().toLowerCase(Locale.ROOT);
                assertFalse(name.startsWith("on"), page + ": event handler " + el.outerHtml());
                if (name.equals("href") || name.equals("src") || name.equals("srcset") || name.equals("action")) {
                    assertFalse(value.startsWith("javascript:") || value.startsWith("data:") || value.startsWith("vbscript:"),
                            page + ": unsafe URL " + el.outerHtml());
                }
            }
        }
    }
}
