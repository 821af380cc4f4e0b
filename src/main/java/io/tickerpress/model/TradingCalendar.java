package io.tickerpress.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The New York Stock Exchange calendar, computed by rule: weekends, the exchange's full-day holidays with
 * their weekend-observance rules, early closes, and extra closures and early closes listed in site.yaml. The one
 * place that knows when a session opens and closes.
 */
public final class TradingCalendar {
    /** The exchange's time zone: sessions, "as of" times and local times in data are New York times. */
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    public static final LocalTime OPEN = LocalTime.of(9, 30);
    public static final LocalTime REGULAR_CLOSE = LocalTime.of(16, 0);
    public static final LocalTime EARLY_CLOSE = LocalTime.of(13, 0);

    private final Map<LocalDate, String> extra = new HashMap<>();
    private final Map<LocalDate, LocalTime> configuredCloses = new HashMap<>();
    private final Map<Integer, Map<LocalDate, String>> holidaysByYear = new java.util.concurrent.ConcurrentHashMap<>();

    public TradingCalendar(List<Closure> closures) {
        this(closures, List.of());
    }

    public TradingCalendar(List<Closure> closures, List<EarlyClose> earlyCloses) {
        for (Closure c : closures) {
            extra.put(c.date(), c.reason());
        }
        for (EarlyClose e : earlyCloses) {
            configuredCloses.put(e.date(), e.close());
        }
    }

    public static TradingCalendar of(MarketSettings settings) {
        return new TradingCalendar(settings.closures(), settings.earlyCloses());
    }

    /** Two calendars are equal when they list the same extra closures and closing times (the rules are the same for all). */
    @Override
    public boolean equals(Object o) {
        return o instanceof TradingCalendar other && other.extra.equals(extra)
                && other.configuredCloses.equals(configuredCloses);
    }

    @Override
    public int hashCode() {
        return extra.hashCode() * 31 + configuredCloses.hashCode();
    }

    /**
     * When the session of a trading day ends, New York time: 16:00, or 13:00 on a rule-based early close, or the
     * time site.yaml gives for that day.
     */
    public LocalTime closeTime(LocalDate day) {
        LocalTime configured = configuredCloses.get(day);
        if (configured != null) return configured;
        return earlyCloseReason(day).isPresent() ? EARLY_CLOSE : REGULAR_CLOSE;
    }

    /** The moment the session of {@code day} ends. */
    public ZonedDateTime closeAt(LocalDate day) {
        return day.atTime(closeTime(day)).atZone(NEW_YORK);
    }

    /** The moment the session of {@code day} opens. */
    public ZonedDateTime openAt(LocalDate day) {
        return day.atTime(OPEN).atZone(NEW_YORK);
    }

    /**
     * Why a trading day closes at 13:00 by rule, or empty. NYSE Rule 7.2 (Holidays) and the exchange's published
     * "Holidays and Trading Hours" calendar close the market at 1:00 p.m. on: the day after Thanksgiving (every
     * year); Christmas Eve when December 24 is a weekday trading day (a Friday December 24 is the observed
     * Christmas holiday, as in 2021, and a weekend one gives no early close: December 23, 2022 was a full day);
     * and July 3 when it is a weekday trading day, i.e. when Independence Day falls on Tuesday to Friday
     * (early closes 2012-07-03, 2013-07-03, 2014-07-03, 2018-07-03, 2019-07-03, 2023-07-03, 2024-07-03,
     * 2025-07-03). A Friday July 3 is the observed holiday (2015, 2020, 2026), and when July 4 is a Sunday or
     * Monday the Friday before is a full day (2021-07-02, 2022-07-01). One-off exceptions go in site.yaml.
     */
    public Optional<String> earlyCloseReason(LocalDate day) {
        if (!isTradingDay(day)) return Optional.empty();
        int year = day.getYear();
        if (day.equals(nthWeekday(year, Month.NOVEMBER, DayOfWeek.THURSDAY, 4).plusDays(1))) {
            return Optional.of("day after Thanksgiving");
        }
        if (day.getMonth() == Month.DECEMBER && day.getDayOfMonth() == 24) return Optional.of("Christmas Eve");
        if (day.getMonth() == Month.JULY && day.getDayOfMonth() == 3) return Optional.of("day before Independence Day");
        return Optional.empty();
    }

    /**
     * The last trading day whose close is known at {@code moment}: a day's close counts from its session's end
     * (16:00 New York, 13:00 on early closes), so a 06:04 story sees the previous session's close.
     */
    public LocalDate lastCloseDate(Instant moment) {
        ZonedDateTime ny = moment.atZone(NEW_YORK);
        LocalDate day = ny.toLocalDate();
        if (isTradingDay(day) && !ny.toLocalTime().isBefore(closeTime(day))) return day;
        return previousTradingDay(day);
    }

    /** The trading day {@code n} sessions before {@code day} ({@code day} itself when n is 0). */
    public LocalDate sessionsBefore(LocalDate day, int n) {
        LocalDate d = day;
        for (int i = 0; i < n; i++) d = previousTradingDay(d);
        return d;
    }

    /** Whether a trading day lies strictly between two days (data going from a to b skips a session). */
    public boolean hasSessionBetween(LocalDate a, LocalDate b) {
        for (LocalDate d = a.plusDays(1); d.isBefore(b); d = d.plusDays(1)) {
            if (isTradingDay(d)) return true;
        }
        return false;
    }

    /** The trading days strictly between two days, in order (the sessions missing when data jumps from a to b). */
    public List<LocalDate> tradingDaysBetween(LocalDate a, LocalDate b) {
        List<LocalDate> out = new java.util.ArrayList<>();
        for (LocalDate d = nextTradingDay(a); d.isBefore(b); d = nextTradingDay(d)) out.add(d);
        return out;
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
