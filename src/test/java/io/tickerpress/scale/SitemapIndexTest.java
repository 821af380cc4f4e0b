package io.tickerpress.scale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sitemaps.org protocol allows at most 50,000 URLs in one sitemap file; a larger site gets several files and
 * {@code sitemap.xml} becomes their sitemap index. Building 50,000 pages in a test is slow, so the limit is lowered
 * for the child JVM with the system property {@code tickerpress.sitemap.maxUrls}: the split is the same rule.
 */
class SitemapIndexTest {
    private static final String BASE = "https://gen.example.com/"; // GeneratedArchive's baseUrl
    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final int LIMIT = 25;

    @TempDir
    static Path dir;
    static Path site;

    @BeforeAll
    static void generate() throws Exception {
        site = GeneratedArchive.write(dir, 60, 300);
    }

    @Test
    void aSiteAboveTheLimitGetsAnIndexOfFilesThatListEveryPageOnce() throws Exception {
        GeneratedArchive.Run run = GeneratedArchive.build(site, "256m", "-Dtickerpress.sitemap.maxUrls=" + LIMIT);
        assertEquals(0, run.exit(), run.output());
        Path out = site.resolve("site");
        Set<String> pages = pageUrls(out);
        assertTrue(pages.size() > 3 * LIMIT, "the site has more pages than three files hold: " + pages.size());

        Document index = parse(out.resolve("sitemap.xml"));
        assertEquals("sitemapindex", index.getDocumentElement().getLocalName());
        assertEquals(NS, index.getDocumentElement().getNamespaceURI());
        NodeList sitemaps = index.getElementsByTagNameNS(NS, "sitemap");
        // Files are filled up to the limit in turn: ceil(pages / LIMIT) of them.
        assertEquals((pages.size() + LIMIT - 1) / LIMIT, sitemaps.getLength());

        Map<String, Integer> listed = new HashMap<>();
        Set<String> files = new HashSet<>();
        for (int i = 0; i < sitemaps.getLength(); i++) {
            Element sitemap = (Element) sitemaps.item(i);
            String loc = text(sitemap, "loc");
            assertTrue(loc.startsWith(BASE), "an absolute URL on the site: " + loc);
            String name = loc.substring(BASE.length());
            assertTrue(name.matches("sitemap-\\d+\\.xml"), loc);
            assertTrue(files.add(name), "listed twice in the index: " + loc);

            Document part = parse(out.resolve(name));
            assertEquals("urlset", part.getDocumentElement().getLocalName());
            assertEquals(NS, part.getDocumentElement().getNamespaceURI());
            NodeList urls = part.getElementsByTagNameNS(NS, "url");
            assertTrue(urls.getLength() >= 1 && urls.getLength() <= LIMIT, name + " holds " + urls.getLength() + " URLs");
            OffsetDateTime newest = null;
            for (int u = 0; u < urls.getLength(); u++) {
                Element url = (Element) urls.item(u);
                listed.merge(text(url, "loc"), 1, Integer::sum);
                OffsetDateTime lastmod = OffsetDateTime.parse(text(url, "lastmod"));
                if (newest == null || lastmod.isAfter(newest)) newest = lastmod;
            }
            // The index says when each file last changed: the newest change among its pages.
            assertEquals(newest.toInstant(), OffsetDateTime.parse(text(sitemap, "lastmod")).toInstant(), name);
        }
        assertEquals(pages, listed.keySet());
        listed.forEach((url, times) -> assertEquals(1, times, "listed " + times + " times: " + url));

        // No sitemap file is left out of the index, and robots.txt names the index.
        try (Stream<Path> root = Files.list(out)) {
            assertEquals(files, root.map(p -> p.getFileName().toString()).filter(n -> n.matches("sitemap-\\d+\\.xml"))
                    .collect(java.util.stream.Collectors.toSet()));
        }
        assertTrue(Files.readString(out.resolve("robots.txt")).contains("Sitemap: " + BASE + "sitemap.xml\n"));
    }

    @Test
    void aSiteWithinTheLimitKeepsOneSitemapFile() throws Exception {
        GeneratedArchive.Run run = GeneratedArchive.build(site, "256m");
        assertEquals(0, run.exit(), run.output());
        Path out = site.resolve("site");
        Document sitemap = parse(out.resolve("sitemap.xml"));
        assertEquals("urlset", sitemap.getDocumentElement().getLocalName());
        NodeList urls = sitemap.getElementsByTagNameNS(NS, "url");
        List<String> locs = new ArrayList<>();
        for (int i = 0; i < urls.getLength(); i++) locs.add(text((Element) urls.item(i), "loc"));
        assertEquals(pageUrls(out), new HashSet<>(locs));
        assertEquals(locs.size(), new HashSet<>(locs).size(), "every page once");
        assertFalse(Files.exists(out.resolve("sitemap-1.xml")));
    }

    /** The URL of every page of the output, from its files: a folder's index.html is served at the folder. */
    private static Set<String> pageUrls(Path out) throws Exception {
        Set<String> pages = new HashSet<>();
        try (Stream<Path> walk = Files.walk(out, FileVisitOption.FOLLOW_LINKS)) {
            walk.filter(p -> p.getFileName().toString().equals("index.html")).forEach(p -> {
                String folder = out.relativize(p.getParent()).toString().replace('\\', '/');
                pages.add(BASE + (folder.isEmpty() ? "" : folder + "/"));
            });
        }
        return pages;
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static String text(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(NS, name);
        assertEquals(1, nodes.getLength(), "one <" + name + ">");
        return nodes.item(0).getTextContent();
    }
}
