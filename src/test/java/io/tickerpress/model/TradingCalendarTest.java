package io.tickerpress.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TradingCalendarTest {
    static final TradingCalendar NYSE = new TradingCalendar(List.of(
            new Closure(LocalDate.of(2012, 10, 29), "Hurricane Sandy"),
            new Closure(LocalDate.of(2012, 10, 30), "Hurricane Sandy"),
            new Closure(LocalDate.of(2018, 12, 5), "Bush"),
            new Closure(LocalDate.of(2025, 1, 9), "Carter")));

    /** Published Easter Sunday dates; Good Friday is two days before. */
    @ParameterizedTest
    @CsvSource({"2005-03-27", "2006-04-16", "2007-04-08", "2008-03-23", "2009-04-12", "2010-04-04", "2011-04-24",
            "2012-04-08", "2013-03-31", "2014-04-20", "2015-04-05", "2016-03-27", "2017-04-16", "2018-04-01",
            "2019-04-21", "2020-04-12", "2021-04-04", "2022-04-17", "2023-04-09", "2024-03-31", "2025-04-20",
            "2026-04-05"})
    void goodFridayFollowsEaster(LocalDate easter) {
        assertEquals(easter, TradingCalendar.easter(easter.getYear()));
        assertEquals("Good Friday", NYSE.closedReason(easter.minusDays(2)).orElseThrow());
    }

    /** Known NYSE closures, including the weekend-observance cases. */
    @ParameterizedTest
    @CsvSource({
            "2005-12-26, Christmas Day (observed)", "2006-01-02, New Year's Day (observed)",
            "2006-01-16, Martin Luther King Jr. Day", "2007-11-22, Thanksgiving Day", "2008-05-26, Memorial Day",
            "2009-07-03, Independence Day (observed)", "2010-12-24, Christmas Day (observed)",
            "2011-12-26, Christmas Day (observed)", "2012-01-02, New Year's Day (observed)",
            "2012-10-29, Hurricane Sandy", "2013-02-18, Washington's Birthday", "2014-09-01, Labor Day",
            "2015-07-03, Independence Day (observed)", "2016-12-26, Christmas Day (observed)",
            "2017-01-02, New Year's Day (observed)", "2018-12-05, Bush", "2019-01-21, Martin Luther King Jr. Day",
            "2020-07-03, Independence Day (observed)", "2021-07-05, Independence Day (observed)",
            "2021-12-24, Christmas Day (observed)", "2022-06-20, Juneteenth National Independence Day (observed)",
            "2022-12-26, Christmas Day (observed)", "2023-01-02, New Year's Day (observed)",
            "2023-06-19, Juneteenth National Independence Day", "2024-11-28, Thanksgiving Day", "2025-01-09, Carter",
            "2026-01-19, Martin Luther King Jr. Day", "2026-07-03, Independence Day (observed)"})
    void knownClosures(LocalDate date, String reason) {
        assertEquals(reason, NYSE.closedReason(date).orElse("open"));
    }

    @ParameterizedTest
    @CsvSource({
            "2010-12-31", // New Year's Day 2011 was a Saturday: not observed on the Friday before
            "2021-12-31", // likewise for 2022
            "2021-06-18", // no Juneteenth holiday before 2022
            "2026-01-16", "2026-01-20", "2012-10-31"})
    void openDays(LocalDate date) {
        assertTrue(NYSE.isTradingDay(date), date + " was a trading day");
    }

    /** Trading days per year as published by the exchange. */
    @ParameterizedTest
    @CsvSource({"2012, 250", "2015, 252", "2016, 252", "2017, 251", "2018, 251", "2019, 252", "2020, 253",
            "2021, 252", "2022, 251", "2023, 250", "2024, 252", "2025, 250"})
    void tradingDaysPerYear(int year, int expected) {
        int n = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (NYSE.isTradingDay(d)) n++;
        }
        assertEquals(expected, n);
    }

    @Test
    void weekendsAndNavigation() {
        assertEquals("Saturday", NYSE.closedReason(LocalDate.of(2026, 1, 17)).orElseThrow());
        assertEquals(LocalDate.of(2026, 1, 20), NYSE.nextTradingDay(LocalDate.of(2026, 1, 16)));
        assertEquals(LocalDate.of(2026, 1, 16), NYSE.previousTradingDay(LocalDate.of(2026, 1, 20)));
        List<LocalDate> first = NYSE.firstTradingDays(2026, 10);
        assertEquals(LocalDate.of(2026, 1, 2), first.get(0));
        assertEquals(LocalDate.of(2026, 1, 15), first.get(9));
        assertFalse(NYSE.isTradingDay(LocalDate.of(2026, 1, 1)));
    }

    /**
     * Early closes from the NYSE's published calendars: 13:00 on the day after Thanksgiving, Christmas Eve on a
     * weekday trading day and July 3 on a weekday trading day; 16:00 otherwise, including the cases where the
     * rule does not apply (a Friday July 3 or Dec 24 is the observed holiday; July 4 on a Monday gives a full
     * Friday before).
     */
    @ParameterizedTest
    @CsvSource({
            "2025-11-28, 13:00", "2026-11-27, 13:00", "2018-11-23, 13:00",
            "2026-12-24, 13:00", "2018-12-24, 13:00", "2025-12-24, 13:00",
            "2025-07-03, 13:00", "2023-07-03, 13:00", "2019-07-03, 13:00",
            "2026-07-02, 16:00", "2022-07-01, 16:00", "2021-07-02, 16:00", "2021-12-23, 16:00", "2022-12-23, 16:00",
            "2026-12-31, 16:00", "2026-11-25, 16:00"})
    void earlyClosesByRule(LocalDate day, java.time.LocalTime close) {
        assertTrue(NYSE.isTradingDay(day), day + " is a trading day");
        assertEquals(close, NYSE.closeTime(day));
    }

    @Test
    void configuredClosesOverrideTheRule() {
        TradingCalendar c = new TradingCalendar(List.of(), List.of(
                new EarlyClose(LocalDate.of(2026, 12, 31), java.time.LocalTime.of(13, 0)),
                new EarlyClose(LocalDate.of(2026, 11, 27), java.time.LocalTime.of(16, 0))));
        assertEquals(java.time.LocalTime.of(13, 0), c.closeTime(LocalDate.of(2026, 12, 31)));
        assertEquals(java.time.LocalTime.of(16, 0), c.closeTime(LocalDate.of(2026, 11, 27)));
        assertFalse(c.equals(NYSE), "calendars with different closing times are different cache keys");
    }

    @Test
    void theLastKnownCloseFollowsTheRealClosingTime() {
        // Friday 2026-11-27 closes at 13:00 EST; Thursday the 26th is Thanksgiving, so before 13:00 the last
        // known close is Wednesday the 25th.
        assertEquals(LocalDate.of(2026, 11, 25), NYSE.lastCloseDate(java.time.Instant.parse("2026-11-27T17:59:00Z")));
        assertEquals(LocalDate.of(2026, 11, 27), NYSE.lastCloseDate(java.time.Instant.parse("2026-11-27T18:00:00Z")));
        // A regular day: 15:59 EST sees the day before, 16:00 the day itself; a Saturday sees Friday.
        assertEquals(LocalDate.of(2026, 1, 15), NYSE.lastCloseDate(java.time.Instant.parse("2026-01-16T20:59:00Z")));
        assertEquals(LocalDate.of(2026, 1, 16), NYSE.lastCloseDate(java.time.Instant.parse("2026-01-16T21:00:00Z")));
        assertEquals(LocalDate.of(2026, 1, 16), NYSE.lastCloseDate(java.time.Instant.parse("2026-01-17T12:00:00Z")));
    }

    @Test
    void missingSessions() {
        // Jan 16 (Fri) to Jan 21 (Wed): Jan 19 is MLK Day, so only Jan 20 is missing.
        assertEquals(List.of(LocalDate.of(2026, 1, 20)),
                NYSE.tradingDaysBetween(LocalDate.of(2026, 1, 16), LocalDate.of(2026, 1, 21)));
        assertFalse(NYSE.hasSessionBetween(LocalDate.of(2026, 1, 16), LocalDate.of(2026, 1, 20)));
        assertTrue(NYSE.hasSessionBetween(LocalDate.of(2026, 1, 16), LocalDate.of(2026, 1, 21)));
    }

    /**
     * Every weekday closure and every early close of 2024 to 2028, compared as whole sets (so an extra holiday
     * or early close fails too). Dates worked out from the NYSE rule text, not from the code, and checked against
     * NYSE Group's announcements "2022, 2023 and 2024 Holiday and Early Closings Calendar" (Dec 27, 2021),
     * "2025, 2026 and 2027 ..." (Nov 8, 2024) and "2026, 2027 and 2028 ..." (Dec 23, 2025):
     * <ul>
     * <li>NYSE Rule 7.2 lists the holidays: New Year's Day, Martin Luther King, Jr. Day (third Monday in January),
     * Washington's Birthday (third Monday in February), Good Friday, Memorial Day (last Monday in May), Juneteenth
     * National Independence Day (from 2022), Independence Day, Labor Day (first Monday in September), Thanksgiving
     * Day (fourth Thursday in November) and Christmas Day; "when any holiday observed by the Exchange falls on a
     * Saturday, the Exchange will not be open for business on the preceding Friday and when any holiday ... falls
     * on a Sunday, the Exchange will not be open for business on the succeeding Monday", except that the Friday
     * before a Saturday New Year's Day stays open (end of a yearly accounting period: Dec 31, 2021 and Dec 31,
     * 2027 are trading days).</li>
     * <li>Easter Sundays (Gregorian computus, as published): 2024-03-31, 2025-04-20, 2026-04-05, 2027-03-28, so
     * Good Friday is 2024-03-29, 2025-04-18, 2026-04-03, 2027-03-26.</li>
     * <li>Weekend observance in these years: Juneteenth 2027 (Sat Jun 19) on Fri Jun 18; Independence Day 2026
     * (Sat Jul 4) on Fri Jul 3 and 2027 (Sun Jul 4) on Mon Jul 5; Christmas 2027 (Sat Dec 25) on Fri Dec 24.</li>
     * <li>2025-01-09 was the National Day of Mourning for President Carter (NYSE closed by announcement; in the
     * sample site.yaml and in this test's closures).</li>
     * <li>Early closes at 1:00 p.m. (the exchange's published "Holidays and Trading Hours" footnotes): the day
     * after Thanksgiving; Christmas Eve on a weekday trading day (2024 Tue, 2025 Wed, 2026 Thu; in 2027 Dec 24 is
     * the observed Christmas, and Dec 23, 2027 is a full day, as Dec 23, 2021 was); July 3 on a weekday trading
     * day (2024 Wed, 2025 Thu). Thursday July 2, 2026, before the Friday observed holiday, is a full day: NYSE
     * publishes no early close for it, as for July 2, 2015 and July 2, 2020 in the same pattern. Friday July 2,
     * 2027, before the Monday observed holiday, is a full day like July 2, 2021 (the announcements give no
     * early close on Independence Day for 2026 or 2027). 2028: New Year's Day is a Saturday, "no New Year's Day
     * holiday is observed"; July 3, 2028 (Monday) closes at 1:00 p.m.; Christmas Eve is a Sunday.</li>
     * </ul>
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2024 | 2024-01-01 2024-01-15 2024-02-19 2024-03-29 2024-05-27 2024-06-19 2024-07-04 2024-09-02"
                    + " 2024-11-28 2024-12-25 | 2024-07-03 2024-11-29 2024-12-24",
            "2025 | 2025-01-01 2025-01-09 2025-01-20 2025-02-17 2025-04-18 2025-05-26 2025-06-19 2025-07-04"
                    + " 2025-09-01 2025-11-27 2025-12-25 | 2025-07-03 2025-11-28 2025-12-24",
            "2026 | 2026-01-01 2026-01-19 2026-02-16 2026-04-03 2026-05-25 2026-06-19 2026-07-03 2026-09-07"
                    + " 2026-11-26 2026-12-25 | 2026-11-27 2026-12-24",
            "2027 | 2027-01-01 2027-01-18 2027-02-15 2027-03-26 2027-05-31 2027-06-18 2027-07-05 2027-09-06"
                    + " 2027-11-25 2027-12-24 | 2027-11-26",
            "2028 | 2028-01-17 2028-02-21 2028-04-14 2028-05-29 2028-06-19 2028-07-04 2028-09-04 2028-11-23"
                    + " 2028-12-25 | 2028-07-03 2028-11-24"})
    void everyClosureAndEarlyCloseOf2024To2028(int year, String closed, String early) {
        java.util.Set<LocalDate> expectClosed = new java.util.TreeSet<>();
        for (String d : closed.trim().split(" +")) expectClosed.add(LocalDate.parse(d));
        java.util.Set<LocalDate> expectEarly = new java.util.TreeSet<>();
        for (String d : early.trim().split(" +")) expectEarly.add(LocalDate.parse(d));
        java.util.Set<LocalDate> gotClosed = new java.util.TreeSet<>();
        java.util.Set<LocalDate> gotEarly = new java.util.TreeSet<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() >= 6) continue;
            if (!NYSE.isTradingDay(d)) gotClosed.add(d);
            else if (!NYSE.closeTime(d).equals(java.time.LocalTime.of(16, 0))) gotEarly.add(d);
        }
        assertEquals(expectClosed, gotClosed, "weekday closures of " + year);
        assertEquals(expectEarly, gotEarly, "early closes of " + year);
        // The last session of the year before a Saturday New Year's Day is a full trading day.
        if (year == 2027) assertEquals(java.time.LocalTime.of(16, 0), NYSE.closeTime(LocalDate.of(2027, 12, 31)));
    }
}
