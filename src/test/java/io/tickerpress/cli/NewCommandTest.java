package io.tickerpress.cli;

import io.tickerpress.TestSites;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NewCommandTest {
    @TempDir
    Path dir;

    @AfterEach
    void resetClock() {
        NewCommand.clock = Clock.systemUTC();
    }

    @Test
    void newSiteBuildsAndNewArticleAndSnapshotFitIt() throws Exception {
        NewCommand.clock = Clock.fixed(Instant.parse("2026-01-21T15:30:00Z"), ZoneOffset.UTC); // 10:30 in New York
        Path site = dir.resolve("starter");
        CliTest.Run created = CliTest.run("new", "site", site.toString());
        assertEquals(0, created.code(), created.err());
        CliTest.Run built = CliTest.run("build", "--source", site.toString(), "--output", site.resolve("site").toString(),
                "--now", "2026-01-21T16:00:00Z");
        assertEquals(0, built.code(), built.err());
        var welcome = TestSites.page(site.resolve("site"), "/news/2026/01/21/welcome/");
        assertTrue(welcome.selectFirst(".story-body").text().contains("The S&P 500 closed at 6,000.00 on Jan 20, 2026"),
                "the snapshot is the last close before 10:30 on Jan 21");

        CliTest.Run article = CliTest.run("new", "article", "Russell 2000 Hits \"Record\"", "--source", site.toString());
        assertEquals(0, article.code(), article.err());
        Path file = site.resolve("content/articles/2026-01-21-russell-2000-hits-record.md");
        assertTrue(article.out().strip().endsWith("content/articles/2026-01-21-russell-2000-hits-record.md"), article.out());
        String text = Files.readString(file);
        assertTrue(text.contains("title: \"Russell 2000 Hits \\\"Record\\\"\"\n"), text);
        assertTrue(text.contains("date: 2026-01-21T10:30:00-05:00\n"), text);
        assertTrue(text.contains("summary: []\n") && text.contains("draft: true\n"), text);
        CliTest.Run again = CliTest.run("new", "article", "Russell 2000 Hits \"Record\"", "--source", site.toString());
        assertEquals(1, again.code());
        assertTrue(again.err().contains("already exists; not replaced"), again.err());
        // The draft builds with --drafts.
        CliTest.Run drafts = CliTest.run("build", "--source", site.toString(), "--output", site.resolve("site").toString(),
                "--drafts", "--now", "2026-01-21T16:00:00Z");
        assertEquals(0, drafts.code(), drafts.err());
        assertEquals("Russell 2000 Hits \"Record\"",
                TestSites.page(site.resolve("site"), "/news/2026/01/21/russell-2000-hits-record/").selectFirst("h1").text());

        CliTest.Run snap = CliTest.run("new", "snapshot", "2026-01-22", "--source", site.toString());
        assertEquals(0, snap.code(), snap.err());
        assertTrue(Files.readString(site.resolve("content/market/2026-01-22.json")).contains("\"date\": \"2026-01-22\""));
        assertEquals(0, CliTest.run("build", "--source", site.toString(), "--output", site.resolve("site").toString(),
                "--now", "2026-01-23T00:00:00Z").code());
    }

    @Test
    void newSnapshotRefusesClosedDaysWithTheReason() {
        Path site = TestSites.site(dir.resolve("s"), java.util.Map.of());
        CliTest.Run holiday = CliTest.run("new", "snapshot", "2026-01-19", "--source", site.toString());
        assertEquals(1, holiday.code());
        assertTrue(holiday.err().contains("2026-01-19 is not a trading day: Martin Luther King Jr. Day"), holiday.err());
        CliTest.Run weekend = CliTest.run("new", "snapshot", "2026-01-24", "--source", site.toString());
        assertTrue(weekend.err().contains("not a trading day: Saturday"), weekend.err());
        CliTest.Run bad = CliTest.run("new", "snapshot", "Jan 20", "--source", site.toString());
        assertEquals(2, bad.code()); // not a date at all: a usage error (a closed day is the site's calendar: exit 1)
        assertTrue(bad.err().contains("'Jan 20' is not a date: write one such as 2026-01-20"), bad.err());
        assertTrue(CliTest.run("new", "--help").out().contains("snapshot"));
    }

    /**
     * {@code new site DIR} where DIR cannot be a folder: a file, a link to nowhere, nothing at all. Each is the user's
     * input (exit 1, naming the path and what is wrong) or usage (exit 2), never an internal error (70), and nothing is
     * written anywhere else (an empty DIR used to fill the working folder).
     */
    @Test
    void newSiteWhereNoFolderCanBeIsTheUsersErrorNotABug() throws Exception {
        Path file = Files.writeString(dir.resolve("afile"), "keep me");
        CliTest.Run onFile = CliTest.run("new", "site", file.toString());
        assertEquals(1, onFile.code(), onFile.err());
        assertTrue(onFile.err().startsWith("error: " + io.tickerpress.diag.Diagnostics.display(file)
                + ": is a file, not a folder"), onFile.err());
        assertEquals("keep me", Files.readString(file));

        Path link = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));
        CliTest.Run onLink = CliTest.run("new", "site", link.toString());
        assertEquals(1, onLink.code(), onLink.err());
        assertTrue(onLink.err().contains("is a symbolic link to " + dir.resolve("nowhere") + ", which is not a folder"),
                onLink.err());
        assertTrue(Files.notExists(dir.resolve("nowhere")));

        CliTest.Run empty = CliTest.run("new", "site", "");
        assertEquals(2, empty.code(), empty.err());
        assertEquals("error: DIR: '' is not a folder name: name the folder for the new site (. for the working folder)\n",
                empty.err());
        assertTrue(Files.notExists(Path.of("content/site.yaml")) || Files.exists(Path.of("pom.xml")),
                "nothing written into the working folder");
        assertTrue(Files.notExists(Path.of("content/articles/welcome.md")));
    }

    /** {@code new} without what to create is a usage error (exit 2), as any missing argument. */
    @Test
    void newWithoutWhatToCreateIsAUsageError() {
        CliTest.Run r = CliTest.run("new");
        assertEquals(2, r.code());
        assertEquals("error: tickerpress new needs what to create: article, snapshot or site, as in tickerpress new"
                + " article \"Headline\"\n", r.err());
    }

    /**
     * Every help text prints as written: a '%' in a description is a format directive to picocli, and
     * "% change" made it warn on standard error ("[picocli WARN] Could not format ...") above the usage.
     */
    @Test
    void everyHelpTextPrintsWithoutAWarning() {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (String[] args : new String[][] {{"--help"}, {"new", "--help"}, {"new", "snapshot", "--help"},
                    {"new", "article", "--help"}, {"new", "site", "--help"}, {"build", "--help"}, {"serve", "--help"},
                    {"check", "--help"}, {"deploy", "--help"}, {"import", "--help"}, {"schema", "--help"}}) {
                CliTest.Run r = CliTest.run(args);
                assertEquals(0, r.code(), String.join(" ", args));
                assertEquals("", r.err(), String.join(" ", args));
                if (args[0].equals("new") && !args[1].equals("article") && !args[1].equals("site")) assertTrue(r.out().replaceAll("\\s+", " ").contains("change and % change"), r.out());
            }
        } finally {
            System.setErr(saved);
        }
        // The Jazzer agent, which LoaderFuzzTest installs in the test JVM (it may have run earlier in this fork), logs
        // each class it instruments as the class loads: "INFO: Instrumented io.tickerpress.check.SiteChecker$Report
        // with custom hooks only". That is the fuzzing harness speaking, not TickerPress; anything else fails.
        String printed = captured.toString(java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll("(?m)^INFO: Instrumented \\S+( .*)?\\R", "");
        assertEquals("", printed);
    }

    /**
     * A title typed with a control character (a bell, a paste with a line break or a Unicode line separator) was
     * written into the front matter as it was, and the next build stopped: "malformed YAML: special characters are not
     * allowed". The headline is one line: each such run is one space, and the article builds.
     */
    @Test
    void aTitleWithControlCharactersOrLineBreaksMakesAnArticleThatBuilds() throws Exception {
        NewCommand.clock = Clock.fixed(Instant.parse("2026-01-21T15:30:00Z"), ZoneOffset.UTC); // 10:30 in New York
        Path site = TestSites.site(dir.resolve("s"), java.util.Map.of());
        CliTest.Run made = CliTest.run("new", "article", "Bell \u0007 rings\nand\u2028again\u0085 ", "--source",
                site.toString());
        assertEquals(0, made.code(), made.err());
        Path file = site.resolve("content/articles/2026-01-21-bell-rings-and-again.md");
        assertTrue(Files.readString(file).contains("title: \"Bell rings and again\"\n"), Files.readString(file));
        CliTest.Run built = CliTest.run("build", "--source", site.toString(), "--output", dir.resolve("out").toString(),
                "--drafts", "--now", "2026-01-21T16:00:00Z");
        assertEquals(0, built.code(), built.err());
        assertEquals("Bell rings and again",
                TestSites.page(dir.resolve("out"), "/news/2026/01/21/bell-rings-and-again/").selectFirst("h1").text());
    }

    /**
     * A title in another script (here Japanese) has letters, but none a file name and URL can hold: the message
     * said it had "no letters or digits", which is untrue, and gave no way out.
     */
    @Test
    void aTitleWithoutLatinLettersSaysWhatAFileNameNeeds() throws Exception {
        Path site = TestSites.site(dir.resolve("s"), java.util.Map.of());
        CliTest.Run r = CliTest.run("new", "article", "\u65e5\u672c\u682a", "--source", site.toString());
        assertEquals(2, r.code(), r.err()); // the argument's value: a usage error, which changes nothing
        assertEquals("error: TITLE: '\u65e5\u672c\u682a' has no Latin letters or digits to make a file name from (file"
                + " names and URLs use a-z and 0-9; accents are dropped): add a few Latin words to the title, or write"
                + " the file by hand with a 'slug:' field\n", r.err());
        assertTrue(Files.notExists(site.resolve("content/articles")), "nothing written");
    }
}
