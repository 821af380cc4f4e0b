package io.tickerpress.write;

import io.tickerpress.model.SpillFile;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The manifest entries of the pages a build writes, put aside as the manifest file encodes them in a spill file of
 * the cache folder ({@link SpillFile}) instead of held in memory until the build ends: a site of 1,000,000 articles
 * writes some 1,700,000 pages. {@link BuildManifest#save(Path, String, String, PageEntries, java.util.Map)} copies
 * them into the manifest. Without a cache folder (or when the spill file cannot be made or written) the entries are
 * only counted, and no manifest is saved: the next build is a full one. Safe for any number of threads.
 */
public final class PageEntries implements AutoCloseable {
    /** Entries are gathered in memory up to this many bytes, then appended to the spill file in one write. */
    private static final int BATCH = 1 << 16;

    private final SpillFile spill;
    private final ByteArrayOutputStream batch = new ByteArrayOutputStream(BATCH + 1024);
    private final DataOutputStream data = new DataOutputStream(batch);
    private int count;
    private boolean complete;

    private PageEntries(SpillFile spill) {
        this.spill = spill;
        this.complete = spill != null;
    }

    /** Entries put aside in {@code cacheDir} (made if need be), or only counted when it is null or cannot be used. */
    public static PageEntries in(Path cacheDir) {
        if (cacheDir == null) return new PageEntries(null);
        try {
            Files.createDirectories(cacheDir);
            return new PageEntries(SpillFile.in(cacheDir));
        } catch (IOException | RuntimeException e) {
            return new PageEntries(null);
        }
    }

    /** Puts aside the entry of the page at site path {@code page}. */
    public synchronized void put(String page, BuildManifest.Entry entry) {
        count++;
        if (!complete) return;
        try {
            BuildManifest.write(data, page, entry);
            if (batch.size() >= BATCH) flush();
        } catch (IOException | UncheckedIOException e) {
            complete = false; // a full disk: no manifest, so the next build is a full one
        }
    }

    /** How many entries were put. */
    public synchronized int size() {
        return count;
    }

    /** Whether every entry put is kept (and can be copied). */
    synchronized boolean complete() {
        return complete;
    }

    /** Writes every entry, in the order they were put, as {@link BuildManifest} encodes them. */
    synchronized void copyTo(OutputStream out) throws IOException {
        if (!complete) throw new IOException("the pages' entries are not all kept");
        flush();
        long length = spill.length();
        for (long at = 0; at < length; at += BATCH) {
            out.write(spill.read(at, (int) Math.min(BATCH, length - at)));
        }
    }

    private void flush() {
        if (batch.size() == 0) return;
        spill.append(batch.toByteArray());
        batch.reset();
    }

    @Override
    public synchronized void close() {
        complete = false;
        if (spill == null) return;
        try {
            spill.close();
        } catch (IOException ignored) {
            // the file is unlinked already: it goes with the process
        }
    }
}
