package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeterminismTest {
    @TempDir
    Path dir;

    @Test
    void buildingTwiceGivesByteIdenticalSites() {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        TestSites.build(TestSites.SAMPLE, a);
        // A different clock (still after all content) must not leak into the output.
        SiteBuilder.build(TestSites.options(TestSites.SAMPLE, b).withNow(Instant.parse("2026-09-09T09:09:09Z")));
        Map<String, byte[]> first = TestSites.snapshot(a);
        Map<String, byte[]> second = TestSites.snapshot(b);
        assertEquals(first.keySet(), second.keySet());
        assertTrue(first.size() > 30);
        first.forEach((path, bytes) -> assertTrue(Arrays.equals(bytes, second.get(path)), "differs: " + path));
    }
}
