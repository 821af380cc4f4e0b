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
 * An article saved while a build runs, between the build's look at the input files (the index its record keeps) and
 * its reading of that article, then saved back to the text the build's index saw (an editor's undo, a checkout).
 * strace holds the build's second open of the file (the first is the index's) for a few seconds while the test
 * saves the other text. Whatever the build under the race does (stop with "changed while the build was reading it",
 * or publish either text), the build after the file is back must give the clean build's site: a build must not
 * record as built a text it did not build, or the next one finds nothing changed and keeps the other text's pages.
 */
class EditDuringBuildTest {
    private static final String STORY = "content/articles/2020-05-11-older-10.md";

    @TempDir
    Path dir;

    @Test
    void aTitleSavedDuringTheQuickPathThenUndoneIsBuiltAsItIs() throws Exception {
        race(text -> text.replace("Older Story 10", "Older Story Saved Before"),
                text -> text.replace("Older Story 10", "Older Story Saved During"));
    }

    @Test
    void aTitleSavedDuringAFullBuildThenUndoneIsBuiltAsItIs() throws Exception {
        // The tags change too: the story moves in the lists, so the build is a full one.
        race(text -> text.replace("Older Story 10", "Older Story Saved Before").replace("tags: [Archive, Even]",
                        "tags: [Archive, Even, Odd]"),
                text -> text.replace("Older Story 10", "Older Story Saved During").replace("tags: [Archive, Even]",
                        "tags: [Archive, Even, Odd]"));
    }

    private void race(java.util.function.UnaryOperator<String> before, java.util.function.UnaryOperator<String> during)
            throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/strace"))
                && runs("strace", "-f", "-o", "/dev/null", "true"), "strace is not installed, or ptrace is not allowed here");
        Path src = dir.resolve("src").toAbsolutePath();
        Path site = dir.resolve("site").toAbsolutePath();
        OlderStories.builtTwice(dir, src, site);
        Path story = src.resolve(STORY);
        String original = Files.readString(story);
        String saved = before.apply(original);
        Files.writeString(story, saved);

        Path trace = dir.resolve("race.trace");
        List<String> cmd = List.of("strace", "-f", "-qq", "-o", trace.toString(), "-P", story.toString(),
                "-e", "trace=openat,close", "-e", "inject=openat:delay_enter=6000000:when=2",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData",
                "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true", "-Dtickerpress.syncDelete=true",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "build",
                "--source", src.toString(), "--output", site.toString(), "--now", "2026-06-01T00:00:00Z");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("race.log").toFile()).start();
        // Once the index has read the file (its first open is closed), the editor saves the other text.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!(Files.isRegularFile(trace) && Files.readString(trace).contains("close(")) && System.nanoTime() < until
                && p.isAlive()) {
            Thread.sleep(20);
        }
        Files.writeString(story, during.apply(original));
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the build under the race finished");
        String raceLog = Files.readString(dir.resolve("race.log"), StandardCharsets.UTF_8);
        String traced = Files.readString(trace);
        Assumptions.assumeTrue(traced.contains("(DELAYED)"), "strace held no second open of the file: " + traced);

        // The editor's undo: the text the build's index saw. Then a build, and a clean build of the same text.
        Files.writeString(story, saved);
        Thread.sleep(10); // another modification time, as an editor's save has
        assertEquals(0, child(null, src, site, dir.resolve("after.log")));
        String after = Files.readString(dir.resolve("after.log"), StandardCharsets.UTF_8);
        Path cleanSrc = dir.resolve("clean-src");
        Files.createDirectories(cleanSrc);
        assertTrue(runs("cp", "-r", src.resolve("content").toString(), cleanSrc.resolve("content").toString()));
        assertEquals(0, child(null, cleanSrc, dir.resolve("clean"), dir.resolve("clean.log")));
        Map<String, byte[]> expected = TestSites.snapshot(dir.resolve("clean"));
        Map<String, byte[]> built = TestSites.snapshot(site);
        long stale = built.values().stream().filter(b -> new String(b, StandardCharsets.UTF_8)
                .contains("Older Story Saved During")).count();
        System.out.println("under the race: " + raceLog.strip() + "\nafter the undo: " + after.strip());
        assertTrue(sameSite(built, expected), "the build under the race said: " + raceLog.strip() + "; the build after the"
                + " undo said: " + after.strip() + "; files that still show the text saved during the race: " + stale);
    }
}
