package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import io.tickerpress.diag.InputError;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartsTest {
    @TempDir
    static Path dir;
    static BuildResult first;
    static Path site;
    static final String SEED = "/news/2026/01/20/russell-2000-record-first-10-days/";

    @BeforeAll
    static void build() {
        site = dir.resolve("site");
        first = TestSites.build(TestSites.SAMPLE, site);
    }

    @Test
    void pngChartsDecodeAtTheirDeclaredSizeWithA2xVersion() throws Exception {
        Document doc = TestSites.page(site, SEED);
        Element img = doc.selectFirst("figure.chart img");
        assertNotNull(img);
        // The content column's width (README: 760 px), the price chart's height (360 px).
        assertEquals("760", img.attr("width"));
        assertEquals("360", img.attr("height"));
        BufferedImage one = ImageIO.read(TestSites.fileFor(site, img.attr("src")).toFile());
        assertEquals(760, one.getWidth());
        assertEquals(360, one.getHeight());
        String twoX = img.attr("srcset").split(", ")[1].replace(" 2x", "");
        BufferedImage two = ImageIO.read(TestSites.fileFor(site, twoX).toFile());
        assertEquals(1520, two.getWidth());
        assertEquals(720, two.getHeight());
        // The variants: narrow (360 x 240, at 2x only) then dark, each decoding at its declared size.
        var sources = img.parent().select("source");
        assertEquals(List.of("(max-width: 40rem) and (prefers-color-scheme: dark)", "(max-width: 40rem)",
                "(prefers-color-scheme: dark)"), sources.eachAttr("media"));
        for (Element source : sources) {
            String[] candidate = source.attr("srcset").split(", ");
            String last = candidate[candidate.length - 1];
            assertTrue(last.endsWith(" 2x"), last);
            BufferedImage variant = ImageIO.read(TestSites.fileFor(site, last.replace(" 2x", "")).toFile());
            assertEquals(2 * Integer.parseInt(source.attr("width")), variant.getWidth(), last);
            assertEquals(2 * Integer.parseInt(source.attr("height")), variant.getHeight(), last);
        }
        assertEquals("360", sources.get(1).attr("width"));
        assertEquals("240", sources.get(1).attr("height"));
        // Every chart image on every page decodes.
        try (var walk = Files.walk(site.resolve("charts"))) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".png")).toList()) {
                assertNotNull(ImageIO.read(p.toFile()), p.toString());
            }
        }
    }

    @Test
    void altTextAndTableComeFromTheDataAndStopAtTheArticlesTime() {
        Document doc = TestSites.page(site, SEED);
        Element fig = doc.selectFirst("figure.chart");
        String alt = fig.selectFirst("img").attr("alt");
        // RUT: 2685.48 / 2481.91 - 1 = 8.20215% -> +8.20% (two decimals, like every percentage).
        assertEquals("Line chart comparing RUT, SPX, NDX rebased to 100, year to date to Jan 16, 2026: "
                + "Russell 2000 (RUT) +8.20%; S&P 500 (SPX) +2.01%; Nasdaq 100 (NDX) +0.65%.", alt);
        assertEquals("Russell 2000 vs S&P 500 vs Nasdaq 100 since the start of 2026", fig.selectFirst("figcaption").text());
        List<Element> rows = fig.select("details table tbody tr");
        assertEquals("Dec 31, 2025", rows.get(0).child(0).text());
        assertEquals(List.of("100.00", "100.00", "100.00"), rows.get(0).select("td").eachText());
        Element last = rows.get(rows.size() - 1);
        assertEquals("Jan 16, 2026", last.child(0).text(), "a 06:04 story on Jan 20 shows no Jan 20 data");
        assertEquals("108.20", last.select("td").get(0).text(), "2,685.48 / 2,481.91 * 100");
        // An inline chart (shortcode) in an article from mid-January holds no later point.
        Document micron = TestSites.page(site, "/news/2026/01/16/micron-record/");
        Element inline = micron.selectFirst(".story-body figure.chart");
        assertNotNull(inline, "shortcode chart survives Markdown without raw HTML");
        DateTimeFormatter f = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);
        for (Element tr : inline.select("tbody tr")) {
            LocalDate d = LocalDate.parse(tr.child(0).text(), f);
            assertFalse(d.isAfter(LocalDate.of(2026, 1, 16)), "no look-ahead: " + d);
        }
        assertTrue(inline.selectFirst("img").attr("alt").endsWith("to 342.50 on Jan 16, 2026, +" 
                + inline.selectFirst("img").attr("alt").replaceAll(".*, \\+", "")));
    }

    @Test
    void digestAndTickerPagesHaveTheirCharts() {
        Document digest = TestSites.page(site, "/markets/2026/01/20/");
        List<String> alts = digest.select("figure.chart img").eachAttr("alt");
        assertEquals(2, alts.size());
        assertTrue(alts.get(0).startsWith("Candlestick chart of S&P 500 (SPX) daily open, high, low and close with volume"), alts.get(0));
        assertTrue(alts.get(1).startsWith("Bar chart of sector performance on Jan 20, 2026: best Financials +1.13%"), alts.get(1));
        Document ticker = TestSites.page(site, "/tickers/mu/");
        assertEquals(2, ticker.select("figure.chart").size());
        assertTrue(ticker.selectFirst("figure.chart img").attr("alt").startsWith("Line chart of Micron Technology (MU) closes, 52 weeks"));
        Document article = TestSites.page(site, SEED);
        assertEquals(4, article.select("aside .board .spark img").size(), "a sparkline per board index");
    }

    @Test
    void identicalChartsRenderOnceAndAWarmRebuildRendersNone() {
        assertTrue(first.chartsRendered() > 0);
        BuildResult again = TestSites.build(TestSites.SAMPLE, site);
        assertEquals(0, again.chartsRendered(), "warm rebuild");
        assertEquals(0, again.pagesRendered(), "nothing changed, so no page is rendered either");
        // The sidebar's sparklines appear on every article page but are distinct files only once.
        // Distinct charts as the pages show them: a sparkline has light and dark at 1x and 2x (4 files), a page
        // chart also a narrow light and a narrow dark at 2x (6 files).
        java.util.Set<String> sparks = new java.util.HashSet<>();
        java.util.Set<String> pageCharts = new java.util.HashSet<>();
        try (var walk = Files.walk(site.toRealPath())) {
            for (Path html : walk.filter(f -> f.toString().endsWith(".html")).toList()) {
                Document doc = org.jsoup.Jsoup.parse(html.toFile(), "UTF-8");
                sparks.addAll(doc.select(".spark img").eachAttr("src"));
                pageCharts.addAll(doc.select("figure.chart img").eachAttr("src"));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(sparks.size() + pageCharts.size(), first.chartsRendered() + first.chartsReused(), "distinct charts");
        try (var files = Files.list(site.resolve("charts"))) {
            assertEquals(4L * sparks.size() + 6L * pageCharts.size(), files.count(), "files per distinct chart");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void svgChartsParseAsXmlWithEscapedText() throws Exception {
        Path src = dir.resolve("svg-src");
        Map<String, String> files = new HashMap<>();
        files.put("content/market/2026-01-15.json", MarketInputTest.snapshot("2026-01-15", 2600, 330, "09:00:00", "a"));
        files.put("content/market/2026-01-16.json", MarketInputTest.snapshot("2026-01-16", 2650, 340, "09:00:00", "b"));
        files.put("content/articles/a.md", TestSites.article("A", "2026-01-16T17:00:00-05:00",
                "charts:\n  - {type: price, symbols: MU, range: 1M, title: \"Micron <script>alert(1)</script> & co\"}\n", "x"));
        TestSites.site(src, files);
        TestSites.write(src.resolve("content/site.yaml"), TestSites.SITE_YAML + "charts:\n  format: svg\n");
        Path out = dir.resolve("svg-out");
        TestSites.build(src, out);
        Element img = TestSites.page(out, "/news/2026/01/16/a/").selectFirst("figure.chart img");
        assertTrue(img.attr("src").endsWith(".svg"));
        assertEquals("", img.attr("srcset"));
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var svg = factory.newDocumentBuilder().parse(TestSites.fileFor(out, img.attr("src")).toFile());
        assertEquals("svg", svg.getDocumentElement().getLocalName());
        String text = svg.getDocumentElement().getTextContent();
        // The title is the page's caption (escaped as HTML there), not drawn a second time in the image.
        assertFalse(text.contains("Micron"), "no title in the SVG");
        assertEquals("Micron <script>alert(1)</script> & co", img.closest("figure").selectFirst("figcaption").text());
        assertFalse(Files.readString(TestSites.fileFor(out, img.attr("src"))).contains("<script>"));
    }

    @Test
    void badChartRequestsNameFileAndLine() {
        Map<String, String> files = new HashMap<>();
        files.put("content/market/2026-01-15.json", MarketInputTest.snapshot("2026-01-15", 2600, 330, "09:00:00", "a"));
        files.put("content/market/2026-01-16.json", MarketInputTest.snapshot("2026-01-16", 2650, 340, "09:00:00", "b"));
        assertChartError(files, "charts:\n  - {type: price, symbols: NOPE}\n", "", 5, "chart: unknown symbol 'NOPE'");
        assertChartError(files, "charts:\n  - {type: pie, symbols: MU}\n", "", 5, "unknown chart type 'pie'");
        assertChartError(files, "charts:\n  - {type: price, symbols: MU, range: 2W}\n", "", 5, "range '2W' is not one of");
        assertChartError(files, "", "x\n{{< chart price MU range=1M >}}\n", 6, "range 1M has fewer than two MU closes");
        assertChartError(files, "", "{{< chart compare MU >}}", 5, "a compare chart takes 2 to 6 symbols");
    }

    private void assertChartError(Map<String, String> base, String frontMatter, String body, int line, String message) {
        Map<String, String> files = new HashMap<>(base);
        // Dated before the second snapshot: only one close is known, so a range cannot be drawn.
        files.put("content/articles/a.md", TestSites.article("A", "2026-01-16T10:00:00-05:00", frontMatter, body));
        Path src = dir.resolve("bad-" + Math.abs((frontMatter + body).hashCode()));
        TestSites.site(src, files);
        InputError e = assertThrows(InputError.class, () -> TestSites.build(src, src.resolveSibling(src.getFileName() + "-out")));
        assertTrue(e.file().endsWith("articles/a.md"), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.problem().contains(message), e.getMessage());
    }
}
