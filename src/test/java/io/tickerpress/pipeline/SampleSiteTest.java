package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Builds the repository's own sample site and checks the pages a reader sees. */
class SampleSiteTest {
    @TempDir
    static Path out;
    static BuildResult result;
    static final String SEED = "/news/2026/01/20/russell-2000-record-first-10-days/";

    @BeforeAll
    static void build() {
        result = TestSites.build(TestSites.SAMPLE, out.resolve("site"));
    }

    private static Path site() {
        return out.resolve("site");
    }

    @Test
    void articlePageHasTheAnatomyOfANewsArticle() {
        Document doc = TestSites.page(site(), SEED);
        assertEquals(1, doc.select("h1").size(), "one h1");
        assertEquals("Russell 2000 Outpaces S&P 500 for 11th Straight Session in Its Best Start to a Year Since 1987",
                doc.selectFirst("h1").text());
        Element dateline = doc.selectFirst(".dateline time");
        assertEquals("NEW YORK, Jan 20, 2026, 06:04 EST", dateline.text());
        assertEquals("2026-01-20T06:04:00-05:00", dateline.attr("datetime"));
        assertEquals(3, doc.select(".key-points li").size());
        assertTrue(doc.selectFirst(".key-points li").text().startsWith("The Russell 2000 gained"));
        assertFalse(doc.select(".story-body h2#what-is-driving-it").isEmpty(), "heading anchors");
        Elements sources = doc.select(".sources a[href]");
        assertEquals(2, sources.size());
        assertEquals("https://www.lseg.com/en/ftse-russell", sources.get(0).attr("href"));
        assertEquals(List.of("Small Caps", "Rates", "Market Rotation"), doc.select(".tags a").eachText());
        assertNotNull(doc.selectFirst("aside"), "sidebar region");
        assertEquals("Micron Closes at a Record as Memory Demand Outruns Supply",
                doc.selectFirst(".previous-story .title").text());
        assertEquals("Fed Officials Signal Patience Ahead of January Meeting", doc.selectFirst(".next-story .title").text());
        Element top = doc.select("a:contains(Go to Top)").first();
        assertEquals("#top", top.attr("href"));
        assertNotNull(doc.getElementById("top"));
        assertEquals("https://ledger.example.com" + SEED, doc.selectFirst("link[rel=canonical]").attr("href"));
    }

    @Test
    void previousNextChainVisitsEveryArticleOnceInDateOrder() throws Exception {
        List<String> articleUrls;
        try (Stream<Path> walk = Files.walk(site().resolve("news"))) {
            articleUrls = walk.filter(p -> p.getFileName().toString().equals("index.html"))
                    .map(p -> "/" + site().relativize(p.getParent()).toString().replace('\\', '/') + "/").toList();
        }
        assertEquals(result.articles(), articleUrls.size());
        // Find the oldest: the one page with no previous link.
        List<String> oldest = articleUrls.stream()
                .filter(u -> TestSites.page(site(), u).selectFirst(".previous-story") == null).toList();
        assertEquals(1, oldest.size(), "exactly one article has no previous story");
        List<String> visited = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String url = oldest.get(0);
        String lastTime = "";
        while (url != null) {
            assertTrue(seen.add(url), "chain revisits " + url);
            visited.add(url);
            assertTrue(Files.isRegularFile(TestSites.fileFor(site(), url)), "link resolves: " + url);
            Document doc = TestSites.page(site(), url);
            String time = doc.selectFirst(".dateline time").attr("datetime");
            assertTrue(java.time.OffsetDateTime.parse(time).toInstant().toString().compareTo(lastTime) >= 0, "date order");
            lastTime = java.time.OffsetDateTime.parse(time).toInstant().toString();
            Element next = doc.selectFirst(".next-story");
            if (next != null) {
                Document nextDoc = TestSites.page(site(), next.attr("href"));
                assertEquals(url, nextDoc.selectFirst(".previous-story").attr("href"), "previous mirrors next");
                assertEquals(nextDoc.selectFirst("h1").text(), next.selectFirst(".title").text());
            }
            url = next == null ? null : next.attr("href");
        }
        assertEquals(articleUrls.size(), visited.size(), "the chain visits every article");
    }

    @Test
    void homePageIsPaginatedNewestFirstWithWorkingLinks() {
        Document home = TestSites.page(site(), "/");
        Elements items = home.select(".teaser");
        assertEquals(5, items.size(), "paginate: 5 in the sample site.yaml");
        assertEquals("Small Caps Pause After Record Run as Week Ends Mixed", items.get(0).selectFirst("h2").text());
        assertEquals("The Russell 2000 slipped 0.4% on Friday but held most of its gains for the year.",
                items.get(0).selectFirst(".teaser-lead").text());
        assertNull(home.selectFirst(".pager .newer"));
        int pages = 1;
        String older = home.selectFirst(".pager .older").attr("href");
        List<String> titles = new ArrayList<>(items.eachText());
        while (older != null && !older.isEmpty()) {
            pages++;
            assertEquals("/page/" + pages + "/", older);
            Document doc = TestSites.page(site(), older);
            assertEquals(pages == 2 ? "/" : "/page/" + (pages - 1) + "/", doc.selectFirst(".pager .newer").attr("href"));
            titles.addAll(doc.select(".teaser").eachText());
            Element o = doc.selectFirst(".pager .older");
            older = o == null ? null : o.attr("href");
        }
        assertEquals(3, pages, "14 published articles at 5 a page");
        assertEquals(14, titles.size());
    }

    @Test
    void draftsAreLeftOutByDefault() {
        assertFalse(Files.exists(site().resolve("news/2026/01/26/draft-fed-preview/index.html")));
        assertEquals(14, result.articles(), "15 sample articles, one a draft");
    }

    @Test
    void stylesheetIsPublishedAndLinked() {
        assertTrue(Files.isRegularFile(site().resolve("assets/style.css")));
        assertEquals("/assets/style.css", TestSites.page(site(), "/").selectFirst("link[rel=stylesheet]").attr("href"));
    }

    @Test
    void tagPagesListTheirArticles() {
        Document doc = TestSites.page(site(), "/tags/memory-chips/");
        assertEquals("Memory Chips", doc.selectFirst("h1").text());
        assertEquals(3, doc.select(".teaser").size());
        Document index = TestSites.page(site(), "/tags/");
        assertFalse(index.select("a[href=/tags/small-caps/]").isEmpty());
    }

    @Test
    void everyInternalLinkResolves() throws Exception {
        try (Stream<Path> walk = Files.walk(site(), java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".html")).toList()) {
                String rel = "/" + site().relativize(p).toString().replace('\\', '/');
                Document doc = TestSites.page(site(), rel.endsWith("index.html")
                        ? rel.substring(0, rel.length() - "index.html".length()) : rel);
                for (Element a : doc.select("a[href^=/], link[href^=/]")) {
                    assertTrue(Files.isRegularFile(TestSites.fileFor(site(), a.attr("href"))),
                            rel + " links to missing " + a.attr("href"));
                }
            }
        }
    }
}
