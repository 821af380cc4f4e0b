package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search index's memo ({@code .tickerpress-cache/search-*.bin}) saves work and may never change what is
 * published: whatever happened to it or to the previous site, an edit's build gives the search files a clean build
 * gives (the second computation: a build with {@code --clean}, another output and another cache).
 */
class SearchIndexMemoTest {
    @TempDir
    Path dir;
    private Path src;
    private Path out;
    private Path cache;
    private int edits;

    @BeforeEach
    void site() throws IOException {
        src = dir.resolve("src");
        out = dir.resolve("site");
        cache = dir.resolve("cache");
        for (int n = 0; n < 30; n++) {
            TestSites.write(src.resolve(String.format(java.util.Locale.ROOT, "content/articles/2026-01-%02d-story-%d.md", 1 + n % 28, n)),
                    TestSites.article("Story " + n + " about rates and " + (n % 2 == 0 ? "chips" : "banks"),
                            String.format(java.util.Locale.ROOT, "2026-01-%02dT%02d:00:00-05:00", 1 + n % 28, 8 + n % 9),
                            "tags: [Tag" + (n % 4) + "]\nsummary:\n  - \"Key point " + n + ".\"\n", "Body " + n + "."));
        }
        TestSites.write(src.resolve("content/site.yaml"), "title: Memo\nbaseUrl: https://example.com/\n");
        build();
    }

    private BuildResult build() {
        return SiteBuilder.build(BuildOptions.of(src, out).withNow(TestSites.NOW).withCacheDir(cache));
    }

    private Path memo() throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            List<Path> memos = files.filter(f -> f.getFileName().toString().matches("search-[0-9a-f]+\\.bin")).toList();
            assertEquals(1, memos.size(), "one memo for the one output: " + memos);
            return memos.get(0);
        }
    }

    /** Retitles a story: its words change in the postings and its group of result lines. */
    private void retitle() {
        Path article = src.resolve("content/articles/2026-01-06-story-5.md");
        String text = read(article);
        TestSites.write(article, text.replaceFirst("title: \"[^\"]*\"", "title: \"Edit " + (++edits) + " zebra rally\""));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void assertSearchAsClean(String what) {
        Path clean = dir.resolve("clean-" + edits + "-" + Math.abs(what.hashCode()));
        SiteBuilder.build(BuildOptions.of(src, clean).withNow(TestSites.NOW).withClean(true)
                .withCacheDir(dir.resolve("clean-cache")));
        Map<String, byte[]> expected = search(TestSites.snapshot(clean));
        Map<String, byte[]> actual = search(TestSites.snapshot(out));
        assertTrue(expected.size() > 3, "the index has files: " + expected.keySet());
        assertEquals(expected.keySet(), actual.keySet(), what + ": the same search files");
        expected.forEach((k, v) -> assertArrayEquals(v, actual.get(k), what + ": " + k));
    }

    private static Map<String, byte[]> search(Map<String, byte[]> site) {
        Map<String, byte[]> files = new TreeMap<>();
        site.forEach((k, v) -> {
            if (k.startsWith("search/") && !k.equals("search/index.html")) files.put(k, v);
        });
        return files;
    }

    @Test
    void aTitleEditWithTheMemoGivesTheCleanIndexAndRewritesTheMemo() throws IOException {
        byte[] first = Files.readAllBytes(memo());
        retitle();
        build();
        assertSearchAsClean("title edit");
        assertTrue(!Arrays.equals(first, Files.readAllBytes(memo())), "the memo follows the new index");
    }

    @Test
    void aDamagedMemoIsNotTrusted() throws IOException {
        Path memo = memo();
        byte[] bytes = Files.readAllBytes(memo);
        for (int at : new int[] {0, bytes.length / 3, bytes.length / 2, bytes.length - 1}) {
            byte[] damaged = bytes.clone();
            damaged[at] ^= 0x20;
            Files.write(memo, damaged);
            retitle();
            build();
            assertSearchAsClean("memo damaged at byte " + at);
            bytes = Files.readAllBytes(memo);
        }
        Files.write(memo, Arrays.copyOf(bytes, bytes.length / 2));
        retitle();
        build();
        assertSearchAsClean("memo cut in half");
    }

    @Test
    void anOlderMemoIsNotTakenForTheLastIndex() throws IOException {
        byte[] old = Files.readAllBytes(memo());
        retitle();
        build();
        Files.write(memo(), old); // sound, but made from the stories before the last edit
        retitle();
        build();
        assertSearchAsClean("memo of the build before the last");
    }

    @Test
    void aSearchFileRemovedFromThePublishedSiteIsMadeAgain() throws IOException {
        Path search = out.resolve("search");
        Path gone;
        try (Stream<Path> files = Files.list(search)) {
            gone = files.filter(f -> f.getFileName().toString().endsWith(".json")
                    && !f.getFileName().toString().equals("manifest.json")).sorted().findFirst().orElseThrow();
        }
        Files.delete(gone);
        retitle();
        build();
        assertSearchAsClean("a published chunk deleted by hand");
    }

    @Test
    void aNewStoryAndARemovedOneGiveTheCleanIndex() throws IOException {
        TestSites.write(src.resolve("content/articles/2026-01-29-new.md"),
                TestSites.article("Newest zebra story", "2026-01-29T09:00:00-05:00", "tags: [Tag9]\n", "New."));
        build();
        assertSearchAsClean("a new newest story");
        Files.delete(src.resolve("content/articles/2026-01-03-story-2.md"));
        build();
        assertSearchAsClean("an old story removed");
    }

    /**
     * The preview server builds in place, file by file: a build that fails after the search worker wrote the new
     * index (and after some pages) leaves those files in the folder. Undoing the edit gives the stories the last
     * good build's manifest names, so nothing may be carried over on the word of that manifest: the files in the
     * folder are no longer the ones it describes.
     */
    @Test
    void aFailedPreviewBuildThenTheEditUndoneGivesTheCleanSite() throws IOException {
        out = dir.resolve("preview/site");
        BuildOptions preview = BuildOptions.of(src, out).withNow(TestSites.NOW).withCacheDir(cache).withInPlace(true);
        SiteBuilder.build(preview);
        Path article = src.resolve("content/articles/2026-01-28-story-27.md");
        String good = read(article);
        // A new title (new words in the index, a new line for the neighbours) and a body that fails to render.
        TestSites.write(article, good.replaceFirst("title: \"[^\"]*\"", "title: \"Zebra crossing\"")
                + "\n{{< nosuchshortcode >}}\n");
        assertThrows(io.tickerpress.diag.InputError.class, () -> SiteBuilder.build(preview));
        TestSites.write(article, good);
        SiteBuilder.build(preview);
        assertSearchAsClean("a failed in-place build, then the edit undone");
        Path clean = dir.resolve("clean-all");
        SiteBuilder.build(BuildOptions.of(src, clean).withNow(TestSites.NOW).withClean(true)
                .withCacheDir(dir.resolve("clean-cache-all")));
        Map<String, byte[]> expected = TestSites.snapshot(clean);
        Map<String, byte[]> actual = TestSites.snapshot(out);
        expected.forEach((k, v) -> {
            if (k.endsWith(".html")) assertEquals(new String(v, java.nio.charset.StandardCharsets.UTF_8),
                    new String(actual.get(k), java.nio.charset.StandardCharsets.UTF_8), k);
        });
    }
}
