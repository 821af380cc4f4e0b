package io.tickerpress.write;

import io.tickerpress.model.Fingerprint;

/**
 * The paths of a version's record ({@link VersionRecord}) by their 128-bit {@link Fingerprint}, each with one flag
 * (its bytes are new in the version), in one open-addressed array: 1,000,000 articles make 1.9 million paths,
 * which a map of their strings holds in some 235 MB and this in 70 MB.
 *
 * <p>Two paths with one hash are never both held ({@link #add} refuses the second). Every answer is "by hash": a
 * path not in the table taken for one in it is as likely as two pages' fingerprints colliding in the page manifest,
 * which incremental builds already rely on never happening. Files are removed by name only (the record's file
 * holds the names, {@link VersionRecord#paths}).
 */
final class PathTable {
    /** The hash the table keys paths by: {@link #FINGERPRINT} in a build; tests give one that collides. */
    interface Hash {
        Fingerprint.Parts of(String path);
    }

    static final Hash FINGERPRINT = path -> new Fingerprint.Parts().add(path);

    private final Hash hash;
    /** Two a slot: the hash's high and low halves. */
    private final long[] keys;
    /** A bit a slot: whether it holds a path. */
    private final long[] used;
    /** A bit a slot: whether its path's bytes are new in the version. */
    private final long[] fresh;
    private final int mask;
    private int size;

    /** A table for up to {@code expected} paths (it does not grow: a record says how many it holds). */
    PathTable(int expected, Hash hash) {
        int slots = 16;
        while (slots < 2L * expected && slots < (1 << 29)) slots <<= 1;
        if (expected >= slots) throw new IllegalArgumentException("too many paths: " + expected);
        this.hash = hash;
        this.keys = new long[2 * slots];
        this.used = new long[(slots + 63) >>> 6];
        this.fresh = new long[used.length];
        this.mask = slots - 1;
    }

    /**
     * Adds a path; false when the table is full or holds its hash already (the same path, or another path that
     * shares its hash), and then the table is unchanged.
     */
    boolean add(String path, boolean isNew) {
        if (size == mask) return false; // one slot always stays empty: a search always ends
        Fingerprint.Parts h = hash.of(path);
        int slot = slotOf(h.high(), h.low());
        if (bit(used, slot)) return false;
        keys[2 * slot] = h.high();
        keys[2 * slot + 1] = h.low();
        used[slot >>> 6] |= 1L << slot;
        if (isNew) fresh[slot >>> 6] |= 1L << slot;
        size++;
        return true;
    }

    int size() {
        return size;
    }

    /** Whether the table holds a path with this path's hash. */
    boolean has(String path) {
        return isNew(path) != null;
    }

    /** Whether the bytes of the path with this path's hash are new in the version; null when none has its hash. */
    Boolean isNew(String path) {
        Fingerprint.Parts h = hash.of(path);
        int slot = slotOf(h.high(), h.low());
        return bit(used, slot) ? Boolean.valueOf(bit(fresh, slot)) : null;
    }

    /** The slot holding this hash, or the empty one where it would go. */
    private int slotOf(long high, long low) {
        long z = (high ^ low) * 0x9E3779B97F4A7C15L;
        int slot = (int) (z ^ z >>> 32) & mask;
        while (bit(used, slot) && (keys[2 * slot] != high || keys[2 * slot + 1] != low)) slot = (slot + 1) & mask;
        return slot;
    }

    private static boolean bit(long[] bits, int slot) {
        return (bits[slot >>> 6] & 1L << slot) != 0;
    }
}
