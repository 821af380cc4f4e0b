package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.tickerpress.pipeline.PublishFaultInjectionTest.child;
import static io.tickerpress.pipeline.PublishFaultInjectionTest.sameSite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An input file removed or added while a build runs, between the build's index of the input files (the record it
 * keeps) and its listing of the folder, then put back as it was (an editor's undo, a checkout): the build after the
 * undo must give the clean build's site. strace holds each open of the folder (2 s, {@link HeldOpens#HOLD_MS}); once the index has read it
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
        HeldOpens.assumeStrace();
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

        HeldOpens race = HeldOpens.start(run, src.resolve(folder), src, site);
        race.awaitReads(1);
        Thread.sleep(HeldOpens.HOLD_MS / 2); // the index's stat of each file listed is done; the build's own listing is held
        if (present) Files.delete(target);
        else Files.write(target, original);
        String raceLog = race.finish();
        Assumptions.assumeTrue(race.reads() >= 2, "the build listed the folder fewer than 2 times: " + race.traced());

        // The undo: the file back as it was (or gone again). Then a build, and a clean build of the same input.
        if (present) Files.write(target, original);
        else Files.delete(target);
        assertEquals(0, child(null, src, site, run.resolve("after.log")));
        String after = Files.readString(run.resolve("after.log"), StandardCharsets.UTF_8);
        Map<String, byte[]> expected = HeldOpens.cleanBuild(run, src, "content");
        Map<String, byte[]> built = TestSites.snapshot(site);
        System.out.println(file + " " + name + " during the build; under the race: " + raceLog
                + "\nafter the undo: " + after.strip());
        assertTrue(sameSite(built, expected), file + " " + name + " during the build: the build under the race said: "
                + raceLog + "; the build after the undo said: " + after.strip() + "; "
                + TestSites.filesDiffer(TestSites.digests(expected), TestSites.digests(built)));
    }
}
