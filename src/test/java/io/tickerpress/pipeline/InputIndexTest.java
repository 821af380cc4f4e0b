package io.tickerpress.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The index of input files sees every edit, reading no more files than it must. */
class InputIndexTest {
    @TempDir
    Path dir;

    private void write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    /** The index as if it had been taken long after its files last changed: every file is "settled". */
    private static InputIndex takenLater(InputIndex index) {
        // Through its stored form, as the next build reads it.
        return InputIndex.fromBytes(index.scannedAt(System.currentTimeMillis() + 60_000).toBytes()).orElseThrow();
    }

    @Test
    void anEditRightAfterTheScanWithTheSameSizeAndTheOldTimeIsSeen() throws Exception {
        write("content/articles/a.md", "aaaa");
        write("templates/layout.ftlh", "<html>");
        InputIndex first = InputIndex.scan(dir, null);
        assertEquals(2, first.hashed(), "a first scan reads every file");
        Path a = dir.resolve("content/articles/a.md");
        FileTime modified = Files.getLastModifiedTime(a);
        Files.writeString(a, "bbbb"); // same size, within the clock's resolution of the scan on most systems
        Files.setLastModifiedTime(a, modified);
        InputIndex second = InputIndex.scan(dir, first);
        assertFalse(second.sameContent(first));
        assertEquals(java.util.List.of("content/articles/a.md (changed)"), second.changedSince(first));
    }

    @Test
    void settledFilesAreTrustedByTheirStatusAndAnyRewriteIsRead() throws Exception {
        for (int i = 0; i < 5; i++) write("content/articles/" + i + ".md", "text " + i);
        InputIndex settled = takenLater(InputIndex.scan(dir, null));

        InputIndex again = InputIndex.scan(dir, settled);
        assertEquals(0, again.hashed(), "no file changed: none is read");
        assertTrue(again.sameContent(settled));

        // The same size and the modification time set back: the change time still moves.
        Path p = dir.resolve("content/articles/3.md");
        FileTime modified = Files.getLastModifiedTime(p);
        Files.writeString(p, "TEXT 3");
        Files.setLastModifiedTime(p, modified);
        InputIndex edited = InputIndex.scan(dir, settled);
        assertEquals(1, edited.hashed(), "only the rewritten file is read");
        assertFalse(edited.sameContent(settled));

        // Written again with the old bytes: read, and the same content as before.
        Files.writeString(p, "text 3");
        InputIndex reverted = InputIndex.scan(dir, settled);
        assertEquals(1, reverted.hashed());
        assertTrue(reverted.sameContent(settled), "an edit reverted is no change");

        Files.delete(dir.resolve("content/articles/0.md"));
        write("content/articles/new.md", "new");
        assertEquals(java.util.List.of("content/articles/0.md (removed)", "content/articles/new.md (added)"),
                InputIndex.scan(dir, settled).changedSince(settled));
    }

    /**
     * The loader reads an article after the scan and takes the scan's hash for its bytes only when the file
     * provably still has the bytes the scan hashed: otherwise (a rewrite since, a racy file, another size) it
     * must hash what it read itself.
     */
    @Test
    void bytesReadAfterTheScanTakeItsHashOnlyWhileTheFileIsProvablyUnchanged() throws Exception {
        write("content/articles/a.md", "aaaa");
        write("content/articles/b.md", "bbbb");
        Path a = dir.resolve("content/articles/a.md");
        Path b = dir.resolve("content/articles/b.md");
        InputIndex settled = takenLater(InputIndex.scan(dir, null));

        // Unchanged: the recorded hash, which is the hash of the bytes as read now (computed independently).
        byte[] read = Files.readAllBytes(a);
        String own = io.tickerpress.model.Fingerprint.of(new String(read, StandardCharsets.ISO_8859_1));
        assertEquals(own, settled.hashIfUnchanged(dir, a, read.length));
        assertEquals(null, settled.hashIfUnchanged(dir, a, read.length + 1), "another size than recorded");
        assertEquals(null, settled.hashIfUnchanged(dir, dir.resolve("content/articles/new.md"), 4), "not indexed");

        // Rewritten after the scan with the same size and the old modification time: the change time moved.
        FileTime modified = Files.getLastModifiedTime(b);
        Files.writeString(b, "BBBB");
        Files.setLastModifiedTime(b, modified);
        assertEquals(null, settled.hashIfUnchanged(dir, b, 4));

        // A scan taken right after its files changed vouches for none of them (they may change within the tick).
        InputIndex racy = InputIndex.scan(dir, null);
        assertEquals(null, racy.hashIfUnchanged(dir, a, 4));
    }

    @Test
    void theStoredIndexGivesBackEveryEntry() throws Exception {
        // Paths that share most of their bytes, one that is a prefix of another, and one beyond ASCII.
        write("content/articles/2026-01-02-a.md", "aaaa");
        write("content/articles/2026-01-02-ab.md", "ab");
        write("content/articles/2026-01-02-b\u00e9.md", "\u00e9t\u00e9");
        write("templates/article.ftlh", "<p>${page.title}</p>");
        InputIndex index = InputIndex.scan(dir, null);
        InputIndex back = InputIndex.fromBytes(index.toBytes()).orElseThrow();
        assertEquals(4, back.files().size());
        assertEquals(index.files(), back.files(), "paths, sizes, times, inodes and hashes");
        assertEquals(index.files().get("content/articles/2026-01-02-b\u00e9.md").hash(),
                InputIndex.hashOf("\u00e9t\u00e9".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anIndexWrittenOverTheRecordItFollowsGivesBackItsOwnEntries() throws Exception {
        for (int i = 0; i < 6; i++) write("content/articles/2026-01-0" + i + "-story.md", "story " + i);
        InputIndex stored = InputIndex.fromBytes(InputIndex.scan(dir, null).toBytes()).orElseThrow();

        // One file rewritten (another size), one touched (other times, same bytes): the same paths.
        write("content/articles/2026-01-02-story.md", "story two, rewritten");
        Files.setLastModifiedTime(dir.resolve("content/articles/2026-01-04-story.md"), FileTime.fromMillis(86_400_000L));
        InputIndex edited = InputIndex.scan(dir, stored);
        InputIndex back = InputIndex.fromBytes(over(edited, stored)).orElseThrow();
        assertEquals(edited.files(), back.files(), "every entry as scanned, the two changed ones included");
        assertEquals("content/articles/2026-01-02-story.md (changed)", String.join(",", back.changedSince(stored)));
        // The scan's own comparison and one made afresh (a scan against no index) name the same file: the touched
        // one has the same bytes.
        assertEquals(java.util.List.of("content/articles/2026-01-02-story.md"), edited.differentFrom(stored));
        assertEquals(java.util.List.of("content/articles/2026-01-02-story.md"), InputIndex.scan(dir, null).differentFrom(stored));
        assertEquals(InputIndex.hashOf("story two, rewritten".getBytes(StandardCharsets.UTF_8)),
                back.files().get("content/articles/2026-01-02-story.md").hash());
        // Its scan time is its own, not the record's: taken a minute later, every file is settled for the next scan
        // (with the record's time, all six were changed within the clock's resolution of it, and are read again).
        assertEquals(6, InputIndex.scan(dir, stored).hashed());
        InputIndex later = InputIndex.fromBytes(over(edited.scannedAt(System.currentTimeMillis() + 60_000), stored))
                .orElseThrow();
        assertEquals(0, InputIndex.scan(dir, later).hashed());

        // A file added and another removed (as many paths, not the same ones), and a file added: written anew.
        Files.delete(dir.resolve("content/articles/2026-01-05-story.md"));
        write("content/articles/2026-01-09-story.md", "story nine");
        InputIndex renamed = InputIndex.scan(dir, stored);
        assertEquals(renamed.files(), InputIndex.fromBytes(over(renamed, stored)).orElseThrow().files());
        write("content/articles/2026-01-08-story.md", "story eight");
        InputIndex added = InputIndex.scan(dir, stored);
        assertEquals(added.files(), InputIndex.fromBytes(over(added, stored)).orElseThrow().files());
        assertEquals(java.util.List.of("content/articles/2026-01-02-story.md", "content/articles/2026-01-08-story.md",
                "content/articles/2026-01-09-story.md"), added.differentFrom(stored), "added ones too, in path order");
    }

    /** The stored form of {@code index} written over {@code before}'s record, as {@link LastBuild} saves it. */
    private static byte[] over(InputIndex index, InputIndex before) {
        io.tickerpress.write.RecordBytes.Writer out = new io.tickerpress.write.RecordBytes.Writer(64);
        index.writeTo(out, before);
        return out.toBytes();
    }

    @Test
    void aDamagedIndexIsNoIndex() throws Exception {
        assertTrue(InputIndex.fromBytes("garbage".getBytes(StandardCharsets.UTF_8)).isEmpty());
        write("content/articles/a.md", "aaaa");
        write("content/articles/b.md", "bb");
        byte[] good = InputIndex.scan(dir, null).toBytes();
        assertEquals(2, InputIndex.fromBytes(good).orElseThrow().files().size());
        for (int cut = 0; cut < good.length; cut++) {
            assertTrue(InputIndex.fromBytes(java.util.Arrays.copyOf(good, cut)).isEmpty(), "cut to " + cut + " bytes");
        }
        assertTrue(InputIndex.fromBytes(java.util.Arrays.copyOf(good, good.length + 1)).isEmpty(), "a byte too many");
    }

    /**
     * A file removed or added between the scan and the end of the build (the build's loaders list the folders after
     * the scan), then put back as it was: the record the build keeps must not say "nothing changed" to the next
     * scan, since the build may have built without that file (or with it). Articles too, in a folder made during the
     * build too, with names outside ASCII.
     */
    @Test
    void aFileRemovedOrAddedDuringTheBuildThenPutBackIsAChangeForTheNextBuild() throws Exception {
        write("content/articles/a.md", "aaaa");
        write("content/articles/sub/\u00e9\uD83D\uDE00.md", "bbbb");
        write("content/market/2026-01-20.json", "{}");
        write("templates/layout.ftlh", "<html>");
        String[][] cases = {
            {"content/articles/a.md", "removed"}, {"content/articles/sub/\u00e9\uD83D\uDE00.md", "removed"},
            {"content/market/2026-01-20.json", "removed"}, {"content/articles/new.md", "added"},
            {"content/articles/made/\uFF5E.md", "added"}, {"content/market/2026-01-21.json", "added"},
        };
        for (String[] c : cases) {
            Path file = dir.resolve(c[0]);
            boolean removed = c[1].equals("removed");
            InputIndex before = takenLater(InputIndex.scan(dir, null));
            InputIndex scan = InputIndex.scan(dir, before);
            assertTrue(scan.sameContent(before), c[0] + ": nothing changed before the race");
            byte[] bytes = removed ? Files.readAllBytes(file) : "cccc".getBytes(StandardCharsets.UTF_8);
            if (removed) {
                Files.delete(file);
            } else {
                write(c[0], "cccc");
            }
            // The build's record, through its stored form as the next build reads it.
            InputIndex record = InputIndex.fromBytes(scan.afterReading(dir, true).toBytes()).orElseThrow();
            if (removed) {
                Files.write(file, bytes);
            } else {
                Files.delete(file);
                if (c[0].contains("/made/")) Files.delete(file.getParent());
            }
            InputIndex next = InputIndex.scan(dir, record);
            assertFalse(next.sameContent(record), c[0] + " " + c[1] + " during the build, then put back: a change");
            assertFalse(record.sameContent(next), c[0] + " " + c[1] + " during the build, then put back: a change");
        }
        // Nothing removed or added: the record is the scan's.
        InputIndex scan = InputIndex.scan(dir, takenLater(InputIndex.scan(dir, null)));
        assertTrue(scan.afterReading(dir, true) == scan, "nothing marked when nothing changed");
    }

    @Test
    void aRecordWrittenInAnotherOrderIsReadByPath() {
        // Written by hand as an older build wrote it (in its map's order, not the paths'): "b.md" before "a.md".
        io.tickerpress.write.RecordBytes.Writer out = new io.tickerpress.write.RecordBytes.Writer(64);
        out.putLong(1_000L).putInt(3);
        String[] paths = {"content/b.md", "content/a.md", "templates/\u00e9.ftlh"};
        String[] hashes = {"0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210",
                "ffffffffffffffff0000000000000000"};
        for (int i = 0; i < 3; i++) {
            out.putName(paths[i]).putLong(10 + i).putLong(20 + i).putLong(30 + i).putLong(40 + i).putHex(hashes[i]);
        }
        InputIndex back = InputIndex.fromBytes(out.toBytes()).orElseThrow();
        assertEquals(3, back.files().size());
        for (int i = 0; i < 3; i++) {
            assertEquals(new InputIndex.Entry(10 + i, 20 + i, 30 + i, 40 + i, hashes[i]), back.files().get(paths[i]));
        }
        assertEquals(java.util.List.of("content/a.md", "content/b.md", "templates/\u00e9.ftlh"),
                java.util.List.copyOf(back.files().keySet()), "listed in the order of the paths");
        // Written again over that record (as LastBuild does), only b.md changed: each value lands on its own path.
        InputIndex.Entry edited = new InputIndex.Entry(99, 98, 97, 96, "00000000000000000000000000000001");
        java.util.Map<String, InputIndex.Entry> now = new java.util.HashMap<>(back.files());
        now.put("content/b.md", edited);
        assertEquals(now, InputIndex.fromBytes(over(InputIndex.of(now, 2_000L), back)).orElseThrow().files());
        // A path twice is no index.
        io.tickerpress.write.RecordBytes.Writer twice = new io.tickerpress.write.RecordBytes.Writer(64);
        twice.putLong(1_000L).putInt(2);
        for (int i = 0; i < 2; i++) twice.putName("content/a.md").putLong(1).putLong(2).putLong(3).putLong(4).putHex(hashes[0]);
        assertTrue(InputIndex.fromBytes(twice.toBytes()).isEmpty());
    }
}
