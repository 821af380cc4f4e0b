package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attacks on the quick path of article edits ({@link ArticleEdits}) through market data: quote and chart shortcodes
 * added, changed and removed, front-matter charts, snapshot edits between and with article edits, texts undone, and
 * charts deleted or written over in the published site. After each build the output (files, bytes, warnings) must
 * be a clean build's; a build that fails must fail as a clean build does and publish nothing.
 */
class MarketEditsQuickPathTest {
    private static final Path SAMPLE_CONTENT = TestSites.SAMPLE.resolve("content");
    private static final String RUT = "content/articles/2026-01-20-russell-2000-record-first-10-days.md";
    private static final String MICRON = "content/articles/2026-01-16-micron-record.md";
    private static final String BANKS = "content/articles/2026-01-21-fed-officials-patience.md";
    private static final String SNAPSHOT = "content/market/2026-01-16.json";

    @TempDir
    Path dir;
    @TempDir
    static Path cleanCache;
    private Path src;
    private Path out;
    private AgainstCleanBuilds builds;

    @Test
    void marketEditsAndShortcodeEditsGiveTheBytesOfACleanBuild() throws IOException {
        src = dir.resolve("src");
        out = dir.resolve("site");
        TestSites.copyTree(SAMPLE_CONTENT, src.resolve("content"));
        builds = new AgainstCleanBuilds(dir, cleanCache, src, out);
        String banks0 = read(BANKS);
        String rut0 = read(RUT);
        String snapshot0 = read(SNAPSHOT);
        step("first build");
        step("no edit");

        // (1) quote shortcodes of every field, added, changed, removed.
        edit(BANKS, s -> s + "\nMU {{< quote MU close >}}.\n");
        assertTrue(quick(step("quote added")));
        edit(BANKS, s -> s.replace("{{< quote MU close >}}", "{{< quote MU changePct >}} {{< quote MU ytd >}}"
                + " {{< quote MU streak >}} {{< quote MU record >}} {{< quote MU date >}}"
                + " {{< quote RUT firstNDays n=10 >}} {{< quote RUT relstreak vs=SPX >}}"));
        step("every field");
        edit(BANKS, s -> s.replace(" {{< quote MU record >}}", ""));
        step("a quote removed");

        // (4) a snapshot edit between article edits: full, exact.
        edit(SNAPSHOT, s -> s.replace("\"close\": 342.5", "\"close\": 343.5"));
        assertFalse(quick(step("snapshot: MU close")));
        edit(BANKS, s -> s.replace("{{< quote MU ytd >}}", "{{< quote MU close >}}"));
        step("quote field changed after a snapshot edit");
        // with an article edit in the same build
        edit(SNAPSHOT, s -> s.replace("\"close\": 343.5", "\"close\": 344.5"));
        edit(BANKS, s -> s + "\nAgain {{< quote MU close >}}.\n");
        assertFalse(quick(step("snapshot and article together")));
        // (5) undo back to the first texts
        TestSites.write(src.resolve(SNAPSHOT), snapshot0);
        step("snapshot undone");
        TestSites.write(src.resolve(BANKS), banks0);
        step("article undone");

        // (1) an unknown symbol or field fails as a clean build does, and publishes nothing.
        edit(BANKS, s -> s + "\n{{< quote ZZZZ close >}}\n");
        failing("unknown symbol");
        edit(BANKS, s -> s.replace("{{< quote ZZZZ close >}}", "{{< quote MU closing >}}"));
        failing("unknown field");
        edit(BANKS, s -> s.replace("{{< quote MU closing >}}", "{{< quote RUT relstreak vs=ZZZZ >}}"));
        failing("unknown vs symbol");
        TestSites.write(src.resolve(BANKS), banks0);
        step("article undone after failures");

        // (2) chart shortcodes: one the site has, one it does not.
        edit(BANKS, s -> s + "\n{{< chart price MU range=6M title=\"Micron, last six months\" >}}\n");
        step("a chart the site has");
        edit(BANKS, s -> s.replace("range=6M title=\"Micron, last six months\"", "range=3M"));
        assertFalse(quick(step("a chart the site does not have")));
        edit(BANKS, s -> s.replace("{{< chart price MU range=3M >}}", "{{< chart candlestick NVDA range=1M >}}"));
        step("another chart the site has (the 3M one no longer shown)");
        TestSites.write(src.resolve(BANKS), banks0);
        step("chart removed");

        // (3) front-matter charts.
        edit(RUT, s -> s.replace("    range: YTD\n", "    range: 1M\n"));
        assertFalse(quick(step("front-matter chart's range")));
        TestSites.write(src.resolve(RUT), rut0);
        step("front-matter chart undone");
        edit(BANKS, s -> s.replace("tickers: [SPX, RUT]", "tickers: [SPX, RUT]\ncharts:\n  - type: compare\n"
                + "    symbols: [RUT, SPX, NDX]\n    range: YTD\n"
                + "    title: Russell 2000 vs S&P 500 vs Nasdaq 100 since the start of 2026\n"));
        step("front-matter chart the site has, on another article");
        TestSites.write(src.resolve(BANKS), banks0);
        step("front-matter chart removed");

        // (6) a chart deleted from, or written over in, the published site; then an edit elsewhere.
        Path chart = anyChart();
        Files.delete(chart);
        edit(BANKS, s -> s + "\nA line.\n");
        step("chart deleted in the site, then a body edit");
        chart = anyChart();
        Files.write(chart, new byte[] {1, 2, 3});
        edit(BANKS, s -> s + "\nAnother line.\n");
        step("chart written over in the site, then a body edit");
        // A file deleted by hand with nothing else changed stays away until a build has something to do (README).
        chart = anyChart();
        Files.delete(chart);
        assertTrue(SiteBuilder.build(TestSites.options(src, out)).nothingChanged(), "nothing changed");
        edit(BANKS, s -> s + "\nA third line.\n");
        step("chart deleted in the site, then a body edit after a build that found nothing changed");
        chart = anyChart();
        Files.write(chart, new byte[] {1, 2, 3});
        step("chart written over in the site, no edit");
        // a snapshot edit after a chart was written over: full and exact
        chart = anyChart();
        Files.write(chart, new byte[] {4, 5, 6});
        edit(SNAPSHOT, s -> s.replace("\"close\": 342.5", "\"close\": 343.5"));
        step("chart written over, then a snapshot edit");
        TestSites.write(src.resolve(SNAPSHOT), snapshot0);
        TestSites.write(src.resolve(BANKS), banks0);
        step("all undone");

        // A failed build between: a snapshot edit with an article that cannot build, then the article fixed (the
        // snapshot still differs from the last published build's), then a broken snapshot undone with a body edit.
        edit(SNAPSHOT, s -> s.replace("\"close\": 342.5", "\"close\": 343.5"));
        edit(BANKS, s -> s + "\n{{< quote MU closing >}}\n");
        failing("snapshot edit with an unknown field");
        edit(BANKS, s -> s.replace("\n{{< quote MU closing >}}\n", "\n{{< quote MU close >}}\n"));
        assertFalse(quick(step("the field fixed, the snapshot still edited")));
        edit(SNAPSHOT, s -> s.replace("\"close\": 343.5", "\"close\": oops"));
        failing("snapshot that does not parse");
        TestSites.write(src.resolve(SNAPSHOT), snapshot0);
        edit(BANKS, s -> s.replace("{{< quote MU close >}}", "{{< quote MU ytd >}}"));
        step("snapshot undone with a body edit");
        // The article's updated time, with quotes in its body: its figures stay as of its date either way.
        edit(BANKS, s -> s.replace("tickers: [SPX, RUT]", "tickers: [SPX, RUT]\nupdated: 2026-01-23T17:00:00-05:00"));
        step("updated time of an article with quotes");
        TestSites.write(src.resolve(BANKS), banks0);
        step("all undone again");
        builds.printReport();
    }

    private Path anyChart() throws IOException {
        try (var files = Files.list(out.resolve("charts"))) {
            return files.sorted().findFirst().orElseThrow();
        }
    }

    private static boolean quick(BuildResult r) {
        return AgainstCleanBuilds.quick(r);
    }

    private BuildResult step(String what) {
        return builds.step(what);
    }

    private void failing(String what) {
        builds.failing(what);
    }

    private String read(String file) {
        return builds.read(file);
    }

    private void edit(String file, java.util.function.UnaryOperator<String> change) {
        builds.edit(file, change);
    }
}
