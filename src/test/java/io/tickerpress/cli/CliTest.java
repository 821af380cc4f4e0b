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
        assertTrue(r.out().matches("(?s)Built (\\d+) pages \\(\\1 rendered, 0 unchanged; 1 articles, \\d+ files; charts: 0 rendered, 0 reused\\) into .* in \\d+ ms\\s*"), r.out());
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
        assertTrue(r.err().contains("Unknown options: '--sauce'"), r.err());
    }
}
