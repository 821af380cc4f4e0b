package io.tickerpress.importer;

import io.tickerpress.TestSites;
import io.tickerpress.cli.CliTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tickerpress import} run as the CLI: every provider's fixture (src/test/resources/import/, in the provider's
 * own format) imports to the history written by hand in expected/, and every bad input stops with file, line and
 * message, leaving the history as it was.
 */
class ImportCommandTest {
    static final Path FIXTURES = Path.of("src/test/resources/import");

    @TempDir
    Path dir;

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of(List.of("stooq-spx_d.csv", "--symbol", "SPX"), Map.of("SPX", "stooq-SPX.csv")),
                Arguments.of(List.of("stooq-bulk-us.txt"), Map.of("AAPL", "stooq-bulk-AAPL.csv", "MSFT", "stooq-bulk-MSFT.csv")),
                Arguments.of(List.of("yahoo-MU.csv", "--symbol", "MU"), Map.of("MU", "yahoo-MU.csv")),
                Arguments.of(List.of("yahoo-noadj-MU.csv", "--symbol", "mu", "--format", "yahoo"), Map.of("MU", "yahoo-noadj-MU.csv")),
                Arguments.of(List.of("nasdaq-AAPL.csv", "--symbol", "AAPL"), Map.of("AAPL", "nasdaq-AAPL.csv")),
                Arguments.of(List.of("nasdaq-NDX.csv", "--symbol", "NDX", "--format", "nasdaq"), Map.of("NDX", "nasdaq-NDX.csv")),
                Arguments.of(List.of("alphavantage-IBM.csv", "--symbol", "IBM"), Map.of("IBM", "alphavantage-IBM.csv")),
                // The JSON names its symbol in "Meta Data"; the same figures give the same bytes as the CSV.
                Arguments.of(List.of("alphavantage-IBM.json"), Map.of("IBM", "alphavantage-IBM.csv")),
                Arguments.of(List.of("polygon-2026-01-20.csv.gz", "polygon-2026-01-21.csv.gz"),
                        Map.of("AAPL", "polygon-AAPL.csv", "MSFT", "polygon-MSFT.csv", "NVDA", "polygon-NVDA.csv")),
                Arguments.of(List.of("polygon-2026-01-21.csv.gz", "polygon-2026-01-20.csv.gz", "--symbol", "NVDA",
                        "--format", "polygon"), Map.of("NVDA", "polygon-NVDA.csv")));
    }

    @ParameterizedTest
    @MethodSource("formats")
    void eachProviderFormatImportsToTheExpectedHistory(List<String> args, Map<String, String> expected) throws IOException {
        Path site = TestSites.site(dir.resolve("site"), Map.of());
        CliTest.Run run = importing(site, args);
        assertEquals(0, run.code(), run.err());
        Path history = site.resolve("content/market/history");
        try (Stream<Path> files = Files.list(history)) {
            assertEquals(expected.keySet().stream().map(s -> s + ".csv").sorted().toList(),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "one history file per symbol, no temp files");
        }
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertEquals(Files.readString(FIXTURES.resolve("expected").resolve(e.getValue())),
                    Files.readString(history.resolve(e.getKey() + ".csv")), e.getKey());
            assertTrue(run.out().contains(e.getKey() + ": "), run.out());
        }
        // The imported history is valid input: the site builds with it.
        CliTest.Run build = CliTest.run("build", "--source", site.toString(), "--output", site.resolve("out").toString(),
                "--now", "2026-01-24T00:00:00Z");
        assertEquals(0, build.code(), build.err());
    }

    @Test
    void summaryCountsAddedReplacedAndUnchangedRows() throws IOException {
        Path site = TestSites.site(dir.resolve("site"), Map.of());
        CliTest.Run first = importing(site, List.of("stooq-spx_d.csv", "--symbol", "SPX"));
        assertEquals(0, first.code(), first.err());
        String file = "content/market/history/SPX.csv";
        assertTrue(first.out().contains("SPX: 5 rows added, 0 replaced, 2026-01-13 … 2026-01-20 ("), first.out());
        // Importing the same file again changes nothing.
        CliTest.Run again = importing(site, List.of("stooq-spx_d.csv", "--symbol", "SPX"));
        assertTrue(again.out().contains("SPX: 0 rows added, 0 replaced, 5 unchanged, 2026-01-13 … 2026-01-20"), again.out());
        // A later file with one overlapping day (same close within half a cent) and two new days.
        Path later = dir.resolve("spx-later.csv");
        Files.writeString(later, "Date,Open,High,Low,Close,Volume\n"
                + "2026-01-22,6880,6901.5,6870.25,6899.1,2800000000\n"
                + "2026-01-20,6900.5,6911.72,6850.34,6875.624,3012345678\n"
                + "2026-01-21,6876,6890,6860,6885.5,2900000000\n");
        CliTest.Run merged = importing(site, List.of(later.toString(), "--symbol", "SPX"));
        assertEquals(0, merged.code(), merged.err());
        assertTrue(merged.out().contains("SPX: 2 rows added, 0 replaced, 1 unchanged, 2026-01-13 … 2026-01-22"), merged.out());
        List<String> lines = Files.readAllLines(site.resolve(file));
        assertEquals(List.of("2026-01-20,6900.50,6911.72,6850.34,6875.62,3012345678",
                "2026-01-21,6876.00,6890.00,6860.00,6885.50,2900000000",
                "2026-01-22,6880.00,6901.50,6870.25,6899.10,2800000000"), lines.subList(5, 8), "sorted, existing row kept");
        assertEquals(8, lines.size());
    }

    @Test
    void aConflictingCloseNamesBothFilesAndLinesAndOnlyReplaceOverwrites() throws IOException {
        // Line 3 of the existing history gives 2026-01-14 a close of 6920.00; the import's line 3 says 6918.45.
        String existing = "Date,Open,High,Low,Close,Adj Close,Volume\n"
                + "2026-01-13,6941.30,6965.12,6930.55,6959.80,6959.80,2512345678\n"
                + "2026-01-14,6960.02,6971.40,6901.77,6920.00,6920.00,2687001234\n";
        Path site = TestSites.site(dir.resolve("site"), Map.of("content/market/history/SPX.csv", existing));
        Path history = site.resolve("content/market/history/SPX.csv");
        CliTest.Run run = importing(site, List.of("stooq-spx_d.csv", "--symbol", "SPX"));
        assertEquals(1, run.code());
        assertTrue(run.err().contains("error: src/test/resources/import/stooq-spx_d.csv:3: SPX 2026-01-14: close 6918.45"
                + " conflicts with close 6920.00 at " + io.tickerpress.diag.Diagnostics.display(history) + ":3"), run.err());
        assertTrue(run.err().contains("--replace"), run.err());
        assertEquals(existing, Files.readString(history), "not overwritten");

        CliTest.Run replaced = importing(site, List.of("stooq-spx_d.csv", "--symbol", "SPX", "--replace"));
        assertEquals(0, replaced.code(), replaced.err());
        assertTrue(replaced.out().contains("SPX: 3 rows added, 1 replaced, 1 unchanged, 2026-01-13 … 2026-01-20"), replaced.out());
        // The existing rows keep their Adj Close; imported rows have none (Stooq gives none).
        assertEquals("Date,Open,High,Low,Close,Adj Close,Volume\n"
                + "2026-01-13,6941.30,6965.12,6930.55,6959.80,6959.80,2512345678\n"
                + "2026-01-14,6960.02,6971.40,6901.77,6918.45,,2687001234\n"
                + "2026-01-15,6920.10,6950.25,6915.03,6944.61,,2433998765\n"
                + "2026-01-16,6947.88,6958.30,6925.19,6940.01,,2876543210\n"
                + "2026-01-20,6900.50,6911.72,6850.34,6875.62,,3012345678\n", Files.readString(history));
    }

    @Test
    void conflictingClosesBetweenImportedFilesNameBoth() throws IOException {
        Path site = TestSites.site(dir.resolve("site"), Map.of());
        Path other = dir.resolve("other.csv");
        Files.writeString(other, "Date,Open,High,Low,Close,Volume\n2026-01-13,6941.3,6965.12,6930.55,6950,1\n");
        CliTest.Run run = importing(site, List.of("stooq-spx_d.csv", other.toString(), "--symbol", "SPX"));
        assertEquals(1, run.code());
        assertTrue(run.err().contains(io.tickerpress.diag.Diagnostics.display(other) + ":2: SPX 2026-01-13: close 6950.00"
                + " conflicts with close 6959.80 at src/test/resources/import/stooq-spx_d.csv:2"), run.err());
        assertFalse(Files.exists(site.resolve("content/market/history")));
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of(List.of("html-bot-check.csv", "--symbol", "SPX"), "html-bot-check.csv:1: is an HTML page"
                        + " titled 'Just a moment...', not market data"),
                Arguments.of(List.of("empty.csv", "--symbol", "SPX"), "empty.csv:1: file is empty"),
                Arguments.of(List.of("unknown-header.csv"), "unknown-header.csv:1: the header 'Symbol,Trade Date,Last,Change'"
                        + " matches no format TickerPress imports; the formats are:\n"
                        + "  - stooq (Stooq daily CSV: Date,Open,High,Low,Close,Volume)\n"
                        + "  - stooq (Stooq bulk: <TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>)\n"
                        + "  - yahoo (Yahoo Finance: Date,Open,High,Low,Close,Adj Close,Volume)\n"
                        + "  - nasdaq (Nasdaq.com: Date,Close/Last,Volume,Open,High,Low)\n"),
                Arguments.of(List.of("stooq-holiday.csv", "--symbol", "SPX"), "stooq-holiday.csv:3: SPX: 2026-01-19 is not a"
                        + " trading day (Martin Luther King Jr. Day): the exchange was closed"),
                Arguments.of(List.of("alphavantage-note.json"), "alphavantage-note.json:2: Alpha Vantage sent a message"
                        + " instead of data (Note: Thank you for using Alpha Vantage!"),
                Arguments.of(List.of("alphavantage-information.json"), "alphavantage-information.json:2: Alpha Vantage sent a"
                        + " message instead of data (Information: We have detected your API key as demo"),
                Arguments.of(List.of("stooq-spx_d.csv", "--symbol", "SPX", "--format", "nasdaq"), "stooq-spx_d.csv:1: the"
                        + " header 'Date,Open,High,Low,Close,Volume' is not the nasdaq format"),
                Arguments.of(List.of("polygon-2026-01-20.csv.gz", "--symbol", "IBM"), "polygon-2026-01-20.csv.gz:1: has no"
                        + " rows for IBM"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputStopsWithFileLineAndMessageAndWritesNothing(List<String> args, String message) throws IOException {
        String existing = "Date,Open,High,Low,Close,Volume\n2026-01-12,6900.00,6950.00,6890.00,6940.00,1000\n";
        Path site = TestSites.site(dir.resolve("site"), Map.of("content/market/history/SPX.csv", existing));
        CliTest.Run run = importing(site, args);
        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().startsWith("error: src/test/resources/import/" + message), run.err());
        assertTrue(run.err().contains("Nothing was imported; the history files were left as they were."), run.err());
        assertEquals(existing, Files.readString(site.resolve("content/market/history/SPX.csv")));
        try (Stream<Path> files = Files.list(site.resolve("content/market/history"))) {
            assertEquals(1, files.count(), "no other file written");
        }
    }

    @Test
    void usageErrorsExitTwo() {
        Path site = TestSites.site(dir.resolve("site"), Map.of());
        CliTest.Run noSymbol = importing(site, List.of("stooq-spx_d.csv"));
        assertEquals(2, noSymbol.code(), noSymbol.err());
        assertTrue(noSymbol.err().contains("stooq-spx_d.csv: this stooq file holds one symbol's data without naming it:"
                + " give it with --symbol"), noSymbol.err());
        CliTest.Run badFormat = importing(site, List.of("stooq-spx_d.csv", "--symbol", "SPX", "--format", "bloomberg"));
        assertEquals(2, badFormat.code());
        assertEquals("error: --format: 'bloomberg' is not a format: give auto, stooq, yahoo, nasdaq, alphavantage,"
                + " polygon\n", badFormat.err());
        CliTest.Run badSymbol = importing(site, List.of("stooq-spx_d.csv", "--symbol", "S&P"));
        assertEquals(2, badSymbol.code());
        assertEquals(2, CliTest.run("import", "--source", site.toString()).code(), "no FILE");
        assertFalse(Files.exists(site.resolve("content/market/history")));
    }

    @Test
    void aCloseThatDisagreesWithTheDaysSnapshotIsRefusedAsTheBuildWouldRefuseIt() throws IOException {
        // README: import stops, writing nothing, on a close that disagrees with the data "by more than half a cent
        // (the rule of the build)"; the build merges snapshots and history, so a row for a day whose snapshot gives
        // another close left a site that no longer built ("the two files disagree"), with exit 0 from import.
        Path site = TestSites.site(dir.resolve("site"), Map.of("content/market/2026-01-23.json",
                "{\n  \"date\": \"2026-01-23\",\n  \"quotes\": [\n    {\"symbol\": \"MU\", \"close\": 365.16}\n  ]\n}\n"));
        Path provider = dir.resolve("mu_d.csv");
        Files.writeString(provider, "Date,Open,High,Low,Close,Adj Close,Volume\n"
                + "2026-01-22,360.00,364.00,359.00,363.34,363.34,1000\n"
                + "2026-01-23,370.00,375.00,369.00,372.50,372.50,1000\n");
        CliTest.Run run = importing(site, List.of(provider.toString(), "--symbol", "MU"));
        assertEquals(1, run.code(), run.out() + run.err());
        assertTrue(run.err().contains("mu_d.csv:3"), run.err());
        assertTrue(run.err().contains("content/market/2026-01-23.json:4"), run.err());
        assertTrue(run.err().contains("372.50") && run.err().contains("365.16"), run.err());
        assertFalse(Files.exists(site.resolve("content/market/history/MU.csv")), "nothing written");

        // Within half a cent it agrees (the build's rule), and the site builds with it.
        Files.writeString(provider, "Date,Open,High,Low,Close,Adj Close,Volume\n"
                + "2026-01-23,365.00,366.00,364.00,365.164,365.164,1000\n");
        CliTest.Run ok = importing(site, List.of(provider.toString(), "--symbol", "MU"));
        assertEquals(0, ok.code(), ok.err());
        CliTest.Run build = CliTest.run("build", "--source", site.toString(), "--output", site.resolve("out").toString(),
                "--now", "2026-01-24T00:00:00Z");
        assertEquals(0, build.code(), build.err());
    }

    private static CliTest.Run importing(Path site, List<String> args) {
        List<String> all = new ArrayList<>(List.of("import", "--source", site.toString()));
        for (String a : args) {
            all.add(a.endsWith(".csv") || a.endsWith(".txt") || a.endsWith(".json") || a.endsWith(".gz")
                    ? (Path.of(a).isAbsolute() ? a : FIXTURES.resolve(a).toString()) : a);
        }
        return CliTest.run(all.toArray(String[]::new));
    }
}
