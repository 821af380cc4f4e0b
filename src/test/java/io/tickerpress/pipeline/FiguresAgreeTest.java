package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import io.tickerpress.diag.InputError;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One fact, one text: a small site whose figures sit on exact halves, read back from every page that shows
 * them (digest, sidebar, ticker page, quote shortcode, chart alt text and data table). Expected texts are worked
 * out by hand in the comments.
 */
class FiguresAgreeTest {
    @TempDir
    static Path dir;
    static Path site;

    // IDX closes 1205.50 (Jan 14), 1210.001 (Jan 15), 1234.565 (Jan 16).
    //   Jan 16 close 1234.565: an exact half at the third decimal -> half-up -> 1,234.57.
    //   change 1234.565 - 1210.001 = 24.564 -> +24.56.
    //   % change 24.564 / 1210.001 = 2.03008% -> +2.03%.
    // ABC closes 100.00 (Jan 15), 97.54 (Jan 16): -2.46 / 100 = -2.46% -> -2.46%, "fell 2.46%" in prose.
    // Sectors on Jan 16: Tech +1.125 -> +1.13%, Energy -1.125 -> -1.13% (away from zero), Utilities 0.004 -> 0.00%;
    //   year to date 2.675 -> +2.68%, -0.004 -> 0.00% (no "-0.00"), 1.005 -> +1.01%.
    static final String CLOSE = "1,234.57";
    static final String CHANGE = "+24.56";
    static final String PCT = "+2.03%";

    @BeforeAll
    static void build() {
        Path src = TestSites.site(dir.resolve("src"), Map.of(
                "content/site.yaml", TestSites.SITE_YAML + "market:\n  board: [IDX]\n  benchmark: IDX\n  mainIndex: IDX\n",
                "content/market/2026-01-14.json", snapshot("2026-01-14", "1205.5", "101.00", "", ""),
                "content/market/2026-01-15.json", snapshot("2026-01-15", "1210.001", "100.00", "", ""),
                "content/market/2026-01-16.json", snapshot("2026-01-16", "1234.565", "97.54", """
                        ,"sectors": [{"name": "Tech", "changePct": 1.125, "ytdPct": 2.675},
                                     {"name": "Energy", "changePct": -1.125, "ytdPct": -0.004},
                                     {"name": "Utilities", "changePct": 0.004, "ytdPct": 1.005}]""", """
                        ,"stockOfTheDay": [{"symbol": "ABC", "time": "2026-01-16T09:30:00-05:00",
                                           "headline": "ABC slides", "body": "Shares fell."}]"""),
                "content/articles/index-climbs.md", TestSites.article("Index climbs", "2026-01-16T18:00:00-05:00",
                        "tickers: [IDX, ABC]\n",
                        "IDX closed at {{< quote IDX close >}}, up {{< quote IDX changePct abs >}} "
                                + "({{< quote IDX change >}}). ABC fell {{< quote ABC changePct abs >}} "
                                + "({{< quote ABC changePct >}}).")));
        site = dir.resolve("site");
        TestSites.build(src, site);
    }

    private static String snapshot(String date, String idx, String abc, String sectors, String items) {
        return "{\"date\": \"" + date + "\", \"indices\": [{\"symbol\": \"IDX\", \"name\": \"Index One\", \"close\": " + idx
                + "}], \"quotes\": [{\"symbol\": \"ABC\", \"name\": \"Abc Corp\", \"close\": " + abc
                + ", \"volume\": 41250000}]" + sectors + items + "}";
    }

    private static Document page(String path) {
        return TestSites.page(site, path);
    }

    private static Element row(Element table, String firstCell) {
        for (Element tr : table.select("tr")) {
            Element cell = tr.selectFirst("td, th");
            if (cell == null) continue;
            // A symbol's cell also holds its name (shown on phones), a board's name cell also the symbol.
            Element key = cell.selectFirst("a.symbol, .board-name");
            if ((key != null ? key : cell).text().equals(firstCell)) return tr;
        }
        throw new AssertionError("no row " + firstCell + " in " + table);
    }

    @Test
    void digestShowsTheFigures() {
        Document doc = page("/markets/2026/01/16/");
        Element idx = row(doc.select("table.moves").get(0), "IDX");
        // The first cell holds the symbol and (for phones) the name again.
        assertEquals("IDX", idx.selectFirst("td a.symbol").text());
        assertEquals(List.of("Index One", CLOSE, CHANGE, "▲ " + PCT), idx.select("td:gt(0)").eachText());
        Element abc = row(doc.selectFirst("table.moves:has(caption:contains(losers))"), "ABC");
        assertEquals("ABC", abc.selectFirst("td a.symbol").text());
        assertEquals(List.of("Abc Corp", "97.54", "-2.46", "▼ -2.46%", "41,250,000"), abc.select("td:gt(0)").eachText());
        assertEquals("▼ -2.46%", doc.selectFirst(".market-item .move").text());
    }

    @Test
    void sidebarShowsTheSameFigures() {
        Document doc = page("/news/2026/01/16/index-climbs/");
        Element board = row(doc.selectFirst("aside table.board"), "Index One");
        assertEquals(CLOSE, board.selectFirst(".board-close").text());
        assertEquals("▲ " + CHANGE + " (" + PCT + ")", board.selectFirst(".move").text());
        assertEquals("▼ -2.46%", doc.selectFirst("aside .market-item .move").text());
    }

    @Test
    void tickerPageShowsTheSameFigures() {
        Document doc = page("/tickers/idx/");
        assertEquals(CLOSE, doc.selectFirst(".quote-close").text());
        assertEquals("▲ " + CHANGE + " (" + PCT + ")", doc.selectFirst(".quote-line .move").text());
        assertEquals(CLOSE, row(doc.selectFirst("table.stats"), "Close").select("td").text());
        assertEquals(PCT, row(doc.selectFirst("table.stats"), "% Change").select("td").text());
    }

    @Test
    void quoteShortcodeWritesTheSameFiguresAndTheUnsignedForm() {
        String body = page("/news/2026/01/16/index-climbs/").selectFirst(".story-body").text();
        assertEquals("IDX closed at " + CLOSE + ", up 2.03% (" + CHANGE + "). ABC fell 2.46% (-2.46%).", body);
    }

    @Test
    void chartAltTextAndDataTableShowTheSameClose() {
        Document doc = page("/tickers/idx/");
        Element chart = doc.selectFirst("img[alt^=Line chart of Index One (IDX)]");
        assertNotNull(chart, doc.select("img").eachAttr("alt").toString());
        // 1205.50 -> 1234.565 over the range: 29.065 / 1205.5 = 2.41103% -> +2.41%.
        assertTrue(chart.attr("alt").endsWith("from 1,205.50 on Jan 14, 2026 to " + CLOSE + " on Jan 16, 2026, +2.41%."),
                chart.attr("alt"));
        Element table = chart.parents().select("figure").first().selectFirst("table");
        Element last = table.select("tbody tr").last();
        assertEquals(List.of("Jan 16, 2026", CLOSE), last.select("td, th").eachText());
    }

    @Test
    void sectorTableAndSectorChartAgree() {
        Document doc = page("/markets/2026/01/16/");
        Element table = doc.selectFirst("table.sectors");
        assertEquals(List.of("Tech", "▲ +1.13%", "+2.68%"), row(table, "Tech").select("td").eachText());
        assertEquals(List.of("Energy", "▼ -1.13%", "0.00%"), row(table, "Energy").select("td").eachText());
        // Utilities at +0.004% reads 0.00%, and rose all the same: its arrow is the sign of the unrounded figure.
        assertEquals(List.of("Utilities", "▲ 0.00%", "+1.01%"), row(table, "Utilities").select("td").eachText());
        Element chart = doc.selectFirst("img[alt^=Bar chart of sector performance]");
        // Tech and Utilities rose: 2 of 3, the count the table's arrows give.
        assertEquals("Bar chart of sector performance on Jan 16, 2026: best Tech +1.13%, worst Energy -1.13%;"
                + " 2 of 3 sectors rose.", chart.attr("alt"));
        Element data = chart.parents().select("figure").first().selectFirst("table");
        assertEquals(List.of("Tech", "+1.13%", "+2.68%"), row(data, "Tech").select("td, th").eachText());
        assertEquals(List.of("Energy", "-1.13%", "0.00%"), row(data, "Energy").select("td, th").eachText());
    }

    @Test
    void datePatternsComeFromSiteYaml() throws Exception {
        Path src = TestSites.site(dir.resolve("custom"), Map.of(
                "content/site.yaml", TestSites.SITE_YAML + "formats:\n  dateline: \"d MMM yyyy 'at' HH:mm z\"\n"
                        + "  date: \"d MMMM yyyy\"\n",
                "content/articles/hello.md", TestSites.article("Hello", "2026-01-20T06:04:00-05:00", "dateline: NEW YORK\n", "Text.")));
        Path out = dir.resolve("custom-site");
        TestSites.build(src, out);
        Document article = TestSites.page(out, "/news/2026/01/20/hello/");
        assertTrue(article.text().contains("NEW YORK, 20 Jan 2026 at 06:04 EST"), article.text());
        // Lists show each story's time in the dateline pattern; the date pattern is the search index's display date.
        assertEquals("20 Jan 2026 at 06:04 EST", TestSites.page(out, "/").selectFirst(".lead-story time").text());
        assertEquals("20 January 2026", new io.tickerpress.render.search.SearchReader(out).doc(0).get(2).asText());
        // An incremental build after a pattern change writes the new dates, with no stale page kept.
        TestSites.write(src.resolve("content/site.yaml"), TestSites.SITE_YAML + "formats:\n  date: \"yyyy-MM-dd\"\n");
        TestSites.build(src, out);
        assertEquals("2026-01-20", new io.tickerpress.render.search.SearchReader(out).doc(0).get(2).asText());
        assertTrue(TestSites.page(out, "/news/2026/01/20/hello/").text().contains("NEW YORK, Jan 20, 2026, 06:04 EST"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "date: \"MMM DD, YYYY\"|'formats.date' uses 'Y' (week-based year",
            "date: \"MMM dd, yyyy, HH:mm\"|'formats.date' asks for more than a date",
            "longDate: \"MMMM d, yyyy 'o\"|'formats.longDate' has an unclosed quote",
            "dateline: \"MMM d, yyyy, bb\"|'formats.dateline' is not a date pattern",
            "marketTime: \"MMMM d, yyyy, h:mm z\"|'formats.marketTime' uses 'h' (12-hour clock) without 'a'",
            "weekdayDate: \"EEEE, MMMM D\"|'formats.weekdayDate' uses 'D' (day of the year",
            "time: \"HH:mm\"|unknown field"})
    void badPatternsAreErrorsAtTheirLine(String line, String message) {
        Path src = TestSites.site(dir.resolve("bad-" + Math.abs(line.hashCode())), Map.of(
                "content/site.yaml", TestSites.SITE_YAML + "formats:\n  " + line + "\n"));
        InputError e = assertThrows(InputError.class, () -> TestSites.build(src, dir.resolve("bad-out")));
        assertTrue(e.file().endsWith("content/site.yaml"), e.getMessage());
        // site.yaml: title, baseUrl, paginate, formats:, then the pattern on line 5.
        assertEquals(5, e.line(), e.getMessage());
        assertTrue(e.problem().contains(message), e.getMessage());
    }
}
