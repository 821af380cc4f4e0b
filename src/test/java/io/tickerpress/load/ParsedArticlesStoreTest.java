package io.tickerpress.load;

import io.tickerpress.model.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parsed-articles store read in parts from its file: the file is written here by hand, field by field as the
 * store's format lays it out (not by the code under test), so the expected titles and bytes come from this test.
 */
class ParsedArticlesStoreTest {
    private static final String FORMAT = "tickerpress parsed articles 2";
    private static final String GENERATOR = "gen-1";
    private static final String SETTINGS = "UTC|1000000";
    private static final int ARTICLES = 300;

    @TempDir
    Path dir;

    /** The content hash of article i: 32 hex digits. */
    private static String hash(int i) {
        return String.format(java.util.Locale.ROOT, "%032x", 1_000_000_007L * (i + 1));
    }

    private static String fileName(int i) {
        return String.format(java.util.Locale.ROOT, "2026-01-%02d-story-%d.md", 1 + i % 28, i);
    }

    /** Article i's title: ~400 bytes, so that 300 entries take some 130 KB and some lie across a 64 KiB part. */
    private static String title(int i) {
        return "Story " + i + " " + "x".repeat(400);
    }

    /** One entry as the format lays it out: key, then fields. */
    private static byte[] entry(int i) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeUTF(hash(i) + "/" + fileName(i));
        out.writeUTF(title(i));
        out.writeLong(1_767_225_600L + 3600L * i); // 2026-01-01T00:00Z plus i hours
        out.writeInt(0);
        out.writeUTF("UTC");
        out.writeBoolean(false); // no 'updated'
        out.writeUTF("NEW YORK");
        out.writeUTF("story-" + i);
        out.writeInt(0); // summary
        out.writeInt(1); // tags
        out.writeUTF("markets");
        out.writeInt(0); // tickers
        out.writeInt(0); // sources
        out.writeUTF("Desk");
        out.writeBoolean(false); // draft
        out.writeInt(8); // body line
        out.writeInt(120); // body offset
        out.writeInt(40); // body length
        out.writeInt(12345); // body hash
        out.writeBoolean(false); // shortcodes
        return bytes.toByteArray();
    }

    /** A store of the given entries, and where each entry starts in it (and the end, last). */
    private static byte[] store(String format, String settings, List<Integer> ids, List<Integer> starts)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeUTF(format);
        out.writeUTF(settings);
        out.writeInt(ids.size());
        for (int i : ids) {
            starts.add(out.size());
            out.write(entry(i));
        }
        starts.add(out.size());
        out.writeUTF("end");
        return bytes.toByteArray();
    }

    private static List<Integer> all() {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) ids.add(i);
        return ids;
    }

    private ParsedArticles opened(byte[] file) throws IOException {
        Path f = dir.resolve("parsed-articles.bin");
        Files.write(f, file);
        ParsedArticles p = ParsedArticles.of(FileChannel.open(f, StandardOpenOption.READ), GENERATOR, null);
        p.open(SETTINGS);
        return p;
    }

    private static Optional<Article> get(ParsedArticles p, int i) {
        return p.get(hash(i), Path.of("content/articles", fileName(i)), "content/articles/" + fileName(i), 1_000_000, new KeyPointsShelf());
    }

    @Test
    void everyEntryIsFoundAlsoOneLyingAcrossTheEndOfAPart() throws IOException {
        List<Integer> starts = new ArrayList<>();
        byte[] file = store(FORMAT, GENERATOR + "|" + SETTINGS, all(), starts);
        int across = -1;
        for (int i = 0; i < ARTICLES; i++) {
            if (starts.get(i) < 65_536 && starts.get(i + 1) > 65_536) across = i;
        }
        assertTrue(across >= 0, "the test's file has an entry across 65,536");
        ParsedArticles p = opened(file);
        Article a = get(p, across).orElseThrow();
        assertEquals(title(across), a.title());
        assertEquals("story-" + across, a.slug());
        assertEquals(List.of("markets"), a.tags());
        assertEquals(java.time.Instant.ofEpochSecond(1_767_225_600L + 3600L * across), a.date().toInstant());
        for (int i = 0; i < ARTICLES; i++) assertEquals(title(i), get(p, i).orElseThrow().title(), "entry " + i);
        assertFalse(p.changed(), "every entry used, none parsed");
        // Another content hash for a known name, and an unknown name, are not in the store.
        assertTrue(p.get(hash(ARTICLES), Path.of(fileName(0)), fileName(0), 1_000_000, new KeyPointsShelf()).isEmpty());
        assertTrue(p.get(hash(0), Path.of("other.md"), "other.md", 1_000_000, new KeyPointsShelf()).isEmpty());
        p.release();
    }

    @Test
    void theEntriesUsedAreWrittenBackByteForByteInOrder() throws IOException {
        ParsedArticles p = opened(store(FORMAT, GENERATOR + "|" + SETTINGS, all(), new ArrayList<>()));
        List<Integer> used = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            if (i % 3 == 0 || i == 150 || i == 151) used.add(i);
        }
        for (int i = used.size() - 1; i >= 0; i--) get(p, used.get(i)).orElseThrow(); // asked in another order
        assertTrue(p.changed(), "entries were dropped");
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        p.writeTo(written);
        p.release();
        // In the order of their keys (hash(i) is zero-padded and grows with i: the store's order too).
        used.sort(java.util.Comparator.comparing(i -> hash(i) + "/" + fileName(i)));
        assertArrayEquals(store(FORMAT, GENERATOR + "|" + SETTINGS, used, new ArrayList<>()), written.toByteArray());
    }

    @Test
    void aStoreCutShortMidEntryIsNotUsedAtAll() throws IOException {
        List<Integer> starts = new ArrayList<>();
        byte[] file = store(FORMAT, GENERATOR + "|" + SETTINGS, all(), starts);
        byte[] cut = java.util.Arrays.copyOf(file, starts.get(150) + 100); // in the middle of entry 150
        ParsedArticles p = opened(cut);
        assertTrue(get(p, 0).isEmpty(), "an entry before the cut is not trusted either");
        assertTrue(get(p, 149).isEmpty());
        p.release();
        // Cut just before "end": also refused.
        ParsedArticles q = opened(java.util.Arrays.copyOf(file, starts.get(ARTICLES)));
        assertTrue(get(q, 0).isEmpty());
        q.release();
    }

    @Test
    void aDamagedForeignOrOtherSettingsStoreIsNotUsed() throws IOException {
        byte[] file = store(FORMAT, GENERATOR + "|" + SETTINGS, all(), new ArrayList<>());
        byte[] damaged = file.clone();
        damaged[damaged.length - 1] = 'D'; // "enD"
        ParsedArticles p = opened(damaged);
        assertTrue(get(p, 0).isEmpty());
        p.release();
        ParsedArticles foreign = opened(store("tickerpress parsed articles 1", GENERATOR + "|" + SETTINGS, all(),
                new ArrayList<>()));
        assertTrue(get(foreign, 0).isEmpty());
        foreign.release();
        ParsedArticles other = opened(store(FORMAT, "gen-2|" + SETTINGS, all(), new ArrayList<>()));
        assertTrue(get(other, 0).isEmpty(), "another generator's store");
        other.release();
        // A damaged count (more entries than the file holds) is a cut store.
        byte[] count = file.clone();
        int at = 2 + FORMAT.length() + 2 + (GENERATOR + "|" + SETTINGS).length();
        count[at] = 0x7f;
        ParsedArticles counted = opened(count);
        assertTrue(get(counted, 0).isEmpty());
        counted.release();
    }
}
