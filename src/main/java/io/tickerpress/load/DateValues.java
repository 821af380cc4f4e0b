package io.tickerpress.load;

import java.util.Locale;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses the date forms editors write: ISO-8601 with an offset or zone, a local date-time or a bare date
 * (read in the given zone).
 */
public final class DateValues {
    /** An offset ends the text: Z, +HH, +HHMM, +HH:MM, or with seconds (+HH:MM:SS, as a zone's local mean time before 1883). */
    private static final Pattern HAS_OFFSET = Pattern.compile(".*T.*(Z|[+-]\\d\\d(:?\\d\\d(:?\\d\\d)?)?)(\\[.*])?$");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd['T'][' ']HH:mm[:ss][.SSS]", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private DateValues() {
    }

    /**
     * @return the date-time, or empty if the text is not a date in any accepted form
     * @throws DateTimeException with a readable message when the text has a date shape but impossible values
     */
    public static Optional<ZonedDateTime> parse(String text, ZoneId zone) {
        String s = text.trim();
        OffsetDateTime plain = plainOffsetDateTime(s);
        if (plain != null) return Optional.of(inNamedZone(plain, zone));
        try {
            if (HAS_OFFSET.matcher(s).matches()) {
                if (s.endsWith("]")) {
                    return Optional.of(ZonedDateTime.parse(s, DateTimeFormatter.ISO_ZONED_DATE_TIME));
                }
                OffsetDateTime odt = OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                return Optional.of(inNamedZone(odt, zone));
            }
            if (s.length() > 10) {
                return Optional.of(strictLocal(LocalDateTime.parse(s, LOCAL), zone, s));
            }
            return Optional.of(LocalDate.parse(s, DATE).atStartOfDay(zone));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The form nearly every article is written in, {@code 2026-01-20T06:04:00-05:00} (seconds optional, 'Z' for
     * UTC), read without the ISO formatter (which costs a noticeable part of loading an archive); null for any
     * other text or any value out of range, which the formatter then reads (or refuses) as before.
     */
    static OffsetDateTime plainOffsetDateTime(String s) {
        int n = s.length();
        boolean seconds = n == 25 || n == 20;
        if (!(n == 25 || n == 22 || n == 20 || n == 17)) return null;
        int time = 11;
        int zone = seconds ? 19 : 16;
        if (!digits(s, 0, 4) || s.charAt(4) != '-' || !digits(s, 5, 7) || s.charAt(7) != '-' || !digits(s, 8, 10)
                || s.charAt(10) != 'T' || !digits(s, time, time + 2) || s.charAt(time + 2) != ':'
                || !digits(s, time + 3, time + 5)) {
            return null;
        }
        if (seconds && (s.charAt(16) != ':' || !digits(s, 17, 19))) return null;
        ZoneOffset offset;
        try {
            if (n - zone == 1) {
                if (s.charAt(zone) != 'Z') return null;
                offset = ZoneOffset.UTC;
            } else {
                char sign = s.charAt(zone);
                if (sign != '+' && sign != '-' || !digits(s, zone + 1, zone + 3) || s.charAt(zone + 3) != ':'
                        || !digits(s, zone + 4, zone + 6)) {
                    return null;
                }
                int h = number(s, zone + 1, zone + 3);
                int m = number(s, zone + 4, zone + 6);
                offset = sign == '+' ? ZoneOffset.ofHoursMinutes(h, m) : ZoneOffset.ofHoursMinutes(-h, -m);
            }
            return OffsetDateTime.of(number(s, 0, 4), number(s, 5, 7), number(s, 8, 10), number(s, time, time + 2),
                    number(s, time + 3, time + 5), seconds ? number(s, 17, 19) : 0, 0, offset);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    private static int number(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) v = v * 10 + (s.charAt(i) - '0');
        return v;
    }

    /**
     * A local time in a zone, refusing the two cases where the clock reading does not name one instant: a time
     * skipped when clocks go forward, and a time that happens twice when they go back.
     *
     * @throws DateTimeException naming the gap or the two offsets
     */
    static ZonedDateTime strictLocal(LocalDateTime local, ZoneId zone, String text) {
        java.time.zone.ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.size() == 1) return local.atZone(zone);
        java.time.zone.ZoneOffsetTransition t = rules.getTransition(local);
        DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm", java.util.Locale.ROOT);
        if (offsets.isEmpty()) {
            throw new DateTimeException(text + " does not exist in " + zone + ": clocks jump from "
                    + t.getDateTimeBefore().format(hm) + " to " + t.getDateTimeAfter().format(hm) + " that day"
                    + " (" + t.getOffsetBefore() + " to " + t.getOffsetAfter() + "); write a time outside the gap or"
                    + " an explicit offset");
        }
        String date = local.toLocalDate() + "T" + local.toLocalTime().format(hm);
        throw new DateTimeException(text + " is ambiguous in " + zone + ": it happens twice as clocks go back from "
                + t.getDateTimeBefore().format(hm) + " to " + t.getDateTimeAfter().format(hm) + "; add the offset, "
                + date + ":00" + offsets.get(0) + " (first) or " + date + ":00" + offsets.get(1) + " (second)");
    }

    /**
     * An offset time shown in the site's named zone when the offsets agree (so it prints as "EST"), else
     * kept at its own offset.
     */
    static ZonedDateTime inNamedZone(OffsetDateTime odt, ZoneId zone) {
        ZoneOffset there = zone.getRules().getOffset(odt.toInstant());
        if (there.equals(odt.getOffset())) {
            return odt.atZoneSameInstant(zone);
        }
        return odt.toZonedDateTime();
    }

    public static Optional<LocalDate> parseDate(String text) {
        try {
            return Optional.of(LocalDate.parse(text.trim(), DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
