package io.tickerpress.cli;

import io.tickerpress.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data files TickerPress writes (the history {@code import} writes, the snapshot {@code new snapshot} drafts)
 * write prices by the one price rule (README, number formats): 2 decimals from 1 up, 4 below 1, below 0.01 enough
 * for two significant digits; every digit given is kept. Expected texts by hand: 0.5 → 0.5000, 0.00005 → 0.000050
 * (its first significant digit is the 5th decimal, so 6 decimals), 1.5 → 1.50, 0.52125 → 0.52125.
 */
class PriceDataDecimalsTest {
    @TempDir
    Path dir;

    /** A file of this text in the test's folder, as a provider's download. */
    private Path download(String name, String text) throws java.io.IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** {@code tickerpress import FILE --symbol SYMBOL [more]} into a site. */
    private static CliTest.Run imported(Path site, Path file, String symbol, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("import", "--source", site.toString(),
                file.toString(), "--symbol", symbol));
        args.addAll(java.util.List.of(more));
        return CliTest.run(args.toArray(String[]::new));
    }

    @Test
    void importAndNewSnapshotWritePricesByThePriceRule() throws Exception {
        Path site = TestSites.site(dir.resolve("site"), Map.of());
        Path pny = download("PNY.csv", "Date,Open,High,Low,Close,Volume\n2026-01-20,0.5,0.52,0.49,0.5,1000\n"
                + "2026-01-21,0.51,0.53,0.5,0.52125,2000\n");
        Path mic = download("MIC.csv", "Date,Open,High,Low,Close,Volume\n2026-01-20,0.00005,0.00006,0.00004,0.00005,10\n"
                + "2026-01-21,1.5,1.5,1.5,1.5,20\n");
        assertEquals(0, imported(site, pny, "PNY").code());
        assertEquals(0, imported(site, mic, "MIC").code());
        Path history = site.resolve("content/market/history");
        assertEquals("Date,Open,High,Low,Close,Volume\n2026-01-20,0.5000,0.5200,0.4900,0.5000,1000\n"
                + "2026-01-21,0.5100,0.5300,0.5000,0.52125,2000\n", Files.readString(history.resolve("PNY.csv")));
        assertEquals("Date,Open,High,Low,Close,Volume\n2026-01-20,0.000050,0.000060,0.000040,0.000050,10\n"
                + "2026-01-21,1.50,1.50,1.50,1.50,20\n", Files.readString(history.resolve("MIC.csv")));

        CliTest.Run made = CliTest.run("new", "snapshot", "2026-01-21", "--source", site.toString());
        assertEquals(0, made.code(), made.err());
        String snapshot = Files.readString(site.resolve("content/market/2026-01-21.json"));
        assertTrue(snapshot.contains("\"open\": 0.5100, \"high\": 0.5300, \"low\": 0.5000, \"close\": 0.52125,"), snapshot);
        assertTrue(snapshot.contains("\"open\": 1.50, \"high\": 1.50, \"low\": 1.50, \"close\": 1.50,"), snapshot);
    }

    /**
     * Stooq's daily CSV carries split-adjusted volumes with decimals, as its bulk files do: both are rounded to whole
     * shares by the documented rule (half-up on the decimal as written), not refused in one form and taken in the
     * other. By hand: 45123456.5 → 45123457, 21345678.49 → 21345678, 100 → 100.
     */
    @Test
    void stooqDailyVolumesAreRoundedAsTheBulkFilesAre() throws Exception {
        Path site = TestSites.site(dir.resolve("site"), Map.of());
        Path csv = download("aapl_us_d.csv", "Date,Open,High,Low,Close,Volume\r\n2026-01-13,261.07,262.5,259.205,261.04,45123456.5\r\n"
                + "2026-01-14,260.5,261.8,257.11,258.36,21345678.49\r\n2026-01-15,258.9,260.1,256.5,257.94,100\r\n");
        CliTest.Run r = imported(site, csv, "AAPL", "--format", "stooq");
        assertEquals(0, r.code(), r.err());
        assertEquals("Date,Open,High,Low,Close,Volume\n2026-01-13,261.07,262.50,259.205,261.04,45123457\n"
                + "2026-01-14,260.50,261.80,257.11,258.36,21345678\n2026-01-15,258.90,260.10,256.50,257.94,100\n",
                Files.readString(site.resolve("content/market/history/AAPL.csv")));

        // Yahoo's volumes are whole shares: a fraction there is a wrong column, and stays an error naming the line.
        Path yahoo = download("MU.csv", "Date,Open,High,Low,Close,Adj Close,Volume\n2026-01-14,341.5,348.9,339.1,347.2,347.2,28456100.5\n");
        CliTest.Run bad = imported(site, yahoo, "MU");
        assertEquals(1, bad.code(), bad.err());
        assertTrue(bad.err().contains("MU.csv:2") && bad.err().contains("is not a whole number of shares"), bad.err());
    }
}
