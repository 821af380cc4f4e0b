package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The market pages of the sample site: sidebar, digests, tickers, and figures taken from the data. */
class MarketSiteTest {
    @TempDir
    static Path out;

    @BeforeAll
    static void build() {
        TestSites.build(TestSites.SAMPLE, out.resolve("site"));
    }

    static Document page(String path) {
        return TestSites.page(out.resolve("site"), path);
    }

    @Test
    void articleSidebarShowsTheNewestStockOfTheDayItemsAndTheIndexBoard() {
        Document doc = page("/news/2026/01/20/russell-2000-record-first-10-days/");
        Element aside = doc.selectFirst("aside");
        assertEquals("Stock Market Today", aside.selectFirst("h2").text());
        List<String> times = aside.select(".market-item time").eachText();
        assertEquals(List.of("January 23, 2026, 9:30 AM EST", "January 22, 2026, 8:05 AM EST",
                "January 21, 2026, 9:45 AM EST"), times, "newest first, count 3 from site.yaml");
        assertEquals("Microsoft Gains Ahead of Next Week's Earnings", aside.selectFirst(".market-item-headline").text());
        // MSFT Jan 22 close 492.73, Jan 23 496.18: 3.45 / 492.73 = 0.70018% -> +0.70% (two decimals everywhere).
        assertEquals("+0.70%", aside.selectFirst(".market-item .move").ownText().trim().replace("▲ ", ""));
        assertTrue(aside.selectFirst(".market-item .move").text().startsWith("▲"), "a text sign, not colour alone");
        assertEquals("/tickers/MSFT/", aside.selectFirst(".market-item a.symbol").attr("href"));
        List<String> board = aside.select(".board th").eachText();
        assertEquals(List.of("S&P 500", "Nasdaq 100", "Dow Jones Industrial Average", "Russell 2000"), board);
        Element rut = aside.select(".board tr").get(3);
        assertEquals("2,701.49", rut.select("td").get(0).text());
        // RUT Jan 23: change -10.85 on a close of 2,701.49, so from 2,712.34: -10.85 / 2712.34 = -0.40003% -> -0.40%.
        assertTrue(rut.select("td").get(1).text().contains("-10.85 (-0.40%)"), rut.text());
        assertTrue(rut.select(".move.down").size() == 1);
    }

    @Test
    void articleFiguresComeFromTheDataAsOfItsTime() {
        Document doc = page("/news/2026/01/20/russell-2000-record-first-10-days/");
        String body = doc.selectFirst(".story-body").text();
        // RUT 2025-12-31 close 2481.91; 10th session of 2026 (Jan 15) 2677.98: 2677.98 / 2481.91 - 1 = 7.89996% -> +7.90%.
        assertTrue(body.contains("with a change of +7.90%, its strongest start"), body);
        assertTrue(body.contains("record 2,685.48 on Jan 16, 2026"), "06:04 on Jan 20 sees the Jan 16 close: " + body);
        assertTrue(body.contains("every one of the 11 sessions"), body);
        Element table = doc.selectFirst(".story-body table");
        assertEquals("Close, Jan 16, 2026", table.select("th").get(1).text());
        // Year to date on Jan 16: 2685.48 / 2481.91 - 1 = 8.20215% -> +8.20%.
        assertEquals(List.of("Russell 2000", "2,685.48", "+7.90%", "+8.20%"), table.select("tbody tr").get(0).select("td").eachText());
    }

    @Test
    void articleTickersLinkToTickerPages() {
        Document doc = page("/news/2026/01/20/russell-2000-record-first-10-days/");
        assertEquals(List.of("/tickers/RUT/", "/tickers/SPX/", "/tickers/NDX/"), doc.select(".tickers a").eachAttr("href"));
    }

    @Test
    void digestPagesLinkAcrossTheHoliday() {
        Document fri = page("/markets/2026/01/16/");
        assertEquals("/markets/2026/01/20/", fri.selectFirst(".next-day").attr("href"));
        assertEquals("/markets/2026/01/15/", fri.selectFirst(".previous-day").attr("href"));
        assertEquals("Small Caps Notch a Record Ahead of the Long Weekend", fri.selectFirst("h1").text());
        assertTrue(fri.selectFirst(".story-body").text().contains("outpaced the S&P 500 in 11 straight sessions"));
        Document tue = page("/markets/2026/01/20/");
        assertEquals("/markets/2026/01/16/", tue.selectFirst(".previous-day").attr("href"));
        assertFalse(Files.exists(out.resolve("site/markets/2026/01/19")), "no digest on MLK Day");
        assertNull(page("/markets/2026/01/02/").selectFirst(".previous-day"));
        assertNull(page("/markets/2026/01/23/").selectFirst(".next-day"));
    }

    @Test
    void digestPageHasIndicesMoversSectorsStockOfTheDayAndArticles() {
        Document doc = page("/markets/2026/01/20/");
        List<String> indexSymbols = doc.select("table.moves").get(0).select("tbody td:eq(0)").eachText();
        assertEquals(List.of("SPX", "NDX", "RUT", "DJI"), indexSymbols);
        Element rut = doc.select("table.moves").get(0).select("tbody tr").get(2);
        // 21.48 / (2706.96 - 21.48 = 2685.48) = 0.79986% -> +0.80%.
        assertEquals(List.of("RUT", "Russell 2000", "2,706.96", "+21.48", "▲ +0.80%"), rut.select("td").eachText());
        // The editor's prose says "rose", so the figure is written without its sign ({{< quote RUT changePct abs >}}).
        assertTrue(doc.selectFirst(".story-body").text().contains("The Russell 2000 rose 0.80% to 2,706.96."),
                doc.selectFirst(".story-body").text());
        List<String> gainers = doc.select("table.moves").get(1).select("tbody td:eq(0)").eachText();
        assertEquals("MU", gainers.get(0), "Micron led the day");
        assertEquals(11, doc.select("table.sectors tbody tr").size());
        assertEquals("Micron Stock Surges 8% as CEO Cites Strong AI-Driven Memory Demand",
                doc.selectFirst(".market-item-headline").text());
        assertEquals("January 20, 2026, 8:16 AM EST", doc.selectFirst(".market-item time").text());
        assertEquals(List.of("Russell 2000 Outpaces S&P 500 for 11th Straight Session in Its Best Start to a Year Since 1987"),
                doc.select("#day-articles-heading + ul a").eachText());
    }

    @Test
    void marketsIndexListsDigestsNewestFirst() {
        Document doc = page("/markets/");
        assertEquals("/markets/2026/01/23/", doc.selectFirst(".teaser a").attr("href"));
        assertEquals(5, doc.select(".teaser").size());
        assertEquals("/markets/page/2/", doc.selectFirst(".pager .older").attr("href"));
    }

    @Test
    void tickerPageHasLatestQuoteStatisticsAndArticles() {
        Document doc = page("/tickers/MU/");
        assertEquals("Micron Technology (MU)", doc.selectFirst("h1").text());
        assertEquals("365.16", doc.selectFirst(".quote-close").text());
        Element stats = doc.selectFirst("table.stats");
        assertNotNull(stats);
        String text = stats.text();
        assertTrue(text.contains("Record close 365.16 (Jan 23, 2026)"), text);
        assertTrue(text.contains("Year to date +28.13%"), text);
        assertTrue(text.contains("Sessions since record 0"), text);
        assertEquals(3, doc.select(".teaser").size(), "articles that list MU");
        assertFalse(page("/tickers/").select("a[href=/tickers/MU/]").isEmpty());
    }
}
