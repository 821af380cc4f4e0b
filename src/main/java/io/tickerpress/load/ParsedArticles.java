package io.tickerpress.load;

import io.tickerpress.model.Article;
import io.tickerpress.model.Source;
import io.tickerpress.model.StoredBytes;

import java.io.InputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Articles parsed by earlier builds, kept on disk by the content hash of their file (and its name, which the
 * slug may come from), so that a build parses only the files that changed. An entry holds the front matter and
 * where the body lies in the file: the body is read again only when a page renders it, and checked then to be the
 * text that was parsed ({@link BodyOnDisk}). The hash is the input index's, taken before the build loads: an
 * entry is used only for a file whose bytes have that hash, so it is exactly what parsing the file would give.
 *
 * <p>Articles with front-matter charts are not kept (they are few, and their specs are parsed again). A store
 * that is missing, cut or written for other settings is simply empty.
 */
public final class ParsedArticles {
    private static final String FORMAT = "tickerpress parsed articles 2";
    /** Strings longer than this are not kept (DataOutput's limit is 65,535 bytes of modified UTF-8). */
    private static final int LONGEST = 16_000;

    /** An article's parse without its file's name on screen and without its body's text. */
    private record Entry(String title, ZonedDateTime date, ZonedDateTime updated, String dateline, String slug, List<String> summary,
                         List<String> tags, List<String> tickers, List<Source> sources, String author, boolean draft,
                         int bodyLine, int offset, int length, int hash, boolean shortcodes) {
    }

    /** The content hashes of input files: as the input index found them before loading, and of bytes read. */
    public interface Hashes {
        /** The hash the input index recorded for a file, or null when it has none. */
        String indexed(Path file);

        /**
         * The hash of bytes just read from a file, by the input index's rule: the index's own when the file still
         * has the status the index recorded and was not changed just before (its bytes are then the ones it
         * hashed), else computed from the bytes.
         */
        String of(Path file, byte[] bytes);
    }

    private final String generator;
    private final Hashes hashes;
    /** The store as an earlier build wrote it, read in parts (never held whole), or null. */
    private StoredBytes stored;
    /**
     * The stored entries, in the store's order: where entry {@code i} starts ({@code starts[i]}, its end is
     * {@code starts[i + 1]}) and a 64-bit hash of its key ({@code keyHashes[i]}); {@code slots} finds an entry by
     * that hash (open addressing, the entry's index plus one). About 24 bytes an entry, where a map of keys and an
     * array of the whole store took some 700 (an archive of 1,000,000 articles stores half a gigabyte).
     */
    private long[] starts = new long[1];
    private long[] keyHashes = new long[0];
    private int[] slots = new int[0];
    private int count;
    /** Which stored entries this build used (one bit each): they are written out again byte for byte. */
    private java.util.concurrent.atomic.AtomicLongArray usedStored = new java.util.concurrent.atomic.AtomicLongArray(0);
    private final java.util.concurrent.atomic.AtomicInteger usedCount = new java.util.concurrent.atomic.AtomicInteger();
    /**
     * The fresh parses this build made, by key: the {@link Article} when the body lies on disk, else an
     * {@link Entry}.
     */
    private final Map<String, Object> fresh = new ConcurrentHashMap<>();
    private volatile String settings;
    private volatile boolean changed;
    private final java.util.concurrent.atomic.AtomicInteger parsed = new java.util.concurrent.atomic.AtomicInteger();

    /** How many articles this build parsed (the others came from the store). */
    public int parsed() {
        return parsed.get();
    }

    private ParsedArticles(StoredBytes stored, String generator, Hashes hashes) {
        this.stored = stored;
        this.generator = generator;
        this.hashes = hashes;
    }

    /**
     * The store an earlier build wrote ({@link #writeTo}), from its file, open for reading (or null: none): it is
     * read in parts as entries are asked for, never whole, and closed by {@link #release}.
     *
     * @param generator the generator's identity: another generator may parse differently
     */
    public static ParsedArticles of(java.nio.channels.FileChannel stored, String generator, Hashes hashes) {
        return new ParsedArticles(stored == null ? null : StoredBytes.of(stored), generator, hashes);
    }

    Hashes hashes() {
        return hashes;
    }

    /**
     * Opens the store for the settings that change what parsing gives (time zone, size limit): entries kept
     * under other settings or by another generator are dropped. The store is read through once, in parts, to find
     * where each entry lies; a store that is cut short, damaged or of another format is dropped whole.
     */
    void open(String parseSettings) {
        settings = generator + "|" + parseSettings;
        forget();
        if (stored == null) return;
        try (StoredBytes.Input bytes = stored.input(0); DataInputStream in = new DataInputStream(bytes)) {
            if (!FORMAT.equals(in.readUTF()) || !settings.equals(in.readUTF())) {
                drop();
                return;
            }
            int declared = in.readInt();
            if (declared < 0) throw new IOException("not a count");
            // Not trusted for the arrays' size: an entry takes more than 32 bytes.
            int capacity = (int) Math.max(0, Math.min(declared, stored.size() / 32 + 1));
            long[] at = new long[capacity + 1];
            long[] hashes = new long[capacity];
            for (int i = 0; i < declared; i++) {
                if (i == hashes.length) {
                    at = java.util.Arrays.copyOf(at, 2 * i + 2);
                    hashes = java.util.Arrays.copyOf(hashes, 2 * i + 1);
                }
                at[i] = bytes.position();
                hashes[i] = keyHash(in.readUTF());
                skipEntry(in); // decoded when a build asks for it: most builds use each entry once
            }
            at = java.util.Arrays.copyOf(at, declared + 1);
            at[declared] = bytes.position();
            if (!"end".equals(in.readUTF())) {
                drop();
                return;
            }
            index(at, java.util.Arrays.copyOf(hashes, declared));
        } catch (IOException | RuntimeException e) {
            drop();
        }
    }

    /** Finds the entries by the hashes of their keys. */
    private void index(long[] at, long[] hashes) {
        int n = hashes.length;
        int[] table = new int[Integer.highestOneBit(Math.max(2, n) * 2 - 1) << 1];
        int mask = table.length - 1;
        for (int i = 0; i < n; i++) {
            int slot = (int) hashes[i] & mask;
            while (table[slot] != 0) slot = (slot + 1) & mask;
            table[slot] = i + 1;
        }
        starts = at;
        keyHashes = hashes;
        slots = table;
        count = n;
        usedStored = new java.util.concurrent.atomic.AtomicLongArray((n + 63) >>> 6);
        usedCount.set(0);
    }

    /** No stored entries (the store's file stays open). */
    private void forget() {
        starts = new long[1];
        keyHashes = new long[0];
        slots = new int[0];
        count = 0;
        usedStored = new java.util.concurrent.atomic.AtomicLongArray(0);
        usedCount.set(0);
    }

    /** Drops the store: it does not fit these settings, or it is not sound. */
    private void drop() {
        forget();
        StoredBytes s = stored;
        stored = null;
        if (s != null) s.close();
    }

    /** A 64-bit hash of an entry's key (the first half of its {@link io.tickerpress.model.Fingerprint}). */
    private static long keyHash(String key) {
        return new io.tickerpress.model.Fingerprint.Parts().add(key).high();
    }

    /** Marks stored entry {@code i} used or not, keeping the count of those used. */
    private void mark(int i, boolean used) {
        long bit = 1L << i;
        while (true) {
            long was = usedStored.get(i >>> 6);
            if (((was & bit) != 0) == used) return;
            if (usedStored.compareAndSet(i >>> 6, was, was ^ bit)) {
                if (used) usedCount.incrementAndGet();
                else usedCount.decrementAndGet();
                return;
            }
        }
    }

    private boolean isUsed(int i) {
        return (usedStored.get(i >>> 6) & 1L << i) != 0;
    }

    /** Reads a stored entry's fields (after its key). */
    private static Entry entry(DataInputStream in) throws IOException {
        return new Entry(in.readUTF(), zoned(in), in.readBoolean() ? zoned(in) : null, in.readUTF(), in.readUTF(), list(in),
                list(in), list(in), sources(in), in.readUTF(), in.readBoolean(), in.readInt(), in.readInt(),
                in.readInt(), in.readInt(), in.readBoolean());
    }

    /** Passes over an entry's fields as {@link #writeTo} lays them out, without decoding them. */
    private static void skipEntry(DataInputStream in) throws IOException {
        skipString(in); // title
        skipZoned(in);
        if (in.readBoolean()) skipZoned(in);
        skipString(in); // dateline
        skipString(in); // slug
        for (int list = 0; list < 3; list++) {
            int n = count(in);
            for (int i = 0; i < n; i++) skipString(in);
        }
        int sources = count(in);
        for (int i = 0; i < sources; i++) {
            skipString(in);
            if (in.readBoolean()) skipString(in);
        }
        skipString(in); // author
        skip(in, 1 + 4 * 4 + 1); // draft, body line, offset, length, hash, shortcodes
    }

    /**
     * A time as its instant and zone: {@code ZonedDateTime.ofInstant} gives back the same value (a zoned time's
     * offset is the one its zone has at its instant), without parsing text.
     */
    private static void zoned(DataOutputStream out, ZonedDateTime t) throws IOException {
        out.writeLong(t.toEpochSecond());
        out.writeInt(t.getNano());
        out.writeUTF(t.getZone().getId());
    }

    private static final Map<String, java.time.ZoneId> ZONES = new ConcurrentHashMap<>();

    private static ZonedDateTime zoned(DataInputStream in) throws IOException {
        long seconds = in.readLong();
        int nanos = in.readInt();
        String zone = in.readUTF();
        return ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(seconds, nanos),
                ZONES.computeIfAbsent(zone, java.time.ZoneId::of));
    }

    private static void skipZoned(DataInputStream in) throws IOException {
        skip(in, 8 + 4);
        skipString(in);
    }

    private static void skipString(DataInputStream in) throws IOException {
        skip(in, in.readUnsignedShort());
    }

    private static void skip(DataInputStream in, int n) throws IOException {
        if (in.skipBytes(n) != n) throw new IOException("cut");
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 100_000) throw new IOException("not a list");
        return n;
    }

    private static String key(String contentHash, String fileName) {
        return contentHash + "/" + fileName;
    }

    /** The article parsed from a file whose content has this hash, if an earlier build kept it. */
    Optional<Article> get(String contentHash, Path file, String display, long maxBytes, KeyPointsShelf keyPoints) {
        String key = key(contentHash, file.getFileName().toString());
        try {
            Found found = find(key);
            if (found == null) return Optional.empty();
            Entry e = entry(found.in);
            BodyOnDisk body = BodyOnDisk.of(display, maxBytes, e.offset, e.length, e.hash, contentHash,
                    e.shortcodes);
            Article article = new Article(display, e.title, e.date, e.updated, ArticleLoader.shared(e.dateline),
                    e.slug, keyPoints.keep(e.summary), e.tags.stream().map(ArticleLoader::shared).toList(),
                    e.tickers.stream().map(ArticleLoader::shared).toList(), e.sources, ArticleLoader.shared(e.author),
                    e.draft, List.of(), body, e.bodyLine);
            mark(found.index, true);
            return Optional.of(article);
        } catch (IOException | RuntimeException bad) {
            return Optional.empty(); // parsed again
        }
    }

    /**
     * An entry's bytes as a stream, without the lock {@link java.io.ByteArrayInputStream} takes on every byte (a
     * build reads 100,000 entries a few bytes at a time).
     */
    private static final class Bytes extends java.io.InputStream {
        private final byte[] bytes;
        private int at;

        Bytes(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return at < bytes.length ? bytes[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (length == 0) return 0;
            if (at >= bytes.length) return -1;
            int n = Math.min(length, bytes.length - at);
            System.arraycopy(bytes, at, into, offset, n);
            at += n;
            return n;
        }

        @Override
        public long skip(long n) {
            long k = Math.max(0, Math.min(n, bytes.length - at));
            at += (int) k;
            return k;
        }
    }

    /** A stored entry found by its key: its index, and its bytes as a stream past the key. */
    private record Found(int index, DataInputStream in) {
    }

    /** The stored entry of a key, or null; reads only the entries whose key has the same hash. */
    private Found find(String key) throws IOException {
        StoredBytes from = stored;
        int[] table = slots;
        if (from == null || table.length == 0) return null;
        long hash = keyHash(key);
        int mask = table.length - 1;
        for (int slot = (int) hash & mask; table[slot] != 0; slot = (slot + 1) & mask) {
            int i = table[slot] - 1;
            if (keyHashes[i] != hash) continue;
            long start = starts[i];
            long length = starts[i + 1] - start;
            if (length > Integer.MAX_VALUE) throw new IOException("not an entry");
            byte[] bytes = new byte[(int) length]; // this entry's bytes only, let go once decoded
            from.read(start, bytes);
            DataInputStream in = new DataInputStream(new Bytes(bytes));
            if (key.equals(in.readUTF())) return new Found(i, in);
        }
        return null;
    }

    /**
     * Keeps a freshly parsed article: {@code text} is its file's whole text and {@code contentHash} the hash of
     * the file's bytes that gave it.
     */
    void put(String contentHash, Path file, Article a, String text, String body) {
        if (!a.charts().isEmpty()) {
            parsed.incrementAndGet();
            return;
        }
        List<String> strings = new ArrayList<>(List.of(a.title(), a.dateline(), a.slug(), a.author()));
        strings.addAll(a.summary());
        strings.addAll(a.tags());
        strings.addAll(a.tickers());
        for (Source s : a.sources()) {
            strings.add(s.name());
            if (s.url() != null) strings.add(s.url());
        }
        for (String s : strings) if (s.length() > LONGEST) return;
        String key = key(contentHash, file.getFileName().toString());
        changed = true;
        parsed.incrementAndGet();
        try {
            Found stored = find(key); // kept afresh instead (a file loaded twice): written once
            if (stored != null) mark(stored.index, false);
        } catch (IOException | RuntimeException e) {
            // not read: not used either
        }
        if (a.body() instanceof BodyOnDisk) { // the article itself, which the build holds anyway: no copy of it
            fresh.put(key, a);
            return;
        }
        Entry e = new Entry(a.title(), a.date(), a.updated(),
                a.dateline(), a.slug(), a.summary(), a.tags(), a.tickers(), a.sources(), a.author(), a.draft(),
                a.bodyLine(), text.length() - body.length(), body.length(), body.hashCode(),
                io.tickerpress.model.ArticleBody.usesShortcodes(body));
        fresh.put(key, e);
    }

    /** A fresh parse's entry: kept as one, or the article whose body lies on disk (where it lies is there). */
    private static Entry fresh(Object kept) {
        if (kept instanceof Entry e) return e;
        Article a = (Article) kept;
        BodyOnDisk b = (BodyOnDisk) a.body();
        return new Entry(a.title(), a.date(), a.updated(), a.dateline(), a.slug(), a.summary(), a.tags(), a.tickers(),
                a.sources(), a.author(), a.draft(), a.bodyLine(), b.offset(), b.length(), b.hash(), b.shortcodes());
    }

    /**
     * Whether what this build used differs from what was read (entries of files no longer there, or changed
     * since, are dropped): then {@link #writeTo} gives the store to keep for the next build.
     */
    public boolean changed() {
        return settings != null && (changed || usedCount.get() != count);
    }

    /** Lets go of the entries once the articles are loaded and the store kept (and closes the store's file). */
    public void release() {
        fresh.clear();
        drop();
    }

    /**
     * Writes what this build used, streamed (a large archive's store is not built as one array first), in the
     * order of the keys: a used stored entry is copied from the store byte for byte, read through in parts.
     */
    public void writeTo(java.io.OutputStream target) throws IOException {
        DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(target, 1 << 16));
        out.writeUTF(FORMAT);
        out.writeUTF(settings);
        int storedUsed = usedCount.get();
        List<String> freshKeys = fresh.keySet().stream().sorted().toList();
        out.writeInt(storedUsed + freshKeys.size());
        int next = 0; // the next fresh key to write
        StoredBytes from = stored;
        if (from != null && storedUsed > 0) {
            byte[] copy = new byte[1 << 16];
            try (StoredBytes.Input bytes = from.input(0); DataInputStream in = new DataInputStream(bytes)) {
                for (int i = 0; i < count; i++) {
                    if (!isUsed(i)) continue;
                    bytes.seek(starts[i]);
                    String key = in.readUTF();
                    while (next < freshKeys.size() && freshKeys.get(next).compareTo(key) < 0) {
                        writeFresh(out, freshKeys.get(next++));
                    }
                    bytes.seek(starts[i]); // copied through the same buffer: the entries lie in order
                    for (long left = starts[i + 1] - starts[i]; left > 0; ) {
                        int n = (int) Math.min(left, copy.length);
                        in.readFully(copy, 0, n);
                        out.write(copy, 0, n);
                        left -= n;
                    }
                }
            }
        }
        while (next < freshKeys.size()) writeFresh(out, freshKeys.get(next++));
        out.writeUTF("end");
        out.flush();
    }

    /** Writes a fresh parse's entry: its key and its fields. */
    private void writeFresh(DataOutputStream out, String key) throws IOException {
        Entry e = fresh(fresh.get(key));
        out.writeUTF(key);
        out.writeUTF(e.title);
        zoned(out, e.date);
        out.writeBoolean(e.updated != null);
        if (e.updated != null) zoned(out, e.updated);
        out.writeUTF(e.dateline);
        out.writeUTF(e.slug);
        list(out, e.summary);
        list(out, e.tags);
        list(out, e.tickers);
        out.writeInt(e.sources.size());
        for (Source s : e.sources) {
            out.writeUTF(s.name());
            out.writeBoolean(s.url() != null);
            if (s.url() != null) out.writeUTF(s.url());
        }
        out.writeUTF(e.author);
        out.writeBoolean(e.draft);
        out.writeInt(e.bodyLine);
        out.writeInt(e.offset);
        out.writeInt(e.length);
        out.writeInt(e.hash);
        out.writeBoolean(e.shortcodes);
    }

    private static void list(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) out.writeUTF(s);
    }

    private static List<String> list(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 100_000) throw new IOException("not a list");
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) list.add(in.readUTF());
        return List.copyOf(list);
    }

    private static List<Source> sources(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 100_000) throw new IOException("not a list");
        List<Source> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            list.add(new Source(name, in.readBoolean() ? in.readUTF() : null));
        }
        return List.copyOf(list);
    }
}
