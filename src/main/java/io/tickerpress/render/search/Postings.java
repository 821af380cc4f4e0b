package io.tickerpress.render.search;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The documents one term occurs in, collected in increasing id order as varint gaps (about a byte per
 * document), so a build holds small ints, not texts. {@link #encode} picks the smaller of two forms:
 * <ul>
 *   <li>kind 0, gaps: varints v0, v1, ... with id0 = v0 and id(i) = id(i-1) + 1 + v(i);
 *   <li>kind 1, bitmap: bit {@code id & 7} of byte {@code id >> 3} is set when the term occurs in document
 *       {@code id}; {@code lastId / 8 + 1} bytes.
 * </ul>
 */
public final class Postings {
    public static final int GAPS = 0;
    public static final int BITMAP = 1;

    private byte[] gaps = new byte[8];
    private int size;
    private int count;
    private int last = -1;

    /** Adds a document; ids come in increasing order, a repeat of the last id is ignored. */
    public void add(int doc) {
        if (doc == last) return;
        if (doc < last) throw new IllegalArgumentException("documents must be added in increasing order");
        int v = doc - last - 1;
        if (size + 5 > gaps.length) gaps = Arrays.copyOf(gaps, gaps.length * 2);
        size = Varint.put(gaps, size, v);
        last = doc;
        count++;
    }

    public int count() {
        return count;
    }

    /** The term's entry of a shard: key, kind, document count, payload length and payload. */
    public byte[] encode(String key) {
        byte[] keyBytes = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int bitmapLength = last / 8 + 1;
        boolean bitmap = bitmapLength < size;
        ByteArrayOutputStream out = new ByteArrayOutputStream(keyBytes.length + Math.min(size, bitmapLength) + 16);
        Varint.write(out, keyBytes.length);
        out.write(keyBytes, 0, keyBytes.length);
        Varint.write(out, bitmap ? BITMAP : GAPS);
        Varint.write(out, count);
        if (bitmap) {
            byte[] bits = new byte[bitmapLength];
            int pos = 0;
            int id = -1;
            while (pos < size) {
                long[] read = Varint.read(gaps, pos);
                id += (int) read[0] + 1;
                pos = (int) read[1];
                bits[id >> 3] |= (byte) (1 << (id & 7));
            }
            Varint.write(out, bits.length);
            out.write(bits, 0, bits.length);
        } else {
            Varint.write(out, size);
            out.write(gaps, 0, size);
        }
        return out.toByteArray();
    }
}
