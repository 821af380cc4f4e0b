package io.tickerpress.load;

import java.time.Month;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says why text shaped like a date or time names none: "February 2026 has 28 days", "hours run from 00 to 23".
 * Only the shape {@code YYYY-MM-DD[( |T)HH:MM[:SS]]...} is looked at; anything else gets no explanation.
 */
public final class DateProblems {
    private static final Pattern SHAPE = Pattern.compile(
            "\\s*(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?)?.*", Pattern.DOTALL);

    private DateProblems() {
    }

    /** A time as an editor writes it in front matter, e.g. 2026-11-22T10:00-05:00 (not Java's [America/New_York] form). */
    public static String asWritten(ZonedDateTime t) {
        return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** Why {@code text} is not a real date or time, e.g. "February 2026 has 28 days, not 30"; empty when it has no such problem. */
    public static Optional<String> why(String text) {
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) return Optional.empty();
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (month < 1 || month > 12) {
            return Optional.of("there is no month " + month + ": months run from 01 to 12");
        }
        int length = YearMonth.of(year, month).lengthOfMonth();
        if (day < 1 || day > length) {
            String name = Month.of(month).getDisplayName(TextStyle.FULL, Locale.US);
            String leap = month == 2 && day == 29 ? " (" + year + " is not a leap year)" : "";
            return Optional.of(name + " " + year + " has " + length + " days, not " + day + leap);
        }
        if (m.group(4) != null) {
            int hour = Integer.parseInt(m.group(4));
            int minute = Integer.parseInt(m.group(5));
            if (hour > 23) return Optional.of("there is no hour " + hour + ": hours run from 00 to 23 (midnight is 00:00 of the next day)");
            if (minute > 59) return Optional.of("there is no minute " + minute + ": minutes run from 00 to 59");
            if (m.group(6) != null && Integer.parseInt(m.group(6)) > 59) {
                return Optional.of("there is no second " + m.group(6) + ": seconds run from 00 to 59");
            }
        }
        return Optional.empty();
    }
}
