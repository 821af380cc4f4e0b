package io.tickerpress.render;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NumbersTest {
    @Test
    void percentagesAreSignedWithOneOrTwoDecimals() {
        assertEquals("+7.9%", Numbers.pct(7.8999));
        assertEquals("-6.59%", Numbers.pct(-6.5912));
        assertEquals("+1.0%", Numbers.pct(1.0));
        assertEquals("0.0%", Numbers.pct(0.001));
        assertEquals("+0.28%", Numbers.pct(0.275));
    }

    @Test
    void pricesAndChanges() {
        assertEquals("2,698.10", Numbers.price(2698.1));
        assertEquals("+21.40", Numbers.change(21.4));
        assertEquals("-0.94", Numbers.change(-0.935));
        assertEquals("41,250,000", Numbers.volume(41_250_000));
        assertEquals("▲", Numbers.arrow(0.5));
        assertEquals("▼", Numbers.arrow(-0.5));
    }

    @Test
    void timesAreWrittenInTheirOwnZone() {
        ZonedDateTime t = ZonedDateTime.of(2026, 1, 20, 8, 16, 0, 0, ZoneId.of("America/New_York"));
        assertEquals("January 20, 2026, 8:16 AM EST", Formats.longTime(t));
        assertEquals("NEW YORK, Jan 20, 2026, 08:16 EST", Formats.dateline("NEW YORK", t));
        ZonedDateTime summer = ZonedDateTime.of(2026, 7, 20, 8, 16, 0, 0, ZoneId.of("America/New_York"));
        assertEquals("Jul 20, 2026, 08:16 EDT", Formats.datelineTime(summer));
        ZonedDateTime london = ZonedDateTime.of(2026, 1, 20, 8, 16, 0, 0, ZoneId.of("Europe/London"));
        assertEquals("LONDON, Jan 20, 2026, 08:16 GMT", Formats.dateline("LONDON", london));
    }
}
