package io.tickerpress.write;

import io.tickerpress.diag.Diagnostics;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One build at a time per output folder: an exclusive lock on a file beside the output, held from before the
 * first file of the build is written until the build has published (or given up). The holder writes its
 * process id into the file, so a second build can say who is writing. The operating system releases the lock
 * when the holder dies, however it dies; the file itself stays (removing it would let two builds each lock a
 * different file).
 */
public final class OutputLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or throws {@link Busy} naming the process that holds it. */
    public static OutputLock acquire(Path file, Path output) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another build in this process
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new Busy(Diagnostics.display(output) + " is being written by another TickerPress build"
                    + (holder.isEmpty() ? "" : " (" + holder + ")")
                    + "; wait for it to finish, or build into another --output");
        }
        ByteBuffer me = ByteBuffer.wrap(("PID " + ProcessHandle.current().pid() + ", started "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n").getBytes(StandardCharsets.UTF_8));
        channel.truncate(0);
        while (me.hasRemaining()) channel.write(me, me.position());
        return new OutputLock(channel, lock);
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(200);
            channel.read(buf, 0);
            return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // the lock dies with the process anyway
        }
    }

    /** Another build holds the output: a temporary condition, not bad input and not a bug. */
    public static final class Busy extends RuntimeException {
        public Busy(String message) {
            super(message);
        }
    }
}
