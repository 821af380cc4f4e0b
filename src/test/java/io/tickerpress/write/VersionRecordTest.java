package io.tickerpress.write;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A version's record gives back what was written, and a cut or damaged one is never used, whole or head only. */
class VersionRecordTest {
    @TempDir
    Path dir;

    @Test
    void theRecordGivesBackItsFilesAndGoneList() throws Exception {
        Path version = Files.createDirectory(dir.resolve("v7"));
        Set<String> paths = Set.of("index.html", "news/2026/01/02/a/index.html", "news/2026/01/02/b/index.html",
                "tags/caf\u00e9/index.html");
        VersionRecord.write(version, 6, "rw-r--r--", paths, Set.of("index.html", "tags/caf\u00e9/index.html"),
                List.of("news/old/index.html"));

        VersionRecord read = VersionRecord.read(version).orElseThrow();
        assertEquals(6, read.base);
        assertEquals("rw-r--r--", read.modes);
        assertEquals(4, read.files.size());
        assertEquals(true, read.files.isNew("index.html"));
        assertEquals(false, read.files.isNew("news/2026/01/02/a/index.html"));
        assertEquals(false, read.files.isNew("news/2026/01/02/b/index.html"));
        assertEquals(true, read.files.isNew("tags/caf\u00e9/index.html"));
        assertNull(read.files.isNew("news/old/index.html"), "a gone path is not a file of the version");
        assertFalse(read.files.has("news/2026/01/02/c/index.html"));
        List<String> names = new java.util.ArrayList<>();
        read.paths(names::add);
        assertEquals(paths, Set.copyOf(names), "the names, read again from the record's file");
        assertEquals(4, names.size());
        assertEquals(List.of("news/old/index.html"), read.gone);
    }

    @Test
    void aRecordWithTwoPathsOfOneHashIsNoRecord() throws Exception {
        Path version = Files.createDirectory(dir.resolve("v4"));
        VersionRecord.write(version, 3, "", Set.of("a.html", "b.html", "c.html"), Set.of("a.html"), List.of());
        // "b.html" hashes as "c.html" does: the table cannot tell them apart, so the record is not used.
        PathTable.Hash colliding = path -> PathTable.FINGERPRINT.of(path.equals("b.html") ? "c.html" : path);
        assertTrue(VersionRecord.read(version, colliding).isEmpty());
        assertTrue(VersionRecord.read(version).isPresent());
    }

    @Test
    void namesAreNotGivenFromARecordThatChanged() throws Exception {
        Path version = Files.createDirectory(dir.resolve("v5"));
        VersionRecord.write(version, 4, "", Set.of("a.html", "b.html"), Set.of(), List.of());
        VersionRecord read = VersionRecord.read(version).orElseThrow();
        VersionRecord.write(version, 4, "", Set.of("a.html", "c.html"), Set.of(), List.of());
        assertThrows(java.io.IOException.class, () -> read.paths(name -> { }));
        VersionRecord.write(version, 4, "", Set.of("a.html"), Set.of(), List.of());
        assertThrows(java.io.IOException.class, () -> read.paths(name -> { }));
        Files.delete(VersionRecord.pathOf(version));
        assertThrows(java.io.IOException.class, () -> read.paths(name -> { }));
    }

    @Test
    void anUnknownGoneListIsSaid() throws Exception {
        Path version = Files.createDirectory(dir.resolve("v2"));
        VersionRecord.write(version, 1, "", Set.of("a.html"), Set.of(), null);
        assertNull(VersionRecord.read(version).orElseThrow().gone);
    }

    @Test
    void aCutOrDamagedRecordIsNoRecord() throws Exception {
        Path version = Files.createDirectory(dir.resolve("v3"));
        VersionRecord.write(version, 2, "rw-r--r--", Set.of("a/index.html", "b/index.html"), Set.of("a/index.html"),
                List.of("c/index.html"));
        Path file = VersionRecord.pathOf(version);
        byte[] good = Files.readAllBytes(file);
        for (int cut = 0; cut < good.length; cut++) {
            Files.write(file, Arrays.copyOf(good, cut));
            assertTrue(VersionRecord.read(version).isEmpty(), "read, cut to " + cut + " bytes");
        }
        // One file line that is neither new nor carried over, and a record with a line too many.
        String text = new String(good, java.nio.charset.StandardCharsets.UTF_8);
        for (String bad : List.of(text.replace("= b/index.html", "? b/index.html"), text + "end\n",
                text.replace("files 2", "files 3"))) {
            Files.writeString(file, bad);
            assertTrue(VersionRecord.read(version).isEmpty(), bad);
        }
        Files.delete(file);
        assertTrue(VersionRecord.read(version).isEmpty());
    }
}
