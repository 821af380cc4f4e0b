package io.tickerpress.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A file of the process's own where small records are put aside to be read back later, by where they start: an
 * append-only temporary file, removed at once from its folder (on a system that allows it) so that it goes away with
 * the process however it ends, else when the Java runtime exits. Safe for any number of threads: each record gets
 * its own range, and reads and writes name their position. Used for what a large archive would otherwise hold in
 * memory for the whole build (key points, the pages' manifest entries).
 */
public final class SpillFile implements AutoCloseable {
    private final FileChannel channel;
    private final AtomicLong end = new AtomicLong();

    private SpillFile(FileChannel channel) {
        this.channel = channel;
    }

    /** A new spill file in {@code folder}. */
    public static SpillFile in(Path folder) throws IOException {
        Path file = Files.createTempFile(folder, "tickerpress-spill-", ".bin");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            Files.delete(file); // open: the file stays readable until the channel closes
        } catch (IOException notWhileOpen) {
            file.toFile().deleteOnExit();
        }
        return new SpillFile(channel);
    }

    /** Writes {@code bytes} at the end; returns where they start. */
    public long append(byte[] bytes) {
        long at = end.getAndAdd(bytes.length);
        try {
            // A part at a time: the JDK writes a heap array through a direct buffer of its size, and keeps it.
            for (int done = 0; done < bytes.length; ) {
                ByteBuffer part = ByteBuffer.wrap(bytes, done, Math.min(bytes.length - done, StoredBytes.PART));
                while (part.hasRemaining()) done += channel.write(part, at + done);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the build's spill file", e);
        }
        return at;
    }

    /** The {@code length} bytes written at {@code at}. */
    public byte[] read(long at, int length) {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, at + buffer.position()) < 0) {
                    throw new IOException("the spill file ends at " + (at + buffer.position()) + ", before "
                            + (at + length));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the build's spill file", e);
        }
        return buffer.array();
    }

    /** Writes the {@code length} bytes written at {@code at} to {@code out}, a part at a time. */
    public void copy(long at, long length, java.io.OutputStream out) throws IOException {
        StoredBytes.of(channel).copy(at, at + length, out); // not closed: the file stays open
    }

    /** The bytes written so far (where the next record would start). */
    public long length() {
        return end.get();
    }

    /** Closes the file, which then goes away (a spill file of one build, in a process that runs many). */
    @Override
    public void close() throws IOException {
        channel.close();
    }
}
