package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A build after the second brings the folder of the version before the published one up to date (only what
 * changed since is written, linked or removed) instead of making a link for every file: the published site must
 * still be exactly a clean build's, whatever happened to the files in between.
 */
class VersionReuseTest {
    @TempDir
    Path dir;

    @Test
    void theFolderOfTheVersionBeforeIsReusedAndTheSiteIsACleanBuilds() throws IOException {
        Path src = dir.resolve("src");
        Path out = dir.resolve("site");
        TestSites.copyTree(TestSites.SAMPLE.resolve("content"), src.resolve("content"));
        List<Path> articles = articles(src);
        Path a = articles.get(0);
        Path b = articles.get(1);

        TestSites.build(src, out);
        Path v1 = out.toRealPath();
        Object v1Folder = Files.getAttribute(v1, "unix:ino");
        append(a, "First edit of the first article.");
        TestSites.build(src, out);
        Path v2 = out.toRealPath();
        assertNotEquals(v1, v2);
        assertEquals(v1Folder, Files.getAttribute(v1, "unix:ino"), "the first version stays for the next build");

        // The third build reuses the first version's folder: the same folder (inode), under a new number.
        append(b, "An edit of the second article.");
        Files.delete(articles.get(2)); // a story removed: its page must not survive in the reused folder
        TestSites.build(src, out);
        Path v3 = out.toRealPath();
        assertNotEquals(v2, v3);
        assertEquals(v1Folder, Files.getAttribute(v3, "unix:ino"), "the first version's folder was reused");
        assertFalse(Files.exists(v1), "it was renamed, not copied");
        assertTrue(Files.isDirectory(v2), "the version it replaced stays until the next build");
        assertSameAsClean(src, out, "third build");

        // A file deleted by hand from the published site is written again, not trusted from the record.
        Path home = out.resolve("index.html");
        Files.delete(home);
        append(a, "Second edit of the first article.");
        TestSites.build(src, out);
        assertSameAsClean(src, out, "after a published file was deleted");

        // And an article back again, a new one, and another round of reuse.
        TestSites.write(src.resolve("content/articles/2026-01-22-a-late-story.md"), TestSites.article(
                "A late story", "2026-01-22T09:00:00-05:00", "tags: [Markets]\n", "Late news."));
        TestSites.build(src, out);
        assertSameAsClean(src, out, "a new article");
        append(b, "Another edit.");
        TestSites.build(src, out);
        assertSameAsClean(src, out, "another edit");
    }

    @Test
    void aPathThatIsAFileThenAFolderThenAFileAgain() throws IOException {
        // The third build reuses the first version's folder, where the path is a file, while the published
        // version has a folder there, with a file in it that the third build no longer makes.
        Path src = dir.resolve("src");
        Path out = dir.resolve("site");
        TestSites.copyTree(TestSites.SAMPLE.resolve("content"), src.resolve("content"));
        Path asFile = src.resolve("templates/static/probe");
        TestSites.write(asFile, "a file\n");
        TestSites.build(src, out);
        Path first = out.toRealPath();
        Object firstFolder = Files.getAttribute(first, "unix:ino");
        assertTrue(Files.isRegularFile(first.resolve("assets/probe")), "the static file is published under assets/");
        Files.delete(asFile);
        TestSites.write(src.resolve("templates/static/probe/inner.txt"), "a file in a folder\n");
        TestSites.build(src, out);
        assertTrue(Files.isRegularFile(out.resolve("assets/probe/inner.txt")));
        Files.delete(src.resolve("templates/static/probe/inner.txt"));
        Files.delete(src.resolve("templates/static/probe"));
        TestSites.write(asFile, "a file again\n");
        TestSites.build(src, out);
        assertEquals(firstFolder, Files.getAttribute(out.toRealPath(), "unix:ino"), "the first version's folder was reused");
        assertEquals("a file again\n", Files.readString(out.resolve("assets/probe")));
        assertSameAsClean(src, out, "file folder file");
    }

    private void assertSameAsClean(Path src, Path out, String step) {
        assertSameAsClean(dir, src, out, step);
    }

    /**
     * The site in {@code out} is file for file the one a clean build of {@code src} makes (built in a folder of
     * {@code dir} named after the step).
     */
    static void assertSameAsClean(Path dir, Path src, Path out, String step) {
        Path clean = dir.resolve("clean-" + step.replaceAll("[^a-z]", "-"));
        // A new output, so nothing is carried over; the clean builds share one cache of their own for the charts
        // (a chart's file is the same whether drawn or taken from the cache).
        SiteBuilder.build(TestSites.options(src, clean).withCacheDir(dir.resolve("clean-cache")));
        Map<String, byte[]> expected = TestSites.snapshot(clean);
        Map<String, byte[]> actual = TestSites.snapshot(out);
        assertEquals(expected.keySet(), actual.keySet(), step + ": the same files");
        for (var e : expected.entrySet()) {
            assertTrue(Arrays.equals(e.getValue(), actual.get(e.getKey())), step + ": the same bytes in " + e.getKey());
        }
        assertFalse(expected.isEmpty(), step + ": a site was built");
    }

    private static void append(Path file, String line) throws IOException {
        Files.writeString(file, Files.readString(file) + "\n" + line + "\n");
    }

    private static List<Path> articles(Path src) throws IOException {
        try (Stream<Path> s = Files.list(src.resolve("content/articles"))) {
            return s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }
}
