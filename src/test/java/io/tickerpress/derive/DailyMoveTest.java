package io.tickerpress.derive;

import io.tickerpress.model.ChartSpec;
import io.tickerpress.model.MarketData;
import io.tickerpress.model.PriceSeries;
import io.tickerpress.model.Quote;
import io.tickerpress.model.Snapshot;
import io.tickerpress.model.TradingCalendar;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.tickerpress.derive.SeriesStatsTest.series;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A day's move (Market.move) and chart windows, against values worked out by hand. */
class DailyMoveTest {
    static final TradingCalendar NYSE = TradingCalendar.nyse();

    /** A split-free series with Tuesday 2026-01-06 missing. */
    static final PriceSeries X = series("X", "2025-12-30", 100.00, "2025-12-31", 101.00, "2026-01-02", 102.01,
            "2026-01-05", 103.00, "2026-01-07", 104.03, "2026-01-08", 105.07);

    private static Market market(List<Snapshot> snapshots, PriceSeries... series) {
        Map<String, PriceSeries> bySymbol = new java.util.HashMap<>();
        for (PriceSeries s : series) bySymbol.put(s.symbol(), s);
        return new Market(new MarketData(snapshots, bySymbol), NYSE);
    }

    @Test
    void firstSessionOfAYearMeasuresFromTheLastSessionOfThePreviousYear() {
        Move m = market(List.of(), X).move("X", 2);
        assertEquals(LocalDate.of(2026, 1, 2), m.date());
        // 102.01 - 101.00 = 1.01 exactly (decimal arithmetic; in doubles it would be 1.0100000000000051);
        // 1.01 / 101.00 = 1% exactly.
        assertEquals(1.01, m.change());
        assertEquals(1.0, m.changePct(), 1e-12);
    }

    @Test
    void noChangeIsPublishedForTheDayAfterAGap() {
        Market market = market(List.of(), X);
        Move afterGap = market.move("X", 4);
        assertEquals(LocalDate.of(2026, 1, 7), afterGap.date());
        assertNull(afterGap.change(), "Jan 6 is missing: 104.03 - 103.00 would be a two-day move");
        assertNull(afterGap.changePct());
        // The day after: 105.07 - 104.03 = 1.04; 1.04 / 104.03 = 0.0099971162 -> 0.99971162%.
        Move next = market.move("X", 5);
        assertEquals(1.04, next.change());
        assertEquals(0.99971162, next.changePct(), 1e-8);
        assertNull(market.move("X", 0).change(), "the first bar has no previous close");
    }

    @Test
    void aGivenChangeIsTheFigureWhenThereIsNoPreviousClose() {
        // NDX's first snapshot: close 25401.50 with "change": 210.30, no history.
        Quote ndx = new Quote("NDX", "Nasdaq 100", null, null, null, 25401.50, null, new BigDecimal("210.30"), null, 3);
        LocalDate day = LocalDate.of(2026, 1, 5);
        Snapshot s = new Snapshot("2026-01-05.json", day, NYSE.closeAt(day), List.of(ndx), List.of(), List.of(), List.of());
        Market market = market(List.of(s), series("NDX", "2026-01-05", 25401.50));
        Move m = market.move("NDX", 0);
        assertEquals(210.30, m.change());
        // previous close = 25401.50 - 210.30 = 25191.20; 210.30 / 25191.20 = 0.0083481533 -> 0.83481533%.
        assertEquals(0.83481533, m.changePct(), 1e-8);
    }

    @Test
    void aGivenChangeWinsOverTheComputedOneOnEveryPath() {
        // Given 1.01 on Jan 2 agrees with the closes; a given percent 1.00 is used as written, and moveOn,
        // moveAsOf and move agree.
        Quote q = new Quote("X", "X", null, null, null, 102.01, null, null, new BigDecimal("1.00"), 3);
        LocalDate day = LocalDate.of(2026, 1, 2);
        Snapshot s = new Snapshot("2026-01-02.json", day, NYSE.closeAt(day), List.of(), List.of(q), List.of(), List.of());
        Market market = market(List.of(s), X);
        MarketPages pages = new MarketPages(market, null);
        assertEquals(1.0, market.move("X", 2).changePct());
        assertEquals(market.move("X", 2), market.moveOn("X", day).orElseThrow());
        assertEquals(market.move("X", 2), pages.moveAsOf("X", day).orElseThrow());
        assertEquals(market.move("X", 2).changePct(), pages.move(q, day).changePct());
    }

    @Test
    void chartRangesAreTradingDayWindowsThatNeverReachAcrossMissingMonths() {
        // Y has every session of November 2025, then nothing until 2026-01-05, then every session to Jan 30.
        List<Object> rows = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2025, 11, 3); !d.isAfter(LocalDate.of(2026, 1, 30)); d = d.plusDays(1)) {
            boolean december = d.isAfter(LocalDate.of(2025, 11, 30)) && d.isBefore(LocalDate.of(2026, 1, 5));
            if (NYSE.isTradingDay(d) && !december) {
                rows.add(d.toString());
                rows.add(100 + rows.size());
            }
        }
        Market market = market(List.of(), series("Y", rows.toArray()));
        ChartSlicer slicer = new ChartSlicer(market);
        // January 2026 sessions up to Jan 30: 2, 5-9, 12-16, 20-23 (19th is MLK Day), 26-30 = 20 sessions, so
        // Jan 2 is 19 sessions before Jan 30, Dec 31 20 and Dec 30 21: the 1M window starts 2025-12-30. The
        // first bar in it is Jan 5; the old calendar-month rule took the Nov 28 close as the base.
        var oneMonth = slicer.slice(new ChartSpec(ChartSpec.Type.PRICE, List.of("Y"), "1M", ""), LocalDate.of(2026, 1, 30));
        assertEquals(LocalDate.of(2026, 1, 5), ChartSlicer.bars(oneMonth.data()).get(0).date());
        // YTD starts at the last session of 2025 (Dec 31), missing here: the first 2026 bar.
        var ytd = slicer.slice(new ChartSpec(ChartSpec.Type.PRICE, List.of("Y"), "YTD", ""), LocalDate.of(2026, 1, 30));
        assertEquals(LocalDate.of(2026, 1, 5), ChartSlicer.bars(ytd.data()).get(0).date());
        // 3M = 63 sessions back from Jan 30 (session 0): Jan 2 is 19 back; December 2025 has 22 sessions (25th
        // closed), so Dec 1 is 41 back; November has 19 (27th Thanksgiving), so Nov 3 is 60 back; then Oct 31,
        // 30, 29: the window starts 2025-10-29. The first bar on or after it is Nov 3.
        var threeMonths = slicer.slice(new ChartSpec(ChartSpec.Type.PRICE, List.of("Y"), "3M", ""), LocalDate.of(2026, 1, 30));
        assertEquals(LocalDate.of(2025, 11, 3), ChartSlicer.bars(threeMonths.data()).get(0).date());
        assertEquals(LocalDate.of(2025, 10, 29), NYSE.sessionsBefore(LocalDate.of(2026, 1, 30), 63));
    }
}
