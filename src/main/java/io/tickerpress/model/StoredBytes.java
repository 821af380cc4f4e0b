package io.tickerpress.model;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Bytes an earlier build stored, read in parts by their position: a file through its channel (never read whole:
 * reading a large file into one array takes its size twice, in the heap and in the JDK's temporary direct buffer
 * of the same size, which it keeps). Reads at a position may run on many threads at once.
 */
public abstract class StoredBytes implements AutoCloseable {
    /** How much {@link Input} reads at a time. */
    public static final int PART = 1 << 16;

    /** The number of bytes. */
    public abstract long size();

    /** Reads up to {@code length} bytes at {@code position}; returns how many, or -1 at the end. */
    public abstract int readAt(long position, byte[] into, int offset, int length) throws IOException;

    @Override
    public void close() {
    }

    /** Reads {@code into.length} bytes at {@code position}, or throws {@link EOFException} when there are fewer. */
    public final void read(long position, byte[] into) throws IOException {
        int done = 0;
        while (done < into.length) {
            int n = readAt(position + done, into, done, into.length - done);
            if (n < 0) throw new EOFException("cut short");
            done += n;
        }
    }

    /** Writes the bytes from {@code from} up to {@code to} to {@code out}, a part at a time. */
    public final void copy(long from, long to, java.io.OutputStream out) throws IOException {
        byte[] part = new byte[(int) Math.min(PART, Math.max(0, to - from))];
        for (long at = from; at < to; ) {
            int n = readAt(at, part, 0, (int) Math.min(part.length, to - at));
            if (n < 0) throw new EOFException("cut short");
            out.write(part, 0, n);
            at += n;
        }
    }

    /**
     * A whole file's bytes, read a part at a time: {@link java.nio.file.Files#readAllBytes} reads into the array
     * through one temporary direct buffer of the file's size, which the JDK then keeps for the thread.
     */
    public static byte[] readAll(java.nio.file.Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, java.nio.file.StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE - 8) throw new IOException("too large to read whole: " + file);
            byte[] bytes = new byte[(int) size];
            StoredBytes stored = of(channel);
            int done = 0;
            while (done < bytes.length) {
                int n = stored.readAt(done, bytes, done, bytes.length - done);
                if (n < 0) return java.util.Arrays.copyOf(bytes, done); // cut while read: as it was then
                done += n;
            }
            return bytes;
        }
    }

    /** The bytes read in order from {@code position}, a part at a time. */
    public final Input input(long position) {
        return new Input(this, position);
    }

    /** A file open for reading; {@link #close} closes it. */
    public static StoredBytes of(FileChannel channel) {
        return new StoredBytes() {
            @Override
            public long size() {
                try {
                    return channel.size();
                } catch (IOException e) {
                    return 0;
                }
            }

            @Override
            public int readAt(long position, byte[] into, int offset, int length) throws IOException {
                if (length == 0) return 0;
                // At most a part at a time: the JDK reads a heap array through a direct buffer of the same size.
                return channel.read(ByteBuffer.wrap(into, offset, Math.min(length, PART)), position);
            }

            @Override
            public void close() {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // read only: nothing is lost
                }
            }
        };
    }

    /** A stream of the bytes from a position, with a buffer of {@link #PART}; it can tell and move its position. */
    public static final class Input extends InputStream {
        private final StoredBytes from;
        private final byte[] buffer = new byte[PART];
        /** Where {@code buffer[0]} lies. */
        private long base;
        private int at;
        private int limit;

        private Input(StoredBytes from, long position) {
            this.from = from;
            this.base = position;
        }

        /** The position of the next byte read. */
        public long position() {
            return base + at;
        }

        /** Moves to a position (within the buffer when it holds it). */
        public void seek(long position) {
            if (position >= base && position <= base + limit) {
                at = (int) (position - base);
            } else {
                base = position;
                at = 0;
                limit = 0;
            }
        }

        private boolean fill() throws IOException {
            if (at < limit) return true;
            base += limit;
            at = 0;
            limit = 0;
            int n = from.readAt(base, buffer, 0, buffer.length);
            if (n <= 0) return false;
            limit = n;
            return true;
        }

        @Override
        public int read() throws IOException {
            return fill() ? buffer[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) return 0;
            if (!fill()) return -1;
            int n = Math.min(length, limit - at);
            System.arraycopy(buffer, at, into, offset, n);
            at += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            if (n <= 0) return 0;
            long size = from.size();
            long k = Math.max(0, Math.min(n, size - position()));
            seek(position() + k);
            return k;
        }

        @Override
        public int available() {
            return limit - at;
        }
    }
}
