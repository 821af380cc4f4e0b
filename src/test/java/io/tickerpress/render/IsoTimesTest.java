package io.tickerpress.render;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Machine-readable times (feeds, sitemaps, JSON-LD, datetime attributes) are RFC 3339 / W3C date-times: an offset
 * in hours and minutes, never seconds. Expected values worked out by hand.
 */
class IsoTimesTest {
    @Test
    void aTimeInNewYorkIsWrittenWithItsOffset() {
        ZonedDateTime t = ZonedDateTime.of(LocalDateTime.of(2026, 1, 20, 16, 45), ZoneId.of("America/New_York"));
        assertEquals("2026-01-20T16:45:00-05:00", Formats.iso(t));
    }

    @Test
    void aTimeBeforeStandardTimeIsWrittenInUtc() {
        // New York kept local mean time (-04:56:02) until November 18, 1883: 18:06:58 there is 18:06:58 + 4:56:02 =
        // 23:03:00 UTC.
        ZonedDateTime t = ZonedDateTime.of(LocalDateTime.of(1864, 12, 30, 18, 6, 58), ZoneId.of("America/New_York"));
        assertEquals("1864-12-30T23:03:00Z", Formats.iso(t));
    }
}
