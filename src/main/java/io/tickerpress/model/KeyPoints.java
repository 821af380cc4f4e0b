package io.tickerpress.model;

import java.util.List;

/**
 * An article's key points (the summary lines of its front matter). A build holds every article of the archive, and
 * the key points are most of what it holds of one, so they may be kept on disk and read again when a page shows
 * them (see {@code io.tickerpress.load.KeyPointsOnDisk}).
 */
public interface KeyPoints {
    /** The lines as written, in order. */
    List<String> lines();

    /** Key points held in memory, packed in one array. */
    static KeyPoints of(List<String> lines) {
        return new Held(pack(lines));
    }

    /** The lines in one array ({@link PackedStrings}): what {@link #unpack} gives back. */
    static byte[] pack(List<String> lines) {
        return PackedStrings.pack(lines);
    }

    static List<String> unpack(byte[] packed) {
        return List.copyOf(PackedStrings.from(packed, 0));
    }

    /** Key points held in memory. */
    final class Held implements KeyPoints {
        private final byte[] packed;

        private Held(byte[] packed) {
            this.packed = packed;
        }

        @Override
        public List<String> lines() {
            return unpack(packed);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof KeyPoints other && lines().equals(other.lines());
        }

        @Override
        public int hashCode() {
            return lines().hashCode();
        }

        @Override
        public String toString() {
            return lines().toString();
        }
    }
}
