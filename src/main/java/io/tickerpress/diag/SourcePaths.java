package io.tickerpress.diag;

import java.io.File;
import java.nio.file.Path;

/**
 * Input files named so that the name does not depend on the working folder: relative to the site's source folder
 * ({@code content/articles/x.md}, '/'-separated) when they lie below it, else absolute. Page fingerprints and the
 * warnings kept for reused pages use this form, so that a build run from another folder reuses the same pages;
 * {@link Diagnostics#display} turns it back into the name the user sees from the folder they build in.
 */
public final class SourcePaths {
    private final Path source;
    /** What {@link Diagnostics#display} shows before the source-relative part of a file below the source folder. */
    private final String shownPrefix;

    public SourcePaths(Path source) {
        this.source = source.toAbsolutePath().normalize();
        String shown = Diagnostics.display(this.source);
        this.shownPrefix = shown.equals(".") ? "" : shown.endsWith("/") ? shown : shown + "/";
    }

    /** A file as {@link Diagnostics#display} shows it (as {@code Article.file()} holds it), in the stable form. */
    public String ofShown(String shown) {
        // The common case by text alone (a site's every article goes through here): the file is shown as the
        // source folder is, followed by its path inside it.
        if (shownPrefix.isEmpty() ? !absolute(shown) : shown.startsWith(shownPrefix)) {
            return slashes(shown.substring(shownPrefix.length()));
        }
        return of(Diagnostics.file(shown));
    }

    /** A file (any path) in the stable form. */
    public String of(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (abs.startsWith(source)) return slashes(source.relativize(abs).toString());
        return abs.toString();
    }

    /** Whether a shown name is an absolute path (on Unix by its first character: no parsing per article). */
    private static boolean absolute(String shown) {
        return File.separatorChar == '/' ? shown.startsWith("/") : Path.of(shown).isAbsolute();
    }

    private static String slashes(String path) {
        return File.separatorChar == '/' ? path : path.replace(File.separatorChar, '/');
    }

    /** The file that a name in the stable form stands for. */
    public Path file(String stable) {
        Path p = Path.of(stable);
        return p.isAbsolute() ? p : source.resolve(p).normalize();
    }
}
