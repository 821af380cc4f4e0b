package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import io.tickerpress.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One build at a time per output: two real processes building into the same folder. */
class OutputLockTest {
    @TempDir
    Path dir;

    private Path bigSite(Path src, int articles) {
        TestSites.site(src, Map.of());
        for (int i = 0; i < articles; i++) {
            TestSites.write(src.resolve(String.format(java.util.Locale.ROOT, "content/articles/a%05d.md", i)),
                    TestSites.article("Story " + i, String.format(java.util.Locale.ROOT, "2025-%02d-%02dT09:%02d:00-05:00",
                            1 + (i / 28) % 12, 1 + i % 28, i % 60), "tags: [T" + (i % 40) + "]\n",
                            ("## Heading\n\nParagraph with **bold** text.\n\n").repeat(20)));
        }
        return src;
    }

    private Process build(Path src, Path out, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Dtickerpress.syncDelete=true", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "build", "--source", src.toString(), "--output", out.toString(),
                "--now", "2026-06-01T00:00:00Z"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test
    void aSecondBuildIntoTheSameOutputStopsNamingTheFirstAndTouchesNothing() throws Exception {
        Path out = dir.resolve("site");
        Path first = bigSite(dir.resolve("first"), 2000);
        Path second = TestSites.site(dir.resolve("second"), Map.of("content/articles/x.md",
                TestSites.article("Second", "2026-01-05T09:00:00-05:00", "", "x")));
        // What the first build publishes when it runs alone, into a folder of its own.
        assertEquals(0, build(first, dir.resolve("alone"), dir.resolve("alone.log")).waitFor());

        Process a = build(first, out, dir.resolve("a.log"));
        // Wait until the first build holds the lock (its process id is in the lock file).
        Path lock = dir.resolve(".site.versions/.lock");
        String holder = "PID " + a.pid() + ",";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && a.isAlive()
                && !(Files.exists(lock) && Files.readString(lock).startsWith(holder))) {
            Thread.sleep(2);
        }
        assertTrue(a.isAlive(), "the first build is still running: " + Files.readString(dir.resolve("a.log")));

        Process b = build(second, out, dir.resolve("b.log"));
        assertTrue(b.waitFor(60, TimeUnit.SECONDS));
        String bLog = Files.readString(dir.resolve("b.log"), StandardCharsets.UTF_8);
        boolean aStillRunning = a.isAlive();
        assertEquals(Main.EXIT_BUSY, b.exitValue(), bLog);
        assertTrue(bLog.contains("is being written by another TickerPress build (" + holder), bLog);
        assertTrue(bLog.contains("wait for it to finish, or build into another --output"), bLog);
        assertTrue(aStillRunning, "the second build stopped while the first was running");

        assertTrue(a.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, a.exitValue(), Files.readString(dir.resolve("a.log")));
        Map<String, byte[]> published = TestSites.snapshot(out);
        Map<String, byte[]> alone = TestSites.snapshot(dir.resolve("alone"));
        assertEquals(alone.keySet(), published.keySet());
        alone.forEach((k, v) -> assertTrue(Arrays.equals(v, published.get(k)), "changed: " + k));

        // Once the first is done, the second may build.
        Process again = build(second, out, dir.resolve("again.log"));
        assertEquals(0, again.waitFor(), Files.readString(dir.resolve("again.log")));
        assertTrue(Files.readString(out.resolve("index.html")).contains("Second"));
    }

    @Test
    void twoBuildsInOneProcessAreKeptApartToo() throws Exception {
        Path src = TestSites.site(dir.resolve("src"), Map.of("content/articles/x.md",
                TestSites.article("X", "2026-01-05T09:00:00-05:00", "", "x")));
        Path out = dir.resolve("out");
        Path versions = dir.resolve(".out.versions");
        Files.createDirectories(versions);
        try (var held = io.tickerpress.write.OutputLock.acquire(versions.resolve(".lock"), out)) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(io.tickerpress.write.OutputLock.Busy.class,
                    () -> TestSites.build(src, out));
            assertTrue(e.getMessage().contains("PID " + ProcessHandle.current().pid()), e.getMessage());
        }
        TestSites.build(src, out);
        assertTrue(Files.isRegularFile(out.resolve("index.html")));
    }
}
