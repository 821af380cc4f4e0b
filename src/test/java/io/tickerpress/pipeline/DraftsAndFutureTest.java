package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DraftsAndFutureTest {
    @TempDir
    Path dir;

    private Path site() {
        return TestSites.site(dir.resolve("src"), Map.of(
                "content/articles/2026-01-05-published.md",
                TestSites.article("Published", "2026-01-05T09:00:00-05:00", "", "Body."),
                "content/articles/2026-01-06-draft.md",
                TestSites.article("Draft", "2026-01-06T09:00:00-05:00", "draft: true\n", "Body."),
                "content/articles/2026-01-07-future.md",
                TestSites.article("Future", "2026-01-07T09:00:00-05:00", "", "Body.")));
    }

    @Test
    void draftsAndFutureArticlesNeedTheirFlags() {
        Path src = site();
        Path out = dir.resolve("out");
        Instant clock = Instant.parse("2026-01-06T20:00:00Z");
        BuildOptions base = TestSites.options(src, out).withNow(clock);

        assertEquals(1, SiteBuilder.build(base).articles());
        assertTrue(Files.exists(out.resolve("news/2026/01/05/published/index.html")));
        assertFalse(Files.exists(out.resolve("news/2026/01/06/draft/index.html")));
        assertFalse(Files.exists(out.resolve("news/2026/01/07/future/index.html")));

        assertEquals(2, SiteBuilder.build(base.withDrafts(true)).articles());
        assertTrue(Files.exists(out.resolve("news/2026/01/06/draft/index.html")));

        assertEquals(2, SiteBuilder.build(base.withFuture(true)).articles());
        assertTrue(Files.exists(out.resolve("news/2026/01/07/future/index.html")));
        assertFalse(Files.exists(out.resolve("news/2026/01/06/draft/index.html")));

        assertEquals(3, SiteBuilder.build(base.withDrafts(true).withFuture(true)).articles());
    }

    @Test
    void tiesOnDateAreBrokenBySlug() {
        Path src = TestSites.site(dir.resolve("tie"), Map.of(
                "content/articles/b.md", TestSites.article("Bravo", "2026-01-05T09:00:00-05:00", "", "B"),
                "content/articles/a.md", TestSites.article("Alpha", "2026-01-05T09:00:00-05:00", "", "A"),
                "content/articles/c.md", TestSites.article("Charlie", "2026-01-05T09:00:00-05:00", "", "C")));
        Path out = dir.resolve("tie-out");
        TestSites.build(src, out);
        var b = TestSites.page(out, "/news/2026/01/05/b/");
        assertEquals("Alpha", b.selectFirst(".previous-story .title").text());
        assertEquals("Charlie", b.selectFirst(".next-story .title").text());
        // The front page: the newest as the lead story, then the next.
        assertEquals(java.util.List.of("Charlie", "Bravo"), TestSites.page(out, "/").select(".lead-title, .teaser-title").eachText());
    }
}
