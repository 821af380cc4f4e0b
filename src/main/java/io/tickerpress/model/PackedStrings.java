package io.tickerpress.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Several strings kept in one byte array, each after its length in bytes (a varint): a large archive holds a few
 * short strings per article, and one array costs a fraction of as many {@code String}s (each a header, a reference
 * and an array of its own). Each char takes 1 to 3 bytes as in UTF-8 (a surrogate on its own, as Java's modified
 * UTF-8 does), so any string comes back exactly as it went in, even one with a lone surrogate.
 */
final class PackedStrings {
    private PackedStrings() {
    }

    /** {@code strings} (none null) in one array. */
    static byte[] pack(List<String> strings) {
        int size = 0;
        for (String s : strings) {
            int n = encodedLength(s);
            size += varintLength(n) + n;
        }
        byte[] out = new byte[size];
        int at = 0;
        for (String s : strings) {
            for (int n = encodedLength(s); ; n >>>= 7) {
                if (n < 0x80) {
                    out[at++] = (byte) n;
                    break;
                }
                out[at++] = (byte) (n & 0x7F | 0x80);
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    out[at++] = (byte) c;
                } else if (c < 0x800) {
                    out[at++] = (byte) (0xC0 | c >> 6);
                    out[at++] = (byte) (0x80 | c & 0x3F);
                } else {
                    out[at++] = (byte) (0xE0 | c >> 12);
                    out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                    out[at++] = (byte) (0x80 | c & 0x3F);
                }
            }
        }
        return out;
    }

    /** The string at {@code index} (from 0) of a packed array. */
    static String get(byte[] packed, int index) {
        int at = 0;
        for (int i = 0; ; i++) {
            int length = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = packed[at++];
                length |= (b & 0x7F) << shift;
                if (b >= 0) break;
            }
            if (i == index) return decode(packed, at, length);
            at += length;
        }
    }

    /** The strings from {@code index} on. */
    static List<String> from(byte[] packed, int index) {
        List<String> out = new ArrayList<>();
        int at = 0;
        for (int i = 0; at < packed.length; i++) {
            int length = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = packed[at++];
                length |= (b & 0x7F) << shift;
                if (b >= 0) break;
            }
            if (i >= index) out.add(decode(packed, at, length));
            at += length;
        }
        return out;
    }

    private static String decode(byte[] packed, int from, int length) {
        int end = from + length;
        int i = from;
        while (i < end && packed[i] >= 0) i++;
        if (i == end) return new String(packed, from, length, StandardCharsets.ISO_8859_1); // ASCII
        char[] chars = new char[length];
        int n = 0;
        for (i = from; i < end; ) {
            int b = packed[i++] & 0xFF;
            if (b < 0x80) {
                chars[n++] = (char) b;
            } else if (b < 0xE0) {
                chars[n++] = (char) ((b & 0x1F) << 6 | packed[i++] & 0x3F);
            } else {
                chars[n++] = (char) ((b & 0x0F) << 12 | (packed[i++] & 0x3F) << 6 | packed[i++] & 0x3F);
            }
        }
        return new String(chars, 0, n);
    }

    private static int encodedLength(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        return n;
    }

    private static int varintLength(int n) {
        int bytes = 1;
        while (n >= 0x80) {
            n >>>= 7;
            bytes++;
        }
        return bytes;
    }
}
