package io.tickerpress.write;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one atomic write: a file is written under a temporary name of its own in the same folder, then renamed
 * over the target, so a reader (or a process killed half-way) sees the old file or the new one, never half of
 * one; on any failure the old file is left as it was and the temporary file is removed. Files get the modes the
 * umask gives (0644 under umask 022), like every file TickerPress writes.
 */
public final class AtomicFiles {
    /** Temporary files start with this; a folder's owner may remove stale ones. */
    public static final String TEMP_PREFIX = ".tmp-";
    private static final AtomicLong COUNTER = new AtomicLong();

    private AtomicFiles() {
    }

    /** For files that can be made again (caches, the preview folder): not flushed to disk first. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, bytes, false);
    }

    /** What a streamed file holds: written to the stream (buffered; not to be closed by the writer). */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Like {@link #write(Path, byte[])}, for a file too large to build in memory first (a large site's build
     * manifest): the content is streamed into the temporary file.
     */
    public static void write(Path target, Content content) throws IOException {
        write(target, content, false);
    }

    /**
     * For an editor's files (market history): the folder is made if needed, and the bytes are flushed to disk
     * before the rename, so that a power cut cannot leave the new name on empty contents.
     */
    public static void replace(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        write(target, bytes, true);
    }

    private static void write(Path target, byte[] bytes, boolean durable) throws IOException {
        write(target, out -> out.write(bytes), durable);
    }

    private static void write(Path target, Content content, boolean durable) throws IOException {
        Path tmp = target.resolveSibling(TEMP_PREFIX + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet()
                + "-" + target.getFileName());
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(inParts(Channels.newOutputStream(channel)), 1 << 16);
                content.writeTo(out);
                out.flush();
                if (durable) channel.force(true);
            }
            move(tmp, target);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a stale temporary file is harmless
            }
            throw e;
        }
    }

    /**
     * Writes a large array a part at a time: the JDK writes a heap array to a channel through a direct buffer of
     * the same size, which it then keeps for the thread (a build writes records of tens of megabytes).
     */
    private static OutputStream inParts(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                java.util.Objects.checkFromIndexSize(off, len, b.length);
                for (int at = 0; at < len; ) {
                    int n = Math.min(len - at, 1 << 16);
                    out.write(b, off + at, n);
                    at += n;
                }
            }
        };
    }

    /** Renames a file or link over another in one step ({@code rename(2)}), replacing it. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
