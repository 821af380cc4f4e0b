package io.tickerpress.derive;

import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Permalink tokens: {yyyy} is four digits at least, {mm} and {dd} two, as in the README's patterns. */
class PermalinksTest {
    private static ZonedDateTime day(int year, int month, int day) {
        return ZonedDateTime.of(year, month, day, 12, 0, 0, 0, ZoneOffset.UTC);
    }

    @Test
    void tokensAreZeroPadded() {
        assertEquals("/news/2026/01/05/rally/", Permalinks.expand("/news/{yyyy}/{mm}/{dd}/{slug}/", day(2026, 1, 5), "rally"));
        assertEquals("/0987/11/30/", Permalinks.expand("/{yyyy}/{mm}/{dd}/", day(987, 11, 30), ""));
        assertEquals("/10000/12/31/", Permalinks.expand("/{yyyy}/{mm}/{dd}/", day(10000, 12, 31), ""));
        // A year before year 0 (proleptic): the sign, then three digits, as %04d writes it.
        assertEquals("/-005/02/03/", Permalinks.expand("/{yyyy}/{mm}/{dd}/", day(-5, 2, 3), ""));
        assertEquals("/posts/x/", Permalinks.expand("/posts/{slug}/", day(2026, 1, 5), "x"));
        assertEquals("/2026/2026/x-x/", Permalinks.expand("/{yyyy}/{yyyy}/{slug}-{slug}/", day(2026, 1, 5), "x"));
    }
}
