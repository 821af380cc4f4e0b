package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import io.tickerpress.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * site/ is replaced only by a complete, successful build: a real child process killed mid-build, or a full
 * disk, leaves the previous site byte for byte.
 */
class AtomicPublishTest {
    @TempDir
    Path dir;

    /** A site big enough that a build takes a noticeable time. */
    private Path bigSite(int articles) throws IOException {
        Path src = TestSites.site(dir.resolve("src"), Map.of());
        for (int i = 0; i < articles; i++) {
            int day = 1 + i % 28;
            TestSites.write(src.resolve(String.format("content/articles/a%05d.md", i)), TestSites.article("Story " + i,
                    String.format("2025-%02d-%02dT09:%02d:00-05:00", 1 + (i / 28) % 12, day, i % 60),
                    "tags: [T" + (i % 40) + "]\nsummary: [Point one of story " + i + ".]\n",
                    ("## Heading\n\nParagraph with **bold** text and a [link](https://example.com/" + i + ").\n\n").repeat(20)));
        }
        return src;
    }

    private Process childBuild(Path src, Path out, String... jvmArgs) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(Arrays.asList(jvmArgs));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "build",
                "--source", src.toString(), "--output", out.toString(), "--now", "2026-06-01T00:00:00Z"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    }

    private static void assertSame(Map<String, byte[]> a, Map<String, byte[]> b) {
        assertEquals(a.keySet(), b.keySet());
        a.forEach((k, v) -> assertTrue(Arrays.equals(v, b.get(k)), "changed: " + k));
    }

    @Test
    void killingTheBuildMidwayLeavesThePreviousSite() throws Exception {
        Path src = bigSite(2500);
        Path out = dir.resolve("site");
        TestSites.build(src, out);
        Map<String, byte[]> before = TestSites.snapshot(out);
        // Change everything, so the killed build would have replaced every page.
        Files.writeString(src.resolve("content/site.yaml"), TestSites.SITE_YAML.replace("Test Ledger", "Renamed Ledger"));

        Process child = childBuild(src, out);
        Path staging = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && child.isAlive()) {
            Path published = Files.isSymbolicLink(out) ? out.toRealPath() : null;
            try (Stream<Path> s = Files.list(dir.resolve(".site.versions"))) {
                staging = s.filter(p -> p.getFileName().toString().matches("v\\d+") && !p.equals(published))
                        .findFirst().orElse(null);
            }
            if (staging != null && countFiles(staging) > 200) break;
            Thread.sleep(5);
        }
        assertTrue(child.isAlive(), "the child was still building when killed: " + Files.readString(dir.resolve("child.log")));
        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no clean-up
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertTrue(staging != null && Files.exists(staging), "it was killed mid-build, with a half-written staging folder");

        assertSame(before, TestSites.snapshot(out));
        String oldVersion = out.toRealPath().getFileName().toString();
        // The next build finishes, publishes and removes the leftovers.
        TestSites.build(src, out);
        assertTrue(Files.readString(out.resolve("index.html")).contains("Renamed Ledger"));
        // Leftovers are removed by a separate process: give it a moment. What stays is the published version (the
        // output link's target), the version before it (kept until the next build, for readers and copies that
        // started before the swap) and the lock file.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        java.util.Set<String> expected = java.util.Set.of(".lock", out.toRealPath().getFileName().toString(), oldVersion);
        java.util.Set<String> left = null;
        while (System.nanoTime() < until) {
            try (Stream<Path> s = Files.list(dir.resolve(".site.versions"))) {
                // Each version's record of its files (vN.files) sits beside it, and goes with it.
                left = s.map(p -> p.getFileName().toString()).map(n -> n.endsWith(".files") ? n.substring(0, n.length() - 6) : n)
                        .collect(java.util.stream.Collectors.toSet());
            }
            if (left.equals(expected)) break;
            Thread.sleep(50);
        }
        assertEquals(expected, left, "leftovers removed");
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(java.util.Set.of(".site.versions", "site", "site-cache", "src", "child.log"),
                    s.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
    }

    @Test
    void aFullDiskLeavesThePreviousSite() throws Exception {
        Path src = bigSite(30);
        Path out = dir.resolve("site");
        TestSites.build(src, out);
        Map<String, byte[]> before = TestSites.snapshot(out);
        Files.writeString(src.resolve("content/site.yaml"), TestSites.SITE_YAML.replace("Test Ledger", "Renamed Ledger"));
        Process child = childBuild(src, out, "-Dtickerpress.fault.failWritesAfter=10");
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        String log = Files.readString(dir.resolve("child.log"), StandardCharsets.UTF_8);
        assertEquals(Main.EXIT_IO, child.exitValue(), log);
        assertTrue(log.contains("error: cannot write ") && log.contains("No space left on device (simulated)"), log);
        assertFalse(log.contains("\tat "), "no stack trace: " + log);
        assertSame(before, TestSites.snapshot(out));
    }

    @Test
    void aChartFailureLeavesThePreviousSite() throws Exception {
        Path src = TestSites.site(dir.resolve("charts-src"), Map.of(
                "content/market/2026-01-15.json", MarketInputTest.snapshot("2026-01-15", 2600, 330, "09:00:00", "a"),
                "content/market/2026-01-16.json", MarketInputTest.snapshot("2026-01-16", 2650, 340, "09:00:00", "b"),
                "content/articles/a.md", TestSites.article("A", "2026-01-16T17:00:00-05:00",
                        "charts:\n  - {type: price, symbols: [MU], range: 1M}\n", "x")));
        Path out = dir.resolve("charts-site");
        TestSites.build(src, out);
        Map<String, byte[]> before = TestSites.snapshot(out);
        // The chart stage now fails: the symbol has no data.
        TestSites.write(src.resolve("content/articles/a.md"), TestSites.article("A", "2026-01-16T17:00:00-05:00",
                "charts:\n  - {type: price, symbols: [NVDA], range: 1M}\n", "x"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.tickerpress.diag.InputError.class,
                () -> TestSites.build(src, out));
        assertTrue(e.getMessage().contains("chart: unknown symbol 'NVDA'"), e.getMessage());
        assertSame(before, TestSites.snapshot(out));
    }

    @Test
    void aFailedBuildStopsItsWorkersBeforeItsFolderIsRemoved() throws Exception {
        // Many pages rendered in parallel; one of them (in the middle of the order) fails.
        Path src = bigSite(3000);
        TestSites.write(src.resolve("content/articles/a01500.md"), TestSites.article("Broken", "2025-06-15T09:00:00-05:00",
                "", "Price: {{< quote NOSUCH close >}}"));
        Path out = dir.resolve("site");
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.tickerpress.diag.InputError.class,
                () -> TestSites.build(src, out));
        assertTrue(e.getMessage().contains("unknown symbol 'NOSUCH'"), e.getMessage());
        // Had a worker gone on writing after the failure, it would have made folders in the removed version
        // again. Nothing may be left but the lock file, now or a moment later.
        for (int i = 0; i < 10; i++) {
            try (Stream<Path> s = Files.list(dir.resolve(".site.versions"))) {
                assertEquals(List.of(".lock"), s.map(p -> p.getFileName().toString()).toList());
            }
            Thread.sleep(100);
        }
        assertFalse(Files.exists(out, java.nio.file.LinkOption.NOFOLLOW_LINKS), "nothing was published");
    }

    @Test
    void theOnlyCopyLeftByAKilledBuildOfTheOldLayoutIsPutBack() throws Exception {
        // TickerPress before versions published with two renames: site -> .site.previous-PID, staging -> site. A
        // kill between them left no site, only the previous one beside it: the next build must not delete it.
        Path src = bigSite(3);
        Path out = dir.resolve("site");
        Path reference = dir.resolve("reference");
        TestSites.build(src, reference);
        Map<String, byte[]> old = TestSites.snapshot(reference);
        Path previous = dir.resolve(".site.previous-4242");
        assertEquals(0, new ProcessBuilder("cp", "-r", reference.toRealPath().toString(), previous.toString()).start().waitFor());
        Files.writeString(src.resolve("content/site.yaml"), TestSites.SITE_YAML.replace("Test Ledger", "Renamed Ledger"));
        // The build fails (a bad article) after its recovery step: the output is the old site, put back.
        TestSites.write(src.resolve("content/articles/bad.md"), "---\ntitle: [\n---\n");
        org.junit.jupiter.api.Assertions.assertThrows(io.tickerpress.diag.InputError.class, () -> TestSites.build(src, out));
        Files.delete(src.resolve("content/articles/bad.md"));
        TestSites.build(src, out);
        assertTrue(Files.readString(out.resolve("index.html")).contains("Renamed Ledger"));
        assertFalse(Files.exists(previous), "moved, not copied");
        // The old site was the output until this build replaced it: it is the version kept beside the new one.
        Path published = out.toRealPath();
        try (Stream<Path> s = Files.list(dir.resolve(".site.versions"))) {
            List<Path> versions = s.filter(p -> !p.equals(published) && !p.getFileName().toString().equals(".lock")
                    && !p.getFileName().toString().endsWith(".files")).toList(); // records of versions' files
            assertEquals(1, versions.size(), versions.toString());
            assertSame(old, TestSites.snapshot(versions.get(0)));
        }
    }

    private static long countFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            return walk.count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0; // the folder is changing under us
        }
    }
}
