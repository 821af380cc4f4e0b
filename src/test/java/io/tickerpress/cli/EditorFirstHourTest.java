package io.tickerpress.cli;

import io.tickerpress.TestSites;
import io.tickerpress.diag.Diagnostics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An editor's first hour (issue 17): every message says what happened and what to do, and nothing is left out
 * silently. Each test runs the real command line (in this process, or as a child process where the working
 * folder matters) and checks the exact message and exit code. The expected texts are the wording the issue asks
 * for, with the facts worked out by hand in the comments.
 */
class EditorFirstHourTest {
    private static final String NOW = "2026-01-20T21:00:00Z"; // 16:00 EST on Tuesday, Jan 20, 2026

    @TempDir
    Path dir;

    @AfterEach
    void resetClock() {
        NewCommand.clock = Clock.systemUTC();
    }

    private static String shown(Path p) {
        return Diagnostics.display(p);
    }

    private Path site(Map<String, String> files) {
        return TestSites.site(dir.resolve("s"), files);
    }

    private static CliTest.Run build(Path src, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("build", "--source", src.toString(), "--output", out.toString(),
                "--now", NOW));
        args.addAll(List.of(more));
        return CliTest.run(args.toArray(String[]::new));
    }

    // ---- each command says what it did and did not do

    @Test
    void newSnapshotOnAHolidaySaysNoFileWasWrittenAndNothingAboutBuilds() {
        Path src = site(Map.of());
        // Thanksgiving 2026: Nov 1 is a Sunday, so the Thursdays are the 5th, 12th, 19th and 26th; the fourth is the 26th.
        CliTest.Run r = CliTest.run("new", "snapshot", "2026-11-26", "--source", src.toString());
        assertEquals(1, r.code());
        assertEquals("error: DATE: 2026-11-26 is not a trading day: Thanksgiving Day\nNo file was written.\n", r.err());
        assertFalse(Files.exists(src.resolve("content/market/2026-11-26.json")));
    }

    @Test
    void newArticleThatExistsSaysNoFileWasWritten() {
        Path src = site(Map.of());
        NewCommand.clock = Clock.fixed(Instant.parse("2026-01-21T15:30:00Z"), ZoneOffset.UTC); // 10:30 EST
        assertEquals(0, CliTest.run("new", "article", "Rally", "--source", src.toString()).code());
        CliTest.Run again = CliTest.run("new", "article", "Rally", "--source", src.toString());
        assertEquals(1, again.code());
        assertEquals("error: " + shown(src.resolve("content/articles/2026-01-21-rally.md"))
                + ": already exists; not replaced\nNo file was written.\n", again.err());
    }

    @Test
    void aFailedFirstBuildSaysNothingWasPublishedAndALaterOneThatThePreviousSiteStays() {
        Path src = site(Map.of("content/articles/a.md", TestSites.article("A", "2026-01-05T09:00:00-05:00", "", "x")));
        Path out = dir.resolve("out");
        TestSites.write(src.resolve("content/articles/b.md"), "---\ntitle: B\n---\n");
        CliTest.Run first = build(src, out);
        assertEquals(1, first.code());
        assertEquals("error: " + shown(src.resolve("content/articles/b.md")) + ":2:1: missing required field 'date'\n"
                + "Build failed; nothing was published to " + shown(out) + ".\n", first.err());
        assertFalse(Files.exists(out));

        TestSites.write(src.resolve("content/articles/b.md"), TestSites.article("B", "2026-01-06T09:00:00-05:00", "", "y"));
        assertEquals(0, build(src, out).code());
        TestSites.write(src.resolve("content/articles/b.md"), "---\ntitle: B\n---\n");
        CliTest.Run later = build(src, out);
        assertEquals(1, later.code());
        assertEquals("error: " + shown(src.resolve("content/articles/b.md")) + ":2:1: missing required field 'date'\n"
                + "Build failed; the previous site in " + shown(out) + " was left as it was.\n", later.err());
        assertTrue(Files.isRegularFile(out.resolve("news/2026/01/06/b/index.html")), "the previous site is still there");
    }

    // ---- dates and times

    @Test
    void anImpossibleDateSaysWhy() {
        // 2026 is not a leap year (2026 / 4 = 506.5), so February has 28 days.
        Path src = site(Map.of("content/articles/a.md", TestSites.article("A", "2026-02-30 16:40", "", "x")));
        CliTest.Run r = build(src, dir.resolve("out"));
        assertEquals(1, r.code());
        assertEquals("error: " + shown(src.resolve("content/articles/a.md")) + ":3:1: 'date' is not a real date or"
                + " time: '2026-02-30 16:40': February 2026 has 28 days, not 30\n"
                + "Build failed; nothing was published to " + shown(dir.resolve("out")) + ".\n", r.err());
    }

    @Test
    void anImpossibleTimeSaysWhy() {
        Path src = site(Map.of("content/articles/a.md", TestSites.article("A", "2026-01-20 25:40", "", "x")));
        CliTest.Run r = build(src, dir.resolve("out"));
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("error: " + shown(src.resolve("content/articles/a.md")) + ":3:1: 'date' is not a"
                + " real date or time: '2026-01-20 25:40': there is no hour 25: hours run from 00 to 23 (midnight is"
                + " 00:00 of the next day)\n"), r.err());
    }

    @Test
    void newSnapshotForAnImpossibleDateSaysWhy() {
        Path src = site(Map.of());
        CliTest.Run r = CliTest.run("new", "snapshot", "2028-02-30", "--source", src.toString());
        assertEquals(2, r.code()); // the argument is not a date: a usage error, one line (nothing is ever written)
        // 2028 is a leap year (2028 / 4 = 507), so February 2028 has 29 days.
        assertEquals("error: DATE: '2028-02-30' is not a real date: February 2028 has 29 days, not 30\n", r.err());
    }

    @Test
    void updatedBeforeDatePrintsTimesAsTheEditorWritesThem() {
        Path src = site(Map.of("content/articles/a.md",
                TestSites.article("A", "2026-01-16 17:00", "updated: 2026-01-16 10:00\n", "x")));
        CliTest.Run r = build(src, dir.resolve("out"));
        assertEquals(1, r.code());
        // Site zone America/New_York: January is EST, UTC-5.
        assertTrue(r.err().startsWith("error: " + shown(src.resolve("content/articles/a.md")) + ":4:1: 'updated'"
                + " (2026-01-16T10:00:00-05:00) is before 'date' (2026-01-16T17:00:00-05:00): an update comes after the"
                + " story it updates\n"), r.err());
        assertFalse(r.err().contains("[America/New_York]"), r.err());
    }

    // ---- snapshot names

    private static String snapshot(String date) {
        return "{\"date\": \"" + date + "\", \"indices\": [{\"symbol\": \"SPX\", \"close\": 6000}]}\n";
    }

    @Test
    void aSnapshotNamedAfterAnImpossibleDayIsNotToldToTakeANameInUse() {
        Path src = site(Map.of("content/market/2026-11-24.json", snapshot("2026-11-24"),
                "content/market/2026-11-31.json", snapshot("2026-11-24")));
        CliTest.Run r = build(src, dir.resolve("out"));
        assertEquals(1, r.code());
        // November has 30 days.
        assertEquals("error: " + shown(src.resolve("content/market/2026-11-31.json")) + ":1:2: 'date' is 2026-11-24"
                + " but the file is named 2026-11-31.json (not a real day: November 2026 has 30 days, not 31), and"
                + " 2026-11-24.json exists already: set 'date' to the trading day this file holds and name the file"
                + " after it\nBuild failed; nothing was published to " + shown(dir.resolve("out")) + ".\n", r.err());
    }

    @Test
    void aMisnamedSnapshotIsToldItsNameWhenThatNameIsFree() {
        Path src = site(Map.of("content/market/2026-11-23.json", snapshot("2026-11-24")));
        CliTest.Run r = build(src, dir.resolve("out"));
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("error: " + shown(src.resolve("content/market/2026-11-23.json")) + ":1:2:"
                + " 'date' is 2026-11-24 but the file is named 2026-11-23.json: name it 2026-11-24.json\n"), r.err());
    }

    // ---- nothing left out silently

    @Test
    void futureArticlesHeldBackAreCountedWithTheNextOnesTime() {
        Path src = site(Map.of(
                "content/articles/now.md", TestSites.article("Now", "2026-01-20T09:00:00-05:00", "", "x"),
                "content/articles/later.md", TestSites.article("Later", "2026-01-28T06:00:00-05:00", "", "x"),
                "content/articles/soon.md", TestSites.article("Soon", "2026-01-27T06:00:00-05:00", "", "x"),
                "content/articles/draft.md", TestSites.article("Draft", "2026-01-26T06:00:00-05:00", "draft: true\n", "x")));
        Path out = dir.resolve("out");
        CliTest.Run r = build(src, out);
        assertEquals(0, r.code(), r.err());
        // Two articles lie after 2026-01-20 16:00 EST (the draft is left out as a draft, not as a future one);
        // the sooner is Jan 27, 06:00 EST.
        assertEquals("warning: 2 future articles held back; next: Jan 27, 2026, 06:00 EST ("
                + shown(src.resolve("content/articles/soon.md")) + "); build with --future to include them\n", r.err());
        assertTrue(r.out().contains("1 article,") && r.out().contains(" ms, 1 warning\n"), r.out());

        CliTest.Run all = build(src, out, "--future");
        assertEquals(0, all.code());
        assertEquals("", all.err(), "with --future nothing is held back");
    }

    @Test
    void markdownFilesUnderEveryCommonExtensionArePublished() {
        Path src = site(Map.of(
                "content/articles/2026-01-05-one.markdown", TestSites.article("One", "2026-01-05T09:00:00-05:00", "", "x"),
                "content/articles/2026-01-06-two.mdown", TestSites.article("Two", "2026-01-06T09:00:00-05:00", "", "y"),
                "content/articles/2026-01-07-three.md", TestSites.article("Three", "2026-01-07T09:00:00-05:00", "", "z")));
        Path out = dir.resolve("out");
        CliTest.Run r = build(src, out);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("; 3 articles,"), r.out());
        assertEquals("One", TestSites.page(out, "/news/2026/01/05/one/").selectFirst("h1").text());
        assertEquals("Two", TestSites.page(out, "/news/2026/01/06/two/").selectFirst("h1").text());
    }

    @Test
    void tagsWrittenAsOneCommaSeparatedTextAreSeparateTags() {
        Path src = site(Map.of("content/articles/a.md",
                TestSites.article("A", "2026-01-05T09:00:00-05:00", "tags: Stocks, Chips\ntickers: MU, NVDA\n", "x")));
        Path out = dir.resolve("out");
        CliTest.Run r = build(src, out);
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(out.resolve("tags/stocks/index.html")));
        assertTrue(Files.isRegularFile(out.resolve("tags/chips/index.html")));
        assertFalse(Files.exists(out.resolve("tags/stocks-chips")));
        var tags = TestSites.page(out, "/news/2026/01/05/a/").select("a[href*=/tags/]").eachText();
        assertTrue(tags.contains("Stocks") && tags.contains("Chips"), tags.toString());
    }

    @Test
    void aSiteWithoutArticlesSaysSo() {
        Path src = site(Map.of());
        CliTest.Run r = build(src, dir.resolve("out"));
        assertEquals(0, r.code(), r.err());
        assertEquals("warning: " + shown(src.resolve("content/articles")) + ": no articles: the site is built without"
                + " any story; write one with tickerpress new article \"TITLE\"\n", r.err());
    }

    // ---- where the site is

    @Test
    void serveWithoutASiteStopsWithTheErrorInsteadOfServing404s() {
        Path empty = dir.resolve("empty");
        TestSites.write(empty.resolve("notes.txt"), "not a site");
        CliTest.Run r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> CliTest.run("serve", "--source", empty.toString(), "--port", "0"));
        assertEquals(1, r.code());
        assertEquals("error: --source: no content/site.yaml in " + empty.toAbsolutePath().normalize() + ": name the"
                + " folder that holds content/site.yaml, or create a site there with tickerpress new site "
                + shown(empty) + "\n", r.err());
        assertEquals("", r.out(), "no 'Serving ...' line");
    }

    @Test
    void commandsRunInsideTheSiteFindItUpwardsLikeGit() throws Exception {
        Path src = site(Map.of("content/articles/a.md", TestSites.article("A", "2026-01-05T09:00:00-05:00", "", "x")));
        Path articles = src.resolve("content/articles");

        Child made = child(articles, "new", "article", "Deep Inside");
        assertEquals(0, made.code, made.err);
        // The working folder is content/articles, so the new file is shown relative to it.
        String name = made.out.strip();
        assertTrue(name.matches("\\d{4}-\\d{2}-\\d{2}-deep-inside\\.md"), made.out);
        assertTrue(Files.isRegularFile(articles.resolve(name)), "written into the site's content/articles");
        assertFalse(Files.exists(articles.resolve("content")), "not into a content/ folder below the working folder");

        Child built = child(articles, "build", "--now", NOW);
        assertEquals(0, built.code, built.err);
        Path out = src.resolve("site").toRealPath();
        assertTrue(Files.isRegularFile(out.resolve("news/2026/01/05/a/index.html")), "site/ beside content/");
        assertTrue(built.out.contains(" into " + src.toRealPath().resolve("site") + " in "), built.out);

        Child checked = child(articles, "check");
        assertEquals(0, checked.code, checked.err);
        assertTrue(checked.out.contains(": no problems"), checked.out);
    }

    /**
     * import and deploy find their site upwards as every command does (README "Running from anywhere"): run inside
     * content/articles without --source, both stopped with an internal error (a NullPointerException, exit 70), and
     * deploy's default --site is the site/ beside content/, not a site/ below the working folder.
     */
    @Test
    void importAndDeployRunInsideTheSiteFindItUpwards() throws Exception {
        Path src = site(Map.of("content/articles/a.md", TestSites.article("A", "2026-01-05T09:00:00-05:00", "", "x"),
                "content/site.yaml", "title: T\nbaseUrl: https://example.org/\ndeploy:\n  targets:\n    - name: here\n"
                        + "      bucket: news-bucket\n      endpoint: http://127.0.0.1:9\n      region: us-east-1\n"));
        Path articles = src.resolve("content/articles");
        // Stooq daily: Jan 5 and 6, 2026 are a Monday and Tuesday.
        Path csv = Files.writeString(dir.resolve("xyz_d.csv"),
                "Date,Open,High,Low,Close,Volume\n2026-01-05,10,11,9,10.5,1000\n2026-01-06,10.5,12,10,11.25,2000\n");

        Child imported = child(articles, "import", csv.toString(), "--symbol", "XYZ");
        assertEquals(0, imported.code, imported.err);
        Path real = src.toRealPath(); // the working folder as the child sees it
        assertEquals("XYZ: 2 rows added, 0 replaced, 2026-01-05 … 2026-01-06 ("
                + real.resolve("content/market/history/XYZ.csv") + ")\n", imported.out);
        assertEquals("Date,Open,High,Low,Close,Volume\n2026-01-05,10.00,11.00,9.00,10.50,1000\n"
                + "2026-01-06,10.50,12.00,10.00,11.25,2000\n",
                Files.readString(src.resolve("content/market/history/XYZ.csv")));

        // Not built yet: deploy names the site/ beside content/.
        Child deployed = child(articles, "deploy", "--dry-run");
        assertEquals(1, deployed.code, deployed.err);
        assertTrue(deployed.err.startsWith("error: " + real.resolve("site") + ": no built site here: run 'tickerpress build' first"),
                deployed.err);
    }

    @Test
    void buildCheckAndNewSayTheSameThingAboutWhereTheyLookedWhenThereIsNoSite() throws Exception {
        Path nowhere = dir.resolve("a/b");
        Files.createDirectories(nowhere);
        Path real = nowhere.toRealPath();
        String looked = "error: no TickerPress site here: looked for content/site.yaml in " + real + " and in every"
                + " folder above it; run tickerpress inside a site folder, name one with --source DIR, or create one"
                + " with tickerpress new site DIR\n";
        // Skipped if some folder above the temporary folder happens to be a site.
        for (Path p = real; p != null; p = p.getParent()) {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.exists(p.resolve("content/site.yaml")), p.toString());
        }
        Child b = child(nowhere, "build");
        assertEquals(1, b.code);
        assertEquals(looked + "Build failed; nothing was published.\n", b.err);
        Child c = child(nowhere, "check");
        assertEquals(1, c.code);
        assertEquals(looked + "Nothing was checked.\n", c.err);
        Child n = child(nowhere, "new", "article", "X");
        assertEquals(1, n.code);
        assertEquals(looked + "No file was written.\n", n.err);
        try (var files = Files.list(nowhere)) {
            assertEquals(0, files.count(), "nothing written");
        }
    }

    private record Child(int code, String out, String err) {
    }

    /** Runs {@code tickerpress ARGS} as a child JVM in the working folder {@code cwd}. */
    private static Child child(Path cwd, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("tp-out", ".txt");
        Path err = Files.createTempFile("tp-err", ".txt");
        try {
            Process p = new ProcessBuilder(command).directory(cwd.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished: " + String.join(" ", args));
            return new Child(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
