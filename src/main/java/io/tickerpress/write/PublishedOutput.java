package io.tickerpress.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What is published at an output path, read without writing anything: the complete version the output link
 * points at ({@link SiteVersions}), and the folder modes a build would give a new version now (the umask). A
 * build that finds nothing changed checks these, under the output's lock, instead of writing a new version.
 */
public final class PublishedOutput {
    private PublishedOutput() {
    }

    /** The complete version folder the output link points at, or empty (no link, a dangling or foreign one). */
    public static Optional<Path> version(Path output) {
        Path out = output.toAbsolutePath().normalize();
        try {
            Optional<Path> current = new SiteVersions(out).current();
            return current.filter(v -> Files.isRegularFile(v.resolve(StagingFolder.MARKER)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Runs {@code check} holding the output's lock, so that it sees no build half-way through publishing.
     *
     * @return empty when the output has no versions folder yet (nothing published to compare with)
     * @throws OutputLock.Busy when another build holds the output, as a writing build would
     */
    public static <T> Optional<T> underLock(Path output, Supplier<Optional<T>> check) {
        Path out = output.toAbsolutePath().normalize();
        SiteVersions versions = new SiteVersions(out);
        if (!Files.isDirectory(versions.dir())) return Optional.empty();
        try (OutputLock lock = OutputLock.acquire(versions.lockFile(), out)) {
            return check.get();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Removes what earlier builds left beside the published version, as every build does before it writes
     * (see {@link SiteVersions#recover}): the version the current one replaced, and whatever killed builds
     * left. Never the current version. Call it under the output's lock.
     */
    public static void removeLeftovers(Path output) throws IOException {
        new SiteVersions(output.toAbsolutePath().normalize()).recover();
    }

    /** The modes of a version folder ("rwxr-xr-x"), or "" where the file system has none. */
    public static String modes(Path folder) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(folder));
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }

    /**
     * The modes a folder made now gets (the umask decides them), found by making and removing an empty folder
     * inside {@code scratch}; "" when that cannot be done.
     */
    public static String newFolderModes(Path scratch) {
        Path probe = scratch.resolve(".modes-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(scratch);
            Files.deleteIfExists(probe);
            Files.createDirectory(probe);
            try {
                return modes(probe);
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException e) {
            return "";
        }
    }
}
