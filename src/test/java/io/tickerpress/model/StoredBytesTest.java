package io.tickerpress.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StoredBytesTest {
    @TempDir
    Path dir;

    /** Byte i of the test file: i mod 251 (a prime, so the pattern does not line up with 64 KiB parts). */
    private static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (i % 251);
        return b;
    }

    private Path file(byte[] bytes) throws Exception {
        Path f = dir.resolve("stored.bin");
        Files.write(f, bytes);
        return f;
    }

    @Test
    void anIntAcrossTheFirstPartsEndIsReadWhole() throws Exception {
        // 65,536 is where the first 64 KiB part ends: the int at 65,534 has two bytes on each side.
        try (StoredBytes s = StoredBytes.of(FileChannel.open(file(pattern(200_000)), StandardOpenOption.READ))) {
            StoredBytes.Input in = s.input(65_534);
            DataInputStream data = new DataInputStream(in);
            // bytes 65534..65537 are 65534 % 251 = 23, then 24, 25, 26
            assertEquals(0x17_18_19_1A, data.readInt());
            assertEquals(65_538, in.position());
            in.seek(10); // back, out of the buffer
            assertEquals(10, data.readUnsignedByte());
            in.seek(131_072 + 3); // 131075 % 251 = 53
            assertEquals(53, data.readUnsignedByte());
            assertEquals(131_076, in.position());
        }
    }

    @Test
    void skippingStopsAtTheEndAndReadsPastItFail() throws Exception {
        try (StoredBytes s = StoredBytes.of(FileChannel.open(file(pattern(70_000)), StandardOpenOption.READ))) {
            StoredBytes.Input in = s.input(69_990);
            assertEquals(10, in.skip(100));
            assertEquals(-1, in.read());
            assertThrows(EOFException.class, () -> s.read(69_995, new byte[6]), "5 bytes left, 6 asked");
            byte[] five = new byte[5];
            s.read(69_995, five);
            // 69995 % 251 = 217
            assertArrayEquals(new byte[] {(byte) 217, (byte) 218, (byte) 219, (byte) 220, (byte) 221}, five);
        }
    }

    @Test
    void aWholeFileAndARangeAreReadInParts() throws Exception {
        byte[] bytes = pattern(3 * 65_536 + 5);
        Path f = file(bytes);
        assertArrayEquals(bytes, StoredBytes.readAll(f));
        try (StoredBytes s = StoredBytes.of(FileChannel.open(f, StandardOpenOption.READ))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s.copy(65_530, 131_080, out);
            byte[] expected = new byte[131_080 - 65_530];
            for (int i = 0; i < expected.length; i++) expected[i] = (byte) ((65_530 + i) % 251);
            assertArrayEquals(expected, out.toByteArray());
        }
        assertArrayEquals(new byte[0], StoredBytes.readAll(file(new byte[0])));
    }
}
