package io.tickerpress.write;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A version's record knows its paths by hash ({@link PathTable}): a path it does not have may share the hash of one
 * it has. A build that reuses an old folder must then neither keep the old folder's stale file at that path nor
 * lose a live one: the hash is forced to collide here, and the published site must be what the build made.
 */
class CollidingPathHashTest {
    @TempDir
    Path dir;

    /** "stale.html" hashes as "kept.html" does; every other path as in a build. */
    private static final PathTable.Hash STALE_AS_KEPT =
            path -> PathTable.FINGERPRINT.of(path.equals("stale.html") ? "kept.html" : path);

    @Test
    void aGonePathSharingTheHashOfACarriedOneIsNotKeptFromTheReusedFolder() throws Exception {
        Path out = dir.resolve("site");
        // v1 has stale.html; v2 no longer makes it (carrying kept.html over from v1); v3 reuses v1's folder.
        try (StagingFolder v1 = StagingFolder.beside(out)) {
            v1.write("kept.html", bytes("kept"));
            v1.write("stale.html", bytes("stale"));
            v1.write("a.html", bytes("a1"));
            v1.publish();
        }
        Path firstFolder = out.toRealPath();
        try (StagingFolder v2 = StagingFolder.beside(out)) {
            assertTrue(v2.carryOver("kept.html"));
            v2.write("a.html", bytes("a2"));
            v2.publish();
        }
        try (StagingFolder v3 = StagingFolder.beside(out, true, STALE_AS_KEPT)) {
            assertEquals(Files.getAttribute(firstFolder.getParent(), "unix:ino"),
                    Files.getAttribute(v3.root().getParent(), "unix:ino"));
            assertTrue(Files.isRegularFile(v3.root().resolve("stale.html")),
                    "the reused folder is the first version's: it still holds the stale file");
            assertTrue(v3.hasPrevious("stale.html"), "by hash, the record seems to have it");
            assertFalse(v3.carryOver("stale.html"), "but the published site has no such file");
            assertTrue(v3.carryOver("kept.html"));
            v3.write("a.html", bytes("a3"));
            v3.publish();
        }
        assertFalse(Files.exists(out.resolve("stale.html")), "a stale file was kept");
        assertEquals("kept", Files.readString(out.resolve("kept.html")));
        assertEquals("a3", Files.readString(out.resolve("a.html")));
    }

    @Test
    void aRecordWhosePathsCollideIsNotTrustedAndTheSiteIsStillExact() throws Exception {
        Path out = dir.resolve("site");
        // Every path has one hash: no record can be used, so nothing is reused, and nothing is lost or kept.
        PathTable.Hash same = path -> PathTable.FINGERPRINT.of("one");
        try (StagingFolder v1 = StagingFolder.beside(out, true, same)) {
            v1.write("a.html", bytes("a1"));
            v1.write("b.html", bytes("b1"));
            v1.publish();
        }
        try (StagingFolder v2 = StagingFolder.beside(out, true, same)) {
            assertTrue(v2.carryOver("a.html"));
            v2.write("c.html", bytes("c2"));
            v2.publish();
        }
        try (StagingFolder v3 = StagingFolder.beside(out, true, same)) {
            assertTrue(v3.carryOver("a.html"));
            assertTrue(v3.carryOver("c.html"));
            assertFalse(v3.carryOver("b.html"), "b.html was gone from the published site");
            v3.write("d.html", bytes("d3"));
            v3.publish();
        }
        assertEquals("a1", Files.readString(out.resolve("a.html")));
        assertFalse(Files.exists(out.resolve("b.html")));
        assertEquals("c2", Files.readString(out.resolve("c.html")));
        assertEquals("d3", Files.readString(out.resolve("d.html")));
        try (var files = Files.list(out)) {
            assertEquals(4, files.count(), "a.html, c.html, d.html and the marker");
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
