package io.tickerpress.write;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Rendered chart files kept across builds in {@code .tickerpress-cache/charts/}, named by a hash of their data,
 * spec and theme, so an unchanged chart is never rendered twice. A missing or unwritable cache only costs time.
 */
public final class ChartCache {
    private final Path dir;

    public ChartCache(Path cacheRoot) {
        this.dir = cacheRoot == null ? null : cacheRoot.resolve("charts");
    }

    /** The cached file's path, for linking it into a site instead of copying its bytes; null when absent. */
    public Path file(String name) {
        if (dir == null) return null;
        Path p = dir.resolve(name);
        return Files.isRegularFile(p) ? p : null;
    }

    public boolean has(String name) {
        return dir != null && Files.isRegularFile(dir.resolve(name));
    }

    public Optional<byte[]> get(String name) {
        if (dir == null) return Optional.empty();
        Path p = dir.resolve(name);
        try {
            return Files.isRegularFile(p) ? Optional.of(Files.readAllBytes(p)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void put(String name, byte[] bytes) {
        if (dir == null) return;
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".tmp-", ".part");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // The cache is an optimisation: a read-only source folder still builds.
        }
    }
}
