package io.tickerpress.load;

import io.tickerpress.model.Article;
import io.tickerpress.model.Source;

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
    private byte[] stored;
    /** Where each stored entry lies in {@code stored}: its offset and length, packed ({@link #range}). */
    private final Map<String, Long> entries = new ConcurrentHashMap<>();
    /**
     * The entries this build used: a stored one by its range (written out again byte for byte, not encoded
     * anew), a fresh parse as its {@link Article} when the body lies on disk, else as an {@link Entry}.
     */
    private final Map<String, Object> used = new ConcurrentHashMap<>();
    private volatile String settings;
    private volatile boolean changed;
    private final java.util.concurrent.atomic.AtomicInteger parsed = new java.util.concurrent.atomic.AtomicInteger();

    /** How many articles this build parsed (the others came from the store). */
    public int parsed() {
        return parsed.get();
    }

    private ParsedArticles(byte[] stored, String generator, Hashes hashes) {
        this.stored = stored;
        this.generator = generator;
        this.hashes = hashes;
    }

    /**
     * @param stored    what {@link #toBytes} gave an earlier build, or null
     * @param generator the generator's identity: another generator may parse differently
     */
    public static ParsedArticles of(byte[] stored, String generator, Hashes hashes) {
        return new ParsedArticles(stored, generator, hashes);
    }

    Hashes hashes() {
        return hashes;
    }

    /**
     * Opens the store for the settings that change what parsing gives (time zone, size limit): entries kept
     * under other settings or by another generator are dropped.
     */
    void open(String parseSettings) {
        settings = generator + "|" + parseSettings;
        entries.clear();
        if (stored == null) return;
        Bytes bytes = new Bytes(stored, 0, stored.length);
        try (DataInputStream in = new DataInputStream(bytes)) {
            if (!FORMAT.equals(in.readUTF()) || !settings.equals(in.readUTF())) {
                stored = null;
                return;
            }
            int count = in.readInt();
            Map<String, Long> read = new java.util.HashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                int start = stored.length - bytes.available();
                String key = in.readUTF();
                skipEntry(in); // decoded when a build asks for it: most builds use each entry once
                read.put(key, range(start, stored.length - bytes.available() - start));
            }
            if (!"end".equals(in.readUTF())) {
                stored = null;
                return;
            }
            entries.putAll(read);
        } catch (IOException | RuntimeException e) {
            entries.clear();
            stored = null;
        }
    }

    /**
     * The stored bytes as a stream, without the lock {@link java.io.ByteArrayInputStream} takes on every byte (a
     * build reads 100,000 entries a few bytes at a time).
     */
    private static final class Bytes extends InputStream {
        private final byte[] bytes;
        private int at;
        private final int end;

        Bytes(byte[] bytes, int offset, int length) {
            this.bytes = bytes;
            this.at = offset;
            this.end = Math.min(bytes.length, offset + length);
        }

        @Override
        public int read() {
            return at < end ? bytes[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (length == 0) return 0;
            if (at >= end) return -1;
            int n = Math.min(length, end - at);
            System.arraycopy(bytes, at, into, offset, n);
            at += n;
            return n;
        }

        @Override
        public long skip(long n) {
            long k = Math.max(0, Math.min(n, end - at));
            at += (int) k;
            return k;
        }

        @Override
        public int available() {
            return end - at;
        }
    }

    private static long range(int offset, int length) {
        return (long) offset << 32 | length;
    }

    /** Reads a stored entry (its key, then its fields). */
    private Entry entry(long range) throws IOException {
        DataInputStream in = new DataInputStream(new Bytes(stored, (int) (range >>> 32), (int) range));
        in.readUTF(); // the key
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
    Optional<Article> get(String contentHash, Path file, String display, long maxBytes) {
        String key = key(contentHash, file.getFileName().toString());
        Long range = entries.get(key);
        if (range == null) return Optional.empty();
        try {
            Entry e = entry(range);
            used.put(key, range);
            BodyOnDisk body = BodyOnDisk.of(display, maxBytes, e.offset, e.length, e.hash, contentHash,
                    e.shortcodes);
            return Optional.of(new Article(display, e.title, e.date, e.updated, ArticleLoader.shared(e.dateline),
                    e.slug, KeyPointsOnDisk.kept(e.summary), e.tags.stream().map(ArticleLoader::shared).toList(),
                    e.tickers.stream().map(ArticleLoader::shared).toList(), e.sources, ArticleLoader.shared(e.author),
                    e.draft, List.of(), body, e.bodyLine));
        } catch (IOException | RuntimeException bad) {
            used.remove(key);
            return Optional.empty(); // parsed again
        }
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
        if (a.body() instanceof BodyOnDisk) { // the article itself, which the build holds anyway: no copy of it
            used.put(key, a);
            return;
        }
        Entry e = new Entry(a.title(), a.date(), a.updated(),
                a.dateline(), a.slug(), a.summary(), a.tags(), a.tickers(), a.sources(), a.author(), a.draft(),
                a.bodyLine(), text.length() - body.length(), body.length(), body.hashCode(),
                io.tickerpress.model.ArticleBody.usesShortcodes(body));
        used.put(key, e);
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
        return settings != null && (changed || used.size() != entries.size());
    }

    /** Lets go of the entries once the articles are loaded and the store kept: a large archive has many. */
    public void release() {
        entries.clear();
        used.clear();
        stored = null;
    }

    /** Writes what this build used, streamed (a large archive's store is not built as one array first). */
    public void writeTo(java.io.OutputStream target) throws IOException {
        DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(target, 1 << 16));
        out.writeUTF(FORMAT);
        out.writeUTF(settings);
        out.writeInt(used.size());
        for (String key : used.keySet().stream().sorted().toList()) {
            Object kept = used.get(key);
            if (kept instanceof Long range) { // as read: the key and the fields
                out.write(stored, (int) (range >>> 32), (int) (long) range);
                continue;
            }
            Entry e = fresh(kept);
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
        out.writeUTF("end");
        out.flush();
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
