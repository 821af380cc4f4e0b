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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.tickerpress.pipeline.PublishFaultInjectionTest.child;
import static io.tickerpress.pipeline.PublishFaultInjectionTest.runs;
import static io.tickerpress.pipeline.PublishFaultInjectionTest.sameSite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quick path of title edits ({@link ArticleEdits}) with real processes of the CLI: two builds of one site into one
 * output at once, and builds killed (SIGKILL) at moments spread over their run. After each, the output is a complete
 * site (the old or the new one, as clean builds make them), and the next build gives the clean build's site.
 */
class TitleEditProcessesTest {
    private static final String STORY = "content/articles/2020-05-11-older-10.md";

    @TempDir
    Path dir;

    /** The site a clean build makes of {@code src} (in a copy, with its own cache). */
    private Map<String, byte[]> clean(Path src, String name) throws Exception {
        Path copy = dir.resolve(name + "-src");
        assertTrue(runs("rm", "-rf", copy.toString(), dir.resolve(name).toString()));
        Files.createDirectories(copy);
        assertTrue(runs("cp", "-r", src.resolve("content").toString(), copy.resolve("content").toString()));
        assertEquals(0, child(null, copy, dir.resolve(name), dir.resolve(name + ".log")));
        return TestSites.snapshot(dir.resolve(name));
    }

    /** Gives an article of the site a new title (as an editor saves it). */
    private static void retitle(Path src, String article, String title) throws IOException {
        Path file = src.resolve(article);
        Files.writeString(file, Files.readString(file).replaceFirst("title: \"[^\"]*\"", "title: \"" + title + "\""));
    }

    private static Process start(Path src, Path out, Path log) throws IOException {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData",
                "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "build", "--source", src.toString(), "--output", out.toString(),
                "--now", "2026-06-01T00:00:00Z");
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static int finish(Process p) throws InterruptedException {
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("a build did not finish");
        }
        return p.exitValue();
    }

    @Test
    void twoBuildsAtOnceAfterTitleEditsGiveTheCleanSite() throws Exception {
        Path src = dir.resolve("src");
        Path site = dir.resolve("site");
        OlderStories.builtTwice(dir, src, site);
        List<String> outcomes = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            retitle(src, STORY, "Older Story 10, round " + round);
            Map<String, byte[]> expected = clean(src, "clean-" + round);
            // The same edit built twice at once: one takes the quick path, the other finds a new version published
            // (or finds the output locked and stops); the site is the clean one.
            Process a = start(src, site, dir.resolve("a.log"));
            Process b = start(src, site, dir.resolve("b.log"));
            int ea = finish(a);
            int eb = finish(b);
            String la = Files.readString(dir.resolve("a.log"), StandardCharsets.UTF_8);
            String lb = Files.readString(dir.resolve("b.log"), StandardCharsets.UTF_8);
            // A build that finds the output locked by the other stops at once, saying so (exit 75, as OutputLockTest).
            assertTrue(ea == 0 || ea == 75 && la.contains("being written by another TickerPress build"), "round " + round + ": " + la);
            assertTrue(eb == 0 || eb == 75 && lb.contains("being written by another TickerPress build"), "round " + round + ": " + lb);
            assertTrue(ea == 0 || eb == 0, "round " + round + ": one of them built");
            assertTrue(sameSite(TestSites.snapshot(site), expected), "round " + round + ": two builds at once give the clean site");
            // Then one more title edit, alone: the records the two left are sound.
            retitle(src, "content/articles/2020-05-13-older-12.md", "Older Story 12, round " + round);
            Map<String, byte[]> next = clean(src, "next-" + round);
            assertEquals(0, child(null, src, site, dir.resolve("after.log")));
            String after = Files.readString(dir.resolve("after.log"), StandardCharsets.UTF_8);
            assertTrue(sameSite(TestSites.snapshot(site), next), "round " + round + ": the build after them: " + after);
            outcomes.add("round " + round + ": " + la.lines().filter(l -> l.contains("rendered")).findFirst().orElse("?")
                    + " | " + lb.lines().filter(l -> l.contains("rendered")).findFirst().orElse("?"));
        }
        outcomes.forEach(System.out::println);
    }

    @Test
    void aTitleEditBuildKilledAtAnyMomentLeavesACompleteSiteAndTheNextBuildIsRight() throws Exception {
        Path src = dir.resolve("src");
        Path site = dir.resolve("site");
        OlderStories.builtTwice(dir, src, site);
        // How long a quick title build takes here, to spread the kills over it.
        String text = Files.readString(src.resolve(STORY));
        Files.writeString(src.resolve(STORY), text.replace("Older Story 10", "Older Story 10, timed"));
        long t = System.nanoTime();
        assertEquals(0, child(null, src, site, dir.resolve("timed.log")));
        long millis = (System.nanoTime() - t) / 1_000_000;
        String timed = Files.readString(dir.resolve("timed.log"), StandardCharsets.UTF_8);
        assertTrue(timed.contains("(10 rendered,"), "the title edit takes the quick path: " + timed);
        List<String> outcomes = new ArrayList<>();
        Map<String, byte[]> oldSite = TestSites.snapshot(site);
        // Ten kills spread over the build with TICKERPRESS_FULL_FAULTS=1, else four (at 1/10, 4/10, 7/10, 10/10).
        int step = TracedCalls.FULL ? 1 : 3;
        for (int k = 1; k <= 10; k += step) {
            retitle(src, STORY, "Older Story 10, kill " + k);
            Map<String, byte[]> newSite = clean(src, "clean-" + k);
            long at = millis * k / 10;
            Process p = start(src, site, dir.resolve("killed.log"));
            boolean done = p.waitFor(at, TimeUnit.MILLISECONDS);
            if (!done) p.destroyForcibly();
            int exit = finish(p);
            Map<String, byte[]> after = TestSites.snapshot(site);
            boolean isOld = sameSite(after, oldSite);
            boolean isNew = sameSite(after, newSite);
            assertTrue(isOld || isNew, "killed at " + at + " ms: the output is exactly the old or the new site");
            if (exit == 0) assertTrue(isNew, "a build that finished published the new site");
            String log = Files.readString(dir.resolve("killed.log"), StandardCharsets.UTF_8);
            assertFalse(log.contains("internal error"), log);
            assertEquals(0, child(null, src, site, dir.resolve("next.log")), "the build after the kill succeeds");
            assertTrue(sameSite(TestSites.snapshot(site), newSite), "killed at " + at + " ms: the next build gives the clean site");
            oldSite = newSite;
            outcomes.add("kill at " + at + " ms (exit " + exit + "): " + (isNew ? "new site" : "old site") + ", next build right");
        }
        outcomes.forEach(System.out::println);
    }
}
