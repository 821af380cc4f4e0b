package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import io.tickerpress.diag.Diagnostics;
import io.tickerpress.load.ContentLoader;
import io.tickerpress.load.MarketSource;
import io.tickerpress.load.SiteConfigLoader;
import io.tickerpress.model.MarketData;
import io.tickerpress.model.PriceSeries;
import io.tickerpress.model.SiteConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The memo's bytes ({@link MarketMemo#bytes}, {@link MarketDataBytes}): the sample site's market data read back is
 * the parse, field for field; the memo is refused whole when cut anywhere, when any byte of it is changed, and when
 * its key is another.
 */
class MarketMemoBytesTest {
    private static final Path CONTENT = TestSites.SAMPLE.resolve("content");

    private static MarketData parse() {
        SiteConfig config = SiteConfigLoader.load(CONTENT);
        return MarketSource.PARSE.load(config, CONTENT, new Diagnostics(), ContentLoader.Cache.none());
    }

    @Test
    void theDataReadBackIsTheParseFieldForField() {
        MarketData parsed = parse();
        List<String> warnings = List.of("F\0content/market/x.json\u00003\0\0a warning");
        MarketMemo.Remembered back = MarketMemo.read(MarketMemo.bytes("key", parsed, warnings), "key");
        assertNotNull(back);
        assertEquals(warnings, back.warnings());
        assertEquals(parsed.snapshots(), back.data().snapshots()); // records: every quote, time (zone), decimal
        assertEquals(parsed.series().keySet(), back.data().series().keySet());
        parsed.series().forEach((symbol, p) -> {
            PriceSeries q = back.data().series().get(symbol);
            assertEquals(p.symbol(), q.symbol());
            assertEquals(p.name(), q.name());
            assertEquals(p.size(), q.size(), symbol);
            for (int i = 0; i < p.size(); i++) {
                assertEquals(p.bar(i), q.bar(i), symbol + " bar " + i); // day, open/high/low (or none), close, volume, file:line
            }
        });
    }

    @Test
    void aMemoCutChangedOrOfAnotherKeyIsRefusedWhole() {
        byte[] good = MarketMemo.bytes("key", parse(), List.of());
        assertNull(MarketMemo.read(good, "another key"));
        for (int length = 0; length < good.length; length += Math.max(1, good.length / 997)) {
            assertNull(MarketMemo.read(Arrays.copyOf(good, length), "key"), "cut to " + length);
        }
        for (int at = 0; at < good.length; at += Math.max(1, good.length / 499)) {
            byte[] changed = good.clone();
            changed[at] ^= 0x01;
            assertNull(MarketMemo.read(changed, "key"), "byte " + at + " changed");
        }
        assertNotNull(MarketMemo.read(good, "key"));
    }
}
