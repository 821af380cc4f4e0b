package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A build that reuses no folder (here a cold one) leaves a spare folder beside its version, a hard link for each of
 * its files, which the next build brings up to date instead of making a link for every unchanged file. The sample
 * site is far below the size where that pays, so these tests lower the threshold to one file.
 */
class SpareFolderTest {
    private static final String MIN_FILES = "tickerpress.spareFolderMinFiles";

    @TempDir
    Path dir;

    @BeforeEach
    void everySiteGetsASpare() {
        System.setProperty(MIN_FILES, "1");
    }

    @AfterEach
    void back() {
        System.clearProperty(MIN_FILES);
    }

    @Test
    void aColdBuildLeavesACompleteSpareThatTheFirstEditReuses() throws IOException {
        Path src = sample();
        Path out = dir.resolve("site");
        TestSites.build(src, out);
        Path published = out.toRealPath();
        List<Path> others = versions(out).stream().filter(v -> !v.equals(published)).toList();
        assertEquals(1, others.size(), "the published version and one spare: " + versions(out));
        Path spare = others.get(0);

        // Complete: its marker, and exactly the published files, byte for byte, each the same file (a hard link).
        assertTrue(Files.isRegularFile(spare.resolve(".tickerpress-site")), "the spare is complete");
        Map<String, byte[]> site = TestSites.snapshot(published);
        Map<String, byte[]> copy = TestSites.snapshot(spare);
        assertEquals(site.keySet(), copy.keySet());
        for (String file : site.keySet()) {
            assertTrue(Arrays.equals(site.get(file), copy.get(file)), "the same bytes in " + file);
            // Each marker is written as the last file of its own folder.
            if (!file.equals(".tickerpress-site")) {
                assertTrue(Files.isSameFile(published.resolve(file), spare.resolve(file)), "a link, not a copy: " + file);
            }
        }
        Object spareFolder = Files.getAttribute(spare, "unix:ino");

        // The first edit brings the spare up to date (the same folder, under a new number).
        List<Path> articles = articles(src);
        append(articles.get(0), "First edit of the first article.");
        TestSites.build(src, out);
        Path first = out.toRealPath();
        assertNotEquals(published, first);
        assertEquals(spareFolder, Files.getAttribute(first, "unix:ino"), "the spare was reused");
        assertTrue(Files.isDirectory(published), "the version it replaced stays until the next build");
        assertSameAsClean(src, out, "first edit");

        // The next one reuses the cold build's folder, as after any two builds.
        Object coldFolder = Files.getAttribute(published, "unix:ino");
        append(articles.get(1), "An edit of the second article.");
        Files.delete(articles.get(2));
        TestSites.build(src, out);
        assertEquals(coldFolder, Files.getAttribute(out.toRealPath(), "unix:ino"), "the cold build's folder was reused");
        assertSameAsClean(src, out, "second edit");
        assertEquals(2, versions(out).size(), "a reused folder leaves no spare: " + versions(out));
    }

    @Test
    void belowTheThresholdThereIsNoSpare() throws IOException {
        System.clearProperty(MIN_FILES); // the sample site is far smaller than the default
        Path src = sample();
        Path out = dir.resolve("site");
        TestSites.build(src, out);
        assertEquals(List.of(out.toRealPath()), versions(out));
    }

    @Test
    void aTemporaryOutputGetsNoSpare() throws IOException {
        // check's build: nobody builds on it again, so a spare would only cost its links.
        Path src = sample();
        Path out = dir.resolve("site");
        SiteBuilder.build(TestSites.options(src, out).withTemporary(true));
        assertEquals(List.of(out.toRealPath()), versions(out));
    }

    @Test
    void filesDeletedByHandFromThePublishedSiteOrTheSpareAreNotMissingLater() throws IOException {
        Path src = sample();
        Path out = dir.resolve("site");
        TestSites.build(src, out);
        Path published = out.toRealPath();
        Path spare = versions(out).stream().filter(v -> !v.equals(published)).findFirst().orElseThrow();
        Files.delete(out.resolve("index.html"));
        Files.delete(spare.resolve("feed.xml"));
        append(articles(src).get(0), "An edit.");
        TestSites.build(src, out);
        assertSameAsClean(src, out, "after files were deleted by hand");
    }

    @Test
    void aFailureWhileMakingTheSpareLeavesOnlyTheBuildsVersion() throws Exception {
        Path src = sample();
        Path out = dir.resolve("site");
        int exit = PublishFaultInjectionTest.child(null, List.of("-D" + MIN_FILES + "=1",
                "-Dtickerpress.fault.failSpareLinksAfter=5"), List.of(), src, out, dir.resolve("child.log"));
        assertEquals(0, exit, "the spare is not needed for the build: " + Files.readString(dir.resolve("child.log")));
        assertEquals(List.of(out.toRealPath()), versions(out), "the half-made spare was removed");
        assertSameAsClean(src, out, "spare failed");
        append(articles(src).get(0), "An edit.");
        TestSites.build(src, out);
        assertSameAsClean(src, out, "edit after a failed spare");
    }

    @Test
    void aBuildKilledWhileMakingTheSpareLeavesThePreviousSite() throws Exception {
        Path src = sample();
        Path out = dir.resolve("site");
        TestSites.build(src, out);
        Path cold = out.toRealPath();
        Map<String, byte[]> before = TestSites.snapshot(out);
        Files.writeString(src.resolve("content/site.yaml"),
                Files.readString(src.resolve("content/site.yaml")).replaceFirst("(?m)^title: .*$", "title: Renamed Ledger"));

        // A clean build reuses no folder, so it makes a spare too: killed on its sixth link.
        int exit = PublishFaultInjectionTest.child(null, List.of("-D" + MIN_FILES + "=1",
                "-Dtickerpress.fault.haltSpareLinksAfter=5"), List.of("--clean"), src, out, dir.resolve("child.log"));
        assertEquals(137, exit, Files.readString(dir.resolve("child.log")));
        assertEquals(cold, out.toRealPath(), "the previous version is still published");
        Map<String, byte[]> after = TestSites.snapshot(out);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((k, v) -> assertTrue(Arrays.equals(v, after.get(k)), "changed: " + k));

        // The next build publishes, and removes what the killed one left (its folder and its half-made spare).
        TestSites.build(src, out);
        assertTrue(Files.readString(out.resolve("index.html")).contains("Renamed Ledger"));
        assertSameAsClean(src, out, "after a kill");
        assertEquals(Set.of(cold, out.toRealPath()), Set.copyOf(versions(out)),
                "the published version and the one it replaced, nothing else");
    }

    private Path sample() throws IOException {
        Path src = dir.resolve("src");
        TestSites.copyTree(TestSites.SAMPLE.resolve("content"), src.resolve("content"));
        return src;
    }

    /** The version folders beside the output (vN), by name. */
    private static List<Path> versions(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out.resolveSibling("." + out.getFileName() + ".versions"))) {
            return s.filter(p -> p.getFileName().toString().matches("v\\d+") && Files.isDirectory(p))
                    .map(p -> {
                        try {
                            return p.toRealPath();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).sorted().collect(Collectors.toList());
        }
    }

    private void assertSameAsClean(Path src, Path out, String step) {
        VersionReuseTest.assertSameAsClean(dir, src, out, step);
    }

    private static void append(Path file, String line) throws IOException {
        Files.writeString(file, Files.readString(file) + "\n" + line + "\n");
    }

    private static List<Path> articles(Path src) throws IOException {
        try (Stream<Path> s = Files.list(src.resolve("content/articles"))) {
            return s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }
}
