package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import io.tickerpress.diag.InputError;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A figure is shown as precisely as the data warrants, and one move has one direction everywhere: a small site
 * built and read back as a reader sees it (digest, sidebar board, ticker pages, quote shortcode, chart alt text).
 * Expected texts are worked out by hand in the comments.
 */
class FigurePrecisionTest {
    @TempDir
    static Path dir;
    static Path site;

    // Closes (Jan 15 -> Jan 16, 2026), worked by hand:
    // SPX 6910.00 (Jan 14) -> 6900.00 (Jan 15, down) -> 6900.20: +0.20; 0.20 / 6900 = 0.0028985...% -> "0.00%".
    //     Up by its change: arrow ▲, class "up", a streak of 1 up session.
    // AAA 100.20 -> 100.60, the snapshot writing "change": 0 (allows -0.5 to 0.5, so 0.40 passes the check):
    //     published from the closes: +0.40; 0.40 / 100.20 = 0.399201...% -> +0.40%.
    // BIG 500.00 -> 500.01: +0.01; 0.01 / 500 = 0.002% -> "0.00%", up: a gainer.
    // FLT 50.00 -> 50.00: unchanged, neither gainer nor loser.
    // DWN 20.00 -> 19.00: -1.00; -1 / 20 = -5.00%.
    // PNY 0.0012 -> 0.0013: prices below 1 keep 4 decimals; +0.0001; 0.0001 / 0.0012 = 8.3333...% -> +8.33%.
    // Gainers by % change: PNY +8.33%, AAA +0.40%, BIG 0.00%. Losers: DWN -5.00%.
    @BeforeAll
    static void build() {
        site = MarketSites.built(dir, "SPX", "SPX", "SPX", Map.of(
                "content/market/2026-01-14.json", """
                        {"date": "2026-01-14", "indices": [{"symbol": "SPX", "name": "S&P 500", "close": 6910.00}]}""",
                "content/market/2026-01-15.json", """
                        {"date": "2026-01-15", "indices": [{"symbol": "SPX", "name": "S&P 500", "close": 6900.00}],
                         "quotes": [{"symbol": "AAA", "close": 100.20}, {"symbol": "BIG", "close": 500.00},
                                    {"symbol": "FLT", "close": 50.00}, {"symbol": "DWN", "close": 20.00},
                                    {"symbol": "PNY", "name": "Penny Corp", "close": 0.0012}]}""",
                "content/market/2026-01-16.json", """
                        {"date": "2026-01-16", "indices": [{"symbol": "SPX", "name": "S&P 500", "close": 6900.20}],
                         "quotes": [{"symbol": "AAA", "close": 100.60, "change": 0}, {"symbol": "BIG", "close": 500.01},
                                    {"symbol": "FLT", "close": 50.00}, {"symbol": "DWN", "close": 19.00},
                                    {"symbol": "PNY", "name": "Penny Corp", "close": 0.0013}]}""",
                "content/articles/moves.md", TestSites.article("Moves", "2026-01-16T18:00:00-05:00", "tickers: [PNY]\n",
                        "PNY closed at {{< quote PNY close >}} ({{< quote PNY change >}}, {{< quote PNY changePct >}}),"
                                + " up {{< quote PNY change abs >}}; SPX {{< quote SPX change >}} ({{< quote SPX changePct >}}),"
                                + " streak {{< quote SPX streak >}}; AAA {{< quote AAA change >}}.")));
    }

    private static Document page(String path) {
        return TestSites.page(site, path);
    }

    private static String stat(Document doc, String label) {
        for (Element tr : doc.select("table.stats tr")) {
            if (tr.selectFirst("th").text().equals(label)) return tr.selectFirst("td").text();
        }
        throw new AssertionError("no " + label + " in " + doc.select("table.stats th").eachText());
    }

    @Test
    void aGivenChangeOfZeroIsPublishedAsTheClosesMove() {
        Document doc = page("/tickers/aaa/");
        assertEquals("100.60", stat(doc, "Close"));
        assertEquals("+0.40", stat(doc, "Change"));
        assertEquals("+0.40%", stat(doc, "% Change"));
        assertEquals("100.20", stat(doc, "Previous close"));
        Element move = doc.selectFirst(".quote-line .move");
        assertEquals("▲ +0.40 (+0.40%)", move.text());
        assertTrue(move.hasClass("up"), move.className());
        String body = page("/news/2026/01/16/moves/").selectFirst(".story-body").text();
        assertTrue(body.endsWith("AAA +0.40."), body);
    }

    @Test
    void aRiseTooSmallForTwoPercentDecimalsIsStillUpEverywhere() {
        Document ticker = page("/tickers/spx/");
        Element move = ticker.selectFirst(".quote-line .move");
        assertEquals("▲ +0.20 (0.00%)", move.text());
        assertTrue(move.hasClass("up"), move.className());
        assertEquals("1 up session", stat(ticker, "Streak"));

        Element board = page("/news/2026/01/16/moves/").selectFirst("aside table.board .move");
        assertEquals("▲ +0.20 (0.00%)", board.text());
        assertTrue(board.hasClass("up"), board.className());

        Document digest = page("/markets/2026/01/16/");
        Element spx = digest.selectFirst("table.moves").select("tr:has(a.symbol)").first();
        assertEquals(List.of("S&P 500", "6,900.20", "+0.20", "▲ 0.00%"), spx.select("td:gt(0)").eachText());
        assertTrue(spx.selectFirst(".move").hasClass("up"));
    }

    @Test
    void gainersAndLosersFollowTheDirection() {
        Document digest = page("/markets/2026/01/16/");
        Element gainers = digest.selectFirst("table.moves:has(caption:contains(gainers))");
        Element losers = digest.selectFirst("table.moves:has(caption:contains(losers))");
        assertNotNull(gainers, digest.select("caption").eachText().toString());
        assertEquals(List.of("PNY", "AAA", "BIG"), gainers.select("a.symbol").eachText());
        assertEquals(List.of("▲ +8.33%", "▲ +0.40%", "▲ 0.00%"), gainers.select(".move").eachText());
        assertEquals(List.of("DWN"), losers.select("a.symbol").eachText());
        assertEquals(List.of("▼ -5.00%"), losers.select(".move").eachText());
    }

    @Test
    void pricesBelowOneShowTheirDigits() {
        Document doc = page("/tickers/pny/");
        assertEquals("0.0013", doc.selectFirst(".quote-close").text());
        assertEquals("▲ +0.0001 (+8.33%)", doc.selectFirst(".quote-line .move").text());
        assertEquals("0.0013", stat(doc, "Close"));
        assertEquals("+0.0001", stat(doc, "Change"));
        assertEquals("0.0012", stat(doc, "Previous close"));
        // 52 weeks of closes: 0.0012 and 0.0013.
        assertEquals("0.0012 – 0.0013", stat(doc, "52-week closing range"));
        Element chart = doc.selectFirst("img[alt^=Line chart of Penny Corp (PNY)]");
        assertNotNull(chart, doc.select("img").eachAttr("alt").toString());
        assertEquals("Line chart of Penny Corp (PNY) closes, 52 weeks to Jan 16, 2026: from 0.0012 on Jan 15, 2026"
                + " to 0.0013 on Jan 16, 2026, +8.33%.", chart.attr("alt"));
        Element last = chart.parents().select("figure").first().selectFirst("table").select("tbody tr").last();
        assertEquals(List.of("Jan 16, 2026", "0.0013"), last.select("td, th").eachText());
        String body = page("/news/2026/01/16/moves/").selectFirst(".story-body").text();
        assertTrue(body.startsWith("PNY closed at 0.0013 (+0.0001, +8.33%), up 0.0001; SPX +0.20 (0.00%), streak +1;"),
                body);
    }

    @Test
    void aGivenChangeOutsideItsOwnRoundingStopsTheBuild() {
        // 100.00 -> 100.60 is +0.60; "change": 0 allows -0.5 to 0.5: an error naming the file, line and figure to write.
        Path src = TestSites.site(dir.resolve("bad"), Map.of(
                "content/market/2026-01-15.json", """
                        {"date": "2026-01-15", "quotes": [{"symbol": "AAA", "close": 100.00}]}""",
                "content/market/2026-01-16.json", """
                        {"date": "2026-01-16",
                         "quotes": [{"symbol": "AAA", "close": 100.60, "change": 0}]}"""));
        InputError e = assertThrows(InputError.class, () -> TestSites.build(src, dir.resolve("bad-out")));
        assertTrue(e.file().endsWith("2026-01-16.json"), e.getMessage());
        assertEquals(2, e.line(), e.getMessage());
        assertTrue(e.problem().startsWith("AAA: 'change' 0 disagrees: the closes give 100.6 - 100.0"), e.problem());
        assertTrue(e.problem().contains("write 1 or leave 'change' out"), e.problem());
    }

    @Test
    void newSnapshotWritesFiguresByTheSameRule(@TempDir Path tmp) throws Exception {
        // PNY 0.0012 -> 0.0013: change +0.0001 (4 decimals, as its closes), 0.0001 / 0.0012 = 8.3333...% -> 8.33.
        // AAA 8.00 -> 8.09: change 0.09; 0.09 / 8 = 1.125% exactly -> half-up -> 1.13.
        Path src = TestSites.site(tmp.resolve("src"), Map.of(
                "content/market/history/PNY.csv", "Date,Close\n2026-01-15,0.0012\n2026-01-16,0.0013\n",
                "content/market/history/AAA.csv", "Date,Close\n2026-01-15,8.00\n2026-01-16,8.09\n"));
        io.tickerpress.cli.CliTest.Run run = io.tickerpress.cli.CliTest.run("new", "snapshot", "2026-01-16", "--source",
                src.toString());
        assertEquals(0, run.code(), run.err());
        String json = java.nio.file.Files.readString(src.resolve("content/market/2026-01-16.json"));
        assertTrue(json.contains("\"close\": 0.0013, \"change\": 0.0001, \"changePct\": 8.33}"), json);
        assertTrue(json.contains("\"close\": 8.09, \"change\": 0.09, \"changePct\": 1.13}"), json);
    }

    /** NYSE holidays of 2025 and January 2026 (the exchange's published calendar), for the history below. */
    static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 20),
            LocalDate.of(2025, 2, 17), LocalDate.of(2025, 4, 18), LocalDate.of(2025, 5, 26), LocalDate.of(2025, 6, 19),
            LocalDate.of(2025, 7, 4), LocalDate.of(2025, 9, 1), LocalDate.of(2025, 11, 27), LocalDate.of(2025, 12, 25),
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 19));

    @Test
    void theTickerPagesChartAndIts52WeekHighCoverTheSameCloses(@TempDir Path tmp) {
        // LNG closes 100 on every session from Jan 2, 2025 to Jan 15, 2026, except: 200 on Jan 17, 2025, 150 on
        // Jun 2, 2025 (with an intraday high of 160), 60 on Aug 1, 2025, and 101 on Jan 16, 2026.
        // 52 weeks to Jan 16, 2026: Jan 16, 2026 and the 363 days before it, from Jan 18, 2025; the first session in
        // it is Jan 21, 2025 (Jan 20 was Martin Luther King Jr. Day). Jan 17, 2025 is 364 days back: outside.
        // (The 1-year chart counted 252 sessions back, to Jan 15, 2025, and drew the 200 the statistics leave out.)
        StringBuilder csv = new StringBuilder("Date,Open,High,Low,Close\n");
        for (LocalDate d = LocalDate.of(2025, 1, 2); !d.isAfter(LocalDate.of(2026, 1, 16)); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY || HOLIDAYS.contains(d)) continue;
            String close = d.equals(LocalDate.of(2025, 1, 17)) ? "200" : d.equals(LocalDate.of(2025, 6, 2)) ? "150"
                    : d.equals(LocalDate.of(2025, 8, 1)) ? "60" : d.equals(LocalDate.of(2026, 1, 16)) ? "101" : "100";
            String high = d.equals(LocalDate.of(2025, 6, 2)) ? "160" : close;
            csv.append(d).append(',').append(close).append(',').append(high).append(',').append(close).append(',')
                    .append(close).append('\n');
        }
        Path src = TestSites.site(tmp.resolve("src"), Map.of(
                "content/site.yaml", TestSites.SITE_YAML + "market:\n  benchmark: LNG\n  mainIndex: LNG\n",
                "content/market/history/LNG.csv", csv.toString(),
                "content/articles/lng.md", TestSites.article("LNG", "2026-01-16T18:00:00-05:00", "tickers: [LNG]\n",
                        "High {{< quote LNG high52 >}}, low {{< quote LNG low52 >}}.")));
        Path out = tmp.resolve("site");
        TestSites.build(src, out);
        Document doc = TestSites.page(out, "/tickers/lng/");
        assertEquals("150.00 (Jun 2, 2025)", stat(doc, "52-week closing high"));
        assertEquals("60.00 (Aug 1, 2025)", stat(doc, "52-week closing low"));
        assertEquals("60.00 – 150.00", stat(doc, "52-week closing range"));
        Element chart = doc.selectFirst("img[alt^=Line chart of LNG]");
        assertNotNull(chart, doc.select("img").eachAttr("alt").toString());
        // From 100 on Jan 21, 2025 to 101: +1.00%.
        assertEquals("Line chart of LNG closes, 52 weeks to Jan 16, 2026: from 100.00 on Jan 21, 2025 to 101.00"
                + " on Jan 16, 2026, +1.00%.", chart.attr("alt"));
        assertEquals("LNG, 52 weeks", chart.parents().select("figure").first().selectFirst("figcaption").text());
        assertEquals("High 150.00, low 60.00.", TestSites.page(out, "/news/2026/01/16/lng/").selectFirst(".story-body").text());
    }
}
