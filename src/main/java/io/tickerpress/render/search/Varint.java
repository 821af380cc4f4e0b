package io.tickerpress.render.search;

import java.io.ByteArrayOutputStream;

/** Unsigned LEB128 integers: seven bits a byte, low bits first, the high bit set on every byte but the last. */
final class Varint {
    private Varint() {
    }

    static int put(byte[] into, int at, int value) {
        int v = value;
        while ((v & ~0x7F) != 0) {
            into[at++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        into[at++] = (byte) v;
        return at;
    }

    static void write(ByteArrayOutputStream out, int value) {
        int v = value;
        while ((v & ~0x7F) != 0) {
            out.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    /** The value at {@code at} and the position after it. */
    static long[] read(byte[] from, int at) {
        int value = 0;
        int shift = 0;
        int pos = at;
        while (true) {
            int b = from[pos++] & 0xFF;
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return new long[] {value, pos};
            shift += 7;
        }
    }
}
