package io.tickerpress.load;

import io.tickerpress.model.KeyPoints;
import io.tickerpress.model.SpillFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Key points put in the spill file read back as written, each from its own range, however many there are. */
class KeyPointsOnDiskTest {
    @TempDir
    Path dir;

    @Test
    void packsEachLineAfterItsLengthInUtf8() {
        // "Fed" is 3 bytes; "caf\u00e9" 5 (the e with acute accent takes 2); "" 0: each after its length byte.
        assertArrayEquals(new byte[] {3, 'F', 'e', 'd', 5, 'c', 'a', 'f', (byte) 0xC3, (byte) 0xA9, 0},
                KeyPoints.pack(List.of("Fed", "caf\u00e9", "")));
        assertEquals(List.of("Fed", "caf\u00e9", ""), KeyPoints.unpack(KeyPoints.pack(List.of("Fed", "caf\u00e9", ""))));
    }

    @Test
    void readsBackEachRecordFromWhereItStarts() throws Exception {
        SpillFile spill = SpillFile.in(dir);
        try (var listing = Files.list(dir)) {
            // Removed from the folder at once where the system allows it (here: Linux), readable all the same.
            assertEquals(0, listing.count());
        }
        List<String> first = List.of("Stocks rose 1.2%.", "Yields fell.");
        List<String> second = List.of("\u6771\u4eac rally \uD83D\uDCC8", "x".repeat(300));
        KeyPoints a = KeyPointsOnDisk.onDisk(spill, KeyPoints.pack(first));
        KeyPoints b = KeyPointsOnDisk.onDisk(spill, KeyPoints.pack(second));
        assertEquals(second, b.lines());
        assertEquals(first, a.lines());
        assertEquals(first, a.lines(), "and again, each time a page asks");
        assertEquals(KeyPoints.of(first), a, "equal to the same lines held in memory");
        assertEquals(KeyPoints.of(first).hashCode(), a.hashCode());
        // Where the second starts: after the first's 1 + 17 + 1 + 12 = 31 bytes.
        assertEquals(31, spill.append(new byte[0]) - KeyPoints.pack(second).length);
    }

    @Test
    void manyThreadsWriteAndReadTheirOwnRecords() throws Exception {
        SpillFile spill = SpillFile.in(dir);
        List<Integer> numbers = java.util.stream.IntStream.range(0, 2000).boxed().toList();
        List<KeyPoints> written = numbers.parallelStream()
                .map(n -> (KeyPoints) KeyPointsOnDisk.onDisk(spill, KeyPoints.pack(List.of("line " + n, "#" + n))))
                .toList();
        numbers.parallelStream().forEach(n -> assertEquals(List.of("line " + n, "#" + n), written.get(n).lines()));
    }
}
