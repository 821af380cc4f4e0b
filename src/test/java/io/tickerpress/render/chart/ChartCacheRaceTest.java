package io.tickerpress.render.chart;

import io.tickerpress.TestSites;
import io.tickerpress.derive.ChartSlicer;
import io.tickerpress.derive.Market;
import io.tickerpress.diag.Diagnostics;
import io.tickerpress.load.ContentLoader;
import io.tickerpress.model.ChartSpec;
import io.tickerpress.model.SiteContent;
import io.tickerpress.model.TradingCalendar;
import io.tickerpress.write.ChartCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two builds may share one chart cache, and one prunes it after it finishes: a cached chart the other build
 * was about to link may be gone. That build then writes the chart's bytes instead of failing.
 */
class ChartCacheRaceTest {
    @TempDir
    Path dir;

    @Test
    void aCachedChartRemovedBeforeItIsLinkedIsDrawnAgain() {
        SiteContent content = ContentLoader.load(TestSites.SAMPLE, new Diagnostics());
        Market market = new Market(content.market(), new TradingCalendar(content.config().market().closures()));
        ChartCache cache = new ChartCache(dir.resolve("cache"), "0123456789abcdef0123456789abcdef");
        ChartSpec spec = new ChartSpec(ChartSpec.Type.PRICE, List.of("MU"), "1M", "");

        // First build: draws the chart into the cache, and links the site's files from there (as later builds do).
        Map<String, byte[]> first = new TreeMap<>();
        Map<String, byte[]> written = new TreeMap<>();
        Charts one = new Charts(new ChartSlicer(market), Charts.PNG, p -> "/" + p, cache, p -> Optional.empty(), io.tickerpress.render.Formats.of(content.config()));
        one.request(spec, LocalDate.of(2026, 1, 16), 720, 360);
        assertEquals(1, one.renderAll(written::put, (p, f) -> {
            try {
                first.put(p, Files.readAllBytes(f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).rendered());
        assertEquals(Map.of(), written, "drawn files are linked from the cache, not written");
        // No narrow variant was asked for: light and dark, each at 1x and 2x.
        assertEquals(4, first.size(), "light and dark, 1x and 2x: " + first.keySet());

        // Second build: the cache has both files, but another build prunes them just before each link.
        Map<String, byte[]> second = new TreeMap<>();
        Charts two = new Charts(new ChartSlicer(market), Charts.PNG, p -> "/" + p, cache, p -> Optional.empty(), io.tickerpress.render.Formats.of(content.config()));
        two.request(spec, LocalDate.of(2026, 1, 16), 720, 360);
        Charts.Stats stats = two.renderAll(second::put, (sitePath, cached) -> {
            try {
                Files.delete(cached);
                Files.createLink(dir.resolve("never"), cached); // what StagingFolder.link meets: no such file
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertEquals(1, stats.rendered(), "drawn again");
        assertEquals(first.keySet(), second.keySet());
        first.forEach((name, bytes) -> assertTrue(Arrays.equals(bytes, second.get(name)), name));
    }
}
