package io.tickerpress.derive;

import io.tickerpress.model.Bar;
import io.tickerpress.model.PriceSeries;
import io.tickerpress.model.TradingCalendar;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Statistics against values worked out by hand on small series. */
public class SeriesStatsTest {
    static final TradingCalendar NYSE = TradingCalendar.nyse();

    public static PriceSeries series(String symbol, Object... dateThenClose) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < dateThenClose.length; i += 2) {
            bars.add(new Bar(LocalDate.parse((String) dateThenClose[i]), null, null, null,
                    ((Number) dateThenClose[i + 1]).doubleValue(), null, "test"));
        }
        return new PriceSeries(symbol, symbol, bars);
    }

    // Dec 29: 100, Dec 30: 102 (record), Dec 31: 101, Jan 2: 103 (record), Jan 5: 104 (record), Jan 6: 103.5,
    // Jan 7: 103, Jan 8: 105 (record)
    final SeriesStats s = new SeriesStats(series("X",
            "2025-12-29", 100, "2025-12-30", 102, "2025-12-31", 101, "2026-01-02", 103, "2026-01-05", 104,
            "2026-01-06", 103.5, "2026-01-07", 103, "2026-01-08", 105), NYSE);

    @Test
    void aDayHasAPreviousSessionOnlyWhenNoTradingDayIsMissing() {
        assertFalse(s.hasPreviousSession(0), "first bar");
        assertTrue(s.hasPreviousSession(3), "Jan 2 follows Dec 31: Jan 1 is a holiday");
        assertTrue(s.hasPreviousSession(4), "Jan 5 follows Jan 2: a weekend between");
        // Jan 5 then Jan 7: Jan 6 (a Tuesday) is missing.
        SeriesStats gap = new SeriesStats(series("G", "2026-01-02", 10, "2026-01-05", 11, "2026-01-07", 12,
                "2026-01-08", 13), NYSE);
        assertFalse(gap.hasPreviousSession(2));
        assertTrue(gap.hasPreviousSession(3));
        // The streak restarts after the gap: Jan 5 up (1), Jan 7 unknown (0), Jan 8 up from Jan 7 (1), not 3.
        assertEquals(1, gap.streak(1));
        assertEquals(0, gap.streak(2));
        assertEquals(1, gap.streak(3));
    }

    @Test
    void yearToDateNeedsThePreviousYearsLastSession() {
        // Last close of 2025 on Dec 30, but Dec 31 2025 (a Wednesday) was a trading day: the base is missing.
        SeriesStats gap = new SeriesStats(series("G", "2025-12-30", 100, "2026-01-02", 110), NYSE);
        assertTrue(gap.ytd(1).isEmpty(), "no 2025-12-31 close to measure from");
    }

    @Test
    void yearToDateMeasuresFromThePreviousYearsLastClose() {
        assertEquals(1.980198, s.ytd(3).getAsDouble(), 1e-6); // 103/101 - 1
        assertEquals(3.960396, s.ytd(7).getAsDouble(), 1e-6); // 105/101 - 1
        assertTrue(s.ytd(0).isEmpty(), "no 2024 close");
    }

    @Test
    void recordsAndSessionsSince() {
        assertEquals(1, s.lastRecord(2));
        assertEquals(1, s.sessionsSinceRecord(2));
        assertEquals(4, s.lastRecord(6));
        assertEquals(2, s.sessionsSinceRecord(6));
        assertEquals(7, s.lastRecord(7));
        assertEquals(0, s.sessionsSinceRecord(7));
    }

    @Test
    void streaksAreSigned() {
        assertEquals(1, s.streak(1));
        assertEquals(-1, s.streak(2));
        assertEquals(2, s.streak(4));
        assertEquals(-2, s.streak(6));
        assertEquals(1, s.streak(7));
        SeriesStats flat = new SeriesStats(series("F", "2026-01-02", 10, "2026-01-05", 10), NYSE);
        assertEquals(0, flat.streak(1));
    }

    @Test
    void firstNDaysNeedsThoseDaysComplete() {
        TradingCalendar nyse = TradingCalendar.nyse();
        // The first 3 trading days of 2026 are Jan 2, 5, 6: 103.5 / 101 - 1.
        assertEquals(2.475248, s.firstNDays(7, 2026, 3, nyse).getAsDouble(), 1e-6);
        assertEquals(2.475248, s.firstNDays(5, 2026, 3, nyse).getAsDouble(), 1e-6);
        assertTrue(s.firstNDays(4, 2026, 3, nyse).isEmpty(), "as of Jan 5 the third day has not closed");
        assertTrue(s.firstNDays(7, 2026, 10, nyse).isEmpty(), "not enough data");
    }

    @Test
    void relativeStreakCountsSessionsBeatingTheBenchmark() {
        SeriesStats bench = new SeriesStats(series("B",
                "2025-12-29", 100, "2025-12-30", 101, "2025-12-31", 100, "2026-01-02", 100.5, "2026-01-05", 100.6,
                "2026-01-06", 100.0, "2026-01-07", 99.0, "2026-01-08", 99.5), NYSE);
        // X vs B: Dec 30 +2% vs +1% (beat), Dec 31 -0.98% vs -0.99% (beat), Jan 2 +1.98% vs +0.5% (beat),
        // Jan 5 +0.97% vs +0.1% (beat), Jan 6 -0.48% vs -0.6% (beat), Jan 7 -0.48% vs -1% (beat), Jan 8 +1.94% vs +0.5%
        assertEquals(7, s.relativeStreak(7, bench));
        assertEquals(0, bench.relativeStreak(7, s));
        SeriesStats gap = new SeriesStats(series("G", "2026-01-07", 50, "2026-01-08", 60), NYSE);
        assertEquals(1, gap.relativeStreak(1, s), "stops where the other series has no previous bar to compare");
    }

    @Test
    void fiftyTwoWeekRangeLooksBackOneYear() {
        SeriesStats y = new SeriesStats(series("Y", "2025-01-02", 200, "2025-06-02", 90, "2026-01-02", 120,
                "2026-01-05", 110), NYSE);
        assertEquals(120, y.close(y.high52(3)), 1e-9, "the 2025-01-02 close is more than 52 weeks before");
        assertEquals(90, y.close(y.low52(3)), 1e-9);
    }
}
