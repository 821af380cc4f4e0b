package io.tickerpress.pipeline;

import io.tickerpress.write.BuildManifest;
import io.tickerpress.write.Trees;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A private output for builds nobody publishes (the preview server's, {@code check}'s): a temporary folder,
 * plus the page manifest, last-build record and search memo those builds leave in the cache folder. {@link #close()} removes both. So does the
 * process ending while it is open (Ctrl-C, SIGTERM): a shutdown hook stops the build writing into it (through
 * {@link #progress()}), waits for its owner to close it, at most {@link #OWNER_GRACE_SECONDS} s, then removes
 * what is left. What a killed process (SIGKILL, the OOM killer) left is removed by the next one: folder names
 * carry the owner's process id, and a folder whose owner is gone goes, with its manifest.
 */
public final class TemporaryOutput implements AutoCloseable {
    static final int OWNER_GRACE_SECONDS = 30;
    private static final String PREFIX = "tickerpress-";
    /** tickerpress-KIND-PID-RANDOM, as {@link #create} names folders. */
    private static final Pattern NAME = Pattern.compile("tickerpress-[a-z]+-(\\d+)-[^/]*");
    /** The records kept beside an output's page manifest, removed with it. */
    private static final List<CacheRecord> RECORDS = List.of(LastBuild.RECORD, ArticleOrder.RECORD, SearchIndexStore.RECORD);

    private Path folder; // set by create, after the hook is in place
    private final Path cacheDir;
    private final Thread hook;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Progress progress;
    private volatile boolean stopping;
    private boolean removed;

    private TemporaryOutput(Path cacheDir) {
        this.cacheDir = cacheDir;
        this.progress = Progress.stoppable(() -> stopping);
        this.hook = new Thread(this::onShutdown, "tickerpress-temp-cleanup");
    }

    /**
     * A new empty temporary folder, {@code /tmp/tickerpress-KIND-PID-RANDOM/}, removed again at exit. Also removes
     * what killed processes left: their folders, and manifests in {@code cacheDir} of folders gone.
     *
     * @param kind what it is for, e.g. {@code serve}
     */
    public static TemporaryOutput create(String kind, Path cacheDir) throws IOException {
        TemporaryOutput temp = new TemporaryOutput(cacheDir);
        // The hook first: there is no moment at which the folder exists and a signal would leave it behind.
        Runtime.getRuntime().addShutdownHook(temp.hook);
        try {
            synchronized (temp) {
                temp.folder = Files.createTempDirectory(PREFIX + kind + "-" + ProcessHandle.current().pid() + "-");
            }
        } catch (IOException | RuntimeException e) {
            temp.close();
            throw e;
        }
        removeLeftovers(temp.folder().getParent(), cacheDir);
        return temp;
    }

    private static void removeLeftovers(Path tempRoot, Path cacheDir) {
        try (Stream<Path> folders = Files.list(tempRoot)) {
            for (Path folder : folders.toList()) {
                Matcher m = NAME.matcher(folder.getFileName().toString());
                if (m.matches() && !alive(m.group(1))) {
                    BuildManifest.delete(cacheDir, folder.resolve("site"));
                    RECORDS.forEach(r -> r.delete(cacheDir, folder.resolve("site")));
                    Trees.delete(folder);
                }
            }
        } catch (IOException | UncheckedIOException ignored) {
            // best effort, as removal at exit
        }
        if (cacheDir == null || !Files.isDirectory(cacheDir)) return;
        Path root = tempRoot.toAbsolutePath().normalize();
        try {
            root = root.toRealPath(); // as the manifests name their outputs (BuildManifest.outputKey)
        } catch (IOException e) {
            // as named
        }
        try (Stream<Path> files = Files.list(cacheDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("pages-")).toList()) {
                String output = BuildManifest.outputOf(file);
                if (output == null) continue;
                Path out = Path.of(output);
                boolean ours = out.getParent() != null && out.getParent().getParent() != null
                        && out.getParent().getParent().equals(root)
                        && NAME.matcher(out.getParent().getFileName().toString()).matches();
                if (ours && !Files.exists(out.getParent())) {
                    Files.deleteIfExists(file);
                    for (CacheRecord r : RECORDS) Files.deleteIfExists(r.besideManifest(file));
                }
            }
        } catch (IOException | UncheckedIOException ignored) {
            // best effort
        }
    }

    private static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true; // not a name of ours after all: leave it
        }
    }

    /** The folder to build into (not created yet: the build creates it). */
    public Path site() {
        return folder().resolve("site");
    }

    /** The temporary folder holding {@link #site()}. */
    public synchronized Path folder() {
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
        if (removed || folder == null) return;
        // The owner closes this after its build ended (a build's workers stop before it returns), so nothing
        // writes here any more.
        BuildManifest.delete(cacheDir, site());
        RECORDS.forEach(r -> r.delete(cacheDir, site()));
        Trees.delete(folder);
        removed = !Files.exists(folder);
    }
}
