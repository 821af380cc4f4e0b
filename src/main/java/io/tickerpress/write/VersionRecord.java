package io.tickerpress.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a complete version folder holds, kept beside it as {@code vN.files}: every file's path, whether its bytes
 * are new in this version (written, or linked from elsewhere) or carried over unchanged from the version it was
 * built on (its base, whose file at the same path is then the same file), and the paths of the base this version
 * no longer has. With it the next build but one can reuse the base's folder: only the new files and the gone
 * ones differ between the two, so bringing it up to date costs what changed, not what the site holds.
 *
 * <p>Written before the version's marker; a record that is missing, cut or of another format is never used.
 */
final class VersionRecord {
    private static final String HEADER = "tickerpress version record 1";
    private static final String END = "end";

    /** The version this one was built on (its number), or 0 when it was built on none. */
    final long base;
    /** The file modes the version's files were given ("rw-r--r--"), or "" without POSIX modes. */
    final String modes;
    /** Every file of the version by path, true when its bytes are new in this version. */
    final Map<String, Boolean> files;
    /** The base's paths this version does not have; null when unknown (the base had no record). */
    final List<String> gone;

    VersionRecord(long base, String modes, Map<String, Boolean> files, List<String> gone) {
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
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(pathOf(version));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return parse(bytes);
    }

    private static Optional<VersionRecord> parse(byte[] bytes) {
        try {
            Lines in = new Lines(bytes);
            if (!HEADER.equals(in.next())) return Optional.empty();
            long base = Long.parseLong(field(in.next(), "base "));
            String modes = field(in.next(), "modes ");
            int count = Integer.parseInt(field(in.next(), "files "));
            if (count < 0) return Optional.empty();
            Map<String, Boolean> files = new HashMap<>(count * 4 / 3 + 1);
            for (int i = 0; i < count; i++) {
                int at = in.at;
                int length = in.skip();
                if (length < 3 || bytes[at + 1] != ' ' || bytes[at] != '+' && bytes[at] != '=') return Optional.empty();
                files.put(new String(bytes, at + 2, length - 2, StandardCharsets.UTF_8), bytes[at] == '+');
            }
            String goneLine = in.next();
            List<String> gone = null;
            if (!"gone unknown".equals(goneLine)) {
                int goneCount = Integer.parseInt(field(goneLine, "gone "));
                if (goneCount < 0) return Optional.empty();
                gone = new ArrayList<>(goneCount);
                for (int i = 0; i < goneCount; i++) gone.add(in.next());
            }
            if (!END.equals(in.next()) || in.at != bytes.length) return Optional.empty();
            if (files.size() != count) return Optional.empty();
            return Optional.of(new VersionRecord(base, modes, files, gone));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The lines of a record's UTF-8 bytes, each ending in a newline (a last line without one is cut short). */
    private static final class Lines {
        private final byte[] bytes;
        private int at;

        Lines(byte[] bytes) {
            this.bytes = bytes;
        }

        /** Passes the next line; its length without the newline. */
        int skip() {
            int from = at;
            int end = from;
            while (end < bytes.length && bytes[end] != '\n') end++;
            if (end == bytes.length) throw new IllegalArgumentException("a line cut short");
            at = end + 1;
            return end - from;
        }

        String next() {
            int from = at;
            int length = skip();
            return new String(bytes, from, length, StandardCharsets.UTF_8);
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
