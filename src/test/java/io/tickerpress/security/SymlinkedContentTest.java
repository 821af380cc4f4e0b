package io.tickerpress.security;

import io.tickerpress.TestSites;
import io.tickerpress.diag.InputError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Linked folders under content/: followed when they stay inside content/, refused by name when they lead
 * outside it or back into themselves. Before, the walk skipped every linked folder without a word.
 */
class SymlinkedContentTest {
    @TempDir
    Path dir;

    private static String story(String title) {
        return TestSites.article(title, "2026-01-05T09:00:00-05:00", "", "Body of " + title + ".");
    }

    private static void link(Path link, Path target) throws IOException {
        try {
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "this file system cannot make symbolic links: " + e.getMessage());
        }
    }

    @Test
    void aLinkedFolderInsideContentIsPublished() throws Exception {
        Path src = TestSites.site(dir.resolve("src"), Map.of(
                "content/articles/2026-01-05-plain.md", story("Plain"),
                "content/library/wire/2026-01-05-linked.md", story("Linked"),
                "content/library/wire/deeper/2026-01-05-deep.md", story("Deep")));
        link(src.resolve("content/articles/wire"), Path.of("../library/wire"));
        Path out = dir.resolve("out");
        var result = TestSites.build(src, out);
        assertEquals(3, result.articles(), "plain, linked and deep");
        assertEquals("Linked", TestSites.page(out, "/news/2026/01/05/linked/").selectFirst("h1").text());
        assertEquals("Deep", TestSites.page(out, "/news/2026/01/05/deep/").selectFirst("h1").text());
    }

    @Test
    void aLinkedFileInsideContentIsPublished() throws Exception {
        Path src = TestSites.site(dir.resolve("src"), Map.of("content/library/2026-01-05-one.md", story("One")));
        link(src.resolve("content/articles/2026-01-05-one.md"), Path.of("../library/2026-01-05-one.md"));
        Path out = dir.resolve("out");
        assertEquals(1, TestSites.build(src, out).articles());
        assertEquals("One", TestSites.page(out, "/news/2026/01/05/one/").selectFirst("h1").text());
    }

    @Test
    void aLinkedFolderOutsideContentIsRefusedByName() throws Exception {
        Path outside = dir.resolve("elsewhere");
        TestSites.write(outside.resolve("2026-01-05-secret.md"), story("Secret"));
        Path src = TestSites.site(dir.resolve("src"), Map.of("content/articles/2026-01-05-plain.md", story("Plain")));
        link(src.resolve("content/articles/shared"), outside);
        InputError e = assertThrows(InputError.class, () -> TestSites.build(src, dir.resolve("out")));
        assertTrue(e.file().endsWith("content/articles/shared"), e.getMessage());
        assertTrue(e.problem().contains(outside.toRealPath().toString()), e.getMessage());
        assertTrue(e.problem().contains("outside the content folder"), e.getMessage());
    }

    @Test
    void theArticlesFolderItselfLinkedOutsideIsRefused() throws Exception {
        Path outside = dir.resolve("elsewhere");
        TestSites.write(outside.resolve("2026-01-05-secret.md"), story("Secret"));
        Path src = TestSites.site(dir.resolve("src"), Map.of());
        link(src.resolve("content/articles"), outside);
        InputError e = assertThrows(InputError.class, () -> TestSites.build(src, dir.resolve("out")));
        assertTrue(e.file().endsWith("content/articles"), e.getMessage());
        assertTrue(e.problem().contains("outside the content folder"), e.getMessage());
    }

    @Test
    void aLinkThatLoopsIsRefusedByName() throws Exception {
        Path src = TestSites.site(dir.resolve("src"), Map.of("content/articles/2026-01-05-plain.md", story("Plain")));
        // content/articles/up -> content/: the walk would reach content/articles/up/articles/up/... for ever.
        link(src.resolve("content/articles/up"), Path.of(".."));
        InputError e = assertThrows(InputError.class, () -> TestSites.build(src, dir.resolve("out")));
        assertTrue(e.file().endsWith("content/articles/up"), e.getMessage());
        assertTrue(e.problem().contains("leads back into"), e.getMessage());
    }

    @Test
    void aLinkToItselfIsRefused() throws Exception {
        Path src = TestSites.site(dir.resolve("src"), Map.of("content/articles/2026-01-05-plain.md", story("Plain")));
        link(src.resolve("content/articles/self"), Path.of("."));
        InputError e = assertThrows(InputError.class, () -> TestSites.build(src, dir.resolve("out")));
        assertTrue(e.file().endsWith("content/articles/self"), e.getMessage());
    }

    @Test
    void aDanglingArticleLinkIsAnError() throws Exception {
        Path src = TestSites.site(dir.resolve("src"), Map.of("content/articles/2026-01-05-plain.md", story("Plain")));
        link(src.resolve("content/articles/2026-01-06-gone.md"), Path.of("nowhere.md"));
        InputError e = assertThrows(InputError.class, () -> TestSites.build(src, dir.resolve("out")));
        assertTrue(e.file().endsWith("content/articles/2026-01-06-gone.md"), e.getMessage());
        assertTrue(e.problem().contains("does not exist"), e.getMessage());
    }
}
