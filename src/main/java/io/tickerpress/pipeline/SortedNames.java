package io.tickerpress.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;

/**
 * A set of names (file paths) in one UTF-8 array, in the order of their bytes, found by binary search: a site of
 * 100,000 articles names 100,000 input files, and one array costs a fraction of as many {@code String}s and map
 * nodes. A name is known by its place in that order.
 */
final class SortedNames {
    private final byte[] bytes;
    /** Where each name starts in {@code bytes}; one more at the end, where the last one ends. */
    private final int[] starts;

    private SortedNames(byte[] bytes, int[] starts) {
        this.bytes = bytes;
        this.starts = starts;
    }

    /** The names, in any order; none twice. */
    static SortedNames of(Collection<String> names) {
        byte[][] encoded = new byte[names.size()][];
        int i = 0;
        for (String name : names) encoded[i++] = name.getBytes(StandardCharsets.UTF_8);
        Arrays.sort(encoded, Arrays::compareUnsigned);
        return of(encoded);
    }

    /** Names already in byte order (see {@link #inOrder}). */
    static SortedNames of(byte[][] sorted) {
        int size = 0;
        for (byte[] b : sorted) size += b.length;
        byte[] bytes = new byte[size];
        int[] starts = new int[sorted.length + 1];
        int at = 0;
        for (int i = 0; i < sorted.length; i++) {
            starts[i] = at;
            System.arraycopy(sorted[i], 0, bytes, at, sorted[i].length);
            at += sorted[i].length;
        }
        starts[sorted.length] = at;
        return new SortedNames(bytes, starts);
    }

    /** Whether the encoded names are in strictly increasing byte order (so none is there twice). */
    static boolean inOrder(byte[][] encoded) {
        for (int i = 1; i < encoded.length; i++) {
            if (Arrays.compareUnsigned(encoded[i - 1], encoded[i]) >= 0) return false;
        }
        return true;
    }

    int size() {
        return starts.length - 1;
    }

    /** The name at {@code index}. */
    String get(int index) {
        return new String(bytes, starts[index], starts[index + 1] - starts[index], StandardCharsets.UTF_8);
    }

    /** The place of {@code name}, or -1 when it is not one of the names. */
    int indexOf(String name) {
        byte[] key = name.getBytes(StandardCharsets.UTF_8);
        int low = 0;
        int high = size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = Arrays.compareUnsigned(bytes, starts[mid], starts[mid + 1], key, 0, key.length);
            if (c < 0) low = mid + 1;
            else if (c > 0) high = mid - 1;
            else return mid;
        }
        return -1;
    }

    /** The place of the first name that is not before {@code name} in byte order ({@link #size} when none). */
    int from(String name) {
        byte[] key = name.getBytes(StandardCharsets.UTF_8);
        int low = 0;
        int high = size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (Arrays.compareUnsigned(bytes, starts[mid], starts[mid + 1], key, 0, key.length) < 0) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    /** Whether the name at {@code index} starts with {@code prefix} (UTF-8 bytes). */
    boolean startsWith(int index, byte[] prefix) {
        int length = starts[index + 1] - starts[index];
        return length >= prefix.length
                && Arrays.equals(bytes, starts[index], starts[index] + prefix.length, prefix, 0, prefix.length);
    }

    /** Whether both hold the same names. */
    boolean sameAs(SortedNames other) {
        return other == this || Arrays.equals(starts, other.starts) && Arrays.equals(bytes, other.bytes);
    }
}
