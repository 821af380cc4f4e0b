package io.tickerpress.write;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The prune of a build that carried the last build's charts ({@link ChartCache#pruneAsLastBuild}): it removes what
 * the last build did not use, records nothing again when the folder is as its last such prune left it, and prunes
 * again when the folder changed since (a chart added by hand, or one the build used that the record lacks).
 */
class ChartCachePruneTest {
    private static final String GENERATOR = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path root;

    private Path folder() {
        return root.resolve(ChartCache.ROOT).resolve(GENERATOR.substring(0, 16));
    }

    private Set<String> charts() throws IOException {
        try (Stream<Path> files = Files.list(folder())) {
            return new TreeSet<>(files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList());
        }
    }

    private List<String> lastBuild() throws IOException {
        return Files.readAllLines(folder().resolve(ChartCache.LAST_BUILD));
    }

    @Test
    void twinBuildsPruneOnceAndAgainOnlyWhenTheFolderChanged() throws Exception {
        ChartCache first = new ChartCache(root, GENERATOR);
        first.put("a.svg", new byte[] {1});
        first.put("b.svg", new byte[] {2});
        first.prune();
        ChartCache second = new ChartCache(root, GENERATOR);
        second.put("c.svg", new byte[] {3});
        second.prune();
        assertEquals(Set.of("a.svg", "b.svg", "c.svg"), charts(), "the charts of the last two builds");

        new ChartCache(root, GENERATOR).pruneAsLastBuild();
        assertEquals(Set.of("c.svg"), charts(), "a twin of the last build keeps its charts alone");
        assertEquals(List.of("c.svg"), lastBuild());

        Path record = folder().resolve(ChartCache.LAST_BUILD);
        Object before = Files.readAttributes(record, "unix:ino,lastModifiedTime");
        Thread.sleep(50);
        new ChartCache(root, GENERATOR).pruneAsLastBuild();
        assertEquals(before, Files.readAttributes(record, "unix:ino,lastModifiedTime"),
                "a second twin finds the folder as the first left it: the record is not written again");

        Thread.sleep(50);
        Files.write(folder().resolve("d.svg"), new byte[] {4}); // a chart the last build did not use
        new ChartCache(root, GENERATOR).pruneAsLastBuild();
        assertEquals(Set.of("c.svg"), charts(), "the folder changed: pruned again");

        ChartCache using = new ChartCache(root, GENERATOR);
        using.put("e.svg", new byte[] {5});
        Thread.sleep(50);
        using.pruneAsLastBuild();
        assertEquals(List.of("c.svg", "e.svg"), lastBuild(), "a chart the build used is recorded");
        assertEquals(Set.of("c.svg", "e.svg"), charts());
    }
}
