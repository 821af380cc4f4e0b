package io.tickerpress.cli;

import io.tickerpress.TestSites;
import io.tickerpress.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code build --output} at a place that cannot be a site: the root of the file system, a folder of someone
 * else's files, a link TickerPress did not make. Each is bad input (exit 1, README's exit codes) with an error
 * that says what is wrong and what to do; the second line never speaks of a previous site that was not there; and
 * nothing is written or removed anywhere (the folder around the output is listed before and after).
 */
class BuildOutputPlaceTest {
    @TempDir
    Path dir;

    private Path site() {
        return TestSites.site(dir.resolve("s"), Map.of("content/articles/2026-01-05-a.md",
                TestSites.article("A", "2026-01-05T09:00:00-05:00", "", "x")));
    }

    private static List<String> listing(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theRootOfTheFileSystemIsRefusedAndLeftAlone() throws Exception {
        Path src = site();
        List<String> before = listing(Path.of("/"));
        CliTest.Run r = CliTest.run("build", "--source", src.toString(), "--output", "/", "--now", "2026-06-01T00:00:00Z");
        assertEquals(1, r.code(), r.err());
        assertEquals("error: /: the output is the root of the file system, which holds everything else: a build makes"
                + " its output folder a link to a new version of the site beside it, so the output must be a folder"
                + " of its own; choose one with --output (the default is site/ beside content/)\n"
                + "Build failed; nothing was published to /.\n", r.err());
        assertEquals(before, listing(Path.of("/")));
        assertFalse(Files.exists(src.resolve(".tickerpress-cache")), "not even the cache was made");
    }

    @Test
    void aFolderOfOtherFilesIsRefusedWithNothingWrittenBesideIt() throws Exception {
        Path src = site();
        Path out = dir.resolve("papers");
        TestSites.write(out.resolve("thesis.txt"), "mine");
        List<String> before = listing(dir);
        CliTest.Run r = CliTest.run("build", "--source", src.toString(), "--output", out.toString(), "--now", "2026-06-01T00:00:00Z");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith("error: " + Diagnostics.display(out) + ": output folder is not empty and was not"
                + " written by TickerPress"), r.err());
        assertTrue(r.err().endsWith("Build failed; nothing was published to " + Diagnostics.display(out) + ".\n"), r.err());
        assertEquals(before, listing(dir));
        assertEquals(List.of("thesis.txt"), listing(out));
    }

    @Test
    void aLinkTickerPressDidNotMakeIsRefusedBeforeAnythingIsWrittenBesideIt() throws Exception {
        Path src = site();
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path out = Files.createSymbolicLink(dir.resolve("out"), elsewhere);
        List<String> before = listing(dir);
        CliTest.Run r = CliTest.run("build", "--source", src.toString(), "--output", out.toString(), "--now", "2026-06-01T00:00:00Z");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("output is a symbolic link to " + elsewhere + ", which TickerPress did not make"), r.err());
        assertTrue(r.err().endsWith("Build failed; nothing was published to " + Diagnostics.display(out) + ".\n"), r.err());
        assertEquals(before, listing(dir), "no .out.versions folder left beside the link");
        assertEquals(List.of(), listing(elsewhere));
    }
}
