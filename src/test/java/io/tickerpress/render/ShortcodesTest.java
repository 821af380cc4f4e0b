package io.tickerpress.render;

import io.tickerpress.derive.Market;
import io.tickerpress.derive.SeriesStatsTest;
import io.tickerpress.diag.InputError;
import io.tickerpress.model.MarketData;
import io.tickerpress.model.TradingCalendar;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShortcodesTest {
    static final Market MARKET = new Market(new MarketData(List.of(), Map.of(
            "X", SeriesStatsTest.series("X", "2025-12-30", 102, "2025-12-31", 101, "2026-01-02", 103,
                    "2026-01-05", 104, "2026-01-06", 103.5),
            "B", SeriesStatsTest.series("B", "2025-12-30", 100, "2025-12-31", 100, "2026-01-02", 100.5,
                    "2026-01-05", 100.6, "2026-01-06", 100.0))), TradingCalendar.nyse());

    static String at(String instant, String markdown) {
        return new Shortcodes(Map.of("quote", new QuoteShortcode(MARKET, Instant.parse(instant), Formats.defaults())))
                .expand(markdown, "a.md", 5);
    }

    @Test
    void quoteUsesTheLatestCloseAtOrBeforeTheArticle() {
        // 15:59 New York on Jan 5: that day's close is not in yet.
        assertEquals("103.00", at("2026-01-05T20:59:00Z", "{{< quote X close >}}"));
        // 16:00 New York: it is.
        assertEquals("104.00", at("2026-01-05T21:00:00Z", "{{< quote X close >}}"));
        assertEquals("Jan 5, 2026", at("2026-01-05T21:00:00Z", "{{< quote X date >}}"));
        // A weekend article sees Friday's close.
        assertEquals("+1.98%", at("2026-01-03T12:00:00Z", "{{< quote X changePct >}}"));
    }

    @Test
    void everyField() {
        String t = "2026-01-06T23:00:00Z";
        assertEquals("-0.50", at(t, "{{< quote X change >}}"));
        assertEquals("-0.48%", at(t, "{{< quote X changePct >}}"));
        assertEquals("+2.48%", at(t, "{{< quote X ytd >}}"));
        assertEquals("+2.48%", at(t, "{{< quote X firstNDays n=3 >}}"));
        assertEquals("Jan 5, 2026", at(t, "{{< quote X record >}}"));
        assertEquals("104.00", at(t, "{{< quote X high52 >}}"));
        assertEquals("101.00", at(t, "{{< quote X low52 >}}"));
        assertEquals("-1", at(t, "{{< quote X streak >}}"));
        // Jan 6 -0.48% vs -0.6%, Jan 5 +0.97% vs +0.1%, Jan 2 +1.98% vs +0.5%: beat; Dec 31 -0.98% vs 0%: not.
        assertEquals("3", at(t, "{{< quote X relstreak vs=B >}}"));
        assertEquals("In text: +2.48%, then more.", at(t, "In text: {{< quote x ytd >}}, then more."));
    }

    @Test
    void absDropsTheSignForProse() {
        String t = "2026-01-06T23:00:00Z";
        // Jan 6: 103.5 after 104, a change of -0.5: -0.5 / 104 = -0.4808% -> "fell 0.48%".
        assertEquals("X fell 0.48% (0.50)", at(t, "X fell {{< quote X changePct abs >}} ({{< quote X change abs >}})"));
        assertEquals("2.48%", at(t, "{{< quote X ytd abs >}}"));
        assertEquals("2.48%", at(t, "{{< quote X firstNDays abs n=3 >}}"));
        assertEquals("1", at(t, "{{< quote X streak abs >}}"));
        InputError notSigned = assertThrows(InputError.class, () -> at(t, "{{< quote X close abs >}}"));
        assertTrue(notSigned.getMessage().contains("'abs' applies only to signed fields"), notSigned.getMessage());
        InputError unknown = assertThrows(InputError.class, () -> at(t, "{{< quote X changePct unsigned >}}"));
        assertTrue(unknown.getMessage().startsWith("a.md:5: shortcode 'quote': unknown option 'unsigned'"), unknown.getMessage());
    }

    @Test
    void literalShortcodeForDocumentation() {
        assertEquals("Write {{< quote RUT close >}}.", at("2026-01-06T23:00:00Z", "Write {{</* quote RUT close */>}}."));
    }

    @Test
    void overlappingCommentMarksAreNotALiteral() {
        // Found by the fuzzer: "{{</*/>}}" crashed the parser.
        assertError("a.md:5: unknown shortcode '/*/'", () -> at("2026-01-06T23:00:00Z", "{{</*/>}}"));
    }

    @Test
    void errorsNameFileAndLine() {
        String t = "2026-01-06T23:00:00Z";
        assertError("a.md:7: shortcode 'quote': unknown symbol 'NOPE'", () -> at(t, "one\ntwo\n{{< quote NOPE close >}}"));
        assertError("a.md:5: shortcode 'quote': unknown field 'clse' (did you mean 'close'?)", () -> at(t, "{{< quote X clse >}}"));
        assertError("a.md:5: unknown shortcode 'chrt'", () -> at(t, "{{< chrt X >}}"));
        assertError("a.md:6: shortcode opened with '{{<' is never closed", () -> at(t, "x\n{{< quote X close"));
        assertError("a.md:5: shortcode 'quote': 'n' must be a whole number", () -> at(t, "{{< quote X firstNDays n=ten >}}"));
        assertError("a.md:5: shortcode 'quote': relstreak needs vs=SYMBOL", () -> at(t, "{{< quote X relstreak >}}"));
        assertError("a.md:5: shortcode 'quote': 'vs' is not an option of field 'close'", () -> at(t, "{{< quote X close vs=B >}}"));
        assertError("a.md:5: shortcode 'quote': no X close on or before", () -> at("2025-01-01T00:00:00Z", "{{< quote X close >}}"));
        assertError("the first 10 trading days of 2026 are not complete",
                () -> at(t, "{{< quote X firstNDays >}}"));
        assertError("a.md:5: '>}}' without an opening '{{<'", () -> at(t, "quote X close >}}"));
    }

    private static void assertError(String expected, org.junit.jupiter.api.function.Executable action) {
        InputError e = assertThrows(InputError.class, action);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
