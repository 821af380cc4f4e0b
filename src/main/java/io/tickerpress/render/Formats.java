package io.tickerpress.render;

import io.tickerpress.model.SiteConfig;
import io.tickerpress.model.TimeFormats;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DecimalStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Set;

/**
 * How dates and times are written on pages, with the site's patterns ({@code formats:} in site.yaml). Words
 * (month and day names, AM/PM, zone names) follow the site's {@code language}; digits are always ASCII, so a
 * page is the same on any machine whatever its locale.
 */
public final class Formats {
    private final Locale words;
    private final TimeFormats patterns;
    private final DateTimeFormatter dateline;
    private final DateTimeFormatter marketTime;
    private final DateTimeFormatter date;
    private final DateTimeFormatter longDate;
    private final DateTimeFormatter weekdayDate;

    public Formats(TimeFormats patterns, String language) {
        this.words = wordsLocale(language);
        this.patterns = patterns;
        this.dateline = formatter(patterns.dateline(), words);
        this.marketTime = formatter(patterns.marketTime(), words);
        this.date = formatter(patterns.date(), words);
        this.longDate = formatter(patterns.longDate(), words);
        this.weekdayDate = formatter(patterns.weekdayDate(), words);
    }

    public static Formats of(SiteConfig config) {
        return new Formats(config.formats(), config.language());
    }

    /** The default patterns in English. */
    public static Formats defaults() {
        return new Formats(TimeFormats.defaults(), "en");
    }

    /**
     * The locale for words in dates: the site's language (without extensions such as {@code -u-nu-arab}, which
     * could change digits or calendars) when the JDK knows its month names, else English.
     */
    public static Locale wordsLocale(String language) {
        Locale l = language == null || language.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(language).stripExtensions();
        // English is always available (the JDK guarantees Locale.US): listing every locale costs start-up time.
        return l.getLanguage().equals("en") || Known.LANGUAGES.contains(l.getLanguage()) ? l : Locale.ENGLISH;
    }

    /** The languages the JDK has locales for, listed on first use. */
    private static final class Known {
        static final Set<String> LANGUAGES = java.util.Arrays.stream(Locale.getAvailableLocales())
                .map(Locale::getLanguage).filter(s -> !s.isEmpty()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** A formatter for a pattern, with words in {@code words} and ASCII digits. */
    public static DateTimeFormatter formatter(String pattern, Locale words) {
        return DateTimeFormatter.ofPattern(pattern, words).withDecimalStyle(DecimalStyle.STANDARD);
    }

    /** A formatter for a fixed pattern (chart axes), with words in the site's language. */
    public DateTimeFormatter formatter(String pattern) {
        return formatter(pattern, words);
    }

    /** What decides the text of dates and figures, for fingerprints of pages whose text uses them. */
    public String key() {
        return patterns + "|" + words.toLanguageTag() + "|" + Numbers.RULES;
    }

    /** "Jan 20, 2026, 06:04 EST", in the time's own zone. */
    public String datelineTime(ZonedDateTime t) {
        return dateline.format(namedZone(t));
    }

    /** "NEW YORK, Jan 20, 2026, 06:04 EST", or just the time when there is no place. */
    public String dateline(String place, ZonedDateTime t) {
        return (place == null || place.isBlank() ? "" : place + ", ") + datelineTime(t);
    }

    /** "January 20, 2026, 8:16 AM EST", as market items are stamped. */
    public String marketTime(ZonedDateTime t) {
        return marketTime.format(namedZone(t));
    }

    /** "Jan 20, 2026". */
    public String date(TemporalAccessor t) {
        return date.format(t);
    }

    /** "January 20, 2026". */
    public String longDate(TemporalAccessor t) {
        return longDate.format(t);
    }

    /** "Tuesday, January 20, 2026". */
    public String weekdayDate(TemporalAccessor t) {
        return weekdayDate.format(t);
    }

    /**
     * The instant as RFC 3339 / W3C date-time, for feeds, sitemaps, JSON-LD and {@code datetime} attributes: with the
     * zone's offset, or in UTC ("Z") when that offset has seconds (local mean time, as America/New_York before 1883:
     * -04:56:02), which none of those formats allows.
     */
    public static String iso(ZonedDateTime t) {
        ZonedDateTime shown = t.getOffset().getTotalSeconds() % 60 == 0 ? t : t.withZoneSameInstant(ZoneOffset.UTC);
        return shown.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** A bare offset has no abbreviation: it is written "UTC" or "UTC+01:00" (not "Z" or "+01:00"). */
    static ZonedDateTime namedZone(ZonedDateTime t) {
        if (t.getZone() instanceof ZoneOffset offset) {
            return t.withZoneSameInstant(ZoneId.ofOffset("UTC", offset));
        }
        return t;
    }
}
