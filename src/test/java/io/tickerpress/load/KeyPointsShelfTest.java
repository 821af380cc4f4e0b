package io.tickerpress.load;

import io.tickerpress.model.KeyPoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Each loader's shelf has a budget of its own, and its spill file goes away with its articles: a long serve that
 * loads the archive at every save does not spill more and more (the budget was once the process's, never given back).
 */
class KeyPointsShelfTest {
    @TempDir
    Path dir;

    private static final List<String> LINES = List.of("Stocks rose 1.2%.", "Yields fell."); // packed: 1+17+1+12 = 31 B

    @Test
    void holdsInMemoryWhileItsBudgetLastsThenSpills() {
        KeyPointsShelf shelf = new KeyPointsShelf(62, dir); // two records of 31 bytes
        assertInMemory(shelf.keep(LINES));
        assertInMemory(shelf.keep(LINES));
        KeyPoints third = shelf.keep(LINES);
        assertInstanceOf(KeyPointsOnDisk.class, third);
        assertEquals(LINES, third.lines());
        assertEquals(31, shelf.spilled());
        assertInMemory(shelf.keep(List.of()), "no key points: nothing to keep");
        assertEquals(31, shelf.spilled());
    }

    @Test
    void aNewShelfHasItsOwnBudget() {
        KeyPointsShelf first = new KeyPointsShelf(31, dir);
        first.keep(LINES);
        assertInstanceOf(KeyPointsOnDisk.class, first.keep(LINES));
        KeyPointsShelf next = new KeyPointsShelf(31, dir); // the next build's loader
        assertInMemory(next.keep(LINES));
        assertEquals(0, next.spilled());
    }

    @Test
    void aShelfNoLongerHeldGivesItsSpillFileBack() throws Exception {
        Path fds = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(fds), "needs /proc/self/fd (Linux) to see the process's open files");
        for (int build = 0; build < 20; build++) {
            KeyPointsShelf shelf = new KeyPointsShelf(0, dir);
            List<KeyPoints> kept = new ArrayList<>();
            for (int i = 0; i < 100; i++) kept.add(shelf.keep(List.of("line " + i, "x".repeat(1000))));
            assertEquals(List.of("line 99", "x".repeat(1000)), kept.get(99).lines());
        }
        // Twenty builds' spill files, each unreachable now: the collector closes them (the JDK's cleaner of a
        // FileChannel), and with that the system frees their space, as the files were removed from the folder.
        long open = Long.MAX_VALUE;
        for (int i = 0; i < 100 && open > 0; i++) {
            System.gc();
            Thread.sleep(20);
            open = spillFilesOpen(fds);
        }
        assertEquals(0, open, "spill files of shelves no longer held, still open");
        KeyPointsShelf held = new KeyPointsShelf(0, dir);
        KeyPoints kept = held.keep(LINES);
        System.gc();
        Thread.sleep(20);
        assertTrue(spillFilesOpen(fds) >= 1, "a shelf's spill file stays open while its key points are held");
        assertEquals(LINES, kept.lines());
    }

    private static void assertInMemory(KeyPoints k, String... why) {
        assertTrue(!(k instanceof KeyPointsOnDisk), why.length == 0 ? "held in memory" : why[0]);
    }

    private long spillFilesOpen(Path fds) throws Exception {
        long n = 0;
        try (var links = Files.list(fds)) {
            for (Path fd : (Iterable<Path>) links::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith(dir.toString()) && target.contains("tickerpress-spill-")) n++;
                } catch (java.io.IOException gone) {
                    // closed while listed
                }
            }
        }
        return n;
    }
}
