package io.tickerpress.scale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A build whose heap is a little too small collects garbage back to back (the serial collector has no "GC overhead
 * limit"); the heap guard (pipeline.HeapGuard) ends it with the out-of-memory message and exit 1, and the site
 * published before stays exactly as it was.
 *
 * <p>The guard's own limits (heap over 95% in use after a full collection, over 90% of 10 s collecting) are made
 * for archives whose thrashing lasts minutes (reported before the guard: 10,000 articles at -Xmx48m, 279 s to the
 * message on a busy machine; 1,000,000 articles, no error in 18 minutes). A site small enough for a test is ended by
 * the JVM's own out-of-memory error within half a minute (this one at -Xmx20m without the guard: 17.5 s, measured on
 * this 2-core machine under load), before such limits are reached. So this child JVM is given low limits (heap over
 * 60% in use after a full collection, over 25% of 1 s collecting: {@code tickerpress.heapGuardLimits}), and the
 * test checks that it is the guard that ended the build (its reason is in the message), through the same path as
 * in a large archive: the verdict, the next page failing, the message, exit 1, the site left alone.
 */
class HeapThrashingExitTest {
    @TempDir
    Path dir;

    @Test
    void aThrashingBuildEndsWithTheOutOfMemoryMessageAndLeavesThePublishedSite() throws Exception {
        Path site = GeneratedArchive.write(dir, 3000, 2000);
        GeneratedArchive.Run first = GeneratedArchive.build(site, "256m");
        assertEquals(0, first.exit(), first.output());
        Map<String, String> before = tree(site.resolve("site"));
        Path link = Files.readSymbolicLink(site.resolve("site"));

        // An edit, so that a build that went through would change the site.
        Path story = site.resolve("content/articles/story-000007.md");
        Files.writeString(story, Files.readString(story).replace("title: \"Story 7", "title: \"Edited story 7"));

        long start = System.nanoTime();
        // 20 MiB: measured here, 3,000 such articles need about 24 MiB; with 20 the heap is over 70% in use after the
        // full collections once the pages render, and the guard with the limits below ends the build after about 7 s.
        GeneratedArchive.Run run = GeneratedArchive.build(site, "20m", "-Dtickerpress.heapGuardLimits=60,25,1000");
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("ran out of memory"), run.output());
        assertTrue(run.output().contains("TICKERPRESS_JAVA_OPTS=\"-Xmx2g\""), run.output());
        assertTrue(run.output().contains("spent collecting garbage"), "the guard, not the JVM, ended it: " + run.output());
        assertTrue(run.output().contains("was left as it was"), run.output());
        assertFalse(run.output().contains("internal error"), run.output());
        // Generous (7 s measured): starting the JVM, loading, the verdict, and removing the unfinished version.
        assertTrue(seconds < 60, "took " + seconds + " s");

        assertEquals(link, Files.readSymbolicLink(site.resolve("site")), "the output still names the same version");
        assertEquals(before, tree(site.resolve("site")), "the published site is byte for byte as it was");
    }

    /** Every file under {@code root} (through its link) with the SHA-256 of its bytes. */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (!Files.isRegularFile(p)) continue;
                try {
                    byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
                    files.put(root.relativize(p).toString(), HexFormat.of().formatHex(hash));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new AssertionError(e);
                }
            }
        }
        assertFalse(files.isEmpty(), "no site at " + root);
        return files;
    }
}
