package io.tickerpress.pipeline;

import io.tickerpress.write.RecordBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A cache record larger than the parts it is read and written in: read whole, or refused whole. */
class CacheRecordPartsTest {
    @TempDir
    Path dir;

    private static final CacheRecord RECORD = new CacheRecord("test-record");
    /** 50,000 ints: 200,000 bytes, three 64 KiB parts and more. */
    private static final int COUNT = 50_000;

    private Optional<Long> sum() {
        return RECORD.load(dir, dir.resolve("site"), in -> {
            int n = in.count();
            long sum = 0;
            for (int i = 0; i < n; i++) sum += in.getInt();
            return in.atEnd() ? sum : null;
        });
    }

    private Path saved() {
        RecordBytes.Writer out = new RecordBytes.Writer(16);
        out.putInt(COUNT);
        for (int i = 1; i <= COUNT; i++) out.putInt(i);
        return RECORD.save(dir, dir.resolve("site"), out.sealed()).orElseThrow();
    }

    @Test
    void aSoundRecordIsReadWhole() {
        saved();
        assertEquals(Optional.of(50_000L * 50_001L / 2), sum()); // 1 + 2 + ... + 50,000
    }

    @Test
    void aDamagedByteOrACutRecordIsRefusedWhole() throws Exception {
        Path file = saved();
        byte[] bytes = Files.readAllBytes(file);
        byte[] damaged = bytes.clone();
        damaged[100_000] ^= 1; // in the third part: the CRC at the end no longer matches
        Files.write(file, damaged);
        assertTrue(sum().isEmpty());
        Files.write(file, java.util.Arrays.copyOf(bytes, 70_001)); // cut in the second part
        assertTrue(sum().isEmpty());
        Files.write(file, bytes);
        assertEquals(Optional.of(50_000L * 50_001L / 2), sum());
    }
}
