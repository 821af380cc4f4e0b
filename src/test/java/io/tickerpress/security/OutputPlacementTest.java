package io.tickerpress.security;

import io.tickerpress.TestSites;
import io.tickerpress.cli.CliTest;
import io.tickerpress.cli.Main;
import io.tickerpress.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The output never lies among the build's inputs. An output inside {@code templates/static/} would be copied
 * into the next site (which grows on every build, and no page is ever carried over), one inside
 * {@code content/} is walked by the loader, one inside the cache folder is removed by its pruning. Each is an
 * input error naming the output and the folder, and nothing is written.
 */
class OutputPlacementTest {
    @TempDir
    Path dir;

    private Path source() {
        Path src = TestSites.site(dir.resolve("src"), Map.of(
                "content/articles/2026-01-05-a.md", TestSites.article("A", "2026-01-05T09:00:00-05:00", "", "x"),
                "templates/static/extra.css", "body { color: #111; }\n"));
        return src;
    }

    private static long filesUnder(Path p) throws Exception {
        try (Stream<Path> walk = Files.walk(p)) {
            return walk.count();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"templates/static/out", "templates", "content/out", "content/articles/site",
            ".tickerpress-cache/site", "content"})
    void anOutputAmongTheInputsIsRefusedBeforeAnythingIsWritten(String output) throws Exception {
        Path src = source();
        long before = filesUnder(src);
        CliTest.Run r = CliTest.run("build", "--source", src.toString(), "--output", src.resolve(output).toString(),
                "--now", "2026-02-01T00:00:00Z");
        assertEquals(Main.EXIT_INPUT, r.code(), r.err());
        String folder = output.substring(0, output.indexOf('/') < 0 ? output.length() : output.indexOf('/'));
        assertTrue(r.err().startsWith("error: " + Diagnostics.display(src.resolve(output)) + ": "), r.err());
        assertTrue(r.err().contains(folder + "/"), "names the input folder " + folder + ": " + r.err());
        assertTrue(r.err().contains("choose an --output outside"), r.err());
        assertEquals(before, filesUnder(src), "nothing written into the source folder");
    }

    @Test
    void aLinkedParentDoesNotHideThatTheOutputIsInsideTheTemplates() throws Exception {
        Path src = source();
        Files.createSymbolicLink(dir.resolve("publish"), src.resolve("templates/static"));
        CliTest.Run r = CliTest.run("build", "--source", src.toString(), "--output",
                dir.resolve("publish/site").toString(), "--now", "2026-02-01T00:00:00Z");
        assertEquals(Main.EXIT_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("templates/"), r.err());
        assertFalse(Files.exists(src.resolve("templates/static/site")));
        assertFalse(Files.exists(src.resolve("templates/static/.site.versions")));
    }

    @Test
    void aSiblingOfTheInputsIsFine() throws Exception {
        Path src = source();
        Path out = src.resolve("public");
        CliTest.Run r = CliTest.run("build", "--source", src.toString(), "--output", out.toString(),
                "--now", "2026-02-01T00:00:00Z");
        assertEquals(0, r.code(), r.err());
        CliTest.Run again = CliTest.run("build", "--source", src.toString(), "--output", out.toString(),
                "--now", "2026-02-01T00:00:00Z");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("(0 rendered,"), "the second build carries every page over: " + again.out());
    }

    @Test
    void theCurrentFolderIsShownAsADot() {
        assertEquals(".", Diagnostics.display(Path.of("")));
        assertEquals(".", Diagnostics.display(Path.of(".")));
    }
}
