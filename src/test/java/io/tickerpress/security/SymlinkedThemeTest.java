package io.tickerpress.security;

import io.tickerpress.TestSites;
import io.tickerpress.diag.InputError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Links under templates/ follow the rule of content/: a link to a file inside templates/ is followed; a link
 * leading outside (it would publish any file the build can read, /etc/shadow included, as a world-readable
 * asset) or to a folder (skipped without a word before) is an input error naming the link, and nothing is
 * published.
 */
class SymlinkedThemeTest {
    @TempDir
    Path dir;

    private Path source() {
        return TestSites.site(dir.resolve("src"), Map.of(
                "content/articles/2026-01-05-a.md", TestSites.article("A", "2026-01-05T09:00:00-05:00", "", "x"),
                "templates/static/base.css", "body { color: #111; }\n"));
    }

    private static void link(Path link, Path target) throws IOException {
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "this file system cannot make symbolic links: " + e.getMessage());
        }
    }

    @Test
    void aLinkToAFileOutsideTheTemplatesIsRefused() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "password=hunter2\n");
        Path src = source();
        link(src.resolve("templates/static/leak.txt"), secret);
        Path out = dir.resolve("out");
        InputError e = assertThrows(InputError.class, () -> TestSites.build(src, out));
        assertTrue(e.getMessage().contains("templates/static/leak.txt"), e.getMessage());
        assertTrue(e.getMessage().contains("outside the templates folder"), e.getMessage());
        assertFalse(Files.exists(out), "nothing published");
    }

    @Test
    void aLinkedFolderIsRefusedByName() throws Exception {
        Path fonts = dir.resolve("fonts");
        Files.createDirectories(fonts);
        Files.writeString(fonts.resolve("a.woff2"), "font");
        Path src = source();
        link(src.resolve("templates/static/fonts"), fonts);
        InputError e = assertThrows(InputError.class, () -> TestSites.build(src, dir.resolve("out")));
        assertTrue(e.getMessage().contains("templates/static/fonts"), e.getMessage());
    }

    @Test
    void aLinkToAFileInsideTheTemplatesIsFollowed() throws Exception {
        Path src = source();
        link(src.resolve("templates/static/alias.css"), Path.of("base.css"));
        Path out = dir.resolve("out");
        TestSites.build(src, out);
        assertArrayEquals("body { color: #111; }\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Files.readAllBytes(out.resolve("assets/alias.css")));
    }
}
