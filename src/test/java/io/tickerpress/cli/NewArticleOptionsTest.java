package io.tickerpress.cli;

import io.tickerpress.TestSites;
import io.tickerpress.pipeline.BuildOptions;
import io.tickerpress.pipeline.BuildResult;
import io.tickerpress.pipeline.SiteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code new article --date --tickers}, and the placeholder base URL of {@code new site} that builds warn about. */
class NewArticleOptionsTest {
    @TempDir
    Path dir;

    @AfterEach
    void resetClock() {
        NewCommand.clock = Clock.systemUTC();
    }

    @Test
    void newArticleTakesADateAndTickers() throws Exception {
        Path site = TestSites.site(dir.resolve("s"), Map.of());
        CliTest.Run run = CliTest.run("new", "article", "Small Caps Rally", "--date", "2026-01-20 06:04",
                "--tickers", "rut,SPX", "--tickers", "rut", "--source", site.toString());
        assertEquals(0, run.code(), run.err());
        // The site's zone is America/New_York (the default): 06:04 on Jan 20 is EST, -05:00.
        Path file = site.resolve("content/articles/2026-01-20-small-caps-rally.md");
        String text = Files.readString(file);
        assertTrue(text.contains("date: 2026-01-20T06:04:00-05:00\n"), text);
        assertTrue(text.contains("tickers: [RUT, SPX]\n"), text);
        CliTest.Run build = CliTest.run("build", "--source", site.toString(), "--output", site.resolve("out").toString(),
                "--drafts", "--now", "2026-01-21T00:00:00Z");
        assertEquals(0, build.code(), build.err());
        assertEquals("Small Caps Rally",
                TestSites.page(site.resolve("out"), "/news/2026/01/20/small-caps-rally/").selectFirst("h1").text());

        CliTest.Run badDate = CliTest.run("new", "article", "Another", "--date", "next tuesday", "--source", site.toString());
        assertEquals(2, badDate.code());
        assertTrue(badDate.err().contains("--date: 'next tuesday' is not a date"), badDate.err());
        CliTest.Run badTicker = CliTest.run("new", "article", "Another", "--tickers", "S&P", "--source", site.toString());
        assertEquals(2, badTicker.code());
        assertTrue(badTicker.err().contains("--tickers: 'S&P' is not a symbol"), badTicker.err());
        assertTrue(Files.notExists(site.resolve("content/articles/2026-01-20-another.md")));
    }

    @Test
    void newSiteWritesAPlaceholderBaseUrlThatBuildsWarnAbout() throws Exception {
        NewCommand.clock = Clock.fixed(Instant.parse("2026-01-21T15:30:00Z"), ZoneOffset.UTC);
        Path site = dir.resolve("starter");
        assertEquals(0, CliTest.run("new", "site", site.toString()).code());
        List<String> yaml = Files.readAllLines(site.resolve("content/site.yaml"));
        int line = yaml.indexOf("baseUrl: http://localhost:1414/") + 1;
        assertTrue(line > 1 && yaml.get(line - 2).startsWith("# Placeholder"), yaml.toString());

        CliTest.Run build = CliTest.run("build", "--source", site.toString(), "--output", site.resolve("out").toString(),
                "--now", "2026-01-21T16:00:00Z");
        assertEquals(0, build.code(), build.err());
        String siteYaml = io.tickerpress.diag.Diagnostics.display(site.resolve("content/site.yaml"));
        assertTrue(build.err().contains("warning: " + siteYaml + ":" + line + ": 'baseUrl' is a local address"
                + " (http://localhost:1414/)"), build.err());

        CliTest.Run published = CliTest.run("build", "--source", site.toString(), "--output", site.resolve("out").toString(),
                "--now", "2026-01-21T16:00:00Z", "--base-url", "https://news.example.com/");
        assertEquals(0, published.code(), published.err());
        assertTrue(!published.err().contains("local address"), published.err());

        // The preview server builds in place with the local URL on purpose: no warning there.
        BuildResult preview = SiteBuilder.build(BuildOptions.of(site, site.resolve("preview")).withInPlace(true));
        assertTrue(preview.warnings().stream().noneMatch(w -> w.contains("local address")), preview.warnings().toString());
    }
}
