package io.tickerpress.pipeline;

import io.tickerpress.model.Fingerprint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Which code draws charts: the classes reachable from where drawing starts, following every name each class file
 * mentions ({@link ClassNames}) to the classes of the generator's code (its jar, with the libraries shaded in, or
 * its classes folder); every resource such a class names (the chart font, {@code /fonts/DejaVuSans.ttf}); and every
 * other file (a properties file, an icon) in the folder of such a class or below it. The id hashes their names and contents, and the Java runtime (chart pixels depend on it): a change
 * anywhere else in TickerPress keeps every cached chart; a change there draws them all again.
 */
final class ChartCode {
    private ChartCode() {
    }

    /** The generator's code, entry by entry ("io/tickerpress/render/chart/Charts.class"). */
    interface Source {
        /** What identifies an entry's content (size and CRC, or a hash), or null when there is no such entry. */
        String identity(String entry) throws IOException;

        byte[] read(String entry) throws IOException;

        /** Every entry name that is not a class file, sorted. */
        Set<String> resources() throws IOException;
    }

    /**
     * @param roots class file entries where drawing starts
     * @param extra what else decides the drawing (in a classes folder: the names of the libraries' jars)
     */
    static String id(Source code, List<String> roots, String extra) throws IOException {
        Fingerprint.Files hash = new Fingerprint.Files();
        hash.text("charts 1");
        hash.text("java " + Runtime.version());
        hash.text(extra);
        Map<String, String> reached = reach(code, roots);
        StringBuilder text = new StringBuilder(reached.size() * 64);
        reached.forEach((name, identity) -> text.append(name).append(' ').append(identity).append('\n'));
        hash.text(text.toString());
        return hash.hex();
    }

    /** Every class reachable from the roots and every resource in or below their folders, with their identities, by name. */
    static Map<String, String> reach(Source code, List<String> roots) throws IOException {
        Map<String, String> reached = new TreeMap<>();
        Set<String> folders = new TreeSet<>();
        Deque<String> queue = new ArrayDeque<>(roots);
        for (String root : roots) {
            String identity = code.identity(root);
            if (identity == null) throw new IOException("no " + root + " in the generator's code");
            reached.put(root, identity);
        }
        while (!queue.isEmpty()) {
            String entry = queue.pop();
            String folder = entry.substring(0, entry.lastIndexOf('/') + 1);
            folders.add(folder);
            for (String name : ClassNames.of(code.read(entry))) {
                // A class: "org/x/Y", "Lorg/x/Y" in a descriptor, "org.x.Y" loaded by name.
                String slashed = name.replace('.', '/');
                for (String candidate : slashed.startsWith("L") ? List.of(slashed, slashed.substring(1)) : List.of(slashed)) {
                    String file = candidate + ".class";
                    if (reached.containsKey(file)) continue;
                    String identity = code.identity(file);
                    if (identity != null) {
                        reached.put(file, identity);
                        queue.push(file);
                    }
                }
                // A resource loaded by name: "/fonts/x.ttf" from the root, "x.png" beside the class.
                for (String resource : name.startsWith("/") ? List.of(name.substring(1)) : List.of(name, folder + name)) {
                    if (resource.endsWith(".class") || reached.containsKey(resource)) continue;
                    String identity = code.identity(resource);
                    if (identity != null) reached.put(resource, identity);
                }
            }
        }
        for (String resource : code.resources()) {
            for (String folder : folders) {
                if (resource.startsWith(folder)) {
                    String identity = code.identity(resource);
                    if (identity != null) reached.put(resource, identity);
                    break;
                }
            }
        }
        return reached;
    }

    /**
     * A jar: identities from its central directory (size and CRC), so only the reached classes are unpacked. One
     * open serves the generator's id too ({@link #directory}).
     */
    static final class Jar implements Source, AutoCloseable {
        private final ZipFile zip;
        private List<ZipEntry> entries;

        Jar(Path file) throws IOException {
            this.zip = new ZipFile(file.toFile());
        }

        /** Every entry, in the jar's order, listed once. */
        private List<ZipEntry> entries() {
            if (entries == null) entries = new java.util.ArrayList<>(java.util.Collections.list(zip.entries()));
            return entries;
        }

        /**
         * Each entry's name, size and CRC, one line each, in the jar's order, from its central directory: every
         * class and resource (the shaded libraries included) without unpacking any. Entry times are left out, so
         * rebuilding the same code gives the same text.
         */
        String directory() {
            StringBuilder text = new StringBuilder(1 << 20);
            for (ZipEntry e : entries()) {
                text.append(e.getName()).append(' ').append(e.getSize()).append(' ')
                        .append(Long.toHexString(e.getCrc())).append('\n');
            }
            return text.toString();
        }

        @Override
        public String identity(String entry) {
            ZipEntry e = zip.getEntry(entry);
            return e == null || e.isDirectory() ? null : e.getSize() + " " + Long.toHexString(e.getCrc());
        }

        @Override
        public byte[] read(String entry) throws IOException {
            ZipEntry e = zip.getEntry(entry);
            if (e == null) throw new IOException("no " + entry);
            try (var in = zip.getInputStream(e)) {
                return in.readAllBytes();
            }
        }

        @Override
        public Set<String> resources() {
            Set<String> names = new TreeSet<>();
            for (ZipEntry entry : entries()) {
                if (!entry.isDirectory() && !entry.getName().endsWith(".class")) names.add(entry.getName());
            }
            return names;
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    /** A classes folder (running under Maven), read once: identities hash the files' bytes. */
    static final class Folder implements Source {
        private final Map<String, byte[]> files;

        /** @param files every file of the folder by its name there ("io/tickerpress/x/Y.class") */
        Folder(Map<String, byte[]> files) {
            this.files = files;
        }

        @Override
        public String identity(String entry) {
            byte[] bytes = files.get(entry);
            return bytes == null ? null : Fingerprint.sha256(bytes);
        }

        @Override
        public byte[] read(String entry) throws IOException {
            byte[] bytes = files.get(entry);
            if (bytes == null) throw new IOException("no " + entry);
            return bytes;
        }

        @Override
        public Set<String> resources() {
            Set<String> names = new TreeSet<>();
            for (String name : files.keySet()) if (!name.endsWith(".class")) names.add(name);
            return names;
        }
    }
}
