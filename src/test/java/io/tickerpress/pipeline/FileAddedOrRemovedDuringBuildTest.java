package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import io.tickerpress.cli.Main;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.tickerpress.pipeline.PublishFaultInjectionTest.child;
import static io.tickerpress.pipeline.PublishFaultInjectionTest.runs;
import static io.tickerpress.pipeline.PublishFaultInjectionTest.sameSite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An input file removed or added while a build runs, between the build's index of the input files (the record it
 * keeps) and its listing of the folder, then put back as it was (an editor's undo, a checkout): the build after the
 * undo must give the clean build's site. strace holds each open of the folder for 4 s; once the index has read it
 * (the first open), the test removes or adds the file, while the build's own listing (the next open) waits. A build
 * that built without a file its record lists (or with one its record lacks) would, after the undo, find nothing
 * changed and keep that site.
 */
class FileAddedOrRemovedDuringBuildTest {
    private static final String STORY = "content/articles/2020-05-11-older-10.md";
    private static final String NEW_STORY = "content/articles/2020-05-12-added-during.md";

    @TempDir
    Path dir;

    @Test
    void anArticleRemovedDuringTheBuildThenPutBackIsBuilt() throws Exception {
        race("removed", "content/articles", STORY, true);
    }

    @Test
    void anArticleAddedDuringTheBuildThenRemovedIsNotKept() throws Exception {
        race("added", "content/articles", NEW_STORY, false);
    }

    @Test
    void aMarketSnapshotRemovedDuringTheBuildThenPutBackIsBuilt() throws Exception {
        race("snapshot", "content/market", "content/market/2026-01-23.json", true);
    }

    /**
     * @param folder the folder whose listing is held
     * @param file   the file removed (when {@code present}) or added during the build, then put back as it was
     */
    private void race(String name, String folder, String file, boolean present) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/strace"))
                && runs("strace", "-f", "-o", "/dev/null", "true"), "strace is not installed, or ptrace is not allowed here");
        Path run = dir.resolve(name);
        Path src = run.resolve("src").toAbsolutePath();
        Path site = run.resolve("site").toAbsolutePath();
        OlderStories.builtTwice(run, src, site);
        Path target = src.resolve(file);
        byte[] original = present ? Files.readAllBytes(target) : TestSites.article("Added During The Build",
                "2020-05-12T09:00:00-04:00", "tags: [Archive]\n", "Its body.").getBytes(StandardCharsets.UTF_8);
        // An edit elsewhere, so that the build under the race has something to do.
        Path other = src.resolve("content/articles/2020-05-21-older-20.md");
        Files.writeString(other, Files.readString(other).replace("tags: [Archive, Even]", "tags: [Archive, Even, Odd]"));

        Path trace = run.resolve("race.trace");
        Path held = src.resolve(folder);
        List<String> cmd = List.of("strace", "-f", "-qq", "-o", trace.toString(), "-P", held.toString(),
                "-e", "trace=openat,close", "-e", "inject=openat:delay_enter=4000000",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData",
                "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true", "-Dtickerpress.syncDelete=true",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "build",
                "--source", src.toString(), "--output", site.toString(), "--now", "2026-06-01T00:00:00Z");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(run.resolve("race.log").toFile()).start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!(Files.isRegularFile(trace) && closes(Files.readString(trace)) >= 1) && System.nanoTime() < until
                && p.isAlive()) {
            Thread.sleep(20);
        }
        Thread.sleep(1500); // the index's stat of each file listed is done; the build's own listing is held
        if (present) Files.delete(target);
        else Files.write(target, original);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the build under the race finished");
        String raceLog = Files.readString(run.resolve("race.log"), StandardCharsets.UTF_8);
        String traced = Files.readString(trace);
        Assumptions.assumeTrue(closes(traced) >= 2, "the build listed the folder fewer than 2 times: " + traced);

        // The undo: the file back as it was (or gone again). Then a build, and a clean build of the same input.
        if (present) Files.write(target, original);
        else Files.delete(target);
        assertEquals(0, child(null, src, site, run.resolve("after.log")));
        String after = Files.readString(run.resolve("after.log"), StandardCharsets.UTF_8);
        Path cleanSrc = run.resolve("clean-src");
        Files.createDirectories(cleanSrc);
        assertTrue(runs("cp", "-r", src.resolve("content").toString(), cleanSrc.resolve("content").toString()));
        assertEquals(0, child(null, cleanSrc, run.resolve("clean"), run.resolve("clean.log")));
        Map<String, byte[]> expected = TestSites.snapshot(run.resolve("clean"));
        Map<String, byte[]> built = TestSites.snapshot(site);
        System.out.println(file + " " + name + " during the build; under the race: " + raceLog.strip()
                + "\nafter the undo: " + after.strip());
        assertTrue(sameSite(built, expected), file + " " + name + " during the build: the build under the race said: "
                + raceLog.strip() + "; the build after the undo said: " + after.strip() + "; "
                + TestSites.filesDiffer(TestSites.digests(expected), TestSites.digests(built)));
    }

    private static long closes(String trace) {
        return trace.lines().filter(l -> l.contains(" close(")).count();
    }
}
