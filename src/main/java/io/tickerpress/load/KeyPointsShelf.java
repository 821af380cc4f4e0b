package io.tickerpress.load;

import io.tickerpress.model.KeyPoints;
import io.tickerpress.model.SpillFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where one loader keeps the key points of the articles it reads: in memory while its budget lasts (a sixty-fourth of
 * the heap), the rest in a spill file of its own ({@link KeyPointsOnDisk}). A build's loader goes with its articles:
 * when no article of it is held any more, its spill file is closed by the collector and its space given back, so a
 * long {@code serve} that loads the archive at every save holds and spills what one or two builds need, not the sum
 * of all its builds.
 */
final class KeyPointsShelf {
    private final AtomicLong budget;
    private final Path spillFolder;

    /** The spill file, opened when the budget first runs out; null until then, or when it cannot be made. */
    private volatile SpillFile spill;
    private volatile boolean noSpill;

    KeyPointsShelf() {
        this(Runtime.getRuntime().maxMemory() / 64, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** A shelf that holds {@code budget} packed bytes in memory and spills the rest into a file in {@code folder}. */
    KeyPointsShelf(long budget, Path spillFolder) {
        this.budget = new AtomicLong(budget);
        this.spillFolder = spillFolder;
    }

    /** {@code lines} held in memory while the budget lasts, else in the spill file (in memory when it cannot be made). */
    KeyPoints keep(List<String> lines) {
        if (lines.isEmpty()) return KeyPoints.of(lines);
        byte[] packed = KeyPoints.pack(lines);
        if (budget.addAndGet(-packed.length) >= 0) return KeyPoints.of(lines);
        SpillFile to = spillFile();
        return to == null ? KeyPoints.of(lines) : KeyPointsOnDisk.onDisk(to, packed);
    }

    /** The bytes this shelf has put in its spill file. */
    long spilled() {
        SpillFile s = spill;
        return s == null ? 0 : s.length();
    }

    private SpillFile spillFile() {
        SpillFile s = spill;
        if (s != null || noSpill) return s;
        synchronized (this) {
            if (spill == null && !noSpill) {
                try {
                    spill = SpillFile.in(spillFolder);
                } catch (IOException | RuntimeException e) {
                    noSpill = true; // kept in memory, as when the budget lasts
                }
            }
            return spill;
        }
    }
}
