package io.tickerpress.model;

/**
 * The {@code formats:} section of site.yaml: date and time patterns (java.time pattern letters) for each place
 * a date or time is shown. Words in them (month and day names, AM/PM, zone names) follow the site's language.
 *
 * @param dateline article datelines and "updated" times: {@code Jan 20, 2026, 06:04 EST}
 * @param marketTime stock-of-the-day items: {@code January 20, 2026, 8:16 AM EST}
 * @param date list dates, chart captions, ticker statistics, the quote shortcode: {@code Jan 20, 2026}
 * @param longDate the markets index: {@code January 20, 2026}
 * @param weekdayDate digest headings and their previous/next links: {@code Tuesday, January 20, 2026}
 */
public record TimeFormats(String dateline, String marketTime, String date, String longDate, String weekdayDate) {
    @Override
    public String toString() {
        return RecordText.of(this);
    }

    public static TimeFormats defaults() {
        return new TimeFormats("MMM d, yyyy, HH:mm z", "MMMM d, yyyy, h:mm a z", "MMM d, yyyy", "MMMM d, yyyy",
                "EEEE, MMMM d, yyyy");
    }
}
