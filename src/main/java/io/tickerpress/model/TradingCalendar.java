package io.tickerpress.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The New York Stock Exchange calendar, computed by rule: weekends, the exchange's full-day holidays with
 * their weekend-observance rules, and extra closures listed in site.yaml.
 */
public final class TradingCalendar {
    private final Map<LocalDate, String> extra = new HashMap<>();
    private final Map<Integer, Map<LocalDate, String>> holidaysByYear = new java.util.concurrent.ConcurrentHashMap<>();

    public TradingCalendar(List<Closure> closures) {
        for (Closure c : closures) {
            extra.put(c.date(), c.reason());
        }
    }

    /** Two calendars are equal when they list the same extra closures (the rules are the same for all). */
    @Override
    public boolean equals(Object o) {
        return o instanceof TradingCalendar other && other.extra.equals(extra);
    }

    @Override
    public int hashCode() {
        return extra.hashCode();
    }

    public static TradingCalendar nyse() {
        return new TradingCalendar(List.of());
    }

    public boolean isTradingDay(LocalDate date) {
        return closedReason(date).isEmpty();
    }

    /** Why the exchange is closed on that day ("Saturday", "Good Friday", ...), or empty on a trading day. */
    public Optional<String> closedReason(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
            return Optional.of(dow == DayOfWeek.SATURDAY ? "Saturday" : "Sunday");
        }
        String holiday = holidays(date.getYear()).get(date);
        if (holiday != null) return Optional.of(holiday);
        return Optional.ofNullable(extra.get(date));
    }

    public LocalDate previousTradingDay(LocalDate date) {
        LocalDate d = date.minusDays(1);
        while (!isTradingDay(d)) d = d.minusDays(1);
        return d;
    }

    public LocalDate nextTradingDay(LocalDate date) {
        LocalDate d = date.plusDays(1);
        while (!isTradingDay(d)) d = d.plusDays(1);
        return d;
    }

    /** The first {@code n} trading days of a year, in order. */
    public List<LocalDate> firstTradingDays(int year, int n) {
        List<LocalDate> days = new java.util.ArrayList<>(n);
        LocalDate d = LocalDate.of(year, 1, 1);
        while (days.size() < n && d.getYear() == year) {
            if (isTradingDay(d)) days.add(d);
            d = d.plusDays(1);
        }
        return days;
    }

    /** The rule-based holidays observed in a year (weekday dates only), with their names. */
    public Map<LocalDate, String> holidays(int year) {
        return holidaysByYear.computeIfAbsent(year, TradingCalendar::computeHolidays);
    }

    private static Map<LocalDate, String> computeHolidays(int year) {
        Map<LocalDate, String> h = new HashMap<>();
        LocalDate newYear = LocalDate.of(year, 1, 1);
        // A Saturday New Year's Day is not observed (the Friday before closes a fiscal year); Sunday moves to Monday.
        if (newYear.getDayOfWeek() == DayOfWeek.SUNDAY) {
            h.put(newYear.plusDays(1), "New Year's Day (observed)");
        } else if (newYear.getDayOfWeek() != DayOfWeek.SATURDAY) {
            h.put(newYear, "New Year's Day");
        }
        if (year >= 1998) {
            h.put(nthWeekday(year, Month.JANUARY, DayOfWeek.MONDAY, 3), "Martin Luther King Jr. Day");
        }
        h.put(nthWeekday(year, Month.FEBRUARY, DayOfWeek.MONDAY, 3), "Washington's Birthday");
        h.put(easter(year).minusDays(2), "Good Friday");
        h.put(LocalDate.of(year, Month.MAY, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), "Memorial Day");
        if (year >= 2022) {
            observed(h, LocalDate.of(year, Month.JUNE, 19), "Juneteenth National Independence Day");
        }
        observed(h, LocalDate.of(year, Month.JULY, 4), "Independence Day");
        h.put(nthWeekday(year, Month.SEPTEMBER, DayOfWeek.MONDAY, 1), "Labor Day");
        h.put(nthWeekday(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4), "Thanksgiving Day");
        observed(h, LocalDate.of(year, Month.DECEMBER, 25), "Christmas Day");
        return Map.copyOf(h);
    }

    /** Saturday holidays are observed on the Friday before, Sunday holidays on the Monday after. */
    private static void observed(Map<LocalDate, String> h, LocalDate day, String name) {
        switch (day.getDayOfWeek()) {
            case SATURDAY -> h.put(day.minusDays(1), name + " (observed)");
            case SUNDAY -> h.put(day.plusDays(1), name + " (observed)");
            default -> h.put(day, name);
        }
    }

    private static LocalDate nthWeekday(int year, Month month, DayOfWeek dow, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, dow));
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
    static LocalDate easter(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
