package io.tickerpress.model;

import java.util.List;

/**
 * An article's key points (the summary lines of its front matter). A build holds every article of the archive, and
 * the key points are most of what it holds of one, so they may be kept on disk and read again when a page shows
 * them (see {@code io.tickerpress.load.KeyPointsOnDisk}).
 */
public abstract class KeyPoints {
    /** The lines as written, in order. */
    public abstract List<String> lines();

    /** Key points held in memory, packed in one array. */
    public static KeyPoints of(List<String> lines) {
        return new Held(pack(lines));
    }

    /** The lines in one array ({@link PackedStrings}): what {@link #unpack} gives back. */
    public static byte[] pack(List<String> lines) {
        return PackedStrings.pack(lines);
    }

    public static List<String> unpack(byte[] packed) {
        return List.copyOf(PackedStrings.from(packed, 0));
    }

    /** Equal when the lines are, wherever they are kept. */
    @Override
    public final boolean equals(Object o) {
        return o instanceof KeyPoints other && lines().equals(other.lines());
    }

    @Override
    public final int hashCode() {
        return lines().hashCode();
    }

    @Override
    public final String toString() {
        return lines().toString();
    }

    /** Key points held in memory. */
    private static final class Held extends KeyPoints {
        private final byte[] packed;

        private Held(byte[] packed) {
            this.packed = packed;
        }

        @Override
        public List<String> lines() {
            return unpack(packed);
        }
    }
}
