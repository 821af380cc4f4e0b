package io.tickerpress.write;

import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.InputError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The write stage: a build writes into a new version folder beside the output ({@link SiteVersions}), under
 * the output's lock ({@link OutputLock}), and only a complete build is published, by one atomic rename of the
 * output link. A failed or killed build leaves the previous site untouched. Files and folders get the modes
 * the umask gives (0644 and 0755 under umask 022), so any web server can read them.
 */
public final class StagingFolder implements AutoCloseable {
    /** Marks a folder as TickerPress output, so that a mistyped --output never replaces someone's files. */
    public static final String MARKER = ".tickerpress-site";
    private static final byte[] MARKER_TEXT = "Written by TickerPress. This whole folder is replaced on every build.\n"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final Path output;
    private final Path staging;
    private final AtomicInteger files = new AtomicInteger();
    private boolean published;
    /** In place: the preview server updates its private folder file by file instead of swapping folders. */
    private final boolean inPlace;
    /**
     * Every path this build wrote, linked or carried over: the new version's files. Like {@link #fresh} and
     * {@link #baseRecord}, dropped once the version is published ({@link #forgetBuild}).
     */
    private java.util.Set<String> touched;

    private final SiteVersions versions;
    private final OutputLock lock;

    /**
     * The modes the umask gives a new file (0644 under umask 022), read from the new version folder, which was
     * just made with the umask's folder modes; null where the file system has no POSIX modes or in place.
     */
    private final java.util.Set<java.nio.file.attribute.PosixFilePermission> fileModes;

    /** The version the output pointed at when this build began (its number), or 0: this version's base. */
    private final long baseNumber;
    /** The base's record, when it has one: which of its files are new there, and what it holds. */
    private VersionRecord baseRecord;
    /**
     * True when this build's folder is the base's own base brought up to date (see {@link SiteVersions#reuse}):
     * it already holds every file the base carried over, so carrying those over costs nothing.
     */
    private final boolean reused;
    /** Whether this build leaves a spare folder when it reuses none ({@link #spare}). */
    private final boolean leavesSpare;
    /** The paths whose bytes this build wrote or linked from elsewhere: new against the base. */
    private java.util.Set<String> fresh = new StringSet(16);

    private StagingFolder(Path output, Path staging, boolean inPlace, SiteVersions versions, OutputLock lock) {
        this(output, staging, inPlace, versions, lock, inPlace ? null : fileModesOf(staging), 0, null, false, false);
    }

    private StagingFolder(Path output, Path staging, boolean inPlace, SiteVersions versions, OutputLock lock,
                          java.util.Set<java.nio.file.attribute.PosixFilePermission> fileModes, long baseNumber,
                          VersionRecord baseRecord, boolean reused, boolean leavesSpare) {
        this.leavesSpare = leavesSpare;
        this.output = output;
        this.staging = staging;
        this.inPlace = inPlace;
        this.versions = versions;
        this.lock = lock;
        this.fileModes = fileModes;
        this.baseNumber = baseNumber;
        this.baseRecord = baseRecord;
        this.reused = reused;
        // Sized for the base's files at once: growing a set of 190,000 paths step by step costs more than filling it.
        this.touched = new StringSet(baseRecord == null ? 16 : baseRecord.files.size() + 16);
    }

    private static String modesText(java.util.Set<java.nio.file.attribute.PosixFilePermission> modes) {
        return modes == null ? "" : java.nio.file.attribute.PosixFilePermissions.toString(modes);
    }

    private static java.util.Set<java.nio.file.attribute.PosixFilePermission> fileModesOf(Path newFolder) {
        try {
            var modes = java.util.EnumSet.copyOf(Files.getPosixFilePermissions(newFolder));
            modes.removeAll(java.util.EnumSet.of(java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE,
                    java.nio.file.attribute.PosixFilePermission.GROUP_EXECUTE,
                    java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE));
            return modes;
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            return null;
        }
    }

    /**
     * Writes straight into the output folder, each file replaced atomically, and removes files the build no
     * longer makes when it publishes. For the preview server's private folder only: a failed build may leave
     * a mix of old and new files there, which the next good build repairs.
     */
    public static StagingFolder inPlace(Path output) {
        Path out = output.toAbsolutePath().normalize();
        checkReplaceable(out);
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new InputError(Diagnostics.display(out), "cannot create the output folder: " + e.getMessage());
        }
        return new StagingFolder(out, out, true, null, null);
    }

    /**
     * Takes the output's lock (or fails naming the build that holds it), repairs what a killed build left, and
     * opens a new version folder for this build.
     */
    public static StagingFolder beside(Path output) {
        return beside(output, true);
    }

    /**
     * @param reuse bring the version before the current one up to date, when it can be (see
     *              {@link SiteVersions#reusable}), instead of making every file's link anew; false for a build
     *              that must not depend on earlier output (--clean)
     */
    public static StagingFolder beside(Path output, boolean reuse) {
        return beside(output, reuse, true);
    }

    /**
     * @param spare leave a spare folder for the next build when this one reuses none ({@link #SPARE_MIN_FILES});
     *              false for an output no build starts from again
     */
    public static StagingFolder beside(Path output, boolean reuse, boolean spare) {
        return beside(output, reuse, spare, PathTable.FINGERPRINT);
    }

    /** @param pathHash what the published version's record keys its paths by (tests give one that collides) */
    static StagingFolder beside(Path output, boolean reuse, PathTable.Hash pathHash) {
        return beside(output, reuse, true, pathHash);
    }

    private static StagingFolder beside(Path output, boolean reuse, boolean spare, PathTable.Hash pathHash) {
        Path out = output.toAbsolutePath().normalize();
        if (!Files.isSymbolicLink(out)) checkReplaceable(out);
        SiteVersions versions = new SiteVersions(out, pathHash);
        OutputLock lock = null;
        try {
            versions.current(); // a link TickerPress did not make is refused before anything is written beside it
            versions.prepare();
            lock = OutputLock.acquire(versions.lockFile(), out);
            if (!Files.isSymbolicLink(out)) checkReplaceable(out); // again, now that no other build can change it
            versions.recover();
            java.util.Optional<Path> current = versions.current();
            VersionRecord record = current.flatMap(versions::record).orElse(null);
            long base = current.map(SiteVersions::numberOf).orElse(0L);
            Path made = versions.create();
            var modes = fileModesOf(made);
            java.util.Optional<Path> old = reuse && current.isPresent() && record != null
                    && record.modes.equals(modesText(modes)) ? versions.reusable(current.get()) : java.util.Optional.empty();
            if (old.isPresent()) {
                Files.delete(made);
                made = versions.reuse(old.get());
            }
            return new StagingFolder(out, made, false, versions, lock, modes, base, record, old.isPresent(), spare);
        } catch (IOException e) {
            if (lock != null) lock.close();
            throw new WriteFailure("cannot create a new version of the site beside " + Diagnostics.display(out)
                    + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (lock != null) lock.close();
            throw e;
        }
    }

    private static void checkReplaceable(Path out) {
        if (!Files.exists(out)) return;
        if (!Files.isDirectory(out)) {
            throw new InputError(Diagnostics.display(out), "output exists and is not a folder");
        }
        try (Stream<Path> entries = Files.list(out)) {
            if (entries.findAny().isPresent() && !Files.exists(out.resolve(MARKER))) {
                throw new InputError(Diagnostics.display(out), "output folder is not empty and was not written by"
                        + " TickerPress; it would be replaced: remove it or choose another --output");
            }
        } catch (IOException e) {
            throw new InputError(Diagnostics.display(out), "cannot read output folder: " + e.getMessage());
        }
    }

    public Path root() {
        return staging;
    }

    /**
     * Fault injection for tests of the publishing guarantee: with the system property
     * {@code tickerpress.fault.failWritesAfter=N}, writes after the N-th fail as a full disk would.
     */
    private static final int FAIL_WRITES_AFTER = Integer.getInteger("tickerpress.fault.failWritesAfter", -1);

    /** Folders already made in the staging folder: each is created once, not once per file. */
    private final java.util.Set<Path> made = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private void parentOf(Path target) throws IOException {
        Path parent = target.getParent();
        if (!made.contains(parent)) {
            Files.createDirectories(parent); // safe when two threads make the same folder
            if (made.size() >= 10_000) made.clear(); // most folders hold one page: a bounded memory of them
            made.add(parent);
        }
    }

    /** Folders of the reused folder known to be folders of its own (no links): each is looked at once. */
    private final java.util.Set<Path> unlinked = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A reused folder is an older version, which a person or a tool may have changed since: one of its folders
     * replaced by a symbolic link would take this build's writes and deletions outside the output. Removes the
     * first link among the folders above {@code target} (the link only, never what it leads to), so the build
     * makes a folder of its own there; looked at from the top, so no look goes through a link.
     */
    private void unlinkFoldersAbove(Path target) throws IOException {
        Path parent = target.getParent();
        if (parent == null || unlinked.contains(parent) || !parent.startsWith(staging)) return;
        java.util.ArrayDeque<Path> chain = new java.util.ArrayDeque<>();
        for (Path d = parent; d != null && !d.equals(staging) && d.startsWith(staging) && !unlinked.contains(d);
             d = d.getParent()) {
            chain.push(d);
        }
        for (Path d : chain) { // from the top down
            if (Files.isSymbolicLink(d)) {
                Files.delete(d);
                return; // nothing is left below it: the folders are made afresh
            }
            if (unlinked.size() >= 10_000) unlinked.clear(); // bounded, as {@code made}
            unlinked.add(d);
        }
    }

    /** {@link #unlinkFoldersAbove} for a condition: true, or false when it fails (the file is then not there). */
    private boolean unlinkedFoldersAbove(Path target) {
        try {
            unlinkFoldersAbove(target);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes a file at a site-relative path such as {@code news/x/index.html}. */
    public void write(String relativePath, byte[] content) {
        Path target = SafePaths.resolve(staging, relativePath);
        try {
            if (FAIL_WRITES_AFTER >= 0 && files.get() >= FAIL_WRITES_AFTER) {
                throw new IOException("No space left on device (simulated)");
            }
            touched.add(relativePath);
            if (inPlace) {
                parentOf(target);
                AtomicFiles.write(target, content);
            } else {
                fresh.add(relativePath);
                if (reused) {
                    clearFor(target); // its file may be a link shared with the published version: replace, never overwrite
                    Files.write(target, content, java.nio.file.StandardOpenOption.CREATE_NEW,
                            java.nio.file.StandardOpenOption.WRITE);
                } else {
                    parentOf(target);
                    Files.write(target, content);
                }
            }
            files.incrementAndGet();
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("two outputs at " + relativePath + " (a file and a folder)");
        } catch (IOException e) {
            throw new WriteFailure("cannot write " + relativePath + ": " + e.getMessage(), e);
        }
    }

    /** Writes a page at a pretty URL path ("" for the home page, else ending in '/'). */
    public void writePage(String pagePath, String html) {
        write(pagePath + "index.html", html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Puts the previous build's file at the same path into the new site, as a hard link where the file system
     * allows (no copy of the bytes), else as a copy.
     *
     * @return false when the previous output has no such file
     */
    public boolean carryOver(String relativePath) {
        if (reused && Boolean.FALSE.equals(baseRecord.files.isNew(relativePath))
                && unlinkedFoldersAbove(SafePaths.resolve(staging, relativePath))
                && Files.isRegularFile(SafePaths.resolve(staging, relativePath), LinkOption.NOFOLLOW_LINKS)) {
            // The published version carried this file over from the folder this build reuses: it is here already,
            // unless it was deleted by hand there, or from the published site while this folder was the published
            // one (the record then says "carried over" of a file that is gone). One look at the disk tells, and
            // costs about 3 µs a file (0.3 s on two cores at 190,000 files): trusting the record instead would
            // let such a file go missing from every other version. The record knows its paths by their 128-bit
            // fingerprint, as the page manifest does (a record whose own paths share one is not used): a path
            // it does not have taken for one it has is as likely as two pages' fingerprints colliding, which
            // every incremental build already relies on never happening.
            touched.add(relativePath);
            files.incrementAndGet();
            return true;
        }
        Path from = SafePaths.resolve(output, relativePath);
        // Its type and, where this build gives files modes, its modes: one look at the disk for both.
        java.util.Set<java.nio.file.attribute.PosixFilePermission> modes = null;
        try {
            if (fileModes != null && !inPlace) {
                var attributes = Files.readAttributes(from, java.nio.file.attribute.PosixFileAttributes.class);
                if (!attributes.isRegularFile()) return false;
                modes = attributes.permissions();
            } else if (!Files.isRegularFile(from)) {
                return false;
            }
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
        if (inPlace) {
            touched.add(relativePath);
            files.incrementAndGet();
            return true;
        }
        Path target = SafePaths.resolve(staging, relativePath);
        try {
            if (reused) {
                clearFor(target);
            } else {
                parentOf(target);
            }
            linkOrCopy(target, from, modes);
            touched.add(relativePath);
            files.incrementAndGet();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Makes room for a new file at a path of a reused folder: removes the old file there (a link shared with an
     * older version is only unlinked), and anything in the way (a file where a folder must be, a folder where
     * the file must be), then makes its folders.
     */
    private void clearFor(Path target) throws IOException {
        unlinkFoldersAbove(target);
        try {
            Files.deleteIfExists(target);
        } catch (java.nio.file.DirectoryNotEmptyException e) {
            Trees.delete(target);
        }
        try {
            parentOf(target);
        } catch (FileAlreadyExistsException e) {
            for (Path p = target.getParent(); p != null && p.startsWith(staging) && !p.equals(staging); p = p.getParent()) {
                if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        && !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(p);
                }
            }
            parentOf(target);
        }
    }

    /**
     * Every path of the version this build is based on (the published one), from its record; empty when it has
     * none, and in place.
     */
    public java.util.Optional<java.util.Set<String>> previousFiles() {
        if (baseRecord == null || inPlace) return java.util.Optional.empty();
        try {
            java.util.Set<String> names = new StringSet(baseRecord.files.size());
            baseRecord.paths(names::add);
            return java.util.Optional.of(java.util.Collections.unmodifiableSet(names));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Whether the published version has a file at a path: from its record when it has one (no look at the disk;
     * by hash, see {@link PathTable}), else from the disk.
     */
    public boolean hasPrevious(String relativePath) {
        if (baseRecord != null && !inPlace) return baseRecord.files.has(relativePath);
        return Files.isRegularFile(SafePaths.resolve(output, relativePath));
    }

    /**
     * Puts an existing file (e.g. a cached chart) into the new site at a path: a hard link where possible,
     * else a copy.
     */
    public void link(String relativePath, Path existing) {
        Path target = SafePaths.resolve(staging, relativePath);
        try {
            if (inPlace) {
                touched.add(relativePath);
                if (Files.isRegularFile(target) && Files.isSameFile(target, existing)) {
                    files.incrementAndGet();
                    return;
                }
                Files.deleteIfExists(target);
                parentOf(target);
            } else {
                touched.add(relativePath);
                fresh.add(relativePath);
                if (reused) {
                    clearFor(target);
                } else {
                    parentOf(target);
                }
            }
            linkOrCopy(target, existing, null);
            files.incrementAndGet();
        } catch (IOException e) {
            throw new WriteFailure("cannot write " + relativePath + ": " + e.getMessage(), e);
        }
    }

    /**
     * Puts an existing file into the new version: a hard link when it has the modes this build's umask gives
     * (and the file system allows links), else a copy with those modes. A file written under another umask (a
     * page of a build run with umask 077, a chart cached by it) is never linked: its modes would be this
     * build's too, and changing them would change the other build's file.
     *
     * @param existingModes the existing file's modes when already read, else null (read here)
     */
    private void linkOrCopy(Path target, Path existing,
                            java.util.Set<java.nio.file.attribute.PosixFilePermission> existingModes) throws IOException {
        if (fileModes == null
                || fileModes.equals(existingModes != null ? existingModes : Files.getPosixFilePermissions(existing))) {
            try {
                Files.createLink(target, existing);
                return;
            } catch (UnsupportedOperationException | IOException e) {
                // copied below
            }
        }
        Files.copy(existing, target, StandardCopyOption.REPLACE_EXISTING);
        if (fileModes != null) Files.setPosixFilePermissions(target, fileModes);
    }

    /** The previous build's file at a path, if there is one. */
    public java.util.Optional<byte[]> previous(String relativePath) {
        Path from = SafePaths.resolve(output, relativePath);
        try {
            return Files.isRegularFile(from) ? java.util.Optional.of(Files.readAllBytes(from)) : java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    public Path output() {
        return output;
    }

    public int filesWritten() {
        return files.get();
    }

    /** What the last in-place build in this process wrote, by output folder: the next one removes the rest. */
    private static final java.util.Map<Path, java.util.Set<String>> LAST_WRITTEN = new java.util.concurrent.ConcurrentHashMap<>();

    private void tidyByWalking() throws IOException {
        try (Stream<Path> walk = Files.walk(output)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                String rel = output.relativize(p).toString().replace('\\', '/');
                if (rel.isEmpty()) continue;
                if (Files.isDirectory(p)) {
                    try (Stream<Path> entries = Files.list(p)) {
                        if (entries.findAny().isEmpty()) Files.delete(p);
                    }
                } else if (!touched.contains(rel)) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Swaps the complete staging folder in place of the output folder (in place: removes stale files). */
    public void publish() {
        if (inPlace) {
            write(MARKER, MARKER_TEXT);
            files.decrementAndGet();
            java.util.Set<String> before = LAST_WRITTEN.get(output);
            try {
                if (before != null) {
                    // The folder holds exactly what the previous in-place build wrote: remove what it no longer makes.
                    for (String rel : before) {
                        if (!touched.contains(rel)) deleteWithEmptiedFolders(output, rel);
                    }
                } else {
                    tidyByWalking();
                }
            } catch (IOException e) {
                throw new WriteFailure("cannot tidy " + output + ": " + e.getMessage(), e);
            }
            LAST_WRITTEN.put(output, java.util.Set.copyOf(touched));
            published = true;
            forgetBuild();
            return;
        }
        try {
            // The base version's paths that this build does not make: the new record lists them as gone.
            // By name, from the base's record file: the record in memory knows its paths by hash only.
            java.util.List<String> gone = null;
            if (baseRecord != null) {
                java.util.List<String> notMade = new java.util.ArrayList<>();
                try {
                    baseRecord.paths(p -> {
                        if (!touched.contains(p)) notMade.add(p);
                    });
                    gone = notMade;
                } catch (IOException e) {
                    // Not known: the next build does not reuse this version's base. A reused folder cannot be
                    // tidied without them, and fails the build.
                    if (reused) throw e;
                }
            }
            if (reused) removeUntouched(gone);
            long spare = reused ? 0 : spare();
            if (spare > 0) {
                // Every file is carried over from the spare (the same file), and the spare has no path this lacks.
                VersionRecord.write(staging, spare, modesText(fileModes), touched, java.util.Set.of(), java.util.List.of());
            } else {
                VersionRecord.write(staging, baseNumber, modesText(fileModes), touched, fresh, gone);
            }
        } catch (IOException e) {
            throw new WriteFailure("cannot write the new version of the site: " + e.getMessage(), e);
        }
        write(MARKER, MARKER_TEXT);
        files.decrementAndGet();
        try {
            versions.publish(staging);
            published = true; // the version it replaced stays until the next build (see SiteVersions)
            forgetBuild();
        } catch (IOException e) {
            throw new WriteFailure("cannot publish the site to " + Diagnostics.display(output) + ": " + e.getMessage(), e);
        }
    }

    /**
     * A build that reuses no folder (a cold or clean build, the first one beside a site of an older TickerPress,
     * or one whose version before had gone) leaves the next build no folder to bring up to date: that build would
     * make a link for every unchanged file (18 s at 100,000 articles). Above this many files, such a build makes
     * a spare folder beside its own, holding a hard link to each of its files, and records it as its base: the
     * next build reuses it as it reuses the version before the published one. It costs a folder per folder and a
     * link per file, and no bytes. The system property {@code tickerpress.spareFolderMinFiles} changes it (tests),
     * read at each build.
     */
    static final int SPARE_MIN_FILES = 5_000;

    /**
     * Fault injection for tests: with {@code tickerpress.fault.failSpareLinksAfter=N} the spare folder's links
     * after the N-th fail as a full disk would; with {@code tickerpress.fault.haltSpareLinksAfter=N} the process
     * stops there at once, as if killed.
     */
    private static final int FAIL_SPARE_LINKS_AFTER = Integer.getInteger("tickerpress.fault.failSpareLinksAfter", -1);
    private static final int HALT_SPARE_LINKS_AFTER = Integer.getInteger("tickerpress.fault.haltSpareLinksAfter", -1);

    /**
     * Makes the spare folder ({@link #SPARE_MIN_FILES}): a new version numbered after this build's, with a hard
     * link to each file of this build's folder, and its marker, written last. It is used only through this
     * version's record, written after it: a build killed before that leaves it to the next build's clean-up. One
     * that cannot be made (no hard links there, a full disk) is removed, and this version is recorded as before.
     *
     * @return the spare's number, or 0 when there is none
     */
    private long spare() {
        if (!leavesSpare || touched.size() < Integer.getInteger("tickerpress.spareFolderMinFiles", SPARE_MIN_FILES)) {
            return 0;
        }
        Path spare = null;
        try {
            spare = versions.create();
            String[] paths = touched.toArray(new String[0]);
            // In order, so that the files of a folder come together: each folder is made by one mkdir.
            java.util.Arrays.sort(paths);
            int parts = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), paths.length / 1_000));
            AtomicInteger linked = new AtomicInteger();
            Path into = spare;
            java.util.stream.IntStream.range(0, parts).parallel().forEach(part -> linkAll(staging, into, paths,
                    (int) ((long) paths.length * part / parts), (int) ((long) paths.length * (part + 1) / parts), linked));
            Files.write(spare.resolve(MARKER), MARKER_TEXT);
            return SiteVersions.numberOf(spare);
        } catch (IOException | UncheckedIOException | UnsupportedOperationException e) {
            if (spare != null) discard(spare);
            return 0;
        }
    }

    /** Links the files at {@code paths[from..until)} of one folder into another, making their folders there. */
    private static void linkAll(Path source, Path target, String[] paths, int from, int until, AtomicInteger linked) {
        String folder = null; // the last folder made (or found) in the target
        try {
            for (int i = from; i < until; i++) {
                String path = paths[i];
                int slash = path.lastIndexOf('/');
                String parent = slash < 0 ? "" : path.substring(0, slash);
                if (!parent.isEmpty() && !parent.equals(folder)) {
                    makeFolder(target, parent);
                    folder = parent;
                }
                int n = linked.incrementAndGet();
                if (HALT_SPARE_LINKS_AFTER >= 0 && n > HALT_SPARE_LINKS_AFTER) Runtime.getRuntime().halt(137);
                if (FAIL_SPARE_LINKS_AFTER >= 0 && n > FAIL_SPARE_LINKS_AFTER) {
                    throw new IOException("No space left on device (simulated)");
                }
                Files.createLink(SafePaths.resolve(target, path), SafePaths.resolve(source, path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes a folder at a relative path, and the folders above it that are missing: one mkdir when its parent is
     * there. One that is there already (made by the other thread, or before a sub-folder's files) is left.
     */
    private static void makeFolder(Path root, String folder) throws IOException {
        try {
            Files.createDirectory(SafePaths.resolve(root, folder));
        } catch (FileAlreadyExistsException e) {
            // made already
        } catch (java.nio.file.NoSuchFileException e) {
            int slash = folder.lastIndexOf('/');
            if (slash < 0) throw e;
            makeFolder(root, folder.substring(0, slash));
            makeFolder(root, folder);
        }
    }

    /**
     * Drops what only writing and publishing needed: the paths written (two sets) and the base's record, which at
     * 1,000,000 articles hold 1.9 million paths each, some 400 MB that the records kept after publishing
     * ({@code AfterPublishing}) need room for. The folder writes nothing after it is published.
     */
    private void forgetBuild() {
        touched = null;
        fresh = null;
        baseRecord = null;
    }

    /**
     * Removes from a reused folder the files this build does not make: every path of the old folder is a path
     * of the published version ({@code gone}: those this build does not make) or one the published version no
     * longer had (its record's gone list). Emptied folders go too.
     */
    private void removeUntouched(java.util.List<String> gone) throws IOException {
        for (String rel : gone) {
            unlinkFoldersAbove(SafePaths.resolve(staging, rel));
            deleteWithEmptiedFolders(staging, rel);
        }
        for (String rel : baseRecord.gone) {
            if (touched.contains(rel)) continue;
            unlinkFoldersAbove(SafePaths.resolve(staging, rel));
            deleteWithEmptiedFolders(staging, rel);
        }
    }

    /**
     * Deletes the file at a path below {@code root}, then each folder above it that this leaves empty. Nothing
     * when the file is gone already, when the path is now a folder of this build, or when one of its folders is
     * now a file of this build (a path that was a file, then a folder, then a file again).
     */
    private static void deleteWithEmptiedFolders(Path root, String relativePath) throws IOException {
        Path p = SafePaths.resolve(root, relativePath);
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) return;
        Files.delete(p);
        for (Path d = p.getParent(); d != null && !d.equals(root) && d.startsWith(root); d = d.getParent()) {
            if (!Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) break;
            try {
                Files.delete(d);
            } catch (java.nio.file.DirectoryNotEmptyException | java.nio.file.NoSuchFileException e) {
                break;
            }
        }
    }

    /** The output could not be written (disk full, permissions): not a bug, and not the content's fault. */
    public static final class WriteFailure extends UncheckedIOException {
        public WriteFailure(String message, IOException cause) {
            super(message, cause);
        }
    }

    /**
     * Removes a version folder this build made and will not publish, in the background. It is renamed first, to a
     * name no build ever gives a version: the next build may number its own folder as this one was, and a removal
     * still running must not reach it. Whatever is left is removed by the next build.
     */
    private static void discard(Path folder) {
        Path removing = folder.resolveSibling("." + folder.getFileName() + ".removing-"
                + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            AtomicFiles.move(folder, removing);
            Trees.deleteInBackground(removing);
        } catch (IOException e) {
            Trees.delete(folder);
        }
    }

    @Override
    public void close() {
        if (!published && inPlace) {
            LAST_WRITTEN.remove(output); // a failed build may have added files: the next one walks the folder
        }
        if (!published && !inPlace) {
            // In the background: a folder of 100,000 pages takes minutes to remove on a busy disk, and the reason
            // the build failed is printed only after this.
            discard(staging);
        }
        if (lock != null) lock.close();
    }
}
