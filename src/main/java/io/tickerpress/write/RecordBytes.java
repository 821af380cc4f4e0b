package io.tickerpress.write;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The binary form of the record a build keeps for the next one (the last build's record with its input index;
 * a version's file list, {@code vN.files}, stays text): big-endian numbers, strings as their UTF-8 length and bytes, hashes as 16 bytes, and a CRC-32 of
 * everything before it as the last four bytes ({@link Writer#sealed}, {@link Reader#unsealed}), so that a record
 * cut short or damaged anywhere is refused whole, never half-trusted. Reading a large record this way costs a
 * fraction of parsing text.
 */
public final class RecordBytes {
    private RecordBytes() {
    }

    /** The bytes are not a sound record: cut short, damaged, or of another format. */
    public static final class Damaged extends RuntimeException {
        public Damaged() {
            super("not a sound record", null, false, false);
        }
    }

    /**
     * Appends to a growing array ({@link #Writer(int)}), or streams into an output through a buffer of its own
     * ({@link #to}), the CRC-32 taken as the bytes pass, for a record too large to hold twice: the same bytes either
     * way.
     */
    public static final class Writer {
        private byte[] bytes;
        private int size;
        private byte[] lastName = new byte[0];
        /** Where a streaming writer's bytes go, and their CRC-32 so far; null for an array. */
        private final java.io.OutputStream sink;
        private final CRC32 streamed;

        public Writer(int capacity) {
            bytes = new byte[Math.max(64, capacity)];
            sink = null;
            streamed = null;
        }

        private Writer(java.io.OutputStream sink) {
            bytes = new byte[1 << 16];
            this.sink = sink;
            streamed = new CRC32();
        }

        /**
         * A writer that streams its bytes into {@code sink} as its buffer fills; {@link #seal} ends the record. An
         * error of the sink is thrown as an {@link java.io.UncheckedIOException}. It has no {@link #size},
         * {@link #putAt}, {@link #cut} or {@link #toBytes}: its bytes are gone.
         */
        public static Writer to(java.io.OutputStream sink) {
            return new Writer(java.util.Objects.requireNonNull(sink));
        }

        private void room(int n) {
            if (size + n <= bytes.length) return;
            if (sink != null && n <= bytes.length) {
                drain();
                return;
            }
            bytes = Arrays.copyOf(bytes, Math.max(size + n, bytes.length * 2));
        }

        /** A streaming writer's buffer into its sink. */
        private void drain() {
            streamed.update(bytes, 0, size);
            try {
                sink.write(bytes, 0, size);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            size = 0;
        }

        public Writer put(byte[] b, int from, int length) {
            if (sink != null && length > bytes.length) { // a large block: straight to the sink, not copied
                drain();
                streamed.update(b, from, length);
                try {
                    sink.write(b, from, length);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return this;
            }
            room(length);
            System.arraycopy(b, from, bytes, size, length);
            size += length;
            return this;
        }

        public Writer putByte(int b) {
            room(1);
            bytes[size++] = (byte) b;
            return this;
        }

        public Writer putInt(int v) {
            room(4);
            bytes[size++] = (byte) (v >>> 24);
            bytes[size++] = (byte) (v >>> 16);
            bytes[size++] = (byte) (v >>> 8);
            bytes[size++] = (byte) v;
            return this;
        }

        public Writer putLong(long v) {
            putInt((int) (v >>> 32));
            return putInt((int) v);
        }

        public Writer putString(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            putInt(b.length);
            return put(b, 0, b.length);
        }

        /**
         * A name (a path) as the number of leading bytes it shares with the name put before it and the rest of its
         * UTF-8 bytes: names put in sorted order take a few bytes each (the input index puts them in its map's order,
         * which shares less).
         */
        public Writer putName(String name) {
            byte[] b = name.getBytes(StandardCharsets.UTF_8);
            int common = 0;
            int most = Math.min(lastName.length, b.length);
            while (common < most && lastName[common] == b[common]) common++;
            putInt(common);
            putInt(b.length - common);
            put(b, common, b.length - common);
            lastName = b;
            return this;
        }

        /** A 32-digit lower-case hex hash as its 16 bytes. */
        public Writer putHex(String hex) {
            if (hex.length() != 32) throw new IllegalArgumentException("not a 32-digit hash: " + hex);
            room(16);
            for (int i = 0; i < 32; i += 2) {
                bytes[size++] = (byte) (digit(hex.charAt(i)) << 4 | digit(hex.charAt(i + 1)));
            }
            return this;
        }

        private static int digit(char c) {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            throw new IllegalArgumentException("not a lower-case hex digit: " + c);
        }

        public int size() {
            array();
            return size;
        }

        /** Puts bytes over some already written, from {@code position} on (the size stays). */
        public Writer putAt(int position, byte[] b, int from, int length) {
            array();
            if (position < 0 || length < 0 || position + length > size) throw new IndexOutOfBoundsException(position);
            System.arraycopy(b, from, bytes, position, length);
            return this;
        }

        /** Drops what was written from {@code position} on. */
        public void cut(int position) {
            array();
            if (position < 0 || position > size) throw new IndexOutOfBoundsException(position);
            size = position;
        }

        public byte[] toBytes() {
            array();
            return Arrays.copyOf(bytes, size);
        }

        private void array() {
            if (sink != null) throw new IllegalStateException("a streaming writer keeps no bytes");
        }

        /** Ends a streaming writer's record ({@link #to}): the rest of its bytes, then the CRC-32 of all of them. */
        public void seal() {
            if (sink == null) throw new IllegalStateException("not a streaming writer: see sealed()");
            drain();
            putInt((int) streamed.getValue());
            try {
                sink.write(bytes, 0, size);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            size = 0;
        }

        /** The bytes written, followed by their CRC-32. */
        public byte[] sealed() {
            array();
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, size);
            putInt((int) crc.getValue());
            byte[] out = Arrays.copyOf(bytes, size);
            size -= 4;
            return out;
        }
    }

    /** Reads from an array; every read past its end, and every impossible count, throws {@link Damaged}. */
    public static final class Reader {
        private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        private final byte[] bytes;
        private int at;
        private final int end;
        private byte[] name = new byte[256];
        private int nameLength;

        public Reader(byte[] bytes) {
            this(bytes, bytes.length);
        }

        private Reader(byte[] bytes, int end) {
            this.bytes = bytes;
            this.end = end;
        }

        /** A reader of a {@link Writer#sealed} record, after checking its CRC-32 (the CRC itself is not read). */
        public static Reader unsealed(byte[] bytes) {
            if (bytes.length < 4) throw new Damaged();
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, bytes.length - 4);
            Reader tail = new Reader(bytes);
            tail.at = bytes.length - 4;
            if (tail.getInt() != (int) crc.getValue()) throw new Damaged();
            return new Reader(bytes, bytes.length - 4);
        }

        private void need(int n) {
            if (n < 0 || end - at < n) throw new Damaged();
        }

        public int getByte() {
            need(1);
            return bytes[at++] & 0xff;
        }

        public int getInt() {
            need(4);
            int v = (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8
                    | bytes[at + 3] & 0xff;
            at += 4;
            return v;
        }

        public long getLong() {
            return (long) getInt() << 32 | getInt() & 0xffffffffL;
        }

        /** A count of items: not negative, and not more than the bytes left could hold. */
        public int count() {
            int n = getInt();
            if (n < 0 || n > end - at) throw new Damaged();
            return n;
        }

        public void get(byte[] into, int from, int length) {
            need(length);
            if (from < 0 || from + length > into.length) throw new Damaged();
            System.arraycopy(bytes, at, into, from, length);
            at += length;
        }

        public String getString() {
            int n = count();
            String s = new String(bytes, at, n, StandardCharsets.UTF_8);
            at += n;
            return s;
        }

        /** A name written by {@link Writer#putName}. */
        public String getName() {
            int common = getInt();
            int rest = getInt();
            if (common < 0 || common > nameLength || rest < 0) throw new Damaged();
            need(rest);
            if (common + rest > name.length) name = Arrays.copyOf(name, Math.max(common + rest, name.length * 2));
            System.arraycopy(bytes, at, name, common, rest);
            at += rest;
            nameLength = common + rest;
            return new String(name, 0, nameLength, StandardCharsets.UTF_8);
        }

        /** 16 bytes as a 32-digit lower-case hex hash. */
        public String getHex() {
            need(16);
            byte[] hex = new byte[32];
            for (int i = 0; i < 16; i++) {
                int b = bytes[at + i] & 0xff;
                hex[2 * i] = HEX[b >>> 4];
                hex[2 * i + 1] = HEX[b & 0xf];
            }
            at += 16;
            return new String(hex, StandardCharsets.ISO_8859_1);
        }

        public boolean atEnd() {
            return at == end;
        }

        /** Where the next read starts, in {@link #bytes}. */
        public int position() {
            return at;
        }

        /** The array read from (not a copy: never to be changed). */
        public byte[] bytes() {
            return bytes;
        }
    }
}
