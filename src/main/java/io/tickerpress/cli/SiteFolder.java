package io.tickerpress.cli;

import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.InputError;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the site folder, the one holding {@code content/site.yaml}: the folder given with {@code --source}, or
 * else the working folder or the nearest folder above it that has one (as git finds its repository).
 */
final class SiteFolder {
    static final String MARKER = "content/site.yaml";

    private SiteFolder() {
    }

    /**
     * @param given the {@code --source} folder, or null to search upwards from {@code start}
     * @throws InputError saying exactly where it looked
     */
    static Path find(Path given, Path start) {
        if (given != null) {
            if (Files.isRegularFile(given.resolve(MARKER))) return given;
            String where = Diagnostics.display(given);
            if (!Files.isDirectory(given)) {
                throw new InputError("--source", where + " is not a folder: name the folder that holds " + MARKER);
            }
            throw new InputError("--source", "no " + MARKER + " in " + given.toAbsolutePath().normalize()
                    + ": name the folder that holds " + MARKER + ", or "
                    + (Files.isDirectory(given.resolve("content")) ? "create " + MARKER + " there with at least 'title:'"
                    : "create a site there with tickerpress new site " + where));
        }
        Path here = start.toAbsolutePath().normalize();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(MARKER))) return dir.equals(here) ? start : dir;
        }
        throw new InputError(null, "no TickerPress site here: looked for " + MARKER + " in " + here
                + (here.getParent() == null ? "" : " and in every folder above it")
                + "; run tickerpress inside a site folder, name one with --source DIR, or create one with"
                + " tickerpress new site DIR");
    }
}
