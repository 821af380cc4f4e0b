package io.tickerpress.security;

import io.tickerpress.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README: "Output paths are checked to stay inside the output folder." A build brings an older version folder up
 * to date in place (it writes the pages it renders into it and removes the files no longer made); a folder of that
 * version replaced by a symbolic link (by hand, or by a tool run on the site) must not make the build write or
 * delete through it, outside the output: the link is replaced by a folder of the build's own.
 */
class LinkInReusedVersionTest {
    @TempDir
    Path dir;

    @Test
    void aFolderLinkInTheReusedVersionIsNeverWrittenOrDeletedThrough() throws Exception {
        Path article = Path.of("content/articles/2026-01-05-chips.md");
        Path src = TestSites.site(dir.resolve("src"), Map.of(
                article.toString(), TestSites.article("Chips Rally", "2026-01-05T09:00:00-05:00",
                        "tags: [Chips]\nsummary: [First.]\n", "x"),
                "content/articles/2026-01-06-old.md", TestSites.article("Old Story", "2026-01-06T09:00:00-05:00",
                        "tags: [Old]\n", "y")));
        Path out = dir.resolve("out");
        TestSites.build(src, out); // v1
        TestSites.edit(src.resolve(article), s -> s.replace("First.", "Second."));
        TestSites.build(src, out); // v2, published; v1 is the folder the next build brings up to date
        Path v1 = dir.resolve(".out.versions/v1");
        assertTrue(Files.isDirectory(v1.resolve("tags/chips")), "the layout this test relies on");

        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("index.html"), "not the site's");
        Path outsideOld = Files.createDirectories(dir.resolve("outside-old"));
        Files.writeString(outsideOld.resolve("index.html"), "not the site's either");
        io.tickerpress.write.Trees.delete(v1.resolve("tags/chips"));
        Files.createSymbolicLink(v1.resolve("tags/chips"), outside);
        io.tickerpress.write.Trees.delete(v1.resolve("tags/old"));
        Files.createSymbolicLink(v1.resolve("tags/old"), outsideOld);

        // The chips tag page changes (its story's key point) and the old tag goes (its story is removed).
        TestSites.edit(src.resolve(article), s -> s.replace("Second.", "Third."));
        Files.delete(src.resolve("content/articles/2026-01-06-old.md"));
        TestSites.build(src, out);

        assertEquals("not the site's", Files.readString(outside.resolve("index.html")), "nothing written outside");
        try (Stream<Path> files = Files.list(outside)) {
            assertEquals(1, files.count(), "nothing added outside");
        }
        assertEquals("not the site's either", Files.readString(outsideOld.resolve("index.html")),
                "nothing deleted outside");
        assertFalse(Files.isSymbolicLink(out.toRealPath().resolve("tags/chips")), "the link was replaced");
        assertTrue(Files.readString(out.resolve("tags/chips/index.html")).contains("Third."));

        Path clean = dir.resolve("clean");
        TestSites.build(src, clean);
        assertEquals(TestSites.snapshot(clean).keySet(), TestSites.snapshot(out).keySet(), "the clean build's files");
    }
}
