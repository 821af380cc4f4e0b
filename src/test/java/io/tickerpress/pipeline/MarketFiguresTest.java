package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import io.tickerpress.diag.InputError;
import io.tickerpress.load.SnapshotLoader;
import io.tickerpress.model.TradingCalendar;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One number per fact, gaps and early closes, through real builds of small sites. */
class MarketFiguresTest {
    @TempDir
    Path dir;

    private static String snapshot(String date, String indexExtra, String muClose) {
        return """
                {"date": "%s", "indices": [{"symbol": "NDX", "name": "Nasdaq 100", "close": 25401.50%s}],
                 "quotes": [{"symbol": "MU", "name": "Micron Technology", "close": %s}]}
                """.formatted(date, indexExtra, muClose);
    }

    /** The signed percent figure in a text, as a number (decimals are the formatting rules' business). */
    private static double pct(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([+−-]?\\d+(?:\\.\\d+)?)%").matcher(text);
        assertTrue(m.find(), "a percent figure in: " + text);
        return Double.parseDouble(m.group(1).replace('−', '-'));
    }

    @Test
    void aFirstSnapshotsGivenChangeIsTheFigureEverywhere() {
        Map<String, String> files = new HashMap<>();
        files.put("content/market/2026-01-05.json", snapshot("2026-01-05", ", \"change\": 210.30", "100"));
        files.put("content/articles/a.md", TestSites.article("Nasdaq", "2026-01-05T17:00:00-05:00", "tickers: [NDX]\n",
                "Up {{< quote NDX change >}} ({{< quote NDX changePct >}})."));
        Path src = TestSites.site(dir.resolve("src"), files);
        Path out = dir.resolve("out");
        TestSites.build(src, out);
        // The given change, and the percent it implies: 210.30 / (25401.50 - 210.30) = 210.30 / 25191.20
        // = 0.8348% -> +0.83%.
        Document article = TestSites.page(out, "/news/2026/01/05/a/");
        String body = article.selectFirst(".story-body").text();
        assertTrue(body.startsWith("Up +210.30 ("), body);
        assertEquals(0.8348, pct(body), 0.005);
        Document digest = TestSites.page(out, "/markets/2026/01/05/");
        String row = digest.selectFirst("table tr:has(a[href*=NDX])").text();
        assertTrue(row.contains("+210.30"), row);
        assertEquals(0.8348, pct(row), 0.005);
        Document ticker = TestSites.page(out, "/tickers/NDX/");
        String line = ticker.selectFirst(".quote-line").text();
        assertTrue(line.contains("+210.30"), line);
        assertEquals(0.8348, pct(line), 0.005);
    }

    @Test
    void theDayAfterAGapHasNoChangeAndTheGapIsReportedOncePerFile() {
        Map<String, String> files = new HashMap<>();
        files.put("content/market/2026-01-12.json", snapshot("2026-01-12", "", "100"));
        // 2026-01-13 (a Tuesday) is missing.
        files.put("content/market/2026-01-14.json", snapshot("2026-01-14", "", "110"));
        files.put("content/market/2026-01-15.json", snapshot("2026-01-15", "", "111.1"));
        Path src = TestSites.site(dir.resolve("src"), files);
        Path out = dir.resolve("out");
        BuildResult result = TestSites.build(src, out);
        List<String> gaps = result.warnings().stream().filter(w -> w.contains("missing")).toList();
        assertEquals(1, gaps.size(), "one warning for the file, not one per symbol: " + result.warnings());
        assertTrue(gaps.get(0).contains("2026-01-14.json") && gaps.get(0).contains("2026-01-13")
                && gaps.get(0).contains("MU, NDX"), gaps.get(0));

        // Jan 14: 110 vs the Jan 12 close would be a two-day +10%: not shown.
        Document jan14 = TestSites.page(out, "/markets/2026/01/14/");
        assertFalse(jan14.text().contains("+10.00%"), "no two-day move shown as a day's");
        assertTrue(jan14.select("a[href*=MU]").isEmpty() || !jan14.selectFirst("table tr:has(a[href*=MU])").text().contains("%"));
        // Jan 15: 111.1 - 110 = 1.10, 1.1 / 110 = 1% -> +1.00%, on the digest and the ticker page alike.
        Document jan15 = TestSites.page(out, "/markets/2026/01/15/");
        assertEquals(1.0, pct(jan15.selectFirst("table tr:has(a[href*=MU])").text()), 0.05);
        String line = TestSites.page(out, "/tickers/MU/").selectFirst(".quote-line").text();
        assertTrue(line.contains("+1.10"), line);
        assertEquals(1.0, pct(line), 0.05);
    }

    @Test
    void aQuoteOfTheDayAfterAGapStopsTheBuildNamingTheMissingSession() {
        Map<String, String> files = new HashMap<>();
        files.put("content/market/2026-01-12.json", snapshot("2026-01-12", "", "100"));
        files.put("content/market/2026-01-14.json", snapshot("2026-01-14", "", "110"));
        files.put("content/articles/a.md", TestSites.article("Micron", "2026-01-14T17:00:00-05:00", "",
                "Micron moved {{< quote MU changePct >}}."));
        Path src = TestSites.site(dir.resolve("src"), files);
        InputError e = assertThrows(InputError.class, () -> TestSites.build(src, dir.resolve("out")));
        assertTrue(e.getMessage().contains("no change for 2026-01-14: the previous session, 2026-01-13, is missing"),
                e.getMessage());
    }

    @Test
    void anEarlyCloseDaysCloseIsKnownFrom1300() {
        // 2025-11-28 is the day after Thanksgiving (Nov 27): the session ends at 13:00 EST.
        ZonedDateTime asOf = new SnapshotLoader(TradingCalendar.nyse(), 1 << 20)
                .parse("{\"date\": \"2025-11-28\"}", "2025-11-28.json", "2025-11-28.json").asOf();
        assertEquals(ZonedDateTime.parse("2025-11-28T13:00:00-05:00[America/New_York]"), asOf);

        Map<String, String> files = new HashMap<>();
        files.put("content/market/2025-11-26.json", snapshot("2025-11-26", "", "100"));
        files.put("content/market/2025-11-28.json", snapshot("2025-11-28", "", "104"));
        files.put("content/articles/noon.md", TestSites.article("Noon", "2025-11-28T12:59:00-05:00", "",
                "Micron at {{< quote MU close >}} on {{< quote MU date >}}."));
        files.put("content/articles/two.md", TestSites.article("Two", "2025-11-28T14:00:00-05:00", "",
                "Micron at {{< quote MU close >}} on {{< quote MU date >}}."));
        Path src = TestSites.site(dir.resolve("src"), files);
        Path out = dir.resolve("out");
        TestSites.build(src, out);
        assertEquals("Micron at 100.00 on Nov 26, 2025.",
                TestSites.page(out, "/news/2025/11/28/noon/").selectFirst(".story-body").text());
        assertEquals("Micron at 104.00 on Nov 28, 2025.",
                TestSites.page(out, "/news/2025/11/28/two/").selectFirst(".story-body").text(),
                "at 14:00 the 13:00 close is known");
    }

    @Test
    void anEarlyCloseFromSiteYamlMovesTheCloseOfThatDay() {
        // 2026-01-15 is a regular Thursday; site.yaml closes it at 13:00, so a 14:00 story sees its close.
        Map<String, String> files = new HashMap<>();
        files.put("content/market/2026-01-14.json", snapshot("2026-01-14", "", "100"));
        files.put("content/market/2026-01-15.json", snapshot("2026-01-15", "", "104"));
        files.put("content/articles/two.md", TestSites.article("Two", "2026-01-15T14:00:00-05:00", "",
                "Micron at {{< quote MU close >}}."));
        Path src = TestSites.site(dir.resolve("src"), files);
        Path out = dir.resolve("out");
        TestSites.build(src, out);
        assertEquals("Micron at 100.00.", TestSites.page(out, "/news/2026/01/15/two/").selectFirst(".story-body").text(),
                "16:00 by default: at 14:00 the day's close is not known yet");
        TestSites.write(src.resolve("content/site.yaml"), TestSites.SITE_YAML
                + "market:\n  earlyCloses:\n    - {date: 2026-01-15, close: \"13:00\"}\n");
        Path out2 = dir.resolve("out2");
        TestSites.build(src, out2);
        assertEquals("Micron at 104.00.", TestSites.page(out2, "/news/2026/01/15/two/").selectFirst(".story-body").text());
    }
}
