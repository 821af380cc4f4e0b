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
 * A version's record knows its paths by hash ({@link PathTable}): a record in which two paths share one is not used
 * (the hash is forced to collide here), and the published site is still exactly what the build made.
 */
class CollidingPathHashTest {
    @TempDir
    Path dir;

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
