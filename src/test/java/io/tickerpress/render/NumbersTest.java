package io.tickerpress.render;

import io.tickerpress.model.TimeFormats;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The formatting rules, against values worked out by hand. */
class NumbersTest {
    @Test
    void exactHalvesRoundUpOnTheDecimalAsWritten() {
        // 1.125 has two decimals after rounding: the third digit is exactly 5, so up: 1.13.
        assertEquals("+1.13%", Numbers.pct(1.125));
        assertEquals("+1.13", Numbers.change(1.125, 100)); // closes 98.875 -> 100: cents
        // 2.675 as a double is 2.67499999999999982236431605997495353221893310546875; the data says 2.675,
        // and half-up on 2.675 gives 2.68 (String.format("%.2f") and new BigDecimal(double) would give 2.67).
        assertEquals("2.68", Numbers.price(2.675));
        assertEquals("+2.68%", Numbers.pct(2.675));
        // 1.005 is 1.00499999999999989... in binary; written 1.005, it rounds to 1.01.
        assertEquals("1.01", Numbers.price(1.005));
        // Half-up is away from zero for negative numbers: -1.125 -> -1.13 (half-even would give -1.12).
        assertEquals("-1.13", Numbers.change(-1.125, 100));
        assertEquals("-1.13%", Numbers.pct(-1.125));
        // Just below a half stays down: 1.1249 -> 1.12.
        assertEquals("+1.12%", Numbers.pct(1.1249));
    }

    @Test
    void figuresThatRoundToZeroHaveNoSign() {
        // 0.004 and -0.004 both round to 0.00 at two decimals: written flat, never "-0.00" or "+0.00".
        assertEquals("0.00", Numbers.change(0.004, 100));
        assertEquals("0.00", Numbers.change(-0.004, 100));
        assertEquals("0.00%", Numbers.pct(-0.004));
        assertEquals("0.00%", Numbers.pct(0.0));
        assertEquals("0.00%", Numbers.pct(-0.0));
        // The direction is the sign of the unrounded move, not of the figure as shown: -0.004 is a fall, though it
        // reads 0.00 (SPX up 0.20 on 6,900 is +0.0029%, "0.00%", and still up: its streak counts it).
        assertEquals("down", Numbers.direction(-0.004));
        assertEquals("▲", Numbers.arrow(0.004));
        assertEquals("flat", Numbers.direction(0.0));
        assertEquals("■", Numbers.arrow(-0.0));
        // -0.005 rounds away from zero to -0.01: a real, if tiny, fall.
        assertEquals("-0.01%", Numbers.pct(-0.005));
        assertEquals("down", Numbers.direction(-0.005));
    }

    @Test
    void everyPercentageHasTwoDecimalsSoColumnsLineUp() {
        assertEquals("+7.90%", Numbers.pct(7.8999));
        assertEquals("+1.91%", Numbers.pct(1.91));
        assertEquals("-6.59%", Numbers.pct(-6.5912));
        assertEquals("+1.00%", Numbers.pct(1));
        assertEquals("+1,234.50%", Numbers.pct(1234.5));
    }

    @Test
    void unsignedFormsForProse() {
        // "Nvidia fell 2.46%": the size of the rounded figure, no sign.
        assertEquals("2.46%", Numbers.pctAbs(-2.455));
        assertEquals("2.46%", Numbers.pctAbs(2.4561));
        assertEquals("0.00%", Numbers.pctAbs(-0.004));
        assertEquals("1,021.13", Numbers.changeAbs(-1021.125, 5000));
    }

    @Test
    void thousandsSeparatorsAndVolumes() {
        assertEquals("2,685.48", Numbers.price(2685.48));
        assertEquals("2,698.10", Numbers.price(2698.1));
        assertEquals("999.99", Numbers.price(999.99));
        // 999.995 rounds up into the next thousand: 1,000.00.
        assertEquals("1,000.00", Numbers.price(999.995));
        assertEquals("49,512.58", Numbers.price(49512.58));
        assertEquals("1,234,567.89", Numbers.price(1234567.885));
        assertEquals("+21.40", Numbers.change(21.4, 2698.1));
        assertEquals("-1,049.56", Numbers.change(-1049.56, 49512.58));
        assertEquals("41,250,000", Numbers.volume(41_250_000));
        assertEquals("0", Numbers.volume(0));
        assertEquals("999", Numbers.volume(999));
        assertEquals("1,000", Numbers.volume(1000));
        assertEquals("9,223,372,036,854,775,807", Numbers.volume(Long.MAX_VALUE));
        assertEquals("+3", Numbers.signed(3));
        assertEquals("-2", Numbers.signed(-2));
        assertEquals("0", Numbers.signed(0));
    }

    @Test
    void pricesBelowOneKeepTheSubPennyTick() {
        // From 1 up: cents. Below 1: 4 decimals, the $0.0001 increment quotes under $1 are made in.
        assertEquals("1.00", Numbers.price(1));
        assertEquals("0.0012", Numbers.price(0.0012)); // was 0.00: a price shown as nothing
        assertEquals("0.5000", Numbers.price(0.5));
        // 0.99995 is below 1: 4 decimals, half-up -> 1.0000 (the level decides the decimals, before rounding).
        assertEquals("1.0000", Numbers.price(0.99995));
        // 0.12345: fifth decimal 5, half-up -> 0.1235.
        assertEquals("0.1235", Numbers.price(0.12345));
        // Below 0.01, enough decimals for two significant digits: 0.000042 has its first digit at 10^-5, so 6.
        assertEquals("0.000042", Numbers.price(0.000042));
        // 0.0000123 -> first digit at 10^-5 -> 6 decimals; 7th decimal 3 -> 0.000012.
        assertEquals("0.000012", Numbers.price(0.0000123));
        // At most 8 decimals: 1.5e-10 -> 0.00000000.
        assertEquals("0.00000000", Numbers.price(0.00000000015));
    }

    @Test
    void aChangeHasTheDecimalsOfTheCloses() {
        // 0.0012 -> 0.0013: +0.0001, both closes at 4 decimals (was "+0.00" beside a close of "0.00").
        assertEquals("+0.0001", Numbers.change(0.0001, 0.0013));
        // 1.02 -> 0.98: -0.04; the previous close has 2 decimals, this one 4, the finer wins: -0.0400.
        assertEquals("-0.0400", Numbers.change(-0.04, 0.98));
        // 0.98 -> 1.02: +0.04 on a close of 1.02 whose previous close (0.98) is below 1: +0.0400.
        assertEquals("+0.0400", Numbers.change(0.04, 1.02));
        assertEquals("0.0400", Numbers.changeAbs(-0.04, 0.98));
        // 100.20 -> 100.60: +0.40, cents.
        assertEquals("+0.40", Numbers.change(0.4, 100.6));
    }

    @Test
    void compactVolumeAxisLabels() {
        assertEquals("850K", Numbers.compactVolume(850_000));
        // 1,250,000 / 10^6 = 1.25 -> one decimal, half-up: 1.3M.
        assertEquals("1.3M", Numbers.compactVolume(1_250_000));
        assertEquals("3B", Numbers.compactVolume(3_000_000_000.0));
        assertEquals("0", Numbers.compactVolume(0));
        assertEquals("500", Numbers.compactVolume(500));
    }

    @Test
    void bigDecimalAndDoubleGiveTheSameText() {
        assertEquals(Numbers.pct(new BigDecimal("2.675")), Numbers.pct(2.675));
        assertEquals(Numbers.price(new BigDecimal("1234.565")), Numbers.price(1234.565));
        assertEquals("1,234.57", Numbers.price(1234.565));
    }

    @Test
    void chartFormatsWriteWithTheSameRule() {
        // What JFreeChart calls for a sector bar's label and an axis tick.
        assertEquals("+1.13%", Numbers.asFormat(Numbers::pct).format(1.125));
        assertEquals("2,700.00", Numbers.asFormat(Numbers::price).format(2700));
    }

    @Test
    void notANumberIsABugNotAFigure() {
        assertThrows(IllegalArgumentException.class, () -> Numbers.pct(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Numbers.price(Double.POSITIVE_INFINITY));
    }

    @Test
    void timesAreWrittenInTheirOwnZoneWithTheDefaultPatterns() {
        Formats f = Formats.defaults();
        ZonedDateTime t = ZonedDateTime.of(2026, 1, 20, 8, 16, 0, 0, ZoneId.of("America/New_York"));
        assertEquals("January 20, 2026, 8:16 AM EST", f.marketTime(t));
        assertEquals("NEW YORK, Jan 20, 2026, 08:16 EST", f.dateline("NEW YORK", t));
        ZonedDateTime summer = ZonedDateTime.of(2026, 7, 20, 8, 16, 0, 0, ZoneId.of("America/New_York"));
        assertEquals("Jul 20, 2026, 08:16 EDT", f.datelineTime(summer));
        ZonedDateTime london = ZonedDateTime.of(2026, 1, 20, 8, 16, 0, 0, ZoneId.of("Europe/London"));
        assertEquals("LONDON, Jan 20, 2026, 08:16 GMT", f.dateline("LONDON", london));
        // A bare offset has no abbreviation: "UTC+01:00", and "UTC" for zero.
        ZonedDateTime offset = ZonedDateTime.of(2026, 1, 20, 8, 16, 0, 0, ZoneOffset.ofHours(1));
        assertEquals("Jan 20, 2026, 08:16 UTC+01:00", f.datelineTime(offset));
        assertEquals("Jan 20, 2026, 08:16 UTC", f.datelineTime(offset.withZoneSameInstant(ZoneOffset.UTC).withHour(8)));
        LocalDate day = LocalDate.of(2026, 1, 20);
        assertEquals("Jan 20, 2026", f.date(day));
        assertEquals("January 20, 2026", f.longDate(day));
        assertEquals("Tuesday, January 20, 2026", f.weekdayDate(day));
    }

    @Test
    void wordsFollowTheSiteLanguageAndDigitsStayAscii() {
        LocalDate day = LocalDate.of(2026, 1, 20);
        Formats german = new Formats(TimeFormats.defaults(), "de");
        assertEquals("Dienstag, Januar 20, 2026", german.weekdayDate(day));
        // Arabic month names, but the digits stay 20 and 2026 (not ٢٠ and ٢٠٢٦), even with a numbering extension.
        Formats arabic = new Formats(TimeFormats.defaults(), "ar-EG-u-nu-arab");
        String text = arabic.longDate(day);
        assertEquals("20, 2026", text.substring(text.indexOf(' ') + 1), text);
        // A language the JDK has no names for falls back to English, never to the root locale's "Tue".
        assertEquals("Tuesday, January 20, 2026", new Formats(TimeFormats.defaults(), "x-klingon").weekdayDate(day));
        assertEquals("Tuesday, January 20, 2026", new Formats(TimeFormats.defaults(), "en-US").weekdayDate(day));
    }
}
