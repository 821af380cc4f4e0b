package io.tickerpress.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** An article kept compact gives back every field exactly as it was given, and compares as the values do. */
class ArticleTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Article article(String title, ZonedDateTime date, ZonedDateTime updated, String slug,
                                   List<String> summary) {
        return new Article("content/articles/a.md", title, date, updated, "NEW YORK", slug, summary,
                List.of("Rates"), List.of("AAPL"), List.of(new Source("Fed", null)), "Desk", false, List.of(),
                ArticleBody.of("Body."), 7);
    }

    @Test
    void givesBackTheStringsAsWrittenWhateverTheirCharacters() {
        // ASCII, Latin-1, a CJK character (3 bytes in UTF-8), an emoji (a surrogate pair), a lone surrogate (which
        // UTF-8 cannot carry), an empty line and a line of 200 chars (its length takes two varint bytes).
        List<String> summary = List.of("Caf\u00e9 \u00fcber", "\u6771\u4eac rally \uD83D\uDCC8", "lone \uD800 half", "",
                "x".repeat(200));
        String title = "\u201cQuoted\u201d title \u20ac";
        Article a = article(title, ZonedDateTime.of(2026, 1, 20, 6, 4, 0, 0, NEW_YORK), null, "quoted-title", summary);
        assertEquals(title, a.title());
        assertEquals("quoted-title", a.slug());
        assertEquals(summary, a.summary());
        assertEquals("content/articles/a.md", a.file());
        assertEquals(7, a.bodyLine());
        assertNull(a.updated());
        assertEquals(List.of(), article("t", a.date(), null, "s", List.of()).summary());
    }

    @Test
    void givesBackTheDateWithItsZoneOffsetAndLocalTime() {
        // 2026-11-01 01:30 happens twice in New York (clocks go back at 02:00 EDT): once at -04:00, once at -05:00.
        LocalDateTime twice = LocalDateTime.of(2026, 11, 1, 1, 30);
        ZonedDateTime first = ZonedDateTime.ofLocal(twice, NEW_YORK, ZoneOffset.ofHours(-4));
        ZonedDateTime second = ZonedDateTime.ofLocal(twice, NEW_YORK, ZoneOffset.ofHours(-5));
        assertNotEquals(first.getOffset(), second.getOffset());
        Article a = article("t", first, second, "s", List.of());
        assertEquals(first, a.date());
        assertEquals(second, a.updated());
        assertEquals("2026-11-01T01:30-05:00[America/New_York]", a.updated().toString());
        // A fixed offset as zone, and nanoseconds, stay as they were.
        ZonedDateTime fixed = ZonedDateTime.of(2026, 1, 20, 6, 4, 5, 123_456_789, ZoneOffset.ofHours(9));
        assertEquals(fixed, article("t", fixed, null, "s", List.of()).date());
        assertEquals(fixed.toString(), article("t", fixed, null, "s", List.of()).date().toString());
    }

    @Test
    void comparesByValue() {
        ZonedDateTime date = ZonedDateTime.of(2026, 1, 20, 6, 4, 0, 0, NEW_YORK);
        ArticleBody body = ArticleBody.of("Body.");
        Article a = new Article("f.md", "T", date, null, "", "s", List.of("one"), List.of(), List.of(), List.of(), "",
                false, List.of(), body, 3);
        Article same = new Article("f.md", "T", date, null, "", "s", List.of("one"), List.of(), List.of(), List.of(),
                "", false, List.of(), body, 3);
        Article otherSummary = new Article("f.md", "T", date, null, "", "s", List.of("two"), List.of(), List.of(),
                List.of(), "", false, List.of(), body, 3);
        assertEquals(a, same);
        assertEquals(a.hashCode(), same.hashCode());
        assertNotEquals(a, otherSummary);
    }
}
