package io.tickerpress.load;

import io.tickerpress.model.KeyPoints;
import io.tickerpress.model.SpillFile;

import java.util.List;

/**
 * Key points kept in a spill file ({@link SpillFile}), packed as {@link KeyPoints#pack} packs them:
 * where they start and how long they are, 12 bytes, instead of a few hundred. Read again each time a page shows them.
 * Made by a {@link KeyPointsShelf} when its memory budget has run out.
 */
final class KeyPointsOnDisk extends KeyPoints {
    private final SpillFile file;
    private final long at;
    private final int length;

    private KeyPointsOnDisk(SpillFile file, long at, int length) {
        this.file = file;
        this.at = at;
        this.length = length;
    }

    /** {@code packed} ({@link KeyPoints#pack}) written to {@code to}. */
    static KeyPointsOnDisk onDisk(SpillFile to, byte[] packed) {
        return new KeyPointsOnDisk(to, to.append(packed), packed.length);
    }

    @Override
    public List<String> lines() {
        return KeyPoints.unpack(file.read(at, length));
    }
}
