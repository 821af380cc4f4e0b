package io.tickerpress.write;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

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
        String text;
        try {
            text = Files.readString(pathOf(version), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        try (BufferedReader in = new BufferedReader(new StringReader(text))) {
            if (!HEADER.equals(in.readLine())) return Optional.empty();
            long base = Long.parseLong(field(in.readLine(), "base "));
            String modes = field(in.readLine(), "modes ");
            int count = Integer.parseInt(field(in.readLine(), "files "));
            Map<String, Boolean> files = new HashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                String line = in.readLine();
                if (line == null || line.length() < 3 || line.charAt(1) != ' ') return Optional.empty();
                files.put(line.substring(2), line.charAt(0) == '+');
            }
            String goneLine = in.readLine();
            List<String> gone = null;
            if (!"gone unknown".equals(goneLine)) {
                int goneCount = Integer.parseInt(field(goneLine, "gone "));
                gone = new ArrayList<>(goneCount);
                for (int i = 0; i < goneCount; i++) {
                    String line = in.readLine();
                    if (line == null) return Optional.empty();
                    gone.add(line);
                }
            }
            if (!END.equals(in.readLine())) return Optional.empty();
            return Optional.of(new VersionRecord(base, modes, files, gone));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
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
        StringBuilder out = new StringBuilder(paths.size() * 48);
        out.append(HEADER).append('\n').append("base ").append(base).append('\n').append("modes ").append(modes)
                .append('\n').append("files ").append(paths.size()).append('\n');
        Map<String, Boolean> sorted = new TreeMap<>();
        for (String p : paths) sorted.put(p, fresh.contains(p));
        sorted.forEach((p, isNew) -> out.append(isNew ? '+' : '=').append(' ').append(p).append('\n'));
        if (gone == null) {
            out.append("gone unknown\n");
        } else {
            out.append("gone ").append(gone.size()).append('\n');
            gone.stream().sorted().forEach(p -> out.append(p).append('\n'));
        }
        out.append(END).append('\n');
        AtomicFiles.write(pathOf(version), out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
