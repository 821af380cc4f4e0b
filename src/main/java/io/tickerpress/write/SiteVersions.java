package io.tickerpress.write;

import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.InputError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The published output as versions: every build writes a complete new folder {@code .site.versions/vN} beside
 * the output, and the output path {@code site} is a symbolic link to the current version. Publishing is one
 * {@code rename(2)} of a fresh link over the old one, which the kernel does atomically: at every instant
 * {@code site} names either the old complete version or the new complete one, whatever fails or is killed.
 * A version counts as complete once it holds the {@link StagingFolder#MARKER} file, which is written last.
 *
 * <p>Everything here runs under the output's {@link OutputLock}.
 */
final class SiteVersions {
    private static final Pattern VERSION = Pattern.compile("v(\\d{1,18})");

    private final Path output;
    private final Path parent;
    private final Path dir;
    private final String name;

    SiteVersions(Path output) {
        this(output, PathTable.FINGERPRINT);
    }

    /** @param pathHash what the versions' records key their paths by ({@link VersionRecord#read(Path, PathTable.Hash)}) */
    SiteVersions(Path output, PathTable.Hash pathHash) {
        this.pathHash = pathHash;
        this.output = output;
        this.parent = output.getParent();
        this.name = output.getFileName().toString();
        this.dir = parent.resolve("." + name + ".versions");
    }

    Path dir() {
        return dir;
    }

    Path lockFile() {
        return dir.resolve(".lock");
    }

    /** Makes the versions folder (modes from the umask, like every folder the build makes). */
    void prepare() throws IOException {
        Files.createDirectories(dir);
    }

    /** The version the output link points at, if the output is such a link. */
    Optional<Path> current() throws IOException {
        if (!Files.isSymbolicLink(output)) return Optional.empty();
        Path target;
        try {
            target = Files.readSymbolicLink(output);
        } catch (NotLinkException e) {
            return Optional.empty();
        }
        Path resolved = parent.resolve(target).normalize();
        if (!dir.equals(resolved.getParent()) || !VERSION.matcher(resolved.getFileName().toString()).matches()) {
            throw new InputError(Diagnostics.display(output), "output is a symbolic link to " + target
                    + ", which TickerPress did not make; remove the link or choose another --output");
        }
        return Optional.of(resolved);
    }

    /**
     * Brings the output back to a sound state after a build that was killed or failed while publishing, and
     * removes what such builds left: versions that are not current, links that were never swapped in, and the
     * staging and previous-site folders of older TickerPress versions. Never removes the current version.
     */
    void recover() throws IOException {
        Optional<Path> current = current();
        boolean dangling = current.isPresent() && !Files.isDirectory(current.get());
        boolean missing = !Files.exists(output, LinkOption.NOFOLLOW_LINKS);
        if (dangling || missing) {
            // Only while moving a pre-versions output folder aside can the output be missing (see publish):
            // point it at the newest complete version again.
            Optional<Path> newest = complete().stream().reduce((a, b) -> b);
            if (newest.isPresent()) {
                pointAt(newest.get());
                current = newest;
            } else if (dangling) {
                Files.delete(output);
                current = Optional.empty();
            }
        }
        if (!Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
            // A build of the TickerPress before versions, killed between its two renames, left its previous site
            // beside the output: it is the only copy, so it becomes the output again.
            for (Path p : entries(parent)) {
                if (p.getFileName().toString().startsWith("." + name + ".previous-")
                        && Files.isRegularFile(p.resolve(StagingFolder.MARKER))) {
                    AtomicFiles.move(p, output);
                    break;
                }
            }
        }
        Path keep = current.orElse(null);
        Path reusable = keep == null ? null : reusable(keep).orElse(null);
        for (Path v : entries(dir)) {
            if (v.equals(keep) || v.equals(reusable) || v.equals(lockFile())) continue;
            if (keep != null && v.equals(VersionRecord.pathOf(keep))) continue;
            if (v.getFileName().toString().endsWith(".files") && Files.isRegularFile(v, LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(v);
            } else {
                Trees.deleteInBackground(v);
            }
        }
        for (Path p : entries(parent)) {
            String n = p.getFileName().toString();
            if (n.startsWith("." + name + ".link-") || n.startsWith("." + name + ".staging-")
                    || n.startsWith("." + name + ".previous-")) {
                Trees.delete(p);
            }
        }
    }

    private final PathTable.Hash pathHash;

    /** The records read by this build, by version folder: a record of 190,000 paths is read once. */
    private final java.util.Map<Path, Optional<VersionRecord>> records = new java.util.HashMap<>();

    /** The record of a version ({@link VersionRecord#read}), read once per build. */
    Optional<VersionRecord> record(Path version) {
        return records.computeIfAbsent(version, v -> VersionRecord.read(v, pathHash));
    }

    /** A new, empty version folder, numbered after every version there is. */
    Path create() throws IOException {
        Path version = Files.createDirectory(next());
        followUmask(version);
        return version;
    }

    private Path next() throws IOException {
        long max = 0;
        for (Path v : entries(dir)) {
            Matcher m = VERSION.matcher(v.getFileName().toString());
            if (m.matches()) max = Math.max(max, Long.parseLong(m.group(1)));
        }
        return dir.resolve("v" + (max + 1));
    }

    /**
     * The version the current one was built on, when it can be brought up to date by what changed since: it is
     * complete (nothing has touched it since it was published), and the current version's record says which of
     * its files are new and which of the base's are gone. For a version that reused no folder, its base is the spare
     * folder it left (see {@code StagingFolder.spare}): never published, holding the same files.
     */
    Optional<Path> reusable(Path current) {
        Optional<VersionRecord> record = record(current);
        if (record.isEmpty() || record.get().base <= 0 || record.get().gone == null) return Optional.empty();
        Path base = dir.resolve("v" + record.get().base);
        if (base.equals(current) || !Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS)
                || !Files.isRegularFile(base.resolve(StagingFolder.MARKER), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return Optional.of(base);
    }

    /**
     * Turns a complete old version into this build's folder, numbered after every version there is: its marker
     * goes first, so that from then on it counts as incomplete (a build killed while updating it leaves a folder
     * that the next build removes), then it is renamed.
     */
    Path reuse(Path old) throws IOException {
        Files.delete(old.resolve(StagingFolder.MARKER));
        Files.deleteIfExists(VersionRecord.pathOf(old));
        Path version = next();
        AtomicFiles.move(old, version);
        followUmask(version);
        return version;
    }

    /** The number of a version folder. */
    static long numberOf(Path version) {
        return number(version);
    }

    /**
     * Gives the versions folder the modes of the new version folder, that is of this build's umask: every web
     * server reaches the site through it, and it may have been made by a build under another umask (077).
     * Best effort: a folder owned by another user keeps its modes.
     */
    private void followUmask(Path version) {
        try {
            var modes = Files.getPosixFilePermissions(version);
            if (!modes.equals(Files.getPosixFilePermissions(dir))) Files.setPosixFilePermissions(dir, modes);
        } catch (UnsupportedOperationException | IOException e) {
            // no POSIX modes here, or not ours to change
        }
    }

    /**
     * Points the output at a complete version: one atomic rename of a new link over the old one. An output
     * that is still a plain folder (written before versions, or made by the user) is moved into the versions
     * folder just before; should the link's rename fail, it is moved back, and should the build be killed
     * between the two renames, the next build points the output at the newest complete version.
     * The version it replaces stays until the next build's {@link #recover}, so that readers and copies that
     * started before the swap find their files.
     */
    void publish(Path version) throws IOException {
        records.clear(); // read when the build began; the largest hold millions of paths, needed no more
        Path link = newLink(version);
        Path aside = null;
        try {
            if (Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> entries = Files.list(output)) {
                    if (entries.findAny().isEmpty()) {
                        Files.delete(output);
                    } else {
                        aside = dir.resolve("v0"); // older than any build's version: recovery prefers the new one
                        Trees.delete(aside);
                        AtomicFiles.move(output, aside);
                    }
                }
            }
            AtomicFiles.move(link, output);
        } catch (IOException e) {
            Files.deleteIfExists(link);
            if (aside != null && !Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    AtomicFiles.move(aside, output);
                } catch (IOException ignored) {
                    // the next build repairs it (recover)
                }
            }
            throw e;
        }
    }

    /** Points the output at a version, by one atomic rename of a new link over the old one. */
    private void pointAt(Path version) throws IOException {
        Path link = newLink(version);
        try {
            AtomicFiles.move(link, output);
        } catch (IOException e) {
            Files.deleteIfExists(link);
            throw e;
        }
    }

    /** A relative link to a version, made beside the output under a name of this process's own. */
    private Path newLink(Path version) throws IOException {
        Path link = parent.resolve("." + name + ".link-" + ProcessHandle.current().pid());
        Files.deleteIfExists(link);
        return Files.createSymbolicLink(link, parent.relativize(version));
    }

    /** Complete versions, oldest first. */
    private List<Path> complete() throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path v : entries(dir)) {
            if (VERSION.matcher(v.getFileName().toString()).matches()
                    && Files.isRegularFile(v.resolve(StagingFolder.MARKER))) {
                found.add(v);
            }
        }
        found.sort((a, b) -> Long.compare(number(a), number(b)));
        return found;
    }

    private static long number(Path v) {
        return Long.parseLong(v.getFileName().toString().substring(1));
    }

    private static List<Path> entries(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }

}
