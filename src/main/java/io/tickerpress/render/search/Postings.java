package io.tickerpress.render.search;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stories one term occurs in, collected in increasing id order as varint gaps (about a byte per story), so a
 * build holds small ints, not texts. A set of ids is written in the smaller of two forms, ids taken relative to a
 * base (0 in a shard, the block's first id in a block file):
 * <ul>
 *   <li>kind 0, gaps: varints v0, v1, ... with id0 = base + v0 and id(i) = id(i-1) + 1 + v(i);
 *   <li>kind 1, bitmap: bit {@code (id - base) & 7} of byte {@code (id - base) >> 3} is set.
 * </ul>
 * A term whose set takes more than {@link SearchFormat#COMMON_BYTES} is common (kind 2): its entry holds, per block
 * of {@link SearchFormat#BLOCK_DOCS} stories, the count in that block and, when not 0, the length and name of the
 * block's file (a kind varint, then the set of the block's ids relative to its first id).
 */
public final class Postings {
    public static final int GAPS = 0;
    public static final int BITMAP = 1;
    public static final int COMMON = 2;

    private byte[] gaps = new byte[8];
    private int size;
    private int count;
    private int last = -1;

    /** A term's entry of a shard and, for a common term, its block files (site path → bytes). */
    public record Entry(byte[] bytes, Map<String, byte[]> blocks) {
    }

    /** Adds a story; ids come in increasing order, a repeat of the last id is ignored. */
    public void add(int doc) {
        if (doc == last) return;
        if (doc < last) throw new IllegalArgumentException("stories must be added in increasing order");
        int v = doc - last - 1;
        if (size + 5 > gaps.length) gaps = Arrays.copyOf(gaps, gaps.length * 2);
        size = Varint.put(gaps, size, v);
        last = doc;
        count++;
    }

    public int count() {
        return count;
    }

    /** A set kept by an earlier build ({@link #gaps}, {@link #count}, {@link #last}). */
    public static Postings restore(byte[] gaps, int count, int last) {
        Postings p = new Postings();
        p.gaps = gaps.length == 0 ? new byte[8] : gaps;
        p.size = gaps.length;
        p.count = count;
        p.last = last;
        return p;
    }

    /** These ids, in increasing order, as a set. */
    public static Postings of(int[] ids, int n) {
        Postings p = new Postings();
        for (int i = 0; i < n; i++) p.add(ids[i]);
        return p;
    }

    /** The varint gaps, as many bytes as they take. */
    public byte[] gaps() {
        return Arrays.copyOf(gaps, size);
    }

    /** The largest id, or -1 for an empty set. */
    public int last() {
        return last;
    }

    /** Whether the set holds any of these ids (given in increasing order). */
    public boolean containsAny(int[] sorted) {
        if (sorted.length == 0 || sorted[0] > last) return false;
        int pos = 0;
        int id = -1;
        int k = 0;
        for (int i = 0; i < count; i++) {
            int v = 0;
            int shift = 0;
            int b;
            do {
                b = gaps[pos++] & 0xFF;
                v |= (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            id += v + 1;
            while (sorted[k] < id) {
                if (++k == sorted.length) return false;
            }
            if (sorted[k] == id) return true;
        }
        return false;
    }

    /** The ids, in increasing order. */
    public int[] ids() {
        int[] ids = new int[count];
        int pos = 0;
        int id = -1;
        for (int i = 0; i < count; i++) {
            long[] read = Varint.read(gaps, pos);
            id += (int) read[0] + 1;
            pos = (int) read[1];
            ids[i] = id;
        }
        return ids;
    }

    /** The term's entry of a shard: key, kind, story count, then the payload's length and payload (kinds 0, 1) or the blocks (kind 2). */
    public Entry encode(String key) {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(keyBytes.length + 32);
        Varint.write(out, keyBytes.length);
        out.write(keyBytes, 0, keyBytes.length);
        int[] ids = ids();
        byte[] whole = set(ids, 0, ids.length, 0);
        if (whole.length - 1 <= SearchFormat.COMMON_BYTES) {
            out.write(whole[0]); // kind 0 or 1: one byte
            Varint.write(out, count);
            Varint.write(out, whole.length - 1);
            out.write(whole, 1, whole.length - 1);
            return new Entry(out.toByteArray(), Map.of());
        }
        Varint.write(out, COMMON);
        Varint.write(out, count);
        int blocks = ids[ids.length - 1] / SearchFormat.BLOCK_DOCS + 1;
        Varint.write(out, blocks);
        Map<String, byte[]> files = new LinkedHashMap<>();
        int from = 0;
        for (int b = 0; b < blocks; b++) {
            int to = from;
            while (to < ids.length && ids[to] < (b + 1) * SearchFormat.BLOCK_DOCS) to++;
            Varint.write(out, to - from);
            if (to > from) {
                byte[] file = set(ids, from, to, b * SearchFormat.BLOCK_DOCS);
                String hash = SearchFormat.hash(file);
                files.put(SearchFormat.postings(hash), file);
                Varint.write(out, file.length);
                out.writeBytes(java.util.HexFormat.of().parseHex(hash));
            }
            from = to;
        }
        return new Entry(out.toByteArray(), files);
    }

    /** The kind varint (0 or 1, one byte) and the payload of {@code ids[from..to)} relative to {@code base}. */
    static byte[] set(int[] ids, int from, int to, int base) {
        ByteArrayOutputStream gapsOut = new ByteArrayOutputStream();
        gapsOut.write(GAPS);
        int previous = base - 1;
        for (int i = from; i < to; i++) {
            Varint.write(gapsOut, ids[i] - previous - 1);
            previous = ids[i];
        }
        int bitmapLength = to == from ? 0 : (ids[to - 1] - base) / 8 + 1;
        if (bitmapLength >= gapsOut.size() - 1) return gapsOut.toByteArray();
        byte[] bits = new byte[bitmapLength + 1];
        bits[0] = BITMAP;
        for (int i = from; i < to; i++) {
            int rel = ids[i] - base;
            bits[1 + (rel >> 3)] |= (byte) (1 << (rel & 7));
        }
        return bits;
    }
}
