package io.tickerpress.pipeline;

import io.tickerpress.write.BuildManifest;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A private output for builds nobody publishes (the preview server's, {@code check}'s): a temporary folder,
 * plus the page manifest those builds leave in the cache folder. {@link #close()} removes both. So does the
 * process ending while it is open (Ctrl-C, SIGTERM): a shutdown hook stops the build writing into it (through
 * {@link #progress()}), waits for its owner to close it, at most {@link #OWNER_GRACE_SECONDS} s, then removes
 * what is left. Only SIGKILL leaves it behind.
 */
public final class TemporaryOutput implements AutoCloseable {
    static final int OWNER_GRACE_SECONDS = 30;

    private final Path folder;
    private final Path cacheDir;
    private final Thread hook;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Progress progress;
    private volatile boolean stopping;
    private boolean removed;

    private TemporaryOutput(Path folder, Path cacheDir) {
        this.folder = folder;
        this.cacheDir = cacheDir;
        this.progress = Progress.stoppable(() -> stopping);
        this.hook = new Thread(this::onShutdown, "tickerpress-temp-cleanup");
    }

    /** A new empty temporary folder, e.g. {@code /tmp/tickerpress-serve-123/}, removed again at exit. */
    public static TemporaryOutput create(String prefix, Path cacheDir) throws IOException {
        TemporaryOutput temp = new TemporaryOutput(Files.createTempDirectory(prefix), cacheDir);
        Runtime.getRuntime().addShutdownHook(temp.hook);
        return temp;
    }

    /** The folder to build into (not created yet: the build creates it). */
    public Path site() {
        return folder.resolve("site");
    }

    /** The temporary folder holding {@link #site()}. */
    public Path folder() {
        return folder;
    }

    /** Progress for builds into this output: they stop at their next page once {@link #stop()} was called. */
    public Progress progress() {
        return progress;
    }

    /** Asks the build writing into this output to stop. */
    public void stop() {
        stopping = true;
    }

    /** Removes the folder and the manifest. Call it after the build writing into it has ended. */
    @Override
    public void close() {
        remove();
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it finds everything removed
        }
    }

    private void onShutdown() {
        stop();
        try {
            closed.await(OWNER_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        remove();
    }

    private synchronized void remove() {
        if (removed) return;
        BuildManifest.delete(cacheDir, site());
        // Twice: a build that did not stop in time may still add a file while the first pass runs.
        for (int attempt = 0; attempt < 2 && Files.exists(folder); attempt++) deleteTree(folder);
        BuildManifest.delete(cacheDir, site());
        removed = !Files.exists(folder);
    }

    private static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // gone already
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    try {
                        Files.deleteIfExists(dir);
                    } catch (IOException notEmptyYet) {
                        // the next attempt takes it
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException gone) {
            // nothing left
        } catch (IOException ignored) {
            // best effort: a temporary folder left behind holds nothing of the user's
        }
    }
}
