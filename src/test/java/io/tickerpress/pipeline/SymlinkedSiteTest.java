package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One site reached by two names: its folder, and a symbolic link to it (a home folder linked into a project tree,
 * {@code /var/www} linked to a data disk). Its output folder, its cache and its records are the same files either
 * way, so builds through either name must publish what a clean build publishes, and reuse each other's pages.
 */
class SymlinkedSiteTest {
    @TempDir
    Path dir;

    private static final String PLAIN = TestSites.article("Plain Story", "2026-01-06T09:00:00-05:00", "", "Plain.");

    private static BuildResult build(Path site) {
        return SiteBuilder.build(BuildOptions.of(site, site.resolve("site")).withNow(TestSites.NOW)
                .withCacheDir(site.resolve(".tickerpress-cache")));
    }

    @Test
    void anEditBuiltThroughALinkThenUndoneAndBuiltThroughTheFolderGivesTheCleanSite() throws IOException {
        Path real = TestSites.site(dir.resolve("real/site"), Map.of(
                "content/articles/2026-01-05-first.md",
                TestSites.article("First Story", "2026-01-05T09:00:00-05:00", "", "First."),
                "content/articles/2026-01-06-plain.md", PLAIN));
        Path link = dir.resolve("link");
        try {
            Files.createSymbolicLink(link, real.getParent());
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here: " + e);
        }
        Path linked = link.resolve("site");

        build(real);
        TestSites.write(real.resolve("content/articles/2026-01-06-plain.md"), PLAIN.replace("Plain Story", "Zebra Title"));
        BuildResult throughLink = build(linked);

        TestSites.write(real.resolve("content/articles/2026-01-06-plain.md"), PLAIN); // the edit undone
        BuildResult throughFolder = build(real);

        Path clean = dir.resolve("clean");
        SiteBuilder.build(BuildOptions.of(real, clean).withNow(TestSites.NOW).withClean(true)
                .withCacheDir(dir.resolve("clean-cache")));
        Map<String, byte[]> expected = TestSites.snapshot(clean);
        Map<String, byte[]> actual = TestSites.snapshot(real.resolve("site"));
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((name, bytes) -> assertEquals(new String(bytes, StandardCharsets.UTF_8),
                new String(actual.get(name), StandardCharsets.UTF_8), name));

        // A title edit renders the article, its neighbour and the lists showing it, not all 10 pages of this site
        // (home, archive pages, 2 articles, search, 404, tags index...): the link names the same output.
        assertEquals(throughLink.pages() - throughLink.pagesRendered(), throughLink.pagesReused());
        assertFalse(throughLink.pagesReused() == 0, "the build through the link reused no page: " + throughLink);
        // And the other way round: the manifest the build through the link left serves the build through the folder.
        assertFalse(throughFolder.pagesReused() == 0, "the build through the folder reused no page: " + throughFolder);
    }
}
