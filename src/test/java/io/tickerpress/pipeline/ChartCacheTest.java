package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import io.tickerpress.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The chart cache (.tickerpress-cache/charts-v2/): file modes anyone can read, no stale entries, bounded size. */
class ChartCacheTest {
    private static final Set<PosixFilePermission> RW_R_R = PosixFilePermissions.fromString("rw-r--r--");

    @TempDir
    Path dir;

    /** A small site with market data and two articles that each show a chart of their own. */
    private Path site() {
        Map<String, String> files = new HashMap<>();
        files.put("content/market/2026-01-15.json", MarketInputTest.snapshot("2026-01-15", 2600, 330, "09:00:00", "a"));
        files.put("content/market/2026-01-16.json", MarketInputTest.snapshot("2026-01-16", 2650, 340, "09:00:00", "b"));
        files.put("content/market/2026-01-20.json", MarketInputTest.snapshot("2026-01-20", 2700, 360, "09:00:00", "c"));
        files.put("content/articles/a.md", TestSites.article("A", "2026-01-20T17:00:00-05:00",
                "charts:\n  - {type: price, symbols: MU, range: 1M, title: Micron}\n", "x"));
        files.put("content/articles/b.md", TestSites.article("B", "2026-01-20T18:00:00-05:00",
                "charts:\n  - {type: price, symbols: RUT, range: 1M, title: Small caps}\n", "y"));
        return TestSites.site(dir.resolve("src"), files);
    }

    /**
     * A chart in a published site is the cache's file (a hard link). Written over in place there (an editor
     * that keeps hard links, an optimiser that rewrites files in place), it must not be reused: the next build,
     * incremental or --clean, publishes the chart as drawn, the bytes of a build in a fresh folder with a fresh
     * cache.
     */
    @Test
    void aChartWrittenOverInPlaceInTheSiteIsDrawnAgain() throws Exception {
        Path src = site();
        Path out = dir.resolve("site");
        TestSites.build(src, out);
        TestSites.build(src, out); // warm: the site's charts are now links to the cache's files
        Path chart;
        try (Stream<Path> charts = Files.list(out.resolve("charts"))) {
            chart = charts.filter(p -> p.toString().endsWith(".png")).sorted().findFirst().orElseThrow();
        }
        try (var channel = java.nio.channels.FileChannel.open(chart, java.nio.file.StandardOpenOption.WRITE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(java.nio.ByteBuffer.wrap("not a chart".getBytes(StandardCharsets.UTF_8)));
        }
        TestSites.build(src, dir.resolve("ref"));
        Map<String, byte[]> reference = TestSites.snapshot(dir.resolve("ref"));

        SiteBuilder.build(TestSites.options(src, out).withClean(true));
        assertSameFiles(reference, TestSites.snapshot(out), "--clean");
        try (var channel = java.nio.channels.FileChannel.open(out.resolve("charts").resolve(chart.getFileName()),
                java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(java.nio.ByteBuffer.wrap("not a chart".getBytes(StandardCharsets.UTF_8)));
        }
        SiteBuilder.build(TestSites.options(src, out));
        assertSameFiles(reference, TestSites.snapshot(out), "incremental");
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual, String build) {
        assertEquals(expected.keySet(), actual.keySet(), build);
        expected.forEach((name, bytes) -> assertTrue(Arrays.equals(bytes, actual.get(name)), build + ": " + name));
    }

    @Test
    void chartFilesFollowTheUmaskOnColdAndWarmBuilds() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "needs POSIX file modes");
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh to set the umask");
        Path src = site();
        Path cold = dir.resolve("cold");
        String log = build(src, cold);
        assertTrue(log.contains("charts: ") && !log.contains("charts: 0 rendered"), "cold build renders charts: " + log);
        assertAllReadable(chartFiles(cold));
        assertAllReadable(chartFiles(src.resolve(BuildOptions.CACHE_DIR)));

        // A new output folder: every chart comes from the cache, as a hard link to the cached file.
        Path warm = dir.resolve("warm");
        log = build(src, warm);
        assertTrue(log.contains("charts: 0 rendered"), "warm build takes every chart from the cache: " + log);
        assertAllReadable(chartFiles(warm));
        // The same output again: every page and chart carried over.
        log = build(src, cold);
        assertTrue(log.contains("charts: 0 rendered") && log.contains("(0 rendered"), log);
        assertAllReadable(chartFiles(cold));
    }

    /** Runs the real command line in a child process with umask 022. */
    private String build(Path src, Path out) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", "umask 022 && exec \"$@\"", "sh",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "build",
                "--source", src.toString(), "--output", out.toString(), "--now", TestSites.NOW.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), log);
        return log;
    }

    private static void assertAllReadable(List<Path> files) throws IOException {
        assertFalse(files.isEmpty());
        for (Path f : files) {
            assertEquals(PosixFilePermissions.toString(RW_R_R), PosixFilePermissions.toString(Files.getPosixFilePermissions(f)),
                    "mode of " + f);
        }
    }

    /** The chart image files below a folder. */
    private static List<Path> chartFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches("[0-9a-f]{32}(@2x)?\\.(png|svg)")).toList();
        }
    }

    @Test
    void entriesOfTheOldCacheFolderAreNeverUsedAndAreRemoved() throws IOException {
        Path src = site();
        Path reference = dir.resolve("reference");
        TestSites.build(src, reference);
        Map<String, byte[]> charts = TestSites.snapshot(reference.resolve("charts"));
        assertFalse(charts.isEmpty());
        // An older TickerPress kept charts in charts/, readable by their owner only: same names, other bytes.
        Path cache = dir.resolve("other-cache");
        for (String name : charts.keySet()) {
            Path old = cache.resolve("charts").resolve(name);
            TestSites.write(old, "stale bytes");
            Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-------"));
        }
        Path out = dir.resolve("out");
        SiteBuilder.build(TestSites.options(src, out).withCacheDir(cache));
        Map<String, byte[]> built = TestSites.snapshot(out.resolve("charts"));
        assertEquals(charts.keySet(), built.keySet());
        charts.forEach((name, bytes) -> assertTrue(Arrays.equals(bytes, built.get(name)), "freshly drawn: " + name));
        assertFalse(Files.exists(cache.resolve("charts")), "the old cache folder is removed");
        // The modes a new file gets under this process's umask.
        Path probe = dir.resolve("probe");
        Files.write(probe, new byte[] {1});
        Set<PosixFilePermission> umaskDefault = Files.getPosixFilePermissions(probe);
        for (Path f : chartFiles(out)) assertEquals(umaskDefault, Files.getPosixFilePermissions(f), f.toString());
    }

    @Test
    void theCacheKeepsOnlyTheChartsOfTheLastTwoBuilds() throws IOException {
        Path src = site();
        Path out = dir.resolve("out");
        Path cache = out.resolveSibling("out-cache");
        // A folder of another build of the generator.
        TestSites.write(cache.resolve("charts-v2/0123456789abcdef/0123456789abcdef0123456789abcdef.png"), "x");

        TestSites.build(src, out);
        Set<String> first = names(out.resolve("charts"));
        Path generation = onlyGeneration(cache);
        assertEquals(first, names(generation), "the cache holds what the build used, nothing of the other generator");

        // Article B no longer shows its chart: its files are kept for one more build, then removed.
        Path b = src.resolve("content/articles/b.md");
        Files.writeString(b, Files.readString(b).replace("charts:\n  - {type: price, symbols: RUT, range: 1M, title: Small caps}\n", ""));
        TestSites.build(src, out);
        Set<String> second = names(out.resolve("charts"));
        Set<String> dropped = new TreeSet<>(first);
        dropped.removeAll(second);
        // One chart's files: wide light and dark at 1x and 2x, narrow light and dark at 2x (phones) = 6.
        assertEquals(6, dropped.size(), "B's chart in every variant: " + dropped);
        Set<String> both = new TreeSet<>(first);
        both.addAll(second);
        assertEquals(both, names(generation), "charts of the last two builds");

        TestSites.build(src, out);
        assertEquals(second, names(generation), "charts of the last two builds, which used the same ones");
    }

    private static Path onlyGeneration(Path cache) throws IOException {
        try (Stream<Path> s = Files.list(cache.resolve("charts-v2"))) {
            List<Path> all = s.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }

    /** The chart file names in a folder (cache bookkeeping files start with a dot). */
    private static Set<String> names(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            Set<String> names = new TreeSet<>();
            s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).forEach(names::add);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
