package io.tickerpress.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickerpress.TestSites;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The daily desk end to end: provider files imported into history, {@code new snapshot} pre-filled from it, and the
 * digest page built from that snapshot shows figures computed here independently from the providers' closes.
 */
class NewSnapshotFromHistoryTest {
    static final Path FIXTURES = Path.of("src/test/resources/import");

    @TempDir
    Path dir;

    /** The closes of the fixtures (read off the provider files), previous session and day. */
    record Expect(String symbol, String previous, String close, String volume) {
        BigDecimal change() {
            return new BigDecimal(close).subtract(new BigDecimal(previous));
        }

        BigDecimal pct() {
            return change().multiply(BigDecimal.valueOf(100)).divide(new BigDecimal(previous), 10, RoundingMode.HALF_UP);
        }
    }

    // 2026-01-21 against 2026-01-20 (worked by hand, then computed again below with BigDecimal):
    // SPX  6885.50 - 6875.62 = +9.88;  9.88 / 6875.62 = +0.1437% → +0.14%
    // AAPL  245.60 -  246.70 = -1.10; -1.10 /  246.70 = -0.4459% → -0.45%
    // MSFT  468.30 -  465.80 = +2.50;  2.50 /  465.80 = +0.5367% → +0.54%
    // NVDA  181.14 -  178.07 = +3.07;  3.07 /  178.07 = +1.7240% → +1.72%
    static final Expect SPX = new Expect("SPX", "6875.62", "6885.50", "2900000000");
    static final Expect AAPL = new Expect("AAPL", "246.70", "245.60", "45566778");
    static final Expect MSFT = new Expect("MSFT", "465.80", "468.30", "20123456");
    static final Expect NVDA = new Expect("NVDA", "178.07", "181.14", "176543210");

    @Test
    void aSnapshotMadeFromImportedHistoryBuildsADigestWithTheProvidersFigures() throws IOException {
        Path site = TestSites.site(dir.resolve("site"), Map.of("content/site.yaml", TestSites.SITE_YAML
                + "market:\n  sectors:\n    - name: Technology\n      members: [AAPL, MSFT, NVDA]\n"));
        Path spx21 = dir.resolve("spx-2026-01-21.csv");
        Files.writeString(spx21, "Date,Open,High,Low,Close,Volume\n2026-01-21,6876,6890,6860,6885.5,2900000000\n");
        run("import", "--source", site.toString(), FIXTURES.resolve("stooq-spx_d.csv").toString(), spx21.toString(),
                "--symbol", "SPX");
        run("import", "--source", site.toString(), FIXTURES.resolve("polygon-2026-01-20.csv.gz").toString(),
                FIXTURES.resolve("polygon-2026-01-21.csv.gz").toString());

        CliTest.Run made = run("new", "snapshot", "2026-01-21", "--source", site.toString());
        assertTrue(made.out().strip().endsWith("content/market/2026-01-21.json"), made.out());
        JsonNode snap = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true)).readTree(site.resolve("content/market/2026-01-21.json").toFile());
        assertEquals("2026-01-21T16:00:00-05:00", snap.get("asOf").asText());
        assertEquals(List.of("SPX"), symbols(snap.get("indices")), "SPX is the main index and benchmark");
        assertEquals(List.of("AAPL", "MSFT", "NVDA"), symbols(snap.get("quotes")));
        assertEquals(0, snap.get("stockOfTheDay").size());
        // Technology: the equal-weighted mean of its members' % changes, (-0.4459 + 0.5367 + 1.7240) / 3 = +0.6049%
        // → +0.60; no YTD (the data has no 2025 close), so no ytdPct.
        BigDecimal tech = AAPL.pct().add(MSFT.pct()).add(NVDA.pct()).divide(BigDecimal.valueOf(3), 10, RoundingMode.HALF_UP)
                .setScale(2, RoundingMode.HALF_UP);
        assertEquals(1, snap.get("sectors").size());
        assertEquals("Technology", snap.get("sectors").get(0).get("name").asText());
        assertEquals(tech, snap.get("sectors").get(0).get("changePct").decimalValue());
        assertTrue(!snap.get("sectors").get(0).has("ytdPct"));
        // The draft is valid for editors' tools too: it passes the shipped schema.
        assertEquals(List.of(), com.networknt.schema.SchemaRegistry.withDefaultDialect(
                com.networknt.schema.SpecificationVersion.DRAFT_2020_12).getSchema(SchemaCommand.text("snapshot"))
                .validate(snap).stream().map(Object::toString).toList());
        for (Expect e : List.of(SPX, AAPL, MSFT, NVDA)) {
            JsonNode q = find(snap, e.symbol());
            assertEquals(0, new BigDecimal(e.close()).compareTo(q.get("close").decimalValue()), e.symbol());
            assertEquals(e.volume(), q.get("volume").asText(), e.symbol());
            assertEquals(e.change().setScale(2, RoundingMode.HALF_UP), q.get("change").decimalValue(), e.symbol());
            assertEquals(e.pct().setScale(2, RoundingMode.HALF_UP), q.get("changePct").decimalValue(), e.symbol());
        }

        Path out = site.resolve("out");
        run("build", "--source", site.toString(), "--output", out.toString(), "--now", "2026-01-22T00:00:00Z");
        Document digest = TestSites.page(out, "/markets/2026/01/21/");
        assertEquals(cells(SPX, false), row(digest.selectFirst("table.moves:has(caption:contains(Index closes))"), "SPX"));
        Element gainers = digest.selectFirst("table.moves:has(caption:contains(gainers))");
        Element losers = digest.selectFirst("table.moves:has(caption:contains(losers))");
        assertEquals(List.of("NVDA", "MSFT"), firstCells(gainers), "gainers by % change, largest first");
        assertEquals(List.of("AAPL"), firstCells(losers));
        assertEquals(cells(NVDA, true), row(gainers, "NVDA"));
        assertEquals(cells(MSFT, true), row(gainers, "MSFT"));
        assertEquals(cells(AAPL, true), row(losers, "AAPL"));
        assertEquals(List.of("Technology", "▲ +" + tech.toPlainString() + "%"),
                row(digest.selectFirst("table.sectors"), "Technology").subList(0, 2));
    }

    @Test
    void aSnapshotMayLeaveFiguresToTheHistory() throws IOException {
        Path site = TestSites.site(dir.resolve("site"), Map.of());
        run("import", "--source", site.toString(), FIXTURES.resolve("stooq-spx_d.csv").toString(), "--symbol", "SPX");
        // Only the symbol: close, volume, change and % change all come from the history.
        // 2026-01-20: 6875.62 - 6940.01 = -64.39; -64.39 / 6940.01 = -0.9278% → -0.93%
        TestSites.write(site.resolve("content/market/2026-01-20.json"),
                "{\"date\": \"2026-01-20\", \"indices\": [{\"symbol\": \"SPX\", \"name\": \"S&P 500\"}]}\n");
        Path out = site.resolve("out");
        run("build", "--source", site.toString(), "--output", out.toString(), "--now", "2026-01-21T00:00:00Z");
        Document digest = TestSites.page(out, "/markets/2026/01/20/");
        assertEquals(List.of("SPX", "S&P 500", "6,875.62", "-64.39", "▼ -0.93%"),
                row(digest.selectFirst("table.moves"), "SPX"));

        // Without a history row for the day, the entry must give its close: the error names the snapshot's line.
        TestSites.write(site.resolve("content/market/2026-01-21.json"),
                "{\"date\": \"2026-01-21\",\n \"indices\": [{\"symbol\": \"SPX\"}]}\n");
        CliTest.Run bad = CliTest.run("build", "--source", site.toString(), "--output", out.toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("content/market/2026-01-21.json:2:") && bad.err().contains("SPX has no 'close' here"
                + " and its history has no row for 2026-01-21: write the close, or import the day's data"), bad.err());
    }

    private static List<String> cells(Expect e, boolean volume) {
        BigDecimal change = e.change().setScale(2, RoundingMode.HALF_UP);
        BigDecimal pct = e.pct().setScale(2, RoundingMode.HALF_UP);
        String sign = change.signum() > 0 ? "+" : "";
        List<String> out = new ArrayList<>(List.of(e.symbol(), e.symbol(),
                String.format(Locale.ROOT, "%,.2f", new BigDecimal(e.close())), sign + change.toPlainString(),
                (pct.signum() > 0 ? "▲ +" : "▼ ") + pct.toPlainString() + "%"));
        if (volume) out.add(String.format(Locale.ROOT, "%,d", Long.parseLong(e.volume())));
        return out;
    }

    private static CliTest.Run run(String... args) {
        CliTest.Run r = CliTest.run(args);
        assertEquals(0, r.code(), String.join(" ", args) + "\n" + r.err());
        return r;
    }

    private static List<String> symbols(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(q -> out.add(q.get("symbol").asText()));
        return out;
    }

    private static JsonNode find(JsonNode snap, String symbol) {
        for (String key : List.of("indices", "quotes")) {
            for (JsonNode q : snap.get(key)) {
                if (q.get("symbol").asText().equals(symbol)) return q;
            }
        }
        throw new AssertionError(symbol);
    }

    private static List<String> firstCells(Element table) {
        List<String> out = new ArrayList<>();
        for (Element tr : table.select("tbody tr")) out.add(key(tr.selectFirst("td, th")));
        return out;
    }

    /** A row's first cell: the symbol's link (phones also get the name in that cell), else the cell's text. */
    private static String key(Element cell) {
        Element symbol = cell.selectFirst("a.symbol");
        return symbol == null ? cell.text() : symbol.text();
    }

    private static List<String> row(Element table, String first) {
        for (Element tr : table.select("tr")) {
            Element cell = tr.selectFirst("td, th");
            if (cell != null && key(cell).equals(first)) {
                List<String> cells = new ArrayList<>(tr.select("td, th").eachText());
                cells.set(0, key(cell));
                return cells;
            }
        }
        throw new AssertionError("no row " + first + " in " + table);
    }

    /**
     * A snapshot drafted for a day before 1883, when New York kept local mean time, gets the offset of that time,
     * -04:56:02 (the tz database's LMT for America/New_York), and the build reads back what {@code new snapshot} wrote.
     */
    @Test
    void aSnapshotOfADayBeforeStandardTimeBuilds() throws IOException {
        Path site = TestSites.site(dir.resolve("site"), Map.of());
        CliTest.Run made = CliTest.run("new", "snapshot", "1850-01-02", "--source", site.toString());
        assertEquals(0, made.code(), made.err());
        assertTrue(Files.readString(site.resolve("content/market/1850-01-02.json"))
                .contains("\"asOf\": \"1850-01-02T16:00:00-04:56:02\""));
        CliTest.Run built = CliTest.run("build", "--source", site.toString(), "--output", site.resolve("out").toString(),
                "--now", "2026-01-21T00:00:00Z");
        assertEquals(0, built.code(), built.err());
    }
}
