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

/**
 * A snapshot entry that gives some figures of a day whose history row gives the others: the day's row is made of
 * both files, so it is checked as a whole, and what a later snapshot leaves out (its name) is not lost.
 */
class SnapshotOverHistoryTest {
    @TempDir
    Path dir;

    private static final String HISTORY = "Date,Open,High,Low,Close,Adj Close,Volume\n"
            + "2026-01-15,330.00,335.00,329.00,334.00,334.00,1000\n"
            + "2026-01-16,336.00,345.00,335.00,342.50,342.50,2000\n";

    private InputError fail(String snapshot) {
        Map<String, String> files = new HashMap<>();
        files.put("content/market/history/MU.csv", HISTORY);
        files.put("content/market/2026-01-16.json", snapshot);
        Path src = TestSites.site(dir.resolve("src" + snapshot.hashCode()), files);
        return assertThrows(InputError.class, () -> TestSites.build(src, dir.resolve("out" + snapshot.hashCode())));
    }

    @Test
    void anOpenAboveTheHistorysHighIsAnErrorNamingBothFiles() {
        // The history row says the day's high was 345.00; the snapshot's open of 350 lies above it. Published as it
        // was, the ticker page read "Open 350.00, High 345.00" and the candlestick drew a body above its wick.
        InputError e = fail("{\"date\": \"2026-01-16\", \"quotes\": [\n{\"symbol\": \"MU\", \"open\": 350}]}");
        assertTrue(e.file().endsWith("market/2026-01-16.json"), e.getMessage());
        assertEquals(2, e.line(), e.getMessage());
        assertTrue(e.problem().contains("'open' 350.0 here is above the 'high' 345.0 of "), e.getMessage());
        assertTrue(e.problem().contains("history/MU.csv:3"), e.getMessage());
        assertTrue(e.problem().contains("2026-01-16"), e.getMessage());
    }

    @Test
    void aHighBelowTheHistorysCloseIsAnError() {
        InputError e = fail("{\"date\": \"2026-01-16\", \"quotes\": [\n\n{\"symbol\": \"MU\", \"high\": 340}]}");
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.problem().contains("'high' 340.0 here is below the 'close' 342.5 of "), e.getMessage());
    }

    @Test
    void aLowAboveTheHistorysOpenIsAnError() {
        InputError e = fail("{\"date\": \"2026-01-16\", \"quotes\": [{\"symbol\": \"MU\", \"low\": 343}]}");
        assertTrue(e.problem().contains("'low' 343.0 here is above the 'open' 336.0 of "), e.getMessage());
    }

    @Test
    void figuresThatFitTheHistorysRowBuild() {
        Map<String, String> files = new HashMap<>();
        files.put("content/market/history/MU.csv", HISTORY);
        files.put("content/market/2026-01-16.json",
                "{\"date\": \"2026-01-16\", \"quotes\": [{\"symbol\": \"MU\", \"open\": 337, \"high\": 344}]}");
        Path src = TestSites.site(dir.resolve("ok"), files);
        TestSites.build(src, dir.resolve("ok-out"));
        Document page = TestSites.page(dir.resolve("ok-out"), "/tickers/mu/");
        assertEquals(List.of("Open", "337.00", "High", "344.00", "Low", "335.00", "Close", "342.50"),
                page.select("table.stats tr").stream().limit(4).flatMap(tr -> tr.children().eachText().stream()).toList());
    }

    @Test
    void anEntryWithoutANameKeepsTheNameAnEarlierSnapshotGave() {
        // The README's day: names are written for new symbols, and {"symbol": "MU"} is a complete entry when the
        // history has the day. The ticker page, the board and the digest named Micron "MU" from that day on.
        Map<String, String> files = new HashMap<>();
        files.put("content/market/history/MU.csv", HISTORY);
        files.put("content/market/2026-01-15.json", "{\"date\": \"2026-01-15\", \"indices\": [{\"symbol\": \"RUT\","
                + " \"name\": \"Russell 2000\", \"close\": 2600}], \"quotes\": [{\"symbol\": \"MU\", \"name\": \"Micron Technology\"}]}");
        files.put("content/market/2026-01-16.json", "{\"date\": \"2026-01-16\", \"indices\": [{\"symbol\": \"RUT\","
                + " \"close\": 2650}], \"quotes\": [{\"symbol\": \"MU\"}]}");
        files.put("content/articles/a.md", TestSites.article("A", "2026-01-16T17:00:00-05:00", "tickers: [MU]\n", "x"));
        Path src = TestSites.site(dir.resolve("names"), files);
        Path out = dir.resolve("names-out");
        TestSites.build(src, out);
        assertEquals("Micron Technology (MU)", TestSites.page(out, "/tickers/mu/").selectFirst("h1").text());
        Document digest = TestSites.page(out, "/markets/2026/01/16/");
        assertTrue(digest.select("main table").text().contains("Micron Technology"), digest.select("main table").text());
        assertTrue(digest.select("main table").text().contains("Russell 2000"), digest.select("main table").text());
        Document article = TestSites.page(out, "/news/2026/01/16/a/");
        assertEquals(List.of("Russell 2000"), article.select("aside .board .board-name").eachText());
    }
}
