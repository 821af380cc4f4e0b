package io.tickerpress.pipeline;

import io.tickerpress.write.AtomicFiles;
import io.tickerpress.write.BuildManifest;
import io.tickerpress.write.RecordBytes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * A record a build keeps in the cache folder for one output, beside the output's page manifest
 * ({@code pages-KEY.bin}): {@code NAME-KEY.bin}, one sealed {@link RecordBytes} record written whole
 * ({@link AtomicFiles}). Best effort both ways: a record that cannot be read, written or removed only means that
 * the next build does its work anew.
 */
final class CacheRecord {
    private final String name;

    /** @param name what the file's name starts with, before the output's key */
    CacheRecord(String name) {
        this.name = name;
    }

    /** The record's file for an output. */
    Path file(Path cacheDir, Path output) {
        return besideManifest(BuildManifest.file(cacheDir, output));
    }

    /** The record's file that goes with a page manifest file (same output). */
    Path besideManifest(Path manifestFile) {
        String file = manifestFile.getFileName().toString();
        return manifestFile.resolveSibling(file.replaceFirst("^pages-", name + "-").replaceFirst("\\.(json|bin)$", ".bin"));
    }

    /**
     * The record kept for an output, read by {@code parse} (null: not a record this build can use), or empty when
     * there is none, or it is damaged.
     */
    <T> Optional<T> load(Path cacheDir, Path output, Function<RecordBytes.Reader, T> parse) {
        if (cacheDir == null) return Optional.empty();
        try {
            Path file = file(cacheDir, output);
            if (!Files.isRegularFile(file)) return Optional.empty();
            return Optional.ofNullable(parse.apply(RecordBytes.Reader.unsealed(io.tickerpress.model.StoredBytes.readAll(file))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged record only means the work is done anew
        }
    }

    /**
     * Keeps a record for an output (its {@link RecordBytes.Writer#sealed} bytes): the file it was written to, or empty
     * when it could not be.
     */
    Optional<Path> save(Path cacheDir, Path output, byte[] bytes) {
        return save(cacheDir, output, out -> out.write(bytes));
    }

    /** Like {@link #save(Path, Path, byte[])}, with the record's bytes written by {@code content}. */
    Optional<Path> save(Path cacheDir, Path output, AtomicFiles.Content content) {
        if (cacheDir == null) return Optional.empty();
        try {
            Files.createDirectories(cacheDir);
            Path file = file(cacheDir, output);
            AtomicFiles.write(file, content);
            return Optional.of(file);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Removes the record kept for an output, if there is one. */
    void delete(Path cacheDir, Path output) {
        if (cacheDir == null) return;
        try {
            Files.deleteIfExists(file(cacheDir, output));
        } catch (IOException ignored) {
            // best effort, as saving
        }
    }
}
