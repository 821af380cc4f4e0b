package io.tickerpress.cli;

import io.tickerpress.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class CliTest {
    @TempDir
    Path dir;

    public record Run(int code, String out, String err) {
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine(args); // as the tickerpress command builds it
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Run runWithEveryCommand(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * A run names its subcommand first, and the command line is then made with that subcommand alone (start-up
     * time): what it prints and returns must be what the command with every subcommand gives.
     */
    @Test
    void aCommandLineWithTheNamedSubcommandAloneAnswersAsTheWholeOne() {
        String[][] runs = {{"build", "--help"}, {"build", "--no-such-flag"}, {"build", "--source"},
                {"check", "--help"}, {"new", "article", "--help"}, {"new", "--help"}, {"schema", "site"},
                {"schema", "nothing"}, {"deploy", "--help"}, {"import", "--help"}, {"serve", "--port", "x"},
                {"help", "build"}, {"help"}, {"--help"}, {"bild"}, {}};
        for (String[] args : runs) {
            Run whole = runWithEveryCommand(args);
            Run alone = run(args);
            String what = String.join(" ", args);
            assertEquals(whole.code(), alone.code(), what);
            assertEquals(whole.out(), alone.out(), what);
            assertEquals(whole.err(), alone.err(), what);
        }
    }

    @Test
    void helpListsTheCommandsAndBuildFlags() {
        Run top = run("--help");
        assertEquals(0, top.code());
        assertTrue(top.out().contains("build"), top.out());
        Run build = run("build", "--help");
        assertEquals(0, build.code());
        for (String flag : new String[] {"--source", "--output", "--drafts", "--future", "--base-url"}) {
            assertTrue(build.out().contains(flag), "build --help mentions " + flag);
        }
    }

    @Test
    void buildPrintsASummaryAndHonoursBaseUrl() {
        Path src = TestSites.site(dir.resolve("s"), Map.of(
                "content/articles/2026-01-05-a.md", TestSites.article("A", "2026-01-05T09:00:00-05:00", "", "x")));
        Path out = dir.resolve("out");
        Run r = run("build", "--source", src.toString(), "--output", out.toString(),
                "--base-url", "https://staging.example.org/ledger", "--now", "2026-02-01T00:00:00Z");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s)Built (\\d+) pages \\(\\1 rendered, 0 unchanged; 1 article, \\d+ files; charts: 0 rendered, 0 reused\\) into .* in \\d+ ms\\s*"), r.out());
        var doc = TestSites.page(out, "/news/2026/01/05/a/");
        assertEquals("https://staging.example.org/ledger/news/2026/01/05/a/", doc.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("/ledger/assets/style.css", doc.selectFirst("link[rel=stylesheet]").attr("href"));
    }

    @Test
    void badInputExitsNonZeroWithoutAStackTrace() {
        Path src = TestSites.site(dir.resolve("bad"), Map.of("content/articles/x.md", "---\ntitle: X\n---\n"));
        Run r = run("build", "--source", src.toString(), "--output", dir.resolve("out").toString());
        assertEquals(Main.EXIT_INPUT, r.code());
        assertTrue(r.err().matches("(?s)error: .*content/articles/x.md:2(:\\d+)?: missing required field 'date'.*"), r.err());
        assertFalse(r.err().contains("at io.tickerpress"), "no stack trace: " + r.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void unknownFlagIsAUsageError() {
        Run r = run("build", "--sauce", ".");
        assertEquals(2, r.code());
        assertEquals("error: tickerpress build has no flag --sauce: tickerpress build --help lists its"
                + " flags\n", r.err());
    }

    /**
     * A base URL starts every link of the site: one holding a character no URL may hold (here a quote and '<')
     * made every page invalid HTML (the W3C checker: "Illegal character in path segment") and was built without a
     * word. It is refused, naming the character and its escape; the escaped URL builds.
     */
    @Test
    void aBaseUrlWithACharacterNoUrlMayHoldIsRefused() {
        Path src = TestSites.site(dir.resolve("s"), Map.of(
                "content/articles/2026-01-05-a.md", TestSites.article("A", "2026-01-05T09:00:00-05:00", "", "x")));
        Path out = dir.resolve("out");
        Run quote = run("build", "--source", src.toString(), "--output", out.toString(),
                "--base-url", "https://news.example.com/x\"y/", "--now", "2026-02-01T00:00:00Z");
        assertEquals(2, quote.code(), quote.err()); // a flag's value: a usage error
        assertTrue(quote.err().startsWith("error: --base-url: 'https://news.example.com/x\"y/' holds '\"', which a URL"
                + " may not hold: write it percent-encoded, as %22\n"), quote.err());
        assertFalse(Files.exists(out));

        Run percent = run("build", "--source", src.toString(), "--output", out.toString(),
                "--base-url", "https://news.example.com/100%/", "--now", "2026-02-01T00:00:00Z");
        assertEquals(2, percent.code(), percent.err());
        assertTrue(percent.err().startsWith("error: --base-url: 'https://news.example.com/100%/' holds a '%' that is not"
                + " followed by two hexadecimal digits: write a percent sign as %25\n"), percent.err());

        TestSites.write(src.resolve("content/site.yaml"), "title: T\nbaseUrl: \"https://news.example.com/a<b/\"\n");
        Run yaml = run("build", "--source", src.toString(), "--output", out.toString(), "--now", "2026-02-01T00:00:00Z");
        assertEquals(1, yaml.code(), yaml.err());
        String shown = io.tickerpress.diag.Diagnostics.display(src.resolve("content/site.yaml"));
        assertTrue(yaml.err().matches("(?s)error: \\Q" + shown + "\\E:2(:\\d+)?: 'baseUrl' \\(https://news.example.com/a<b/\\)"
                + " holds '<', which a URL may not hold: write it percent-encoded, as %3C\n.*"), yaml.err());

        TestSites.write(src.resolve("content/site.yaml"), "title: T\n");
        Run escaped = run("build", "--source", src.toString(), "--output", out.toString(),
                "--base-url", "https://news.example.com/x%22y/", "--now", "2026-02-01T00:00:00Z");
        assertEquals(0, escaped.code(), escaped.err());
        assertEquals("https://news.example.com/x%22y/news/2026/01/05/a/",
                TestSites.page(out, "/news/2026/01/05/a/").selectFirst("link[rel=canonical]").attr("href"));
    }
}
