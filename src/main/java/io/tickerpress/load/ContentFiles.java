package io.tickerpress.load;

import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.InputError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Lists input files below a folder in a stable order. Symbolic links (to files or folders) are followed when
 * they lead to a place inside the content folder; a link that leads outside it, or back into a folder that
 * contains it (a loop), is an input error naming the link and its target. Nothing is skipped without a word.
 */
public final class ContentFiles {
    private ContentFiles() {
    }

    public static List<Path> list(Path contentDir, Path dir, String... extensions) {
        Path realRoot;
        try {
            realRoot = contentDir.toRealPath();
        } catch (IOException e) {
            throw new InputError(Diagnostics.display(contentDir), "cannot read folder: " + e.getMessage());
        }
        List<Path> files = new ArrayList<>();
        Path start = Files.isSymbolicLink(dir) ? target(dir, realRoot) : realPath(dir);
        walk(dir, start, realRoot, extensions, new HashSet<>(Set.of(start)), files);
        files.sort(null);
        return files;
    }

    /**
     * @param dir the folder as the user sees it (through links)
     * @param real where it really is
     * @param open the real folders being walked, from the root down to {@code dir}: a link back to one is a loop
     */
    private static void walk(Path dir, Path real, Path realRoot, String[] extensions, Set<Path> open, List<Path> files) {
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.sorted().toList();
        } catch (IOException e) {
            throw new InputError(Diagnostics.display(dir), "cannot read folder: " + e.getMessage());
        }
        for (Path p : entries) {
            String name = p.getFileName().toString();
            BasicFileAttributes attrs = attributes(p);
            if (attrs.isSymbolicLink()) {
                // Followed when it leads to a folder or to an input file; other links are not read at all.
                boolean folder = Files.isDirectory(p);
                if (!folder && !isInput(name, extensions)) {
                    capitalExtension(p, name, extensions);
                    continue;
                }
                Path target = target(p, realRoot);
                if (folder) {
                    into(p, target, realRoot, extensions, open, files);
                } else if (Files.isRegularFile(target)) {
                    files.add(p);
                }
            } else if (attrs.isDirectory()) {
                into(p, real.resolve(name), realRoot, extensions, open, files);
            } else if (attrs.isRegularFile() && isInput(name, extensions)) {
                files.add(p);
            } else if (attrs.isRegularFile()) {
                capitalExtension(p, name, extensions);
            }
        }
    }

    /**
     * An input file whose extension is written in other letter cases ({@code MU.CSV}, {@code 2026-01-21.JSON}) is an
     * error: it would be skipped without a word, and its data or story missed.
     */
    private static void capitalExtension(Path p, String name, String[] extensions) {
        if (name.startsWith(".")) return;
        for (String extension : extensions) {
            if (name.length() > extension.length()
                    && name.regionMatches(true, name.length() - extension.length(), extension, 0, extension.length())) {
                String fixed = name.substring(0, name.length() - extension.length()) + extension;
                throw new InputError(Diagnostics.display(p), "TickerPress reads files ending in '" + extension
                        + "' (in lower case), and this one would be skipped: rename it to " + fixed);
            }
        }
    }

    /** A file to read: one of the extensions, and not hidden (editors' backup and lock files start with a dot). */
    private static boolean isInput(String name, String[] extensions) {
        if (name.startsWith(".")) return false;
        for (String extension : extensions) {
            if (name.endsWith(extension)) return true;
        }
        return false;
    }

    private static void into(Path dir, Path real, Path realRoot, String[] extensions, Set<Path> open, List<Path> files) {
        if (!open.add(real)) {
            Path link = dir;
            while (link.getParent() != null && !Files.isSymbolicLink(link)) link = link.getParent();
            throw new InputError(Diagnostics.display(link), "is a link to " + Diagnostics.display(realPath(link))
                    + ": following it leads back into " + Diagnostics.display(real) + ", a folder it lies in, for"
                    + " ever; remove the link");
        }
        walk(dir, real, realRoot, extensions, open, files);
        open.remove(real);
    }

    /** Where a link leads, which must be inside the content folder. */
    private static Path target(Path link, Path realRoot) {
        Path real;
        try {
            real = link.toRealPath();
        } catch (IOException e) {
            String to;
            try {
                to = Files.readSymbolicLink(link).toString();
            } catch (IOException | UnsupportedOperationException ignored) {
                to = "?";
            }
            throw new InputError(Diagnostics.display(link), "is a link to " + to + ", which does not exist (or is a"
                    + " loop of links): remove the link or restore its target");
        }
        if (!real.startsWith(realRoot)) {
            throw new InputError(Diagnostics.display(link), "is a link to " + real + ", outside the content folder:"
                    + " TickerPress reads only files inside content/; move or copy the files into content/");
        }
        return real;
    }

    private static Path realPath(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            throw new InputError(Diagnostics.display(dir), "cannot read folder: " + e.getMessage());
        }
    }

    private static BasicFileAttributes attributes(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new InputError(Diagnostics.display(p), "cannot read: " + e.getMessage());
        }
    }
}
