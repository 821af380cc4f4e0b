package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Figures that are not a day's move (year to date, a chart's change over its range, rebased values, "beating"
 * comparisons, the digest's gainers) read back from the built pages, on closes whose true figures sit on exact
 * halves that binary floating point misses. Expected texts are worked out by hand below.
 *
 * <pre>
 * Closes, 2025-12-31 (the last session of 2025) then 2026-01-02 (the first of 2026; Jan 1 is a holiday):
 *   XH   8.00 -> 8.29    (8.29 - 8) / 8 = 0.29 / 8 = 0.03625 -> 3.625%  -> "+3.63%" (double arithmetic: 3.6249999999999893 -> +3.62%)
 *                        rebased: 8.29 / 8 * 100 = 103.625 -> "103.63"   (double: 103.62499999999999 -> 103.62)
 *   YY   8.00 -> 8.09    0.09 / 8 = 0.01125 -> 1.125%            -> "+1.13%" (double: 1.1249999999999982)
 *   ZZ  80.00 -> 80.90   0.90 / 80 = 0.01125 -> 1.125%           -> "+1.13%" (double: 1.125000000000007)
 *   FLAT 250.00 -> 250.01  0.01 / 250 = 0.00004 -> 0.004%        -> "0.00%", and up (▲)
 * </pre>
 */
class FigureSeamsTest {
    @TempDir
    static Path dir;
    static Path site;

    @BeforeAll
    static void build() {
        site = MarketSites.built(dir, "XH", "YY", "XH", Map.of(
                "content/market/history/XH.csv", "Date,Close\n2025-12-31,8.00\n",
                "content/market/history/YY.csv", "Date,Close\n2025-12-31,8.00\n",
                "content/market/history/ZZ.csv", "Date,Close\n2025-12-31,80.00\n",
                "content/market/history/FLAT.csv", "Date,Close\n2025-12-31,250.00\n",
                "content/market/2026-01-02.json", """
                        {"date": "2026-01-02", "quotes": [
                          {"symbol": "XH", "close": 8.29}, {"symbol": "YY", "close": 8.09},
                          {"symbol": "ZZ", "close": 80.90}, {"symbol": "FLAT", "close": 250.01}]}""",
                "content/articles/first-session.md", TestSites.article("First session", "2026-01-02T18:00:00-05:00",
                        "tickers: [XH]\n",
                        "XH year to date: {{< quote XH ytd >}}. ZZ beat YY {{< quote ZZ relstreak vs=YY >}} times.\n\n"
                                + "{{< chart compare XH,ZZ range=YTD >}}")));
    }

    private static Element row(Element table, String firstCell) {
        for (Element tr : table.select("tr")) {
            Element cell = tr.selectFirst("td, th");
            if (cell == null) continue;
            // The cell holds the symbol beside the name: compare the symbol's own element when there is one.
            Element symbol = cell.selectFirst(".board-symbol, a.symbol");
            if ((symbol != null ? symbol : cell).text().equals(firstCell)) return tr;
        }
        throw new AssertionError("no row " + firstCell + " in " + table);
    }

    @Test
    void yearToDateOnTheFirstSessionOfTheYearRoundsTheExactHalfUp() {
        Document ticker = TestSites.page(site, "/tickers/xh/");
        assertEquals("+3.63%", row(ticker.selectFirst("table.stats"), "Year to date").select("td").text());
        // The day's change is the same 3.625% (the previous session is the last one of 2025): 8.29 - 8 = +0.29.
        assertEquals("+3.63%", row(ticker.selectFirst("table.stats"), "% Change").select("td").text());
        assertEquals("+0.29", row(ticker.selectFirst("table.stats"), "Change").select("td").text());
        String body = TestSites.page(site, "/news/2026/01/02/first-session/").selectFirst(".story-body").text();
        assertTrue(body.startsWith("XH year to date: +3.63%."), body);
    }

    @Test
    void aChartsChangeOverItsRangeRoundsTheExactHalfUp() {
        Document ticker = TestSites.page(site, "/tickers/xh/");
        Element chart = ticker.selectFirst("img[alt^=Line chart of XH]");
        assertNotNull(chart, ticker.select("img").eachAttr("alt").toString());
        assertTrue(chart.attr("alt").endsWith("from 8.00 on Dec 31, 2025 to 8.29 on Jan 2, 2026, +3.63%."), chart.attr("alt"));
    }

    @Test
    void rebasedValuesInTheDataTableRoundTheExactHalfUp() {
        Document doc = TestSites.page(site, "/news/2026/01/02/first-session/");
        Element chart = doc.selectFirst(".story-body img[alt^=Line chart comparing XH, ZZ]");
        assertNotNull(chart, doc.select("img").eachAttr("alt").toString());
        // XH +3.625% -> +3.63%; ZZ +1.125% -> +1.13%.
        assertTrue(chart.attr("alt").endsWith(": XH +3.63%; ZZ +1.13%."), chart.attr("alt"));
        Element table = chart.parents().select("figure").first().selectFirst("table");
        assertEquals(List.of("Jan 2, 2026", "103.63", "101.13"), table.select("tbody tr").last().select("td, th").eachText());
    }

    @Test
    void equalMovesAreATieNotABeat() {
        // ZZ and YY both rose exactly 1.125%: ZZ did not beat YY.
        String body = TestSites.page(site, "/news/2026/01/02/first-session/").selectFirst(".story-body").text();
        assertTrue(body.contains("ZZ beat YY 0 times."), body);
    }

    @Test
    void gainersAreTheMovesThatShowAGainTiesBySymbol() {
        Document doc = TestSites.page(site, "/markets/2026/01/02/");
        Element gainers = doc.selectFirst("table.moves:has(caption:contains(gainers))");
        assertNotNull(gainers, doc.select("table caption").eachText().toString());
        // XH +3.63%, then the tie YY/ZZ at +1.13% by symbol, then FLAT: its 0.004% shows as 0.00%, but 250.00 ->
        // 250.01 is a rise, and gainers follow the direction of the move (its arrow is ▲), as streaks do.
        assertEquals(List.of("XH", "YY", "ZZ", "FLAT"), gainers.select("tbody tr").stream()
                .map(tr -> tr.selectFirst("a.symbol").text()).toList());
        assertEquals(null, doc.selectFirst("table.moves:has(caption:contains(losers))"));
    }

    /**
     * A symbol's first day (no previous close) and the day after a gap have no change: the sidebar board's cell is
     * empty like the digest's, never a stray "()" around nothing.
     */
    @Test
    void theBoardLeavesAnUnknownChangeEmpty(@TempDir Path tmp) {
        Path src = TestSites.site(tmp.resolve("src"), Map.of(
                "content/site.yaml", TestSites.SITE_YAML + "market:\n  board: [NEW, GAP]\n",
                // GAP: Jan 12 then Jan 14 (Tuesday Jan 13 missing): no change on Jan 14.
                "content/market/history/GAP.csv", "Date,Close\n2026-01-12,50\n",
                "content/market/2026-01-14.json", """
                        {"date": "2026-01-14", "indices": [{"symbol": "NEW", "close": 100}, {"symbol": "GAP", "close": 55}]}""",
                "content/articles/a.md", TestSites.article("A", "2026-01-14T18:00:00-05:00", "", "Text.")));
        Path out = tmp.resolve("site");
        TestSites.build(src, out);
        Document doc = TestSites.page(out, "/news/2026/01/14/a/");
        Map<String, String> closes = Map.of("NEW", "100.00", "GAP", "55.00");
        closes.forEach((name, close) -> {
            Element board = row(doc.selectFirst("aside table.board"), name);
            // The figures cell holds the close and, when there is one, the change: here the close alone.
            assertEquals(close, board.selectFirst("td.num").text(), name + ": " + board);
            assertNull(board.selectFirst(".move"), name + ": " + board);
        });
    }

    /**
     * A board symbol whose data ends before the board's day (BBB has no Jan 16 row) shows its last close with
     * that close's date, not as if it were the close of the day in the caption.
     */
    @Test
    void aBoardRowOlderThanTheBoardsDayNamesItsDate(@TempDir Path tmp) {
        Path src = TestSites.site(tmp.resolve("src"), Map.of(
                "content/site.yaml", TestSites.SITE_YAML + "market:\n  board: [AAA, BBB]\n",
                "content/market/2026-01-15.json", """
                        {"date": "2026-01-15", "indices": [{"symbol": "AAA", "close": 100}, {"symbol": "BBB", "close": 50}]}""",
                "content/market/2026-01-16.json", """
                        {"date": "2026-01-16", "indices": [{"symbol": "AAA", "close": 101}]}""",
                "content/articles/a.md", TestSites.article("A", "2026-01-16T18:00:00-05:00", "", "Text.")));
        Path out = tmp.resolve("site");
        TestSites.build(src, out);
        Element board = TestSites.page(out, "/news/2026/01/16/a/").selectFirst("aside table.board");
        assertEquals("Major indices, close of Jan 16, 2026", board.selectFirst("caption").text());
        // AAA: 101 - 100 = +1.00, +1.00%, on the board's day: no date of its own.
        assertEquals("101.00 ▲ +1.00 (+1.00%)", row(board, "AAA").selectFirst("td.num").text());
        // BBB: its last close is Jan 15's (its first day, so no change).
        assertEquals("50.00 (Jan 15, 2026)", row(board, "BBB").selectFirst("td.num").text());
    }
}
