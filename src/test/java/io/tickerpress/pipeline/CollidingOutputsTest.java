package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import io.tickerpress.cli.CliTest;
import io.tickerpress.diag.InputError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two outputs at one path would overwrite each other without a word: the build stops instead and names both.
 * Each case picks a permalink pattern and a slug that lands on a page the generator makes itself (the paths
 * below are the README's documented URLs: /tags/, /search/, /markets/, /tickers/SYMBOL/, /sitemap.xml).
 */
class CollidingOutputsTest {
    private static final String FILE = "content/articles/2026-01-05-story.md";

    @TempDir
    Path dir;

    private Path site(String permalink, String slug, Map<String, String> more) {
        Map<String, String> files = new HashMap<>(more);
        files.put("content/site.yaml", TestSites.SITE_YAML + "permalinks:\n  article: " + permalink + "\n");
        files.put(FILE, TestSites.article("Story", "2026-01-05T09:00:00-05:00",
                "slug: " + slug + "\ntags: [Chips]\ntickers: [MU]\n", "Body."));
        return TestSites.site(dir.resolve("src"), files);
    }

    private InputError collide(String permalink, String slug, Map<String, String> more) {
        Path src = site(permalink, slug, more);
        return assertThrows(InputError.class, () -> TestSites.build(src, dir.resolve("out")));
    }

    private static void assertNames(InputError e, String... parts) {
        for (String part : parts) assertTrue(e.getMessage().contains(part), "'" + part + "' in: " + e.getMessage());
    }

    @Test
    void anArticleAtTheTagsIndexIsAnError() {
        InputError e = collide("/{slug}/", "tags", Map.of());
        assertTrue(e.file().endsWith(FILE), e.getMessage());
        assertNames(e, "tags/index.html", "the tags index", "'slug'", "permalinks.article");
    }

    @Test
    void anArticleAtTheSearchPageIsAnError() {
        assertNames(collide("/{slug}/", "search", Map.of()), FILE, "search/index.html", "the search page");
    }

    @Test
    void anArticleAtTheMarketsIndexIsAnError() {
        InputError e = collide("/{slug}/", "markets", Map.of("content/market/2026-01-05.json",
                "{\"date\": \"2026-01-05\", \"quotes\": [{\"symbol\": \"MU\", \"close\": 330}]}"));
        assertNames(e, FILE, "markets/index.html", "the markets index");
    }

    @Test
    void anArticleAtATagPageIsAnError() {
        // Tag "Chips" has the page /tags/chips/; an article with slug "chips" under /tags/{slug}/ lands on it.
        assertNames(collide("/tags/{slug}/", "chips", Map.of()), FILE, "tags/chips/index.html", "tag 'Chips'");
    }

    @Test
    void anArticleAtATickerPageDifferingOnlyInCaseIsAnError() {
        // tickers/mu/ and tickers/MU/ are one folder on macOS and Windows.
        InputError e = collide("/tickers/{slug}/", "mu", Map.of());
        assertNames(e, FILE, "tickers/mu/index.html", "tickers/MU/index.html", "ticker MU", "case-insensitive");
    }

    @Test
    void anArticleInsideAFolderNamedLikeAFileIsAnError() {
        InputError e = collide("/sitemap.xml/{slug}/", "story", Map.of());
        assertNames(e, FILE, "sitemap.xml/story/index.html", "the sitemap", "writes the file sitemap.xml");
    }

    @Test
    void anArticleAtAThemeFileIsAnError() {
        InputError e = collide("/assets/{slug}/", "report", Map.of("templates/static/report/index.html", "<p>x</p>"));
        assertNames(e, FILE, "assets/report/index.html", "the theme file static/report/index.html");
    }

    @Test
    void sharingAFolderIsNotACollision() {
        // Three stories, two per page: the home page has /page/2/; an article with slug "page" under /{slug}/
        // lives at /page/. Both are kept.
        Path src = site("/{slug}/", "page", Map.of(
                "content/articles/2026-01-06-b.md", TestSites.article("B", "2026-01-06T09:00:00-05:00", "", "b"),
                "content/articles/2026-01-07-c.md", TestSites.article("C", "2026-01-07T09:00:00-05:00", "", "c")));
        Path out = dir.resolve("out");
        TestSites.build(src, out);
        assertEquals("Story", TestSites.page(out, "/page/").selectFirst("h1").text());
        assertEquals(1, TestSites.page(out, "/page/2/").select("main a[href=/page/]").size());
    }

    @Test
    void theCliExitsWithOneAndLeavesThePublishedSite() throws Exception {
        Path src = site("/{slug}/", "story", Map.of());
        Path out = dir.resolve("out");
        assertEquals(0, CliTest.run("build", "--source", src.toString(), "--output", out.toString()).code());
        byte[] before = Files.readAllBytes(out.resolve("tags/index.html"));

        TestSites.write(src.resolve(FILE), TestSites.article("Story", "2026-01-05T09:00:00-05:00",
                "slug: tags\ntags: [Chips]\n", "Body."));
        CliTest.Run r = CliTest.run("build", "--source", src.toString(), "--output", out.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("tags/index.html") && r.err().contains("the tags index"), r.err());
        assertArrayEquals(before, Files.readAllBytes(out.resolve("tags/index.html")), "the published site is kept");
    }
}
