package io.tickerpress.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tickerpress.derive.Market;
import io.tickerpress.derive.SeriesStatsTest;
import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.InputError;
import io.tickerpress.load.ArticleLoader;
import io.tickerpress.load.HistoryLoader;
import io.tickerpress.load.SnapshotLoader;
import io.tickerpress.load.TextFiles;
import io.tickerpress.model.Limits;
import io.tickerpress.model.MarketData;
import io.tickerpress.model.MarketSettings;
import io.tickerpress.model.SiteConfig;
import io.tickerpress.model.TradingCalendar;
import io.tickerpress.render.QuoteShortcode;
import io.tickerpress.render.Shortcodes;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * Fuzz tests for the parsers that read untrusted input. In {@code mvn verify} they replay their seed corpus
 * (src/test/resources/io/tickerpress/fuzz/LoaderFuzzTestInputs/); with JAZZER_FUZZ=1 they explore new inputs
 * (see the README). The only exception a parser may throw is {@link InputError}: anything else is a bug.
 */
class LoaderFuzzTest {
    static final SiteConfig CONFIG = new SiteConfig("Fuzz", "", "https://fuzz.example/", "en",
            ZoneId.of("America/New_York"), 10, SiteConfig.DEFAULT_PERMALINK, false, "Fuzz", MarketSettings.defaults(),
            "png", false, Limits.defaults(), io.tickerpress.model.TimeFormats.defaults());
    static final Market MARKET = new Market(new MarketData(java.util.List.of(), Map.of(
            "X", SeriesStatsTest.series("X", "2025-12-31", 101, "2026-01-02", 103, "2026-01-05", 104),
            "B", SeriesStatsTest.series("B", "2025-12-31", 100, "2026-01-02", 100.5, "2026-01-05", 100.6))),
            TradingCalendar.nyse());

    @FuzzTest(maxDuration = "60s")
    void frontMatter(byte[] input) {
        try {
            String text = TextFiles.decode(input, "fuzz.md");
            new ArticleLoader(CONFIG).parse(text, "fuzz.md", "2026-01-05-fuzz.md");
        } catch (InputError expected) {
            // a clear message for bad input: fine
        }
    }

    @FuzzTest(maxDuration = "60s")
    void snapshot(byte[] input) {
        try {
            String text = TextFiles.decode(input, "2026-01-20.json");
            new SnapshotLoader(TradingCalendar.nyse(), 1 << 20).parse(text, "2026-01-20.json", "2026-01-20.json");
        } catch (InputError expected) {
            // fine
        }
    }

    @FuzzTest(maxDuration = "60s")
    void historyCsv(byte[] input) {
        try {
            String text = TextFiles.decode(input, "X.csv");
            new HistoryLoader(TradingCalendar.nyse(), new Diagnostics(), 1 << 20).parse(new StringReader(text), "X.csv");
        } catch (InputError expected) {
            // fine
        }
    }

    @FuzzTest(maxDuration = "60s")
    void shortcodes(FuzzedDataProvider data) {
        long minute = data.consumeLong(0, 60L * 24 * 30);
        String markdown = data.consumeRemainingAsString();
        Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(minute * 60);
        try {
            new Shortcodes(Map.of("quote", new QuoteShortcode(MARKET, at, io.tickerpress.render.Formats.defaults()))).expand(markdown, "fuzz.md", 1);
        } catch (InputError expected) {
            // fine
        }
    }
}
