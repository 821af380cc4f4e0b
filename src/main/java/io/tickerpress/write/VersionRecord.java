package io.tickerpress.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a complete version folder holds, kept beside it as {@code vN.files}: every file's path, whether its bytes
 * are new in this version (written, or linked from elsewhere) or carried over unchanged from the version it was
 * built on (its base, whose file at the same path is then the same file), and the paths of the base this version
 * no longer has. With it the next build but one can reuse the base's folder: only the new files and the gone
 * ones differ between the two, so bringing it up to date costs what changed, not what the site holds.
 *
 * <p>Written before the version's marker; a record that is missing, cut or of another format is never used. Read,
 * it keeps its paths by hash ({@link PathTable}), and reads their names again from its file where they are needed.
 */
final class VersionRecord {
    private static final String HEADER = "tickerpress version record 1";
    private static final String END = "end";

    /**
     * The version this one was built on (its number), or 0 when it was built on none; for a version that reused no
     * folder, the spare folder left beside it (every file carried over from it: the same file).
     */
    final long base;
    /** The file modes the version's files were given ("rw-r--r--"), or "" without POSIX modes. */
    final String modes;
    /**
     * Every file of the version by its path's hash, with whether its bytes are new in this version; the names are
     * read again from the record's file where they are needed ({@link #paths}).
     */
    final PathTable files;
    /** The base's paths this version does not have; null when unknown (the base had no record). */
    final List<String> gone;
    /** The version folder the record is kept beside. */
    private final Path version;

    private VersionRecord(Path version, long base, String modes, PathTable files, List<String> gone) {
        this.version = version;
        this.base = base;
        this.modes = modes;
        this.files = files;
        this.gone = gone;
    }

    static Path pathOf(Path version) {
        return version.resolveSibling(version.getFileName() + ".files");
    }

    /** The record of a version, if it has a sound one. */
    static Optional<VersionRecord> read(Path version) {
        return read(version, PathTable.FINGERPRINT);
    }

    /**
     * The record of a version with its paths keyed by {@code hash}, if it has a sound one: a record that names a
     * path twice, or two paths with one hash, is not used.
     */
    static Optional<VersionRecord> read(Path version, PathTable.Hash hash) {
        try {
            return Optional.ofNullable(parse(version, hash, null));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Gives every path of the version to {@code each}, read again from the record's file (streamed: at 1.9 million
     * paths the file is 100 MB), in the record's order.
     *
     * @throws IOException when the file no longer holds this record (what {@code each} was given is then not all)
     */
    void paths(java.util.function.Consumer<String> each) throws IOException {
        int[] count = {0};
        boolean[] same = {true};
        VersionRecord again;
        try {
            again = parse(version, PathTable.FINGERPRINT, name -> {
                count[0]++;
                // The same record: each of its paths one this record has (by hash: it has no two with one hash).
                if (same[0] && !files.has(name)) same[0] = false;
                if (same[0]) each.accept(name);
            });
        } catch (RuntimeException e) {
            again = null;
        }
        if (again == null || !same[0] || again.base != base || count[0] != files.size()) {
            throw new IOException("the record of " + version.getFileName() + " changed while the build ran");
        }
    }

    /**
     * The record in a version's file, or null when it is not a sound one; each file's path is given to
     * {@code names} when that is not null.
     */
    private static VersionRecord parse(Path version, PathTable.Hash hash,
                                       java.util.function.Consumer<String> names) throws IOException {
        try (java.io.InputStream stream = Files.newInputStream(pathOf(version))) {
            Lines in = new Lines(stream);
            if (!HEADER.equals(in.next())) return null;
            long base = Long.parseLong(field(in.next(), "base "));
            String modes = field(in.next(), "modes ");
            int count = Integer.parseInt(field(in.next(), "files "));
            if (count < 0) return null;
            PathTable files = new PathTable(count, hash);
            for (int i = 0; i < count; i++) {
                String line = in.next();
                if (line.length() < 3 || line.charAt(1) != ' ' || line.charAt(0) != '+' && line.charAt(0) != '=') {
                    return null;
                }
                String path = line.substring(2);
                if (!files.add(path, line.charAt(0) == '+')) return null;
                if (names != null) names.accept(path);
            }
            String goneLine = in.next();
            List<String> gone = null;
            if (!"gone unknown".equals(goneLine)) {
                int goneCount = Integer.parseInt(field(goneLine, "gone "));
                if (goneCount < 0) return null;
                gone = new ArrayList<>(Math.min(goneCount, 1 << 16));
                for (int i = 0; i < goneCount; i++) gone.add(in.next());
            }
            if (!END.equals(in.next()) || !in.atEnd()) return null;
            return new VersionRecord(version, base, modes, files, gone);
        }
    }

    /** The lines of a record's UTF-8 bytes, each ending in a newline (a last line without one is cut short). */
    private static final class Lines {
        private final java.io.InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int at;
        private int end;
        private byte[] line = new byte[256];

        Lines(java.io.InputStream in) {
            this.in = in;
        }

        String next() throws IOException {
            int length = 0;
            while (true) {
                if (at == end && !fill()) throw new IllegalArgumentException("a line cut short");
                byte b = buffer[at++];
                if (b == '\n') return new String(line, 0, length, StandardCharsets.UTF_8);
                if (length == line.length) line = java.util.Arrays.copyOf(line, length * 2);
                line[length++] = b;
            }
        }

        boolean atEnd() throws IOException {
            return at == end && !fill();
        }

        private boolean fill() throws IOException {
            int n = in.readNBytes(buffer, 0, buffer.length);
            at = 0;
            end = n;
            return n > 0;
        }
    }

    private static String field(String line, String prefix) {
        if (line == null || !line.startsWith(prefix)) throw new IllegalArgumentException("not a record line");
        return line.substring(prefix.length());
    }

    /**
     * Writes the record of a version (atomically, beside it).
     *
     * @param fresh the paths whose bytes are new in this version; every other path of {@code paths} is carried
     *              over from the base unchanged
     */
    static void write(Path version, long base, String modes, Set<String> paths, Set<String> fresh,
                      List<String> gone) throws IOException {
        // Streamed line by line: at 190,000 paths the record is 10 MB, which a text built first would hold twice.
        AtomicFiles.write(pathOf(version), out -> {
            line(out, HEADER);
            line(out, "base " + base);
            line(out, "modes " + modes);
            line(out, "files " + paths.size());
            // In the set's order: the reader keys them by path (sorting 190,000 paths would cost more than the rest).
            for (String p : paths) line(out, (fresh.contains(p) ? "+ " : "= ") + p);
            if (gone == null) {
                line(out, "gone unknown");
            } else {
                line(out, "gone " + gone.size());
                for (String p : gone) line(out, p);
            }
            line(out, END);
        });
    }

    private static void line(java.io.OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }
}
