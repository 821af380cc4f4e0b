package io.tickerpress.load;

import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.InputError;
import io.tickerpress.model.PriceSeries;
import io.tickerpress.model.TradingCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** History files as they come from odd tools: hostile numbers, CRLF, a byte-order mark, rows out of order. */
class HistoryOddRowsTest {
    private static PriceSeries load(String text) {
        return new HistoryLoader(TradingCalendar.nyse(), new Diagnostics(), 1 << 20)
                .parse(new StringReader(text), "X.csv").build("X", "X");
    }

    /**
     * A number too large for a double (1e400 reads as Infinity) or too small to be told from zero is not a price:
     * the row's line and column are named, never an internal error later when the figure is written.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Date,Close\\n2026-01-02,1e400\\n | 2 | Close",
            "Date,Open,High,Low,Close\\n2026-01-02,1,1e999,1,1\\n | 2 | High",
            "Date,Close\\n2026-01-02,10\\n2026-01-05,1e-400\\n | 3 | Close"})
    void aNumberOutsideTheRangeOfPricesIsAnErrorAtItsLine(String text, int line, String column) {
        InputError e = assertThrows(InputError.class, () -> load(text.replace("\\n", "\n")));
        assertTrue(e.getMessage().startsWith("X.csv:" + line + ":"), e.getMessage());
        assertTrue(e.getMessage().contains(column), e.getMessage());
    }

    @Test
    void crlfBomAndUnsortedRowsGiveTheSameSeries() {
        PriceSeries plain = load("Date,Close\n2026-01-02,10.5\n2026-01-05,11\n");
        PriceSeries odd = load("\uFEFFDate,Close\r\n2026-01-05,11\r\n2026-01-02,10.5\r\n");
        assertEquals(plain.bars().stream().map(b -> b.date() + "=" + b.close()).toList(),
                odd.bars().stream().map(b -> b.date() + "=" + b.close()).toList());
    }

    @Test
    void aHeaderOnlyFileHasNoRows() {
        assertEquals(0, load("Date,Open,High,Low,Close,Adj Close,Volume\r\n").size());
    }

    @Test
    void aThousandsSeparatorIsAnErrorNamingTheCell() {
        InputError e = assertThrows(InputError.class, () -> load("Date,Close\n2026-01-02,\"1,234.50\"\n"));
        assertTrue(e.getMessage().startsWith("X.csv:2:"), e.getMessage());
        assertTrue(e.getMessage().contains("'1,234.50' in column Close"), e.getMessage());
    }
}
