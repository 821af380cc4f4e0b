package io.tickerpress.diag;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects warnings during a build so that they can be printed once, at the end, in a stable order. A warning
 * that names a file keeps the file itself, not its name as seen from the working folder: warnings kept for the
 * next build ({@link #stored}) name it relative to the site's folder, and {@link #warnings} names it as the user
 * sees it from the folder this build runs in.
 */
public final class Diagnostics {
    private static final Path CWD = Path.of("").toAbsolutePath();
    private final List<Warning> warnings = Collections.synchronizedList(new ArrayList<>());

    /**
     * A warning about a file, at a line (0: none).
     *
     * @param file the file as {@link #display} shows it, or null for a warning about no file
     */
    public void warn(String file, int line, String message) {
        Path path = null;
        try {
            if (file != null) path = file(file);
        } catch (InvalidPathException e) {
            // not a file name after all: kept as given
        }
        warnings.add(path == null ? new Warning(Kind.SUBJECT, null, file, line, message, "")
                : new Warning(Kind.FILE, path, null, line, message, ""));
    }

    /** A warning about something that is not a file, such as a command-line option, named as given. */
    public void warnAbout(String subject, String message) {
        warnings.add(new Warning(Kind.SUBJECT, null, subject, 0, message, ""));
    }

    /**
     * A warning about no one file whose text mentions a file: {@code before}, the file as the user sees it,
     * {@code after}.
     *
     * @param file the file as {@link #display} shows it
     */
    public void warnMentioning(String before, String file, String after) {
        warnings.add(new Warning(Kind.MENTION, file(file), null, 0, before, after));
    }

    /** Adds a warning kept by an earlier build ({@link #stored}), e.g. one raised by a reused page. */
    public void replay(String stored, SourcePaths paths) {
        warnings.add(Warning.parse(stored, paths));
    }

    /** Adds the warnings another collection holds (e.g. one page's). */
    public void addAll(Diagnostics other) {
        List<Warning> theirs;
        synchronized (other.warnings) {
            theirs = List.copyOf(other.warnings);
        }
        warnings.addAll(theirs);
    }

    /**
     * The warnings, each formatted as the user should see it from this working folder, sorted, each once (two
     * raw HTML tags on one line are one warning about that line).
     */
    public List<String> warnings() {
        java.util.TreeSet<String> sorted = new java.util.TreeSet<>();
        synchronized (warnings) {
            for (Warning w : warnings) sorted.add(w.shown());
        }
        return List.copyOf(sorted);
    }

    /**
     * The warnings in a form to keep for a later build, which may run from another working folder: files named
     * relative to the site's folder ({@link SourcePaths}). {@link #replay} reads it back.
     */
    public List<String> stored(SourcePaths paths) {
        synchronized (warnings) {
            if (warnings.isEmpty()) return List.of();
            List<String> list = new ArrayList<>(warnings.size());
            for (Warning w : warnings) list.add(w.stored(paths));
            Collections.sort(list);
            return list;
        }
    }

    /** A path as the user should see it: relative to the working folder when it lies below it. */
    public static String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (abs.startsWith(CWD)) {
            String relative = CWD.relativize(abs).toString().replace('\\', '/');
            return relative.isEmpty() ? "." : relative;
        }
        return abs.toString();
    }

    /** The file that a name shown by {@link #display} stands for (absolute). */
    static Path file(String shown) {
        return CWD.resolve(shown).normalize();
    }

    private enum Kind { FILE, SUBJECT, MENTION }

    /**
     * One warning. FILE: {@code file:line: text}; SUBJECT: {@code subject:line: text} ({@code text} alone without
     * a subject); MENTION: {@code text}, the file, {@code after}.
     */
    private record Warning(Kind kind, Path file, String subject, int line, String text, String after) {
        /** Fields are kept apart by NUL, which no path, subject or line holds; the text comes last but one. */
        private static final String SEP = "\0";

        String shown() {
            return switch (kind) {
                case FILE -> InputError.format(display(file), line, 0, text);
                case SUBJECT -> InputError.format(subject, line, 0, text);
                case MENTION -> text + display(file) + after;
            };
        }

        String stored(SourcePaths paths) {
            String where = kind == Kind.SUBJECT ? (subject == null ? "" : subject) : paths.of(file);
            return kind.name().charAt(0) + SEP + where + SEP + line + SEP + after + SEP + text;
        }

        static Warning parse(String stored, SourcePaths paths) {
            String[] f = stored.split(SEP, 5);
            if (f.length != 5) throw new IllegalArgumentException("not a stored warning: " + stored);
            int line = Integer.parseInt(f[2]);
            return switch (f[0]) {
                case "F" -> new Warning(Kind.FILE, paths.file(f[1]), null, line, f[4], f[3]);
                case "S" -> new Warning(Kind.SUBJECT, null, f[1].isEmpty() ? null : f[1], line, f[4], f[3]);
                case "M" -> new Warning(Kind.MENTION, paths.file(f[1]), null, line, f[4], f[3]);
                default -> throw new IllegalArgumentException("not a stored warning: " + stored);
            };
        }
    }
}
