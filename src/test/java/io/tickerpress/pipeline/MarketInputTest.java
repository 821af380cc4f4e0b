package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import io.tickerpress.diag.InputError;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Market data in small hand-made sites: asOf sidebars, merging, and every bad-input case's message. */
public class MarketInputTest {
    @TempDir
    Path dir;

    public static String snapshot(String date, double rut, double mu, String sotdTime, String headline) {
        return """
                {"date": "%s", "indices": [{"symbol": "RUT", "name": "Russell 2000", "close": %s}],
                 "quotes": [{"symbol": "MU", "name": "Micron Technology", "close": %s, "volume": 1000}],
                 "stockOfTheDay": [{"symbol": "MU", "time": "%sT%s-05:00", "headline": "%s", "body": "Blurb *%s*."}]}
                """.formatted(date, rut, mu, date, sotdTime, headline, headline);
    }

    private Map<String, String> market() {
        Map<String, String> files = new HashMap<>();
        files.put("content/market/2026-01-15.json", snapshot("2026-01-15", 2600, 330, "09:00:00", "Thu item"));
        files.put("content/market/2026-01-16.json", snapshot("2026-01-16", 2650, 340, "10:00:00", "Fri item"));
        files.put("content/market/2026-01-20.json", snapshot("2026-01-20", 2700, 360, "08:16:00", "Tue item"));
        return files;
    }

    @Test
    void asOfSidebarShowsOnlyWhatWasKnownAtTheArticlesTime() {
        Map<String, String> files = market();
        files.put("content/articles/pre.md", TestSites.article("Before the open", "2026-01-20T06:04:00-05:00", "", "x"));
        files.put("content/articles/mid.md", TestSites.article("During the day", "2026-01-20T12:00:00-05:00", "", "x"));
        files.put("content/articles/post.md", TestSites.article("After the close", "2026-01-20T17:00:00-05:00", "", "x"));
        Path src = TestSites.site(dir.resolve("src"), files);
        TestSites.write(src.resolve("content/site.yaml"), TestSites.SITE_YAML + "market:\n  sidebar:\n    mode: asOf\n    count: 5\n");
        Path out = dir.resolve("out");
        TestSites.build(src, out);

        Document pre = TestSites.page(out, "/news/2026/01/20/pre/");
        assertEquals(List.of("Fri item", "Thu item"), pre.select("aside .market-item-headline").eachText());
        assertTrue(pre.selectFirst("aside .board caption").text().endsWith("close of Jan 16, 2026"));
        assertEquals("2,650.00", pre.selectFirst("aside .board .board-close").text());

        Document mid = TestSites.page(out, "/news/2026/01/20/mid/");
        assertEquals(List.of("Tue item", "Fri item", "Thu item"), mid.select("aside .market-item-headline").eachText());
        assertEquals("2,650.00", mid.selectFirst("aside .board .board-close").text(), "the day's close is not in before 16:00");

        Document post = TestSites.page(out, "/news/2026/01/20/post/");
        assertEquals("2,700.00", post.selectFirst("aside .board .board-close").text());
        assertTrue(post.selectFirst("aside .board .move").text().contains("+50.00 (+1.89%)"));
        assertEquals("Blurb Tue item.", post.selectFirst("aside .market-item-body").text());
        assertEquals("Tue item", post.selectFirst("aside .market-item-body em").text());
    }

    @Test
    void anAsOfSidebarShowsAnItemOfTheDayWithTheMoveKnownAtTheArticlesTime() {
        // At 12:00 on Jan 20 the 08:16 item is out, but Jan 20's close is not: the board and the body's quote give
        // Jan 16's close (340, up 10 from 330: +3.03%). The item showed Jan 20's move (340 -> 360: +5.88%), four hours
        // before it was known, beside them.
        Map<String, String> files = market();
        files.put("content/articles/mid.md", TestSites.article("During the day", "2026-01-20T12:00:00-05:00", "",
                "MU {{< quote MU changePct >}} on {{< quote MU date >}}."));
        files.put("content/articles/post.md", TestSites.article("After the close", "2026-01-20T17:00:00-05:00", "", "x"));
        files.put("content/articles/first.md", TestSites.article("First day", "2026-01-15T12:00:00-05:00", "", "x"));
        Path src = TestSites.site(dir.resolve("items"), files);
        TestSites.write(src.resolve("content/site.yaml"), TestSites.SITE_YAML + "market:\n  sidebar:\n    mode: asOf\n    count: 5\n");
        Path out = dir.resolve("items-out");
        TestSites.build(src, out);

        Document mid = TestSites.page(out, "/news/2026/01/20/mid/");
        assertTrue(mid.selectFirst("main").text().contains("MU +3.03% on Jan 16, 2026."), mid.selectFirst("main").text());
        assertEquals("Tue item", mid.selectFirst("aside .market-item-headline").text());
        assertEquals("▲ +3.03%", mid.selectFirst("aside .market-item .move").text());
        assertTrue(mid.selectFirst("aside .market-item .spark img").attr("alt").contains("to 340.00 on Jan 16, 2026"),
                mid.selectFirst("aside .market-item .spark img").attr("alt"));

        Document post = TestSites.page(out, "/news/2026/01/20/post/");
        assertEquals("▲ +5.88%", post.selectFirst("aside .market-item .move").text());

        // MU's first day: no close of it was known at noon, so its item shows no figure and no trend line.
        Document first = TestSites.page(out, "/news/2026/01/15/first/");
        assertEquals("Thu item", first.selectFirst("aside .market-item-headline").text());
        assertEquals("", first.selectFirst("aside .market-item .move").text());
        assertTrue(first.select("aside .market-item .spark").isEmpty());
    }

    @Test
    void latestModeShowsTheNewestItemsEverywhere() {
        Map<String, String> files = market();
        files.put("content/articles/pre.md", TestSites.article("Before the open", "2026-01-20T06:04:00-05:00", "", "x"));
        Path src = TestSites.site(dir.resolve("latest"), files);
        Path out = dir.resolve("latest-out");
        TestSites.build(src, out);
        Document pre = TestSites.page(out, "/news/2026/01/20/pre/");
        assertEquals("Tue item", pre.selectFirst("aside .market-item-headline").text(),
                "a 06:04 story shows the 08:16 market item, as a live site would");
        assertEquals("January 20, 2026, 8:16 AM EST", pre.selectFirst("aside .market-item time").text());
    }

    @Test
    void historyAndSnapshotsMergeIntoOneSeries() {
        Map<String, String> files = market();
        files.put("content/market/history/RUT.csv", "Date,Open,High,Low,Close,Adj Close,Volume\n"
                + "2025-12-31,2480,2510,2470,2500,2500,100\n2026-01-14,null,,2590,2590,2590,\n2026-01-15,2590,2610,2580,2600,2600,5\n");
        files.put("content/articles/a.md", TestSites.article("A", "2026-01-20T17:00:00-05:00", "",
                "YTD {{< quote RUT ytd >}}, streak {{< quote RUT streak >}}."));
        Path src = TestSites.site(dir.resolve("merge"), files);
        BuildResult r = TestSites.build(src, dir.resolve("merge-out"));
        // YTD: 2700 / 2500 (Dec 31, the last session of 2025) - 1 = 8% -> +8.00%. Streak: Jan 2 to 13 are missing,
        // so it starts after the gap: Jan 15, 16 and 20 up = +3 (the Dec 31 -> Jan 14 jump is not a session's move).
        assertTrue(TestSites.page(dir.resolve("merge-out"), "/news/2026/01/20/a/").text().contains("YTD +8.00%, streak +3."));
        assertEquals(2, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).matches(".*history/RUT.csv:3: 3 empty or null cells"), r.warnings().get(0));
        assertTrue(r.warnings().get(1).contains("history/RUT.csv:3: 8 trading days missing from the RUT data: 2026-01-02,"),
                r.warnings().get(1));
    }

    private InputError fail(Map<String, String> extra) {
        Map<String, String> files = market();
        files.putAll(extra);
        Path src = TestSites.site(dir.resolve("bad" + extra.hashCode()), files);
        return assertThrows(InputError.class, () -> TestSites.build(src, dir.resolve("out" + extra.hashCode())));
    }

    private static void assertMessage(InputError e, String fileSuffix, int line, String problem) {
        assertTrue(e.file().endsWith(fileSuffix), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.problem().contains(problem), e.getMessage());
    }

    @Test
    void snapshotOnAHolidayOrWeekend() {
        assertMessage(fail(Map.of("content/market/2026-01-19.json", "{\"date\": \"2026-01-19\"}")),
                "market/2026-01-19.json", 1, "2026-01-19 is not a trading day (Martin Luther King Jr. Day)");
        assertMessage(fail(Map.of("content/market/2026-01-17.json", "{\n\"date\": \"2026-01-17\"}")),
                "market/2026-01-17.json", 2, "not a trading day (Saturday)");
    }

    @Test
    void unknownFieldGetsADidYouMeanWithLineAndColumn() {
        InputError e = fail(Map.of("content/market/2026-01-21.json",
                "{\"date\": \"2026-01-21\",\n \"quotes\": [{\"symbol\": \"MU\", \"clsoe\": 1}]}"));
        assertMessage(e, "market/2026-01-21.json", 2, "unknown field 'clsoe' (did you mean 'close'?)");
        assertTrue(e.column() > 0);
    }

    @Test
    void malformedAndInvalidSnapshots() {
        assertMessage(fail(Map.of("content/market/2026-01-21.json", "{\"date\": \"2026-01-21\",\n \"indices\": [")),
                "2026-01-21.json", 2, "malformed JSON");
        assertMessage(fail(Map.of("content/market/2026-01-21.json",
                "{\"date\": \"2026-01-21\", \"quotes\": [\n{\"symbol\": \"MU\", \"close\": -5}]}")),
                "2026-01-21.json", 2, "'close' must be a positive price");
        assertMessage(fail(Map.of("content/market/2026-01-21.json",
                "{\"date\": \"2026-01-21\", \"quotes\": [{\"symbol\": \"MU\", \"close\": 5},\n{\"symbol\": \"MU\", \"close\": 6}]}")),
                "2026-01-21.json", 2, "symbol 'MU' appears twice");
        assertMessage(fail(Map.of("content/market/2026-01-21.json", "{\"date\": \"2026-01-22\"}")),
                "2026-01-21.json", 1, "name it 2026-01-22.json");
        assertMessage(fail(Map.of("content/market/2026-01-21.json",
                "{\"date\": \"2026-01-21\", \"quotes\": [{\"symbol\": \"MU\", \"close\": \"high\"}]}")),
                "2026-01-21.json", 1, "'close' must be a number");
        assertMessage(fail(Map.of("content/market/2026-01-21.json",
                "{\"date\": \"2026-01-21\", \"stockOfTheDay\": [{\"symbol\": \"ZZ\", \"time\": \"2026-01-21T08:00:00-05:00\", \"headline\": \"h\"}]}")),
                "2026-01-21.json", 1, "stock of the day 'ZZ' has no entry");
    }

    @Test
    void conflictingClosesNameBothFiles() {
        InputError e = fail(Map.of("content/market/history/MU.csv", "Date,Close\n2026-01-15,330\n2026-01-16,345\n"));
        assertTrue(e.getMessage().contains("2026-01-16.json"), e.getMessage());
        assertTrue(e.getMessage().contains("history/MU.csv:3"), e.getMessage());
        assertTrue(e.problem().contains("MU closes at 340.0 on 2026-01-16 here but at 345.0"), e.getMessage());
    }

    @Test
    void badHistoryFiles() {
        assertMessage(fail(Map.of("content/market/history/MU.csv", "Date,Open\n2026-01-15,330\n")),
                "history/MU.csv", 1, "header must have 'Date' and 'Close' columns");
        assertMessage(fail(Map.of("content/market/history/MU.csv", "Date,Close\n2026-01-14,330\n2026-01-13,abc\n")),
                "history/MU.csv", 3, "'abc' in column Close is not a number");
        assertMessage(fail(Map.of("content/market/history/MU.csv", "Date,Close\n2026-01-14,330,7\n")),
                "history/MU.csv", 2, "row has 3 cells but the header has 2");
        assertMessage(fail(Map.of("content/market/history/MU.csv", "Date,Close\n14/01/2026,330\n")),
                "history/MU.csv", 2, "'14/01/2026' in column Date is not a date");
        assertMessage(fail(Map.of("content/market/history/MU.csv", "Date,Close\n2026-01-14,330\n2026-01-14,331\n")),
                "history/MU.csv", 3, "2026-01-14 appears twice (also on line 2)");
    }

    @Test
    void aSymbolSiteYamlNamesWithoutDataIsAnError() {
        // A typo in market.board left its row off every board; in benchmark or mainIndex it left the ticker pages'
        // "sessions in a row beating" statistic or the digests' candlestick out, all without a word.
        // SITE_YAML has 3 lines: "market:" is line 4.
        String[][] cases = {
                {"market:\n  board: [RUT, NDQ]\n", "5", "'board' names NDQ, but no snapshot or history file has it"},
                {"market:\n  benchmark: SPY\n", "5", "'benchmark' names SPY, but no snapshot or history file has it"},
                {"market:\n  movers: 3\n  mainIndex: rut2\n", "6", "'mainIndex' names RUT2, but no snapshot or history file has it"
                        + " (did you mean RUT?)"},
        };
        for (String[] c : cases) {
            Path src = TestSites.site(dir.resolve("yaml" + c[0].hashCode()), market());
            TestSites.write(src.resolve("content/site.yaml"), TestSites.SITE_YAML + c[0]);
            InputError e = assertThrows(InputError.class, () -> TestSites.build(src, dir.resolve("yaml-out" + c[0].hashCode())));
            assertMessage(e, "content/site.yaml", Integer.parseInt(c[1]), c[2]);
        }
        // The defaults name SPX, which this site has no data for: no error.
        TestSites.build(TestSites.site(dir.resolve("yaml-defaults"), market()), dir.resolve("yaml-defaults-out"));
    }

    @Test
    void aMarketFileWhoseExtensionIsInCapitalsIsAnError() {
        // MU.CSV and 2026-01-21.JSON were skipped without a word: the day's digest was missing, or the build said
        // "there is no history file content/market/history/MU.csv" beside MU.CSV.
        assertMessage(fail(Map.of("content/market/history/MU.CSV", "Date,Close\n2026-01-14,330\n")),
                "market/history/MU.CSV", 0, "rename it to MU.csv");
        assertMessage(fail(Map.of("content/market/2026-01-21.JSON", "{\"date\": \"2026-01-21\"}")),
                "market/2026-01-21.JSON", 0, "rename it to 2026-01-21.json");
        assertMessage(fail(Map.of("content/articles/a.Md", TestSites.article("A", "2026-01-20T17:00:00-05:00", "", "x"))),
                "articles/a.Md", 0, "rename it to a.md");
    }

    @Test
    void digestWithoutSnapshot() {
        assertMessage(fail(Map.of("content/digests/2026-01-19.md", "---\ntitle: Holiday\n---\nNo trading.")),
                "digests/2026-01-19.md", 1, "has no market snapshot content/market/2026-01-19.json (the exchange was closed: Martin Luther King Jr. Day)");
    }

    @Test
    void shortcodeErrorsInArticlesNameTheArticleLine() {
        assertMessage(fail(Map.of("content/articles/a.md", "---\ntitle: A\ndate: 2026-01-20T17:00:00-05:00\n---\nLine five\n{{< quote RUT recrod >}}\n")),
                "articles/a.md", 6, "unknown field 'recrod' (did you mean 'record'?)");
        assertMessage(fail(Map.of("content/articles/a.md", "---\ntitle: A\ndate: 2026-01-20T17:00:00-05:00\n---\n{{< quote NOPE close >}}\n")),
                "articles/a.md", 5, "unknown symbol 'NOPE'");
    }
}
