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
        assertTrue(bad.err().contains("'Jan 20' is not a date like 2026-01-20"), bad.err());
        assertTrue(CliTest.run("new", "--help").out().contains("snapshot"));
    }
}
