package io.tickerpress.pipeline;

import io.tickerpress.load.ArticleLoader;

import io.tickerpress.model.Fingerprint;
import io.tickerpress.model.Hex128;
import io.tickerpress.write.RecordBytes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every file a build reads from a site folder ({@code content/} and {@code templates/}, through links): its
 * path, size, modification and change times, inode, and the hash of its bytes ({@link #hashOf}).
 * Kept in the cache folder between builds. A file's bytes are read and hashed again unless all of its status
 * is the same as in the previous index <em>and</em> it was last changed well before that index was taken, so
 * no edit is missed: not one that keeps the size and sets the modification time back (the change time, which
 * no program can set, moves), and not one made within the clock's resolution of the previous scan (such a
 * "racy" file is always hashed again, as git does). Reading and hashing all 10,000 articles of a large site
 * costs about a second on this JVM; checking their status, a small part of that.
 */
public final class InputIndex {
    /** The folders of a site folder that a build reads. */
    public static final List<String> FOLDERS = List.of("content", "templates");

    /**
     * A file changed less than this before a scan is hashed again by the next scan, whatever its status says:
     * it covers file systems whose times are coarse (2 s on FAT) and the file-system clock's own tick.
     */
    static final long RACY_MILLIS = 3_000;

    /**
     * One input file: its size in bytes, its modification and change times in ns (ctime -1 where the file
     * system does not say), its inode (-1 likewise) and its content hash.
     */
    public record Entry(long size, long modified, long changed, long inode, String hash) {
        boolean sameStatus(Entry other) {
            return other != null && changed >= 0 && size == other.size && modified == other.modified
                    && changed == other.changed && inode == other.inode;
        }
    }

    /** The files' paths relative to the site folder, in byte order. */
    private final SortedNames names;
    /**
     * Each file's status and hash, {@link #PER_FILE} longs in the order of {@link #names}: size, modification and
     * change times, inode, and the two halves of the 32-digit hash ({@link #entry} gives them back as an
     * {@link Entry}). A large site has 100,000 files: an array of longs holds them without an object each.
     */
    private final long[] values;
    private static final int PER_FILE = 6;
    /** When this index was taken (ms since the epoch). */
    private final long scanned;
    private final int hashed;
    /** Stands for this index in a later scan's {@code previous} (the scan does not keep the index itself alive). */
    private final Object identity = new Object();
    /** The {@link #identity} of the index the scan compared with, or null. */
    private final Object previous;
    /** How many of the files the scan found have the hash {@code previous} recorded for their path. */
    private final int sameAsPrevious;
    /** The paths the scan found that {@code previous} has not, or with another hash (null without a previous). */
    private final List<String> differing;

    /** Where this index's entries lie in the record it was read from; null when it was not read from one. */
    private final Layout layout;

    /**
     * The folders the scan listed (relative to the site folder) and the file keys of every folder it read, for
     * {@link #afterReading}; null for an index not made by a scan (read from a record).
     */
    private final Listed listed;

    /** The folders a scan listed, and the keys of the folders it read (a folder reached twice is read once). */
    private record Listed(List<String> folders, Set<Object> keys) {
    }

    /**
     * The bytes of a stored index ({@link #writeTo}) and where each entry's status and hash start in them (in the
     * order of {@link #names}): a later index with the same paths is written by copying them and putting its
     * changed entries over theirs (an edit at 100,000 files rewrites a few entries, not the whole record).
     */
    private record Layout(byte[] record, int from, int to, int[] values) {
    }

    private InputIndex(SortedNames names, long[] values, long scanned, int hashed) {
        this(names, values, scanned, hashed, null, 0, null, null);
    }

    private InputIndex(SortedNames names, long[] values, long scanned, int hashed, Object previous,
                       int sameAsPrevious, List<String> differing, Layout layout) {
        this(names, values, scanned, hashed, previous, sameAsPrevious, differing, layout, null);
    }

    private InputIndex(SortedNames names, long[] values, long scanned, int hashed, Object previous,
                       int sameAsPrevious, List<String> differing, Layout layout, Listed listed) {
        this.listed = listed;
        this.names = names;
        this.values = values;
        this.scanned = scanned;
        this.hashed = hashed;
        this.previous = previous;
        this.sameAsPrevious = sameAsPrevious;
        this.differing = differing;
        this.layout = layout;
    }

    /** Entries by path relative to the site folder ("content/articles/a.md"), in the byte order of the paths. */
    public Map<String, Entry> files() {
        return new java.util.AbstractMap<String, InputIndex.Entry>() {
            @Override
            public int size() {
                return names.size();
            }

            @Override
            public InputIndex.Entry get(Object path) {
                int i = path instanceof String name ? names.indexOf(name) : -1;
                return i < 0 ? null : entry(i);
            }

            @Override
            public boolean containsKey(Object path) {
                return path instanceof String name && names.indexOf(name) >= 0;
            }

            @Override
            public Set<Map.Entry<String, InputIndex.Entry>> entrySet() {
                return new java.util.AbstractSet<>() {
                    @Override
                    public int size() {
                        return names.size();
                    }

                    @Override
                    public java.util.Iterator<Map.Entry<String, InputIndex.Entry>> iterator() {
                        return java.util.stream.IntStream.range(0, names.size())
                                .mapToObj(i -> (Map.Entry<String, InputIndex.Entry>) Map.entry(names.get(i), entry(i))).iterator();
                    }
                };
            }
        };
    }

    /**
     * The entries of the files below a folder ({@code "content/market"}), by path, in path order: found by binary
     * search, so that a site of 1,000,000 articles does not walk every entry to find its market files.
     */
    public Map<String, Entry> under(String folder) {
        String prefix = folder + "/";
        byte[] bytes = prefix.getBytes(StandardCharsets.UTF_8);
        Map<String, Entry> found = new java.util.LinkedHashMap<>();
        for (int i = names.from(prefix); i < names.size() && names.startsWith(i, bytes); i++) {
            found.put(names.get(i), entry(i));
        }
        return found;
    }

    /** The entry of the file at place {@code i} in {@link #names}. */
    private Entry entry(int i) {
        return entryOf(values, i);
    }

    /** The entries of {@code files}, in the order of their paths. */
    private static long[] values(SortedNames names, Map<String, Entry> files) {
        long[] values = new long[names.size() * PER_FILE];
        for (int i = 0; i < names.size(); i++) put(values, i, files.get(names.get(i)));
        return values;
    }

    private static void put(long[] values, int i, Entry e) {
        int at = i * PER_FILE;
        values[at] = e.size();
        values[at + 1] = e.modified();
        values[at + 2] = e.changed();
        values[at + 3] = e.inode();
        if (!Hex128.is(e.hash())) throw new IllegalArgumentException("not a 32-digit hash: " + e.hash());
        values[at + 4] = Hex128.high(e.hash());
        values[at + 5] = Hex128.low(e.hash());
    }

    /** Whether the file at place {@code i} here has the same content hash as the one at place {@code j} there. */
    private boolean sameHash(int i, InputIndex there, int j) {
        return values[i * PER_FILE + 4] == there.values[j * PER_FILE + 4]
                && values[i * PER_FILE + 5] == there.values[j * PER_FILE + 5];
    }

    /** Whether the file at place {@code i} has the same status and hash here as at place {@code j} there. */
    private boolean sameEntry(int i, InputIndex there, int j) {
        return java.util.Arrays.equals(values, i * PER_FILE, (i + 1) * PER_FILE,
                there.values, j * PER_FILE, (j + 1) * PER_FILE);
    }

    /** How many files this scan read and hashed (the others had the previous scan's status and hash). */
    public int hashed() {
        return hashed;
    }

    /**
     * Indexes every input file of a site folder (in parallel), reading and hashing those that {@code previous}
     * cannot vouch for (see the class comment).
     *
     * @throws UncheckedIOException when a file or folder cannot be read (the full build then reports it)
     */
    public static InputIndex scan(Path sourceDir, InputIndex previous) {
        long scanned = System.currentTimeMillis();
        Map<String, Entry> found = new java.util.concurrent.ConcurrentHashMap<>(
                previous == null ? 64 : previous.names.size() * 4 / 3 + 64);
        List<Path> dirs = new ArrayList<>();
        for (String folder : FOLDERS) {
            if (Files.isDirectory(sourceDir.resolve(folder))) dirs.add(sourceDir.resolve(folder));
        }
        Set<Object> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<String> folders = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger hashed = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger same = new java.util.concurrent.atomic.AtomicInteger();
        List<String> differing = java.util.Collections.synchronizedList(new ArrayList<>());
        // Folder by folder, each folder's entries in parallel: one stat per entry, through links.
        while (!dirs.isEmpty()) {
            List<Path> entries = new ArrayList<>();
            for (Path dir : dirs) {
                folders.add(relative(sourceDir, dir));
                try (DirectoryStream<Path> list = Files.newDirectoryStream(dir)) {
                    list.forEach(entries::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            List<Path> next = java.util.Collections.synchronizedList(new ArrayList<>());
            entries.parallelStream().forEach(p -> {
                Map<String, Object> a = attributes(p);
                if (Boolean.TRUE.equals(a.get("isDirectory"))) {
                    // A folder reached twice (a loop of links) is read once; the build reports the loop.
                    if (seen.add(a.getOrDefault("fileKey", p.toAbsolutePath().normalize()))) next.add(p);
                    return;
                }
                if (!Boolean.TRUE.equals(a.get("isRegularFile"))) return;
                String name = relative(sourceDir, p);
                Entry status = status(a);
                int was = previous == null ? -1 : previous.names.indexOf(name);
                Entry before = was < 0 ? null : previous.entry(was);
                Entry now;
                if (previous != null && unchangedSince(status, before, previous.scanned)) {
                    now = before;
                } else {
                    hashed.incrementAndGet();
                    now = hash(p, status);
                }
                found.put(name, now); // each path is listed once
                if (before != null && before.hash().equals(now.hash())) {
                    same.incrementAndGet();
                } else if (previous != null) {
                    differing.add(name);
                }
            });
            dirs = next;
        }
        SortedNames names = SortedNames.of(found.keySet());
        for (String folder : FOLDERS) { // the roots' own keys: a link back to one is not a new folder
            try {
                Object key = attributes(sourceDir.resolve(folder)).get("fileKey");
                if (key != null) seen.add(key);
            } catch (UncheckedIOException e) {
                // not there
            }
        }
        return new InputIndex(names, values(names, found), scanned, hashed.get(),
                previous == null ? null : previous.identity, same.get(), previous == null ? null : List.copyOf(differing),
                null, new Listed(List.copyOf(folders), Set.copyOf(seen)));
    }

    /**
     * Whether a file whose status is now {@code status} still has the bytes it had when {@code before} was
     * taken at {@code scannedMillis}: the same status, and changed well before that moment (not "racy").
     */
    static boolean unchangedSince(Entry status, Entry before, long scannedMillis) {
        long settled = (scannedMillis - RACY_MILLIS) * 1_000_000;
        return status.sameStatus(before) && status.changed() < settled && status.modified() < settled;
    }

    /**
     * The hash a record keeps for a file saved while the build read it ({@link #afterReading}): no file's bytes hash
     * to it, so the next build finds the file changed.
     */
    static final String UNREAD = Hex128.text(0, 0);

    /**
     * This index as the record of a build that has read its inputs. A file whose status is no longer the one this
     * scan took was saved while the build ran, after the scan hashed it: the build may have read either text, so
     * its entry is kept with the hash {@link #UNREAD} and the next build takes the file as changed (an undo back to
     * the scanned text must not find "nothing changed" and keep pages made from the other). One stat per file;
     * articles are left out: the build checks each article's bytes as it reads them ({@link #hashOfRead}).
     *
     * @param foldersListed whether the build listed the input folders after the scan (a full build's loaders do; the quick
     *               path of article edits lists none). Then the folders the scan listed are listed again (names only,
     *               some 0.1 s at 100,000 files): a file removed or added since the scan may be missing from the site
     *               or in it; a file gone keeps the hash {@link #UNREAD}, articles too, and a file added joins the
     *               record with it, so that putting the file back (or removing it again) does not find "nothing
     *               changed"
     */
    InputIndex afterReading(Path sourceDir, boolean foldersListed) {
        Path base = normal(sourceDir);
        long[] marked = null;
        // Files added or removed since the scan: the build listed the folders after it, and may have built without a
        // file the scan saw or with one it did not. A file gone keeps the hash UNREAD (articles too); a file added
        // joins with that hash and a status no file has, so the next build takes both as changed.
        List<String> added = new ArrayList<>();
        boolean[] found = !foldersListed || listed == null ? null : relist(base, added);
        if (found != null) {
            for (int i = 0; i < names.size(); i++) {
                if (!found[i]) {
                    if (marked == null) marked = values.clone();
                    marked[i * PER_FILE + 4] = 0; // the hash UNREAD
                    marked[i * PER_FILE + 5] = 0;
                }
            }
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (ArticleLoader.isArticle(name)) continue;
            Entry now;
            try {
                now = status(base.resolve(name));
            } catch (UncheckedIOException | SecurityException gone) {
                now = null;
            }
            int at = i * PER_FILE;
            if (now == null || now.size() != values[at] || now.modified() != values[at + 1]
                    || now.changed() != values[at + 2] || now.inode() != values[at + 3]) {
                if (marked == null) marked = values.clone();
                marked[at + 4] = 0; // the hash UNREAD
                marked[at + 5] = 0;
            }
        }
        if (!added.isEmpty()) {
            Map<String, Entry> all = new java.util.HashMap<>(names.size() * 4 / 3 + added.size() + 16);
            long[] now = marked == null ? values : marked;
            for (int i = 0; i < names.size(); i++) all.put(names.get(i), entryOf(now, i));
            for (String name : added) all.put(name, new Entry(-1, -1, -1, -1, UNREAD));
            SortedNames more = SortedNames.of(all.keySet());
            return new InputIndex(more, values(more, all), scanned, hashed);
        }
        // Not the scan's comparison with the previous index any more: later comparisons look at the hashes.
        return marked == null ? this : new InputIndex(names, marked, scanned, hashed, null, 0, null, layout);
    }

    /**
     * Lists again the folders the scan listed (names only; a name the scan did not see is looked at): which of this
     * index's files are still there (by place), and the files that are new (added to {@code added}).
     */
    private boolean[] relist(Path base, List<String> added) {
        boolean[] found = new boolean[names.size()];
        java.util.Deque<String> folders = new java.util.ArrayDeque<>(listed.folders());
        Set<String> known = new java.util.HashSet<>(listed.folders());
        while (!folders.isEmpty()) {
            String folder = folders.pop();
            try (DirectoryStream<Path> list = Files.newDirectoryStream(base.resolve(folder))) {
                for (Path p : list) {
                    String name = folder + "/" + p.getFileName();
                    int i = names.indexOf(name);
                    if (i >= 0) {
                        found[i] = true;
                        continue;
                    }
                    if (known.contains(name)) continue; // a folder the scan listed: listed in its turn
                    Map<String, Object> a;
                    try {
                        a = attributes(p);
                    } catch (UncheckedIOException gone) {
                        continue; // gone again, or a link that leads nowhere (the scan skipped it too)
                    }
                    if (Boolean.TRUE.equals(a.get("isRegularFile"))) {
                        added.add(name);
                    } else if (Boolean.TRUE.equals(a.get("isDirectory")) && known.add(name)
                            && !listed.keys().contains(a.getOrDefault("fileKey", name))) {
                        folders.push(name); // made during the build
                    }
                }
            } catch (IOException | UncheckedIOException | SecurityException e) {
                // gone: its files are not found
            }
        }
        return found;
    }

    /** The entry at place {@code i} of these values (this index's, or a copy of them). */
    private static Entry entryOf(long[] values, int i) {
        int at = i * PER_FILE;
        return new Entry(values[at], values[at + 1], values[at + 2], values[at + 3],
                Hex128.text(values[at + 4], values[at + 5]));
    }

    /** A file's status (no hash), through links. */
    static Entry status(Path file) {
        return status(attributes(file));
    }

    /** {@link #scan}, or null when an input cannot be read (the build then reports it, and records nothing). */
    static InputIndex tryScan(Path sourceDir, InputIndex previous) {
        try {
            return scan(sourceDir, previous);
        } catch (UncheckedIOException | SecurityException e) {
            return null;
        }
    }

    private static String relative(Path sourceDir, Path file) {
        String base = sourceDir.toString();
        String path = file.toString();
        int from = base.length() + 1; // a file listed from a folder under the site folder starts with its path
        if (!base.isEmpty() && path.length() > from && path.startsWith(base)
                && path.charAt(base.length()) == file.getFileSystem().getSeparator().charAt(0)) {
            return path.substring(from).replace('\\', '/');
        }
        return sourceDir.relativize(file).toString().replace('\\', '/');
    }

    /** One stat of a path, through links: through the "unix" view (with the change time) where there is one. */
    private static Map<String, Object> attributes(Path p) {
        try {
            return Files.readAttributes(p, "unix:isDirectory,isRegularFile,fileKey,size,lastModifiedTime,ctime,ino");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            try {
                return Files.readAttributes(p, "isDirectory,isRegularFile,fileKey,size,lastModifiedTime");
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file's status without its hash; without a change time it is never trusted (always hashed). */
    private static Entry status(Map<String, Object> a) {
        Object ctime = a.get("ctime");
        Object ino = a.get("ino");
        return new Entry((Long) a.get("size"), nanos(a.get("lastModifiedTime")), ctime == null ? -1 : nanos(ctime),
                ino == null ? -1 : (Long) ino, "");
    }

    private static long nanos(Object time) {
        return ((java.nio.file.attribute.FileTime) time).to(java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /**
     * The content hash of an input file's bytes: {@link Fingerprint.Parts} of its bytes (128 bits, like every page's
     * fingerprint; a SHA-256, which Java's C1 compiler does not turn into the CPU's instructions, cost a cold build
     * of 1,000 articles some 60 ms of CPU).
     */
    static String hashOf(byte[] bytes) {
        return new Fingerprint.Parts().add(bytes).hex();
    }

    /** The recorded hash of a file below the site folder, or null when the index has no such file. */
    String hashOf(Path sourceDir, Path file) {
        int i = names.indexOf(relative(normal(sourceDir), file.toAbsolutePath().normalize()));
        return i < 0 ? null : entry(i).hash();
    }

    /** The last site folder asked about, and its absolute normal form: a build asks 100,000 times about one. */
    private volatile Path[] lastSource = {null, null};

    private Path normal(Path sourceDir) {
        Path[] last = lastSource;
        if (sourceDir.equals(last[0])) return last[1];
        Path normal = sourceDir.toAbsolutePath().normalize();
        lastSource = new Path[] {sourceDir, normal};
        return normal;
    }

    /**
     * The recorded hash of a file below the site folder whose {@code size} bytes were read after this scan, when
     * they are provably the bytes the scan hashed: the file's status now (taken after the read) is the one
     * recorded, and it was changed well before the scan (the rule of {@link #unchangedSince}, this scan taking
     * the previous index's place). Null otherwise: the caller hashes the bytes it read. It spares a cold build
     * hashing every article twice.
     */
    String hashIfUnchanged(Path sourceDir, Path file, long size) {
        int i = names.indexOf(relative(normal(sourceDir), file.toAbsolutePath().normalize()));
        if (i < 0 || values[i * PER_FILE] != size) return null;
        Entry e = entry(i);
        try {
            return unchangedSince(status(file), e, scanned) ? e.hash() : null;
        } catch (UncheckedIOException | SecurityException gone) {
            return null;
        }
    }

    /**
     * The content hash of {@code bytes} just read from an input file by this build ({@link #hashIfUnchanged} when
     * it can tell, else hashed). When this scan recorded the file with other bytes, it was saved between the scan
     * and the read: the build stops rather than build one text while its record keeps the other's hash (an undo
     * after the build would then find nothing changed, and the site would keep the pages of the text it built).
     *
     * @throws io.tickerpress.diag.InputError "changed while the build was reading it"
     */
    String hashOfRead(Path sourceDir, Path file, byte[] bytes) {
        String indexed = hashIfUnchanged(sourceDir, file, bytes.length);
        if (indexed != null) return indexed;
        String hash = hashOf(bytes);
        String scanned = hashOf(sourceDir, file);
        if (scanned != null && !scanned.equals(hash)) {
            throw new io.tickerpress.diag.InputError(io.tickerpress.diag.Diagnostics.display(file),
                    "changed while the build was reading it: build again once the file is saved");
        }
        return hash;
    }

    private static Entry hash(Path file, Entry status) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return new Entry(bytes.length, status.modified(), status.changed(), status.inode(), hashOf(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether both indexes have the same paths with the same content hashes (times and status aside). */
    public boolean sameContent(InputIndex other) {
        if (names.size() != other.names.size()) return false;
        // A scan against the other index compared every path it found as it went: as many paths, all the same.
        if (other.previous == identity) return other.sameAsPrevious == names.size();
        if (previous == other.identity) return sameAsPrevious == names.size();
        if (!names.sameAs(other.names)) return false;
        for (int i = 0; i < names.size(); i++) {
            if (!sameHash(i, other, i)) return false;
        }
        return true;
    }

    /**
     * The paths whose content differs from {@code before}'s: added, or with another hash (not those removed), in
     * path order. From the scan's own comparison when it was taken against {@code before}.
     */
    public List<String> differentFrom(InputIndex before) {
        List<String> paths;
        if (previous == before.identity) {
            paths = new ArrayList<>(differing);
        } else {
            paths = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                String path = names.get(i);
                int old = before.names.indexOf(path);
                if (old < 0 || !sameHash(i, before, old)) paths.add(path);
            }
        }
        java.util.Collections.sort(paths);
        return paths;
    }

    /** The paths added, removed or changed in content since {@code before}, in path order. */
    public List<String> changedSince(InputIndex before) {
        Map<String, String> changed = new TreeMap<>();
        for (int i = 0; i < names.size(); i++) {
            String path = names.get(i);
            int old = before.names.indexOf(path);
            if (old < 0) changed.put(path, "added");
            else if (!sameHash(i, before, old)) changed.put(path, "changed");
        }
        for (int i = 0; i < before.names.size(); i++) {
            String path = before.names.get(i);
            if (names.indexOf(path) < 0) changed.put(path, "removed");
        }
        List<String> out = new ArrayList<>();
        changed.forEach((path, how) -> out.add(path + " (" + how + ")"));
        return out;
    }

    /**
     * The index in its stored form ({@link RecordBytes}): the scan time, the number of files, then per file the
     * path (the bytes it shares with the previous path counted, the rest written), size, times,
     * inode and the 16 bytes of its hash. At 100,000 files it is read in a fraction of the time a text form
     * takes, and a build with nothing to do reads it first.
     */
    public byte[] toBytes() {
        RecordBytes.Writer out = new RecordBytes.Writer(names.size() * 64 + 64);
        writeTo(out);
        return out.toBytes();
    }

    void writeTo(RecordBytes.Writer out) {
        writeTo(out, null);
    }

    /**
     * Writes this index; when {@code before} was read from a record and has the same paths, by copying that
     * record's entries and putting this index's changed ones over theirs (the same layout, in that record's order).
     */
    void writeTo(RecordBytes.Writer out, InputIndex before) {
        Layout was = before == null ? null : before.layout;
        if (was != null && names.sameAs(before.names)) {
            int start = out.size();
            out.put(was.record, was.from, was.to - was.from);
            RecordBytes.Writer part = new RecordBytes.Writer(ENTRY_BYTES);
            part.putLong(scanned);
            out.putAt(start, part.toBytes(), 0, 8);
            for (int i = 0; i < names.size(); i++) {
                if (!sameEntry(i, before, i)) {
                    part.cut(0);
                    putEntry(part, entry(i));
                    out.putAt(start + was.values[i] - was.from, part.toBytes(), 0, ENTRY_BYTES);
                }
            }
            return;
        }
        out.putLong(scanned);
        out.putInt(names.size());
        // In the order of the paths, which the reader keeps (it sorts a record that is not in that order).
        for (int i = 0; i < names.size(); i++) {
            out.putName(names.get(i));
            putEntry(out, entry(i));
        }
    }

    /** The bytes of an entry's status and hash in a record. */
    private static final int ENTRY_BYTES = 4 * 8 + 16;

    private static void putEntry(RecordBytes.Writer out, Entry e) {
        out.putLong(e.size());
        out.putLong(e.modified());
        out.putLong(e.changed());
        out.putLong(e.inode());
        out.putHex(e.hash());
    }

    /** The index written by {@link #toBytes}, or empty when the bytes are not one (damaged, another format). */
    public static Optional<InputIndex> fromBytes(byte[] bytes) {
        try {
            RecordBytes.Reader in = new RecordBytes.Reader(bytes);
            InputIndex index = readFrom(in);
            return in.atEnd() ? Optional.of(index) : Optional.empty();
        } catch (RecordBytes.Damaged e) {
            return Optional.empty();
        }
    }

    static InputIndex readFrom(RecordBytes.Reader in) {
        int from = in.position();
        long scanned = in.getLong();
        int count = in.count();
        byte[][] paths = new byte[count][];
        int[] at = new int[count];
        long[] values = new long[count * PER_FILE];
        for (int i = 0; i < count; i++) {
            paths[i] = in.getName().getBytes(StandardCharsets.UTF_8);
            at[i] = in.position();
            put(values, i, new Entry(in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getHex()));
        }
        if (!SortedNames.inOrder(paths)) { // written in another order (an older build's): sorted, each with its values
            Integer[] order = new Integer[count];
            for (int i = 0; i < count; i++) order[i] = i;
            java.util.Arrays.sort(order, (a, b) -> java.util.Arrays.compareUnsigned(paths[a], paths[b]));
            byte[][] sortedPaths = new byte[count][];
            int[] sortedAt = new int[count];
            long[] sortedValues = new long[values.length];
            for (int i = 0; i < count; i++) {
                sortedPaths[i] = paths[order[i]];
                sortedAt[i] = at[order[i]];
                System.arraycopy(values, order[i] * PER_FILE, sortedValues, i * PER_FILE, PER_FILE);
            }
            if (!SortedNames.inOrder(sortedPaths)) throw new RecordBytes.Damaged(); // a path twice
            return new InputIndex(SortedNames.of(sortedPaths), sortedValues, scanned, 0, null, 0, null,
                    new Layout(in.bytes(), from, in.position(), sortedAt));
        }
        return new InputIndex(SortedNames.of(paths), values, scanned, 0, null, 0, null,
                new Layout(in.bytes(), from, in.position(), at));
    }

    /** An index of these entries, taken at {@code millis} (ms since the epoch): for tests of the stored form. */
    static InputIndex of(Map<String, Entry> files, long millis) {
        SortedNames names = SortedNames.of(files.keySet());
        return new InputIndex(names, values(names, files), millis, 0);
    }

    /** This index as if it had been taken at another moment (ms since the epoch): for tests of the racy rule. */
    InputIndex scannedAt(long millis) {
        return new InputIndex(names, values, millis, hashed);
    }
}
