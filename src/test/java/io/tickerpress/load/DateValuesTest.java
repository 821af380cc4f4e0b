package io.tickerpress.load;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Front-matter dates in the common ISO form are read without the formatter, to the same value or not at all. */
class DateValuesTest {
    /** The ISO formatter the form is otherwise read with, or null where it refuses the text. */
    private static OffsetDateTime iso(String s) {
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void theCommonFormReadsAsTheIsoFormatterReadsIt() {
        String[] edges = {"2026-01-20T06:04:00-05:00", "2026-01-20T06:04-05:00", "2026-01-20T06:04:00Z",
                "2026-01-20T06:04Z", "2024-02-29T00:00:00+00:00", "2026-02-29T00:00:00+00:00", "2026-13-01T00:00:00Z",
                "2026-00-10T00:00:00Z", "2026-04-31T00:00:00Z", "2026-01-20T24:00:00Z", "2026-01-20T23:60:00Z",
                "2026-01-20T23:59:60Z", "2026-01-20T06:04:00+18:00", "2026-01-20T06:04:00-18:00",
                "2026-01-20T06:04:00+18:01", "2026-01-20T06:04:00+19:00", "2026-01-20T06:04:00-00:00",
                "2026-01-20T06:04:00+05:60", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59+14:00",
                "2026-01-20t06:04:00Z", "2026-01-20T06:04:00z", "2026-01-20T06:04:00+0500", "2026-01-20 06:04:00Z",
                "2026-01-20T06:04:00.5Z", "2026-01-20T06:04:00-05:00[America/New_York]", "２026-01-20T06:04:00Z"};
        for (String s : edges) check(s);
        Random random = new Random(20);
        String shape = "dddd-dd-ddTdd:dd:dd+dd:dd";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder s = new StringBuilder();
            for (char c : shape.toCharArray()) {
                if (c == 'd') s.append((char) ('0' + (random.nextInt(3) == 0 ? random.nextInt(10) : random.nextInt(3))));
                else if (c == '+') s.append(random.nextBoolean() ? '+' : '-');
                else s.append(c);
            }
            String text = s.toString();
            check(text);
            check(text.substring(0, 19) + "Z");
            check(text.substring(0, 16) + text.substring(19));
        }
    }

    private static void check(String s) {
        OffsetDateTime fast = DateValues.plainOffsetDateTime(s);
        if (fast != null) assertEquals(iso(s), fast, s);
        else if (s.length() <= 25 && !s.contains(".") && !s.contains("[")) {
            // Left to the formatter: it must refuse it too, or read it as the form with another spelling.
            OffsetDateTime slow = iso(s);
            if (slow != null) {
                assertEquals(true, s.contains("t") || s.contains("z") || !s.matches("[-0-9T:+Z]*"), s);
            }
        }
    }

    @Test
    void aParsedDateIsInTheSiteZoneWhenTheOffsetsAgree() {
        ZoneId ny = ZoneId.of("America/New_York");
        assertEquals("2026-01-20T06:04-05:00[America/New_York]",
                DateValues.parse("2026-01-20T06:04:00-05:00", ny).orElseThrow().toString());
        assertEquals("2026-01-20T11:04Z", DateValues.parse("2026-01-20T11:04:00Z", ny).orElseThrow().toString());
        assertNull(DateValues.parse("2026-02-30T06:04:00-05:00", ny).orElse(null), "not a real date: refused as before");
    }
}
