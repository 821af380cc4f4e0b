package io.tickerpress.diag;

import io.tickerpress.TestSites;
import io.tickerpress.cli.CliTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Counts in messages agree with their nouns: "1 article", never "1 articles" or "1 file(s)". The expected
 * texts are English written by hand.
 */
class CountsTest {
    @TempDir
    Path dir;

    @Test
    void oneIsSingularEveryOtherCountPlural() {
        assertEquals("0 pages", Counts.of(0, "page"));
        assertEquals("1 page", Counts.of(1, "page"));
        assertEquals("2 pages", Counts.of(2, "page"));
        assertEquals("1 trading day", Counts.of(1, "trading day"));
        assertEquals("11 trading days", Counts.of(11, "trading day"));
        assertEquals("1 entry", Counts.of(1, "entry", "entries"));
        assertEquals("3 entries", Counts.of(3, "entry", "entries"));
        assertEquals("1 file", Counts.grouped(1, "file"));
        assertEquals("1,234,567 files", Counts.grouped(1_234_567, "file"));
        assertEquals("is", Counts.pick(1, "is", "are"));
        assertEquals("are", Counts.pick(0, "is", "are"));
    }

    /** A site of one article with one warning: the summary says "1 article" and "1 warning". */
    @Test
    void theBuildSummarySaysOneArticleAndOneWarning() {
        Path src = TestSites.site(dir.resolve("s"), Map.of(
                "content/articles/2026-01-05-a.md", TestSites.article("A", "2026-01-05T09:00:00-05:00", "", "x"),
                "content/articles/2026-03-05-later.md", TestSites.article("Later", "2026-03-05T09:00:00-05:00", "", "y")));
        CliTest.Run r = CliTest.run("build", "--source", src.toString(), "--output", dir.resolve("out").toString(),
                "--now", "2026-02-01T00:00:00Z");
        assertEquals(0, r.code(), r.err());
        // the later story is held back (one warning, "include it"): one article is built
        assertTrue(r.err().contains("warning: 1 future article held back;") && r.err().contains("to include it\n"), r.err());
        assertTrue(r.out().matches("Built \\d+ pages \\(\\d+ rendered, 0 unchanged; 1 article, \\d+ files; charts: 0"
                + " rendered, 0 reused\\) into .* in \\d+ ms, 1 warning\\n"), r.out());
    }

    /** One page with one link, which is broken: "Checked 1 page and 1 link: 1 problem". */
    @Test
    void checkCountsOnePageOneLinkOneProblem() {
        Path site = dir.resolve("site");
        TestSites.write(site.resolve("index.html"), """
                <!DOCTYPE html><html><head><title>Home</title></head><body><a href="/missing/">broken</a></body></html>""");
        CliTest.Run r = CliTest.run("check", "--source", TestSites.SAMPLE.toString(), "--site", site.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals("index.html: broken link /missing/\nChecked 1 page and 1 link: 1 problem\n", r.out());
    }

    /** A history row of one cell, and a quote shortcode with one argument, say so in the singular. */
    @Test
    void inputErrorsCountInTheSingular() {
        Path src = TestSites.site(dir.resolve("h"), Map.of("content/market/history/MU.csv",
                "Date,Open,High,Low,Close,Volume\n2026-01-05\n"));
        CliTest.Run r = CliTest.run("build", "--source", src.toString(), "--output", dir.resolve("o1").toString(),
                "--now", "2026-02-01T00:00:00Z");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains(":2: row has 1 cell but the header has 6\n"), r.err());

        Path quote = TestSites.site(dir.resolve("q"), Map.of("content/articles/2026-01-05-a.md",
                TestSites.article("A", "2026-01-05T09:00:00-05:00", "", "Close {{< quote SPX >}}.")));
        CliTest.Run q = CliTest.run("build", "--source", quote.toString(), "--output", dir.resolve("o2").toString(),
                "--now", "2026-02-01T00:00:00Z");
        assertEquals(1, q.code(), q.err());
        assertTrue(q.err().contains("got 1 argument\n") || q.err().contains("got 1 argument:"), q.err());
    }

    /** No message in the code writes a count's noun as "file(s)": each goes through {@link Counts}. */
    @Test
    void noMessageHedgesItsPlural() throws IOException {
        Pattern literal = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
        Pattern hedge = Pattern.compile("[a-z]\\(s\\)");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) continue;
                    for (Matcher m = literal.matcher(line); m.find(); ) {
                        if (hedge.matcher(m.group().replace("http(s)", "http")).find()) {
                            found.add(f + ":" + (i + 1) + ": " + m.group());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }
}
