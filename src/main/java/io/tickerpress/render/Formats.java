package io.tickerpress.render;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How dates and times are written on pages. All English, as the default theme is. */
public final class Formats {
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);
    private static final DateTimeFormatter DATELINE = DateTimeFormatter.ofPattern("MMM d, yyyy, HH:mm", Locale.US);
    private static final DateTimeFormatter CLOCK_12 = DateTimeFormatter.ofPattern("MMMM d, yyyy, h:mm a", Locale.US);
    private static final DateTimeFormatter ZONE_ABBREVIATION = DateTimeFormatter.ofPattern("z", Locale.US);

    private Formats() {
    }

    /** "Jan 20, 2026, 06:04 EST", in the time's own zone. */
    public static String datelineTime(ZonedDateTime t) {
        return DATELINE.format(t) + " " + zone(t);
    }

    /** "NEW YORK, Jan 20, 2026, 06:04 EST", or just the time when there is no place. */
    public static String dateline(String place, ZonedDateTime t) {
        return (place == null || place.isBlank() ? "" : place + ", ") + datelineTime(t);
    }

    /** "January 20, 2026, 8:16 AM EST", as market items are stamped. */
    public static String longTime(ZonedDateTime t) {
        return CLOCK_12.format(t) + " " + zone(t);
    }

    public static String shortDate(java.time.temporal.TemporalAccessor t) {
        return SHORT_DATE.format(t);
    }

    public static String longDate(java.time.temporal.TemporalAccessor t) {
        return LONG_DATE.format(t);
    }

    public static String iso(ZonedDateTime t) {
        return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** The zone's abbreviation ("EST", "GMT"); a bare offset prints as "UTC" or "UTC+01:00". */
    static String zone(ZonedDateTime t) {
        if (t.getZone() instanceof ZoneOffset offset) {
            return offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId();
        }
        return ZONE_ABBREVIATION.format(t);
    }
}
