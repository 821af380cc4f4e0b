package io.tickerpress.write;

import io.tickerpress.model.Fingerprint;
import io.tickerpress.model.Hex128;
import io.tickerpress.model.StoredBytes;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the previous build wrote into an output folder: the fingerprint of the inputs every page shares
 * ({@code inputs}: site.yaml, every theme file, the generator), and for each page its own fingerprint, the
 * chart files it shows and the warnings its content raised (as {@code Diagnostics.stored} keeps them: files named
 * from the site's folder, not the working folder). Kept in the cache folder; an incremental build
 * reuses a page whose fingerprint is unchanged instead of rendering it again, and none when the shared inputs
 * changed. Files that are not pages (feeds, sitemaps, the search index) are kept as {@code groups}: the
 * fingerprint of what a group of files is made from, and the files it made.
 */
public record BuildManifest(int version, String output, String inputs, Pages pages, Map<String, Group> groups) {
    public static final int VERSION = 3;
    /** The file's first string: its format (a binary file, read and written many times per build session). */
    private static final String FORMAT = "tickerpress page manifest " + VERSION;

    /**
     * A page's fingerprint, the chart files it shows and the warnings its content raised. A site of 100,000
     * articles has some 170,000 pages, so a fingerprint of 32 hex digits (as every page's is) is kept as its two
     * halves ({@link Hex128}); {@link #fingerprint} gives back the text. It compares as a record of its three
     * accessors.
     */
    public static final class Entry {
        private final long high;
        private final long low;
        /** Whether the fingerprint is 32 lowercase hex digits, kept in {@code high} and {@code low}. */
        private final boolean hex;
        /** The fingerprint when it is not. */
        private final String text;
        private final List<String> charts;
        private final List<String> warnings;

        public Entry(String fingerprint, List<String> charts, List<String> warnings) {
            this.hex = fingerprint != null && Hex128.is(fingerprint);
            this.high = hex ? Hex128.high(fingerprint) : 0;
            this.low = hex ? Hex128.low(fingerprint) : 0;
            this.text = hex ? null : fingerprint;
            this.charts = SharedLists.of(charts);
            this.warnings = List.copyOf(warnings);
        }

        /** A fingerprint of 32 lowercase hex digits, as its two halves, with no charts or warnings. */
        private Entry(long high, long low) {
            this.hex = true;
            this.high = high;
            this.low = low;
            this.text = null;
            this.charts = List.of();
            this.warnings = List.of();
        }

        /** Whether the fingerprint is 32 lowercase hex digits and there are no charts or warnings. */
        private boolean plain() {
            return hex && charts.isEmpty() && warnings.isEmpty();
        }

        public String fingerprint() {
            return hex ? Hex128.text(high, low) : text;
        }

        public List<String> charts() {
            return charts;
        }

        public List<String> warnings() {
            return warnings;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && hex == e.hex && high == e.high && low == e.low
                    && java.util.Objects.equals(text, e.text)
                    && charts.equals(e.charts) && warnings.equals(e.warnings);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(fingerprint(), charts, warnings);
        }

        @Override
        public String toString() {
            return "Entry[fingerprint=" + fingerprint() + ", charts=" + charts + ", warnings=" + warnings + "]";
        }
    }

    /** A group of files made together from inputs whose fingerprint is {@code fingerprint}. */
    public record Group(String fingerprint, List<String> files) {
        public Group {
            files = List.copyOf(files);
        }
    }

    /** The groups are taken, not copied: they must not change. */
    public BuildManifest {
        pages = pages == null ? new Pages() : pages;
        groups = groups == null ? Map.of() : java.util.Collections.unmodifiableMap(groups);
    }

    /**
     * The pages of a manifest, found by path. A large archive has millions of pages, so a page is held as a
     * 128-bit hash of its path ({@link Fingerprint.Parts}, the hash pages' fingerprints are made with) and its
     * fingerprint's two halves, in one array, found through an open-addressed table: about 40 bytes a page, where
     * a map of paths and entries took some 180. An entry with charts, warnings or a fingerprint that is not 32 hex
     * digits (few) is kept whole beside them.
     */
    public static final class Pages {
        /** Four longs a page: its path's hash (two halves), its fingerprint (two halves). */
        private long[] pages = new long[0];
        /** Each page's index plus one, by its path's hash (0: free). */
        private int[] slots = new int[0];
        private int size;
        /** The entries that are not plain ({@link Entry#plain}), by their page's index. */
        private final Map<Integer, Entry> others = new HashMap<>();

        Pages() {
        }

        /** Pages for about {@code expected} pages (a hint: more may be put). */
        Pages(int expected) {
            int n = Math.max(0, Math.min(expected, 1 << 24));
            pages = new long[4 * n];
            slots = new int[Integer.highestOneBit(Math.max(2, n) * 2 - 1) << 1];
        }

        /** The entry of a page, or null. */
        public Entry get(String page) {
            if (size == 0) return null;
            Fingerprint.Parts hash = new Fingerprint.Parts().add(page);
            int i = find(hash.high(), hash.low());
            if (i < 0) return null;
            Entry other = others.get(i);
            return other != null ? other : new Entry(pages[4 * i + 2], pages[4 * i + 3]);
        }

        public int size() {
            return size;
        }

        /** The index of the page whose path has this hash, or -1. */
        private int find(long high, long low) {
            int mask = slots.length - 1;
            for (int slot = (int) (high ^ low) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
                int i = slots[slot] - 1;
                if (pages[4 * i] == high && pages[4 * i + 1] == low) return i;
            }
            return -1;
        }

        /** Puts a page's entry (in place of an earlier one of the same path, as a map would). */
        void put(String page, Entry entry) {
            Fingerprint.Parts hash = new Fingerprint.Parts().add(page);
            long high = hash.high();
            long low = hash.low();
            int i = slots.length == 0 ? -1 : find(high, low);
            if (i < 0) {
                if (2 * (size + 1) > slots.length) grow();
                i = size++;
                if (4 * size > pages.length) pages = java.util.Arrays.copyOf(pages, Math.max(16, 2 * pages.length));
                pages[4 * i] = high;
                pages[4 * i + 1] = low;
                int mask = slots.length - 1;
                int slot = (int) (high ^ low) & mask;
                while (slots[slot] != 0) slot = (slot + 1) & mask;
                slots[slot] = i + 1;
            }
            pages[4 * i + 2] = entry.high;
            pages[4 * i + 3] = entry.low;
            if (entry.plain()) others.remove(i);
            else others.put(i, entry);
        }

        private void grow() {
            int[] bigger = new int[Math.max(4, slots.length * 2)];
            int mask = bigger.length - 1;
            for (int i = 0; i < size; i++) {
                int slot = (int) (pages[4 * i] ^ pages[4 * i + 1]) & mask;
                while (bigger[slot] != 0) slot = (slot + 1) & mask;
                bigger[slot] = i + 1;
            }
            slots = bigger;
        }

        /** Lets go of the unused room once every page is put. */
        void trim() {
            pages = java.util.Arrays.copyOf(pages, 4 * size);
        }
    }

    /** A manifest of no pages for a build with these shared inputs: every page is rendered. */
    public static BuildManifest empty(Path output, String inputs) {
        return new BuildManifest(VERSION, outputKey(output), inputs, new Pages(), Map.of());
    }

    /**
     * The output folder as the records of its builds name it: its absolute path, with the folders it lies in
     * resolved through symbolic links (not the output itself: it is a link to its current version). Two names of
     * one folder (a site reached through a link to it) share one manifest: one for each would describe the same
     * files, and the one not used last would describe files another build has since replaced.
     */
    public static String outputKey(Path output) {
        Path abs = output.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null) return abs.toString();
        // The nearest folder above that exists (the first build makes the rest), resolved; the rest as named.
        Path existing = parent;
        while (existing != null && !Files.isDirectory(existing)) existing = existing.getParent();
        if (existing == null) return abs.toString();
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).toString();
        } catch (IOException | RuntimeException e) {
            return abs.toString();
        }
    }

    /** The manifest file for an output folder, inside the cache folder. */
    public static Path file(Path cacheDir, Path output) {
        String key = Integer.toHexString(outputKey(output).hashCode());
        return cacheDir.resolve("pages-" + key + ".bin");
    }

    /**
     * The previous manifest for this output, or an empty one when there is none or it does not fit: another
     * format, another output folder, or other shared inputs than {@code inputs}.
     */
    public static BuildManifest load(Path cacheDir, Path output, String inputs) {
        if (cacheDir == null) return empty(output, inputs);
        Path file = file(cacheDir, output);
        try {
            if (!Files.isRegularFile(file)) return empty(output, inputs);
            try (DataInputStream in = open(file)) {
                String was = string(in);
                if (!was.equals(outputKey(output)) || !inputs.equals(string(in))) {
                    return empty(output, inputs);
                }
                int pageCount = count(in);
                // Not trusted for the arrays' size: a page takes at least 16 bytes of the file.
                Pages pages = new Pages((int) Math.min(pageCount, Files.size(file) / 16));
                for (int i = 0; i < pageCount; i++) {
                    pages.put(string(in), new Entry(string(in), strings(in), strings(in)));
                }
                pages.trim();
                int groupCount = count(in);
                Map<String, Group> groups = new HashMap<>();
                for (int i = 0; i < groupCount; i++) groups.put(string(in), new Group(string(in), strings(in)));
                if (!"end".equals(string(in))) return empty(output, inputs);
                return new BuildManifest(VERSION, was, inputs, pages, groups);
            }
        } catch (IOException | RuntimeException e) {
            return empty(output, inputs); // a damaged manifest only means a full build
        }
    }

    /** The output folder a manifest file was written for, or null when the file cannot be read. */
    public static String outputOf(Path manifestFile) {
        try {
            try (DataInputStream in = open(manifestFile)) {
                return string(in);
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Saves the manifest of a build that put its pages' entries aside ({@link PageEntries}) as they were made, for
     * output {@code output} and shared inputs {@code inputs}; saves none when not every entry was kept (the next
     * build is then a full one).
     */
    public static void save(Path cacheDir, String output, String inputs, PageEntries pages, Map<String, Group> groups) {
        if (cacheDir == null || !pages.complete()) return;
        save(cacheDir, output, inputs, pages.size(), pages::copyTo, groups);
    }

    /** The pages' entries of a manifest file, written as {@link #write(DataOutputStream, String, Entry)} writes each. */
    private interface PageSection {
        void writeTo(DataOutputStream out) throws IOException;
    }

    private static void save(Path cacheDir, String output, String inputs, int pageCount, PageSection pages,
                             Map<String, Group> groups) {
        if (cacheDir == null) return;
        try {
            Files.createDirectories(cacheDir);
            String key = outputKey(Path.of(output)); // however the build named its output
            Path target = file(cacheDir, Path.of(key));
            // Streamed: at 100,000 articles the file is tens of megabytes, too much to build in memory first.
            AtomicFiles.write(target, stream -> {
                DataOutputStream out = new DataOutputStream(stream);
                string(out, FORMAT);
                string(out, key);
                string(out, inputs);
                out.writeInt(pageCount);
                pages.writeTo(out);
                out.writeInt(groups.size());
                for (var g : new TreeMap<>(groups).entrySet()) {
                    string(out, g.getKey());
                    string(out, g.getValue().fingerprint());
                    strings(out, g.getValue().files());
                }
                string(out, "end");
                out.flush();
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            // Without a manifest the next build is a full one; nothing else is lost.
        }
    }

    /** One page's entry as the manifest file holds it: its path, then its fingerprint, charts and warnings. */
    static void write(DataOutputStream out, String page, Entry entry) throws IOException {
        string(out, page);
        string(out, entry.fingerprint());
        strings(out, entry.charts());
        strings(out, entry.warnings());
    }

    /**
     * The manifest file of an output as its bytes, for a build that changes the entries of a few pages and keeps
     * every other entry as it is: {@link Patch#save} writes the bytes again with only those entries replaced, so
     * a large site's manifest is neither decoded whole nor encoded anew.
     */
    public static final class Patch {
        /**
         * The manifest file as it was read, open (read in parts, never whole; the build deletes the file before it
         * publishes, and {@link #save} copies from it after); closed by {@link #save}, else when it is collected.
         */
        private final StoredBytes bytes;
        /** The pages asked for that the manifest has: each one's entry, and where it lies in {@code bytes}. */
        private final Map<String, Entry> entries = new HashMap<>();
        private final Map<String, long[]> ranges = new HashMap<>();
        private final Map<String, Entry> replaced = new HashMap<>();
        /** The groups asked for that the manifest has, and those replaced; their ranges are keyed {@code GROUP + name}. */
        private final Map<String, Group> groups = new HashMap<>();
        private final Map<String, Group> replacedGroups = new HashMap<>();
        private final String output;
        /** Marks a group's range apart from a page's (no page path starts with a NUL). */
        private static final String GROUP = "\0group ";

        private Patch(StoredBytes bytes, String output) {
            this.bytes = bytes;
            this.output = output;
        }

        /**
         * The manifest of this output for these shared inputs with the entries of {@code pages} found, or empty
         * when there is none that fits (as {@link #load} would give an empty manifest).
         */
        public static java.util.Optional<Patch> read(Path cacheDir, Path output, String inputs, java.util.Set<String> pages) {
            return read(cacheDir, output, inputs, pages, java.util.Set.of());
        }

        /** Like {@link #read(Path, Path, String, java.util.Set)}, with the groups of files named too. */
        public static java.util.Optional<Patch> read(Path cacheDir, Path output, String inputs, java.util.Set<String> pages,
                                                     java.util.Set<String> groups) {
            StoredBytes bytes = null;
            try {
                bytes = StoredBytes.of(java.nio.channels.FileChannel.open(file(cacheDir, output),
                        java.nio.file.StandardOpenOption.READ));
                StoredBytes.Input counted = bytes.input(0);
                long size = bytes.size();
                DataInputStream in = new DataInputStream(counted);
                if (!FORMAT.equals(string(in))) return closed(bytes);
                String was = string(in);
                if (!was.equals(outputKey(output)) || !inputs.equals(string(in))) {
                    return closed(bytes);
                }
                Patch patch = new Patch(bytes, was);
                // A page's name is made a string only when its bytes hash as one asked for: of 170,000, a few.
                int[] asked = pages.stream().map(p -> p.getBytes(StandardCharsets.UTF_8))
                        .mapToInt(b -> hash(b, 0, b.length)).sorted().toArray();
                byte[] name = new byte[256];
                int pageCount = count(in);
                for (int i = 0; i < pageCount; i++) {
                    long start = counted.position();
                    int length = in.readInt();
                    if (length < 0 || length > size - counted.position()) throw new IOException("not a string");
                    if (length > name.length) name = new byte[Math.max(length, 2 * name.length)];
                    in.readFully(name, 0, length);
                    String page = java.util.Arrays.binarySearch(asked, hash(name, 0, length)) < 0 ? null
                            : new String(name, 0, length, StandardCharsets.UTF_8);
                    if (page != null && pages.contains(page)) {
                        patch.entries.put(page, new Entry(string(in), strings(in), strings(in)));
                        patch.ranges.put(page, new long[] {start, counted.position()});
                    } else {
                        skipString(in);
                        for (int list = 0; list < 2; list++) {
                            int n = count(in);
                            for (int k = 0; k < n; k++) skipString(in);
                        }
                    }
                }
                int groupCount = count(in);
                for (int i = 0; i < groupCount; i++) {
                    long start = counted.position();
                    String group = string(in);
                    if (groups.contains(group)) {
                        patch.groups.put(group, new Group(string(in), strings(in)));
                        patch.ranges.put(GROUP + group, new long[] {start, counted.position()});
                        continue;
                    }
                    skipString(in);
                    int n = count(in);
                    for (int k = 0; k < n; k++) skipString(in);
                }
                if (!"end".equals(string(in)) || counted.position() != size) return closed(bytes);
                return java.util.Optional.of(patch);
            } catch (IOException | RuntimeException e) {
                return closed(bytes);
            }
        }

        private static java.util.Optional<Patch> closed(StoredBytes bytes) {
            if (bytes != null) bytes.close();
            return java.util.Optional.empty();
        }

        /** A page's entry as the manifest has it, or null. */
        public Entry entry(String page) {
            return entries.get(page);
        }

        /** Replaces the entry of a page the manifest has ({@link #entry} not null). */
        public void put(String page, Entry entry) {
            if (!ranges.containsKey(page)) throw new IllegalArgumentException("no entry to replace: " + page);
            replaced.put(page, entry);
        }

        /** A group of files as the manifest has it (one of those named to {@link #read}), or null. */
        public Group group(String name) {
            return groups.get(name);
        }

        /** Replaces a group the manifest has ({@link #group} not null). */
        public void putGroup(String name, Group group) {
            if (!ranges.containsKey(GROUP + name)) throw new IllegalArgumentException("no group to replace: " + name);
            replacedGroups.put(name, group);
        }

        /**
         * Writes the manifest with the entries put in place of the old ones (atomically, as {@link #save}), the
         * rest copied from the file read, in parts; then closes it.
         */
        public void save(Path cacheDir) {
            try {
                List<Map.Entry<String, long[]>> order = new ArrayList<>(ranges.entrySet());
                order.sort(java.util.Comparator.comparingLong(e -> e.getValue()[0]));
                AtomicFiles.write(file(cacheDir, Path.of(output)), stream -> {
                    DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(stream, 1 << 16));
                    long at = 0;
                    for (Map.Entry<String, long[]> e : order) {
                        String key = e.getKey();
                        Entry entry = replaced.get(key);
                        Group group = key.startsWith(GROUP) ? replacedGroups.get(key.substring(GROUP.length())) : null;
                        if (entry == null && group == null) continue;
                        bytes.copy(at, e.getValue()[0], out);
                        if (group != null) {
                            string(out, key.substring(GROUP.length()));
                            string(out, group.fingerprint());
                            strings(out, group.files());
                        } else {
                            write(out, key, entry);
                        }
                        at = e.getValue()[1];
                    }
                    bytes.copy(at, bytes.size(), out);
                    out.flush();
                });
            } catch (IOException e) {
                // Without a manifest the next build is a full one; nothing else is lost.
            } finally {
                bytes.close();
            }
        }
    }

    /** The hash of some bytes (as {@link java.util.Arrays#hashCode(byte[])} of them would be). */
    private static int hash(byte[] bytes, int from, int length) {
        int h = 1;
        for (int i = from; i < from + length; i++) h = 31 * h + bytes[i];
        return h;
    }

    private static void skipString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 26 || in.skipBytes(n) != n) throw new IOException("not a string");
    }

    /** A manifest file, past its format line (another format fails to open: a full build). */
    private static DataInputStream open(Path file) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        try {
            if (!FORMAT.equals(string(in))) throw new IOException("another format");
            return in;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    // Strings as their UTF-8 length and bytes: no length limit, unlike DataOutput's own UTF.
    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 26) throw new IOException("not a string");
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    private static void strings(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) string(out, s);
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        int n = count(in);
        if (n == 0) return List.of();
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) list.add(string(in));
        return list;
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 26) throw new IOException("not a count");
        return n;
    }

    public static void delete(Path cacheDir, Path output) {
        if (cacheDir == null) return;
        try {
            Files.deleteIfExists(file(cacheDir, output));
        } catch (IOException ignored) {
            // see save()
        }
    }
}
