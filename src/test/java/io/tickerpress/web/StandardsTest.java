package io.tickerpress.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickerpress.render.search.SearchReader;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.tickerpress.TestSites;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Feeds, sitemaps, robots.txt and structured data, read back with real parsers. */
class StandardsTest {
    @TempDir
    static Path dir;
    static Path site;
    static final String BASE = "https://ledger.example.com/";

    @BeforeAll
    static void build() {
        site = dir.resolve("site");
        TestSites.build(TestSites.SAMPLE, site);
    }

    static SyndFeed feed(String file) throws Exception {
        try (XmlReader reader = new XmlReader(site.resolve(file).toFile())) {
            return new SyndFeedInput().build(reader);
        }
    }

    @Test
    void siteFeedsParseWithRomeAndListTheNewestArticles() throws Exception {
        for (String file : List.of("feed.xml", "atom.xml")) {
            SyndFeed feed = feed(file);
            assertEquals("The Market Ledger", feed.getTitle());
            List<SyndEntry> entries = feed.getEntries();
            assertEquals(14, entries.size(), file + ": every published article (fewer than 20)");
            SyndEntry first = entries.get(0);
            assertEquals("Small Caps Pause After Record Run as Week Ends Mixed", first.getTitle());
            assertEquals(BASE + "news/2026/01/23/small-caps-pause/", first.getLink());
            assertEquals(OffsetDateTime.parse("2026-01-23T16:20:00-05:00").toInstant(),
                    first.getPublishedDate().toInstant());
            assertTrue(first.getDescription().getValue().startsWith("The Russell 2000 slipped 0.4%"));
            assertEquals(List.of("Small Caps", "Market Rotation"), first.getCategories().stream().map(c -> c.getName()).toList());
        }
    }

    @Test
    void tagFeedsHoldOnlyThatTag() throws Exception {
        SyndFeed feed = feed("tags/memory-chips/feed.xml");
        assertEquals(3, feed.getEntries().size());
        assertEquals(3, feed("tags/memory-chips/atom.xml").getEntries().size());
        Document tagPage = TestSites.page(site, "/tags/memory-chips/");
        assertEquals("/tags/memory-chips/feed.xml",
                tagPage.selectFirst("link[rel=alternate][type=application/rss+xml]").attr("href"));
        assertNotNull(TestSites.page(site, "/").selectFirst("link[rel=alternate][type=application/atom+xml][href=/atom.xml]"));
    }

    @Test
    void sitemapListsEveryPageOnceWithAValidLastmod() throws Exception {
        var xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(site.resolve("sitemap.xml").toFile());
        NodeList urls = xml.getElementsByTagName("url");
        Set<String> locs = new HashSet<>();
        for (int i = 0; i < urls.getLength(); i++) {
            var url = (org.w3c.dom.Element) urls.item(i);
            String loc = url.getElementsByTagName("loc").item(0).getTextContent();
            assertTrue(locs.add(loc), "listed twice: " + loc);
            OffsetDateTime.parse(url.getElementsByTagName("lastmod").item(0).getTextContent());
        }
        Set<String> pages = new HashSet<>();
        try (Stream<Path> walk = Files.walk(site, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            walk.filter(p -> p.getFileName().toString().equals("index.html"))
                    .forEach(p -> pages.add(BASE + site.relativize(p.getParent()).toString().replace('\\', '/')
                            .replaceAll("(.+)$", "$1/")));
        }
        assertEquals(pages, locs);
        assertTrue(Files.readString(site.resolve("robots.txt")).contains("Sitemap: " + BASE + "sitemap.xml"));
        assertTrue(Files.isRegularFile(site.resolve("404.html")));
    }

    @Test
    void newsSitemapHoldsTheLastTwoDaysOfArticles() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var xml = factory.newDocumentBuilder().parse(site.resolve("news-sitemap.xml").toFile());
        NodeList titles = xml.getElementsByTagNameNS("http://www.google.com/schemas/sitemap-news/0.9", "title");
        assertEquals(2, titles.getLength(), "Jan 22 and Jan 23: the Jan 21 story is more than 48 hours older");
        assertEquals("Small Caps Pause After Record Run as Week Ends Mixed", titles.item(0).getTextContent());
    }

    @Test
    void articleJsonLdAndSocialMeta() throws Exception {
        Document doc = TestSites.page(site, "/news/2026/01/20/russell-2000-record-first-10-days/");
        JsonNode ld = new ObjectMapper().readTree(doc.selectFirst("script[type=application/ld+json]").data());
        assertEquals("NewsArticle", ld.get("@type").asText());
        assertEquals(doc.selectFirst("h1").text(), ld.get("headline").asText());
        assertEquals("2026-01-20T06:04:00-05:00", ld.get("datePublished").asText());
        assertEquals("2026-01-20T06:04:00-05:00", ld.get("dateModified").asText());
        assertEquals("Dana Whitfield", ld.get("author").get(0).get("name").asText());
        assertEquals("The Market Ledger", ld.get("publisher").get("name").asText());
        assertTrue(ld.get("image").get(0).asText().matches(BASE + "charts/[0-9a-f]{32}\\.png"));
        assertTrue(Files.isRegularFile(site.resolve(ld.get("image").get(0).asText().substring(BASE.length()))));
        assertEquals("article", doc.selectFirst("meta[property=og:type]").attr("content"));
        assertEquals(ld.get("image").get(0).asText(), doc.selectFirst("meta[property=og:image]").attr("content"));
        assertEquals("summary_large_image", doc.selectFirst("meta[name=twitter:card]").attr("content"));
        assertTrue(doc.selectFirst("meta[name=description]").attr("content").startsWith("The Russell 2000 gained 7.9%"));

        Document digest = TestSites.page(site, "/markets/2026/01/20/");
        JsonNode dld = new ObjectMapper().readTree(digest.selectFirst("script[type=application/ld+json]").data());
        assertEquals("Markets", dld.get("articleSection").asText());
        assertEquals(digest.selectFirst("h1").text(), dld.get("headline").asText());
    }

    @Test
    void searchIndexHasTheDocumentedFields() throws Exception {
        SearchReader index = new SearchReader(site);
        assertEquals(14, index.manifest().get("docs").asInt());
        // README: stories are numbered oldest first, and a result line is [title, url, displayDate, tickers, summary].
        JsonNode newest = index.doc(13);
        assertEquals(5, newest.size());
        assertTrue(newest.get(0).isTextual() && newest.get(2).isTextual() && newest.get(3).isArray() && newest.get(4).isTextual());
        assertEquals("/news/2026/01/23/small-caps-pause/", newest.get(1).asText());
        assertFalse(TestSites.page(site, "/search/").select("script[src=/assets/search.js]").isEmpty());
    }

    @Test
    void everyPageHasLandmarksOneH1AndALanguage() throws Exception {
        try (Stream<Path> walk = Files.walk(site, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".html")).toList()) {
                Document doc = org.jsoup.Jsoup.parse(p.toFile(), "UTF-8");
                String name = site.relativize(p).toString();
                assertEquals("en", doc.selectFirst("html").attr("lang"), name);
                assertEquals(1, doc.select("h1").size(), name);
                for (String landmark : List.of("header", "nav", "main", "footer")) {
                    assertFalse(doc.select(landmark).isEmpty(), name + " has " + landmark);
                }
                assertEquals("#main", doc.selectFirst("a.skip-link").attr("href"), name);
                for (var img : doc.select("img")) {
                    assertTrue(img.hasAttr("alt") && img.hasAttr("width") && img.hasAttr("height"), name + ": " + img);
                }
            }
        }
    }
}
