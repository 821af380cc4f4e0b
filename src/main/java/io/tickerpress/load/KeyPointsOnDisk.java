package io.tickerpress.load;

import io.tickerpress.model.KeyPoints;
import io.tickerpress.model.SpillFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Key points kept in the process's spill file ({@link SpillFile}), packed as {@link KeyPoints#pack} packs them:
 * where they start and how long they are, 12 bytes, instead of a few hundred. Read again each time a page shows them.
 */
final class KeyPointsOnDisk extends KeyPoints {
    /**
     * Key points held in memory, in packed bytes, across the process: a sixty-fourth of the heap. A site whose key
     * points fit keeps them all in memory; beyond that, they go to the spill file.
     */
    private static final AtomicLong HELD_BUDGET = new AtomicLong(Runtime.getRuntime().maxMemory() / 64);

    /** The spill file, opened when the budget first runs out; null until then, or when it cannot be made. */
    private static volatile SpillFile spill;
    private static volatile boolean noSpill;

    private final SpillFile file;
    private final long at;
    private final int length;

    private KeyPointsOnDisk(SpillFile file, long at, int length) {
        this.file = file;
        this.at = at;
        this.length = length;
    }

    /** {@code lines} held in memory while the budget lasts, else in the spill file (in memory when it cannot be made). */
    static KeyPoints kept(List<String> lines) {
        if (lines.isEmpty()) return KeyPoints.of(lines);
        byte[] packed = KeyPoints.pack(lines);
        if (HELD_BUDGET.addAndGet(-packed.length) >= 0) return KeyPoints.of(lines);
        SpillFile to = spillFile();
        return to == null ? KeyPoints.of(lines) : onDisk(to, packed);
    }

    /** {@code packed} ({@link KeyPoints#pack}) written to {@code to}. */
    static KeyPointsOnDisk onDisk(SpillFile to, byte[] packed) {
        return new KeyPointsOnDisk(to, to.append(packed), packed.length);
    }

    private static SpillFile spillFile() {
        SpillFile s = spill;
        if (s != null || noSpill) return s;
        synchronized (KeyPointsOnDisk.class) {
            if (spill == null && !noSpill) {
                try {
                    spill = SpillFile.in(Path.of(System.getProperty("java.io.tmpdir")));
                } catch (IOException | RuntimeException e) {
                    noSpill = true; // kept in memory, as when the budget lasts
                }
            }
            return spill;
        }
    }

    @Override
    public List<String> lines() {
        return KeyPoints.unpack(file.read(at, length));
    }
}
