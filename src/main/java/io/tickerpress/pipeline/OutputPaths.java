package io.tickerpress.pipeline;

import io.tickerpress.diag.InputError;
import io.tickerpress.model.Fingerprint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every file the build writes, with what it comes from. Two outputs at one path (an article whose URL is the
 * tags index, a theme file named like a page) would overwrite each other; a file at a path another output needs
 * as a folder would fail half-way. Both are input errors naming the two sources. Paths are compared without
 * regard to case, because case-insensitive file systems (macOS, Windows) store {@code tickers/MU/} and
 * {@code tickers/mu/} as one folder.
 */
final class OutputPaths {
    /**
     * What writes an output. A large archive claims a file for every page and keeps its source until the build
     * ends, so a page of a list keeps the list's description (one string for all its pages) and its number, and
     * its own description is made only when a message needs it.
     */
    static final class Source {
        private final String description;
        /** The page of a list (from 2; 1 is the list itself), or 0. */
        private final int page;
        private final String file;
        private final String fix;

        /**
         * @param description how the user knows it: a content file's path or e.g. "the tags index"
         * @param file the content file to name in the error, or null for generated pages
         * @param fix how to move this output elsewhere, or null when it cannot be moved
         */
        private Source(String description, int page, String file, String fix) {
            this.description = description;
            this.page = page;
            this.file = file;
            this.fix = fix;
        }

        private static final String ARTICLE_FIX = "give the article another 'slug', or change 'permalinks.article'"
                + " in content/site.yaml";

        static Source article(String file) {
            return new Source(file, 0, file, ARTICLE_FIX);
        }

        /** Whether this is {@code article(file())}, which {@link Claims} keeps as the file's name alone. */
        private boolean isArticle() {
            return file != null && description.equals(file) && page == 0 && ARTICLE_FIX.equals(fix);
        }

        static Source generated(String description) {
            return new Source(description, 0, null, null);
        }

        /** Page {@code number} (from 1) of a paginated list: "page 2 of the home page"; the first is the list. */
        static Source listPage(String list, int number) {
            return new Source(list, number > 1 ? number : 0, null, null);
        }

        static Source themeFile(String sitePath) {
            String name = "static/" + sitePath.substring(sitePath.indexOf('/') + 1);
            return new Source("the theme file " + name, 0, null, "rename or remove " + name + " in the templates folder");
        }

        String description() {
            return page == 0 ? description : "page " + page + " of " + description;
        }

        String file() {
            return file;
        }

        String fix() {
            return fix;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Source s && description().equals(s.description())
                    && java.util.Objects.equals(file, s.file) && java.util.Objects.equals(fix, s.fix);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(description(), file, fix);
        }

        @Override
        public String toString() {
            return "Source[description=" + description() + ", file=" + file + ", fix=" + fix + "]";
        }
    }

    private record Claim(String path, Source source) {
    }

    /** What writes each claimed file, by the file's key. */
    private final Claims files = new Claims();
    /** The path as claimed, for the few files whose key is not the path itself (see {@link #key}). */
    private final Map<String, String> pathsByKey = new HashMap<>();
    /**
     * A 64-bit hash of the key of every folder some claimed file needs: a file there would clash with them. A
     * key whose hash is here is then looked for among the files (a hash shared by chance costs that search, never
     * a wrong answer). Hash look-ups without a copy of each folder's key: a site of 100,000 articles claims some
     * 190,000 files in as many folders.
     */
    private final LongSet folders = new LongSet();

    /**
     * Records that {@code source} writes the file at {@code path} (site-relative, such as
     * {@code news/x/index.html}).
     *
     * @throws InputError when another output already writes that file, or needs the path as a folder, or
     *                    writes a file where this one needs a folder
     */
    synchronized void claim(String path, Source source) {
        String key = key(path);
        Claim mine = new Claim(path, source);
        Claim other = claimed(key);
        if (other == null && folders.contains(hash(key))) other = firstBelow(key);
        if (other == null) {
            for (int slash = key.indexOf('/'); slash >= 0; slash = key.indexOf('/', slash + 1)) {
                other = claimed(key.substring(0, slash));
                if (other != null) break;
            }
        }
        if (other != null) throw clash(other, mine);
        files.put(key, source);
        if (!key.equals(path)) pathsByKey.put(key, path);
        Fingerprint.prefixes(key, '/', folders::add); // its folders, as hash(folder), in one pass
    }

    /**
     * A 64-bit hash of a key: the project's one hash ({@link Fingerprint}), its first half. Kept in memory for one
     * build only, so it names no file and no output path depends on it.
     */
    private static long hash(String key) {
        return new Fingerprint.Parts().add(key).high();
    }

    /** A set of longs in one array (open addressing), without an object per element. */
    private static final class LongSet {
        private long[] slots = new long[1 << 10];
        private boolean hasZero;
        private int size;

        boolean contains(long v) {
            if (v == 0) return hasZero;
            int mask = slots.length - 1;
            for (int i = spread(v) & mask; slots[i] != 0; i = (i + 1) & mask) {
                if (slots[i] == v) return true;
            }
            return false;
        }

        void add(long v) {
            if (v == 0) {
                hasZero = true;
                return;
            }
            int mask = slots.length - 1;
            int i = spread(v) & mask;
            for (; slots[i] != 0; i = (i + 1) & mask) {
                if (slots[i] == v) return;
            }
            slots[i] = v;
            if (++size * 2 > slots.length) grow();
        }

        private void grow() {
            long[] old = slots;
            slots = new long[old.length * 2];
            int mask = slots.length - 1;
            for (long v : old) {
                if (v == 0) continue;
                int i = spread(v) & mask;
                while (slots[i] != 0) i = (i + 1) & mask;
                slots[i] = v;
            }
        }

        private static int spread(long v) {
            long z = v * 0x9E3779B97F4A7C15L;
            return (int) (z ^ z >>> 32);
        }
    }

    /**
     * The claimed files' sources by key, in two arrays (open addressing, at most half full): a site of 1,000,000
     * articles claims some 1,700,000 files, and a hash map spends a 32-byte node on each where this spends two or
     * three 4-byte slots. An article page's source is kept as the article's file name (a string the build holds
     * anyway), not as a {@link Source} of its own. Keys are only added.
     */
    private static final class Claims {
        private String[] keys = new String[1 << 10];
        private Object[] values = new Object[1 << 10];
        private int size;

        Source get(String key) {
            int i = slot(keys, key);
            return keys[i] == null ? null : source(values[i]);
        }

        void put(String key, Source source) {
            int i = slot(keys, key);
            if (keys[i] == null) size++;
            keys[i] = key;
            values[i] = source.isArticle() ? source.file() : source;
            if (size * 2 > keys.length) grow();
        }

        /** The keys, in no particular order. */
        List<String> keys() {
            List<String> all = new ArrayList<>(size);
            for (String k : keys) {
                if (k != null) all.add(k);
            }
            return all;
        }

        private static Source source(Object value) {
            return value instanceof String file ? Source.article(file) : (Source) value;
        }

        /** The slot of {@code key}, or the empty slot where it would go. */
        private static int slot(String[] keys, String key) {
            int mask = keys.length - 1;
            int h = key.hashCode() * 0x9E3779B9;
            int i = (h ^ h >>> 16) & mask;
            while (keys[i] != null && !keys[i].equals(key)) i = (i + 1) & mask;
            return i;
        }

        private void grow() {
            String[] oldKeys = keys;
            Object[] oldValues = values;
            keys = new String[oldKeys.length * 2];
            values = new Object[oldKeys.length * 2];
            for (int k = 0; k < oldKeys.length; k++) {
                if (oldKeys[k] == null) continue;
                int i = slot(keys, oldKeys[k]);
                keys[i] = oldKeys[k];
                values[i] = oldValues[k];
            }
        }
    }

    /** The claimed file below a folder whose key comes first (the same one whatever order pages came in). */
    private Claim firstBelow(String folder) {
        String first = null;
        for (String key : files.keys()) {
            if (key.startsWith(folder + "/") && (first == null || key.compareTo(first) < 0)) first = key;
        }
        return first == null ? null : claimed(first);
    }

    /** The claim of the file with this key, or null. */
    private Claim claimed(String key) {
        Source source = files.get(key);
        return source == null ? null : new Claim(pathsByKey.getOrDefault(key, key), source);
    }

    /** The file system's view of a path: no empty or "." segments, one case (the path itself when it is so). */
    private static String key(String path) {
        if (isKey(path)) return path; // most paths: no second copy of the text
        StringBuilder sb = new StringBuilder();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) continue;
            if (!sb.isEmpty()) sb.append('/');
            sb.append(segment);
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean isKey(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.contains("//")
                || path.equals(".") || path.startsWith("./") || path.endsWith("/.") || path.contains("/./")) {
            return false;
        }
        return path.equals(path.toLowerCase(Locale.ROOT));
    }

    private static InputError clash(Claim first, Claim second) {
        // Pages are written in parallel: order the two sources by name, not by which came first. The one with
        // a content file is the subject of the message, so the error starts with that file.
        Claim a = first.source.description().compareTo(second.source.description()) <= 0 ? first : second;
        Claim b = a == first ? second : first;
        if (a.source.file() == null && b.source.file() != null) {
            Claim t = a;
            a = b;
            b = t;
        }
        String subject = a.source.file() != null ? "" : a.source.description() + " ";
        String problem;
        if (key(a.path).equals(key(b.path))) {
            problem = subject + "writes " + a.path + ", and so does " + b.source.description()
                    + (a.path.equals(b.path) ? "" : " (" + b.path + ": one file on case-insensitive file systems"
                    + " such as macOS and Windows)") + ": one would overwrite the other";
        } else if (key(a.path).length() < key(b.path).length()) {
            problem = subject + "writes the file " + a.path + ", where " + b.source.description()
                    + " needs a folder (for " + b.path + ")";
        } else {
            problem = subject + "needs a folder for " + a.path + " where " + b.source.description()
                    + " writes the file " + b.path;
        }
        String fix = a.source.fix() != null ? a.source.fix() : b.source.fix();
        return new InputError(a.source.file(), problem + (fix == null ? "" : "; " + fix));
    }
}
