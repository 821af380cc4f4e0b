package io.tickerpress.deploy;

import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.InputError;
import io.tickerpress.model.Fingerprint;
import io.tickerpress.write.StagingFolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a built site folder: every file but TickerPress's marker, with its SHA-256. The output folder is a
 * symbolic link to the current version ({@code site -> .site.versions/vN}); the walk starts from the link's
 * real target, so one deploy reads one complete version even if a build publishes a new one meanwhile.
 */
public final class LocalSite {
    private LocalSite() {
    }

    public static List<LocalFile> read(Path output) {
        Path root;
        try {
            root = output.toRealPath();
        } catch (IOException e) {
            throw new InputError(Diagnostics.display(output), "no built site here: run 'tickerpress build' first"
                    + " (or give the output folder with --site)");
        }
        if (!Files.isDirectory(root) || !Files.isRegularFile(root.resolve(StagingFolder.MARKER))) {
            throw new InputError(Diagnostics.display(output), "not a site built by TickerPress (no "
                    + StagingFolder.MARKER + " file): run 'tickerpress build' first, or check --site");
        }
        try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(path -> !path.equals(StagingFolder.MARKER))
                    .sorted()
                    .parallel()
                    .map(path -> file(root, path))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalFile file(Path root, String path) {
        Path file = root.resolve(path);
        try {
            return new LocalFile(path, file, Files.size(file), Fingerprint.sha256(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
