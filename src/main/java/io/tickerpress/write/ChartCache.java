package io.tickerpress.write;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rendered chart files kept across builds in {@code .tickerpress-cache/charts-v2/CODE/}, named by a hash
 * of their data, spec and theme, so an unchanged chart is never rendered twice. One folder per version of the
 * code that draws charts ({@code CODE}: the first 16 digits of its id, {@code pipeline.ChartCode}), so a chart
 * drawn by other code (or another Java) is never reused, while a TickerPress changed elsewhere keeps them all. Files are written with the umask's modes (they are hard-linked into sites that web servers read).
 * After a successful build {@link #prune} keeps only the files that build and the one before it used. A
 * missing or unwritable cache only costs time.
 */
public final class ChartCache {
    /** The folder of every cache generation; {@code charts/} (before v2) held files readable by their owner only. */
    static final String ROOT = "charts-v2";
    static final String LEGACY = "charts";
    static final String LAST_BUILD = ".used-by-last-build";
    /** A temporary file this old is a leftover of a killed build, not one being written. */
    private static final Duration STALE_TEMP = Duration.ofHours(1);
    /**
     * Every cached chart carries this modification time. Its files are hard-linked into sites, so a chart
     * written over in place there (an editor keeping links, an optimiser) changes the cached file too; its
     * time then differs, and the chart counts as not cached: it is drawn again and replaced.
     */
    static final FileTime STORED = FileTime.from(Instant.parse("2000-01-01T00:00:00Z"));

    private final Path cacheRoot;
    private final Path dir;
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    /**
     * @param cacheRoot the cache folder ({@code .tickerpress-cache}); null for no cache
     * @param chartCode the id of the code that draws charts ({@code pipeline.GeneratorVersion.charts})
     */
    public ChartCache(Path cacheRoot, String chartCode) {
        this.cacheRoot = cacheRoot;
        this.dir = cacheRoot == null ? null : cacheRoot.resolve(ROOT).resolve(chartCode.substring(0, 16));
    }

    /** The cached file's path, for linking it into a site instead of copying its bytes; null when absent. */
    public Path file(String name) {
        if (dir == null) return null;
        Path p = dir.resolve(name);
        if (!intact(p)) return null;
        used.add(name);
        return p;
    }

    /** A cached file as this cache stored it: a regular file with the stored time (see {@link #STORED}). */
    private static boolean intact(Path p) {
        try {
            var attrs = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class);
            return attrs.isRegularFile() && attrs.lastModifiedTime().equals(STORED);
        } catch (IOException e) {
            return false;
        }
    }

    public boolean has(String name) {
        return file(name) != null;
    }

    public Optional<byte[]> get(String name) {
        if (dir == null) return Optional.empty();
        Path p = dir.resolve(name);
        try {
            if (!intact(p)) return Optional.empty();
            byte[] bytes = Files.readAllBytes(p);
            used.add(name);
            return Optional.of(bytes);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Stores a file: written under a name of its own, then moved into place, so readers never see half a file. */
    public void put(String name, byte[] bytes) {
        if (dir == null) return;
        try {
            Files.createDirectories(dir);
            // The umask's modes (0644 under umask 022), unlike createTempFile (0600): cached files are linked into sites.
            AtomicFiles.write(dir.resolve(name), bytes);
            Files.setLastModifiedTime(dir.resolve(name), STORED);
            used.add(name);
        } catch (IOException e) {
            // The cache is an optimisation: a read-only source folder still builds.
        }
    }

    /** The chart files this build found in or added to the cache. */
    public Set<String> used() {
        return Set.copyOf(used);
    }

    /**
     * For a build that found nothing changed: it used what the last build used, so the cache is pruned as
     * after that build's twin (the charts of the build before it go).
     */
    public void pruneAsLastBuild() {
        if (dir == null) return;
        try {
            Path last = dir.resolve(LAST_BUILD);
            if (Files.isRegularFile(last)) {
                boolean nothingNew = true;
                Set<String> lastUsed = new HashSet<>();
                for (String name : Files.readAllLines(last)) if (!name.isBlank()) lastUsed.add(name);
                for (String name : used) nothingNew &= lastUsed.contains(name);
                used.addAll(lastUsed);
                // The folder as the last such prune left it, and nothing new to record: it would remove nothing.
                if (nothingNew && prunedStamp().equals(stamp())) {
                    pruneOthers();
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            return; // pruning is housekeeping
        }
        prune();
        try {
            AtomicFiles.write(cacheRoot.resolve(PRUNED), stamp().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // the next such build prunes again
        }
    }

    /**
     * A twin build's prune ({@link #pruneAsLastBuild}) leaves the folder with the files of the last build and the one
     * before it, less those the twin does not keep: it records the folder's status then, here. A later twin build
     * that finds the folder's status unchanged (no chart added or removed since: either changes its modification
     * and change times) and nothing new to record skips listing its 30,000 files. Any other change prunes again.
     */
    static final String PRUNED = ".charts-pruned";

    /** The chart folder's status (its name, modification and change times, inode), or "" when unknown. */
    private String stamp() {
        try {
            var a = Files.readAttributes(dir, "unix:lastModifiedTime,ctime,ino");
            return dir.getFileName() + " " + a.get("lastModifiedTime") + " " + a.get("ctime") + " " + a.get("ino");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "";
        }
    }

    private String prunedStamp() {
        try {
            String s = Files.readString(cacheRoot.resolve(PRUNED));
            return s.isEmpty() ? "-" : s;
        } catch (IOException | RuntimeException e) {
            return "-";
        }
    }

    /**
     * Whether every chart file of a published site folder is still as this cache stored it (it carries the
     * stored time): a chart written over in place there (an optimiser) has another time, and the next build
     * must draw it again. A chart the build drew is linked from the cache too (it is written into the site only
     * when the cache cannot hold it or link it: then the build after that one is a full one).
     */
    public static boolean chartsIntact(Path siteFolder) {
        Path charts = siteFolder.resolve("charts");
        if (!Files.isDirectory(charts)) return true;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(charts)) {
            for (Path f : files) {
                if (!Files.getLastModifiedTime(f).equals(STORED)) return false;
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Removes the folders of other chart code and the pre-v2 {@code charts/} folder. */
    private void pruneOthers() throws IOException {
        Trees.delete(cacheRoot.resolve(LEGACY));
        try (DirectoryStream<Path> generations = Files.newDirectoryStream(cacheRoot.resolve(ROOT))) {
            for (Path g : generations) {
                if (!g.getFileName().equals(dir.getFileName())) Trees.delete(g);
            }
        }
    }

    /**
     * After a successful build: records the files it used, then removes every cached chart that neither it nor
     * the build before it used, the folders of other chart code and the pre-v2 {@code charts/} folder.
     * So the cache holds at most the charts of the last two builds (whatever their output folders). A build
     * running at the same time that finds one of its cached charts removed renders it again.
     */
    public void prune() {
        if (dir == null) return;
        try {
            pruneOthers();
            if (!Files.isDirectory(dir)) return;
            Set<String> keep = new HashSet<>(used);
            Path last = dir.resolve(LAST_BUILD);
            if (Files.isRegularFile(last)) keep.addAll(Files.readAllLines(last));
            AtomicFiles.write(last, (String.join("\n", new TreeSet<>(used)) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            FileTime staleBefore = FileTime.from(Instant.now().minus(STALE_TEMP));
            List<Path> remove = new ArrayList<>();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path f : files) {
                    String name = f.getFileName().toString();
                    if (name.startsWith(AtomicFiles.TEMP_PREFIX)) {
                        if (Files.getLastModifiedTime(f).compareTo(staleBefore) < 0) remove.add(f);
                    } else if (!name.startsWith(".") && !keep.contains(name)) {
                        remove.add(f);
                    }
                }
            }
            for (Path f : remove) Files.deleteIfExists(f);
        } catch (IOException | RuntimeException e) {
            // Pruning is housekeeping: a cache that could not be pruned is only larger.
        }
    }
}
