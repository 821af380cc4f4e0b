package io.tickerpress.load;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Checks a date or time pattern from site.yaml before any page uses it. */
final class TimePatterns {
    private static final LocalDate SAMPLE_DATE = LocalDate.of(2026, 1, 20);
    private static final ZonedDateTime SAMPLE_TIME = ZonedDateTime.of(2026, 1, 20, 8, 16, 0, 0,
            ZoneId.of("America/New_York"));

    private TimePatterns() {
    }

    /**
     * Why {@code pattern} cannot be used, or null when it can.
     *
     * @param withTime whether the pattern formats a time (else a date without time of day)
     */
    static String problem(String pattern, boolean withTime) {
        if (pattern.isBlank()) return "is empty";
        String letters = unquotedLetters(pattern);
        if (letters == null) return "has an unclosed quote (write literal text in single quotes, '' for a quote)";
        if (letters.indexOf('Y') >= 0) {
            return "uses 'Y' (week-based year: Dec 29, 2025 would show as 2026); write 'yyyy'";
        }
        if (letters.indexOf('D') >= 0) {
            return "uses 'D' (day of the year: Feb 1 is 32); write 'd' for the day of the month";
        }
        if (letters.indexOf('h') >= 0 && letters.indexOf('a') < 0 && letters.indexOf('B') < 0) {
            return "uses 'h' (12-hour clock) without 'a' (AM/PM); add ' a' or write 'HH' for the 24-hour clock";
        }
        DateTimeFormatter f;
        try {
            f = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH);
        } catch (IllegalArgumentException e) {
            return "is not a date pattern: " + e.getMessage();
        }
        try {
            f.format(withTime ? SAMPLE_TIME : SAMPLE_DATE);
        } catch (DateTimeException e) {
            return withTime ? "cannot format a time: " + e.getMessage()
                    : "asks for more than a date (no time of day or zone here): " + e.getMessage();
        }
        return null;
    }

    /** The pattern letters outside quoted text, or null when a quote is not closed. */
    private static String unquotedLetters(String pattern) {
        StringBuilder letters = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                letters.append(c);
            }
        }
        return quoted ? null : letters.toString();
    }
}
