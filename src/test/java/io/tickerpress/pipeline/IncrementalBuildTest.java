package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Incremental builds render only the pages an edit affects, and give byte-identical output to a clean build.
 */
class IncrementalBuildTest {
    @TempDir
    Path dir;
    Path src;
    Path out;
    /**
     * The chart cache of the clean builds that the incremental ones are compared with, one for the class: each
     * chart of the sample is drawn once for them, not once a test. (The incremental builds keep their own cache;
     * that a cache hides nothing from a clean build is IncrementalEqualsCleanTest's last step.)
     */
    @TempDir
    static Path cleanCache;

    @BeforeEach
    void copySample() throws IOException {
        src = dir.resolve("src");
        out = dir.resolve("site");
        TestSites.copyTree(TestSites.SAMPLE.resolve("content"), src.resolve("content"));
    }

    private BuildResult build() {
        return SiteBuilder.build(TestSites.options(src, out));
    }

    /** Rebuilds incrementally, compares with a clean build, and returns how many HTML pages changed. */
    private int assertSameAsCleanBuild(BuildResult incremental, Map<String, byte[]> before) {
        int changed = assertSameAsCleanBuild(incremental, before, false);
        assertEquals(changed, incremental.pagesRendered(), "exactly the pages whose bytes changed were rendered");
        return changed;
    }

    /** As above; pages computed from market data may be rendered again even where their bytes come out the same. */
    private int assertSameAsCleanBuild(BuildResult incremental, Map<String, byte[]> before, boolean unused) {
        Path clean = dir.resolve("clean-" + System.nanoTime());
        SiteBuilder.build(TestSites.options(src, clean).withClean(true).withCacheDir(cleanCache));
        Map<String, byte[]> a = TestSites.snapshot(out);
        Map<String, byte[]> b = TestSites.snapshot(clean);
        assertEquals(b.keySet(), a.keySet());
        b.forEach((k, v) -> assertTrue(Arrays.equals(v, a.get(k)), "incremental differs from clean: " + k));
        int changed = 0;
        for (var e : a.entrySet()) {
            if (e.getKey().endsWith(".html") && !Arrays.equals(e.getValue(), before.get(e.getKey()))) changed++;
        }
        assertTrue(incremental.pagesRendered() >= changed, "every changed page was rendered");
        return changed;
    }

    @Test
    void unchangedRebuildRendersNothing() {
        BuildResult first = build();
        assertEquals(first.pages(), first.pagesRendered());
        BuildResult second = build();
        assertEquals(0, second.pagesRendered());
        assertEquals(first.pages(), second.pagesReused());
        assertEquals(0, second.chartsRendered());
    }

    @Test
    void titleEditRendersTheArticleItsNeighboursAndTheListsThatShowIt() throws IOException {
        build();
        Map<String, byte[]> before = TestSites.snapshot(out);
        Path file = src.resolve("content/articles/2026-01-12-week-ahead-banks-cpi.md");
        Files.writeString(file, Files.readString(file).replace("Bank Earnings and Inflation Data", "Bank Earnings and CPI"));
        BuildResult r = build();
        int changed = assertSameAsCleanBuild(r, before);
        // The article, its previous and next stories, home page 2, its three tag pages, the JPM and RUT ticker
        // pages and the Jan 12 digest (the day's stories) = 10; and the archives that list it: the Jan 12 day page,
        // page 2 of January and of 2026 (sixth newest of the 14 published stories, 5 per page), and the page of its
        // author, Dana Whitfield (4 stories, one page) = 14.
        assertEquals(14, changed);
        System.out.printf("one-article title edit: %d of %d pages rendered%n", r.pagesRendered(), r.pages());
    }

    @Test
    void bodyEditRendersOnlyThatArticle() throws IOException {
        build();
        Map<String, byte[]> before = TestSites.snapshot(out);
        Path file = src.resolve("content/articles/2026-01-12-week-ahead-banks-cpi.md");
        Files.writeString(file, Files.readString(file).replace("Two events this week", "Two big events this week"));
        BuildResult r = build();
        assertEquals(1, assertSameAsCleanBuild(r, before));
    }

    /** Every theme file is one of the inputs all pages share: an edit renders every page, and changes the right ones. */
    @Test
    void templateEditRendersEveryPageAndChangesThePagesUsingThatTemplate() throws IOException {
        build();
        Map<String, byte[]> before = TestSites.snapshot(out);
        String list = Files.readString(TestSites.SAMPLE.resolve("templates/list.ftlh"));
        TestSites.write(src.resolve("templates/list.ftlh"), list.replace("<h1 class=\"page-heading\">", "<h1 class=\"page-heading topic\">"));
        BuildResult r = build();
        long tagPages;
        try (Stream<Path> walk = Files.walk(out.resolve("tags"))) {
            tagPages = walk.filter(p -> p.getFileName().toString().equals("index.html")).count() - 1; // not the index
        }
        // list.ftlh also draws the archive and author pages. The sample's 14 published stories (the Jan 26 draft is
        // left out) fall on 14 different days of January 2026, 5 per page: 2026 has 3 pages, January 3, and 14 day
        // pages = 20; 4 authors with at most 5 stories each = 4 pages.
        assertEquals(tagPages + 20 + 4, assertSameAsCleanBuild(r, before, false));
        assertEquals(r.pages(), r.pagesRendered());
    }

    @Test
    void snapshotEditRendersThePagesShowingThatData() throws IOException {
        build();
        Map<String, byte[]> before = TestSites.snapshot(out);
        Path snap = src.resolve("content/market/2026-01-14.json");
        Files.writeString(snap, Files.readString(snap).replace("\"Bank earnings", "\"Bank earnings")
                .replaceFirst("\"changePct\": (-?[0-9.]+)", "\"changePct\": 2.5"));
        BuildResult r = build();
        int changed = assertSameAsCleanBuild(r, before, false);
        assertEquals(1, changed, "the Jan 14 digest shows the sector figures");
        // Articles whose text is computed from the data (shortcodes) are rendered again too; nothing else is.
        assertTrue(r.pagesRendered() <= 1 + 8, r.pagesRendered() + " of " + r.pages());
    }

    @Test
    void cleanFlagRendersEverything() {
        build();
        BuildResult r = SiteBuilder.build(TestSites.options(src, out).withClean(true));
        assertEquals(r.pages(), r.pagesRendered());
    }
}
