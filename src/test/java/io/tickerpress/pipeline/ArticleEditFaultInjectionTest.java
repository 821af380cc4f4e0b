package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import io.tickerpress.cli.Main;
import io.tickerpress.pipeline.PublishFaultInjectionTest.Fault;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.tickerpress.pipeline.PublishFaultInjectionTest.child;
import static io.tickerpress.pipeline.PublishFaultInjectionTest.runs;
import static io.tickerpress.pipeline.PublishFaultInjectionTest.sameSite;
import static io.tickerpress.pipeline.TracedCalls.FULL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quick path of a body edit ({@link ArticleEdits}) under real faults, as {@link PublishFaultInjectionTest}
 * injects them (strace). After each, the output is exactly the old site or exactly the new one (the new one as a
 * clean build makes it), the next build publishes the new site, and the build after it, of another edit, is right.
 *
 * <p>The points, numbered per thread (see {@link TracedCalls}), each with error=EIO and with signal=KILL unless
 * said otherwise:
 * <ul>
 * <li>rename: each of the publishing thread's renames up to the swap of the output link (taking over the older
 * version folder, the new version's record, the swap), signal=KILL only, then the first and the last of those
 * after it (the page manifest and the other records, written once the site is out);</li>
 * <li>symlink: the new output link, signal=KILL only;</li>
 * <li>link (the quick path's carried-over files, hard-linked by the worker threads) and unlink (the reused folder's
 * marker and stale files, the records the build replaces): the first call, and a late call that every run reaches
 * with signal=KILL only (an error there takes the same path as at the first call).</li>
 * </ul>
 * Up to the swap the calls are the publish step every build shares ({@code StagingFolder}, {@code SiteVersions}):
 * what the quick path adds there is the state of its records (removed before the version's record is written),
 * which a kill leaves behind just as an error does; the error path itself is PublishFaultInjectionTest's, with EIO
 * and ENOSPC at each of those calls.
 * With TICKERPRESS_FULL_FAULTS=1 also EIO at each of them, every rename in between, and of link and unlink the late
 * call with EIO and a call half-way with KILL: 24 points. (Every call of link and unlink, as
 * PublishFaultInjectionTest's full matrix has it, would be some 800 points of three builds each here: hours.)
 */
class ArticleEditFaultInjectionTest {
    private static final String ARTICLE = "content/articles/2026-01-12-week-ahead-banks-cpi.md";

    private static final List<String> ACTIONS = List.of("error=EIO", "signal=KILL");

    @TempDir
    Path dir;

    @Test
    void aFaultInTheQuickPathLeavesTheOldOrTheNewSiteAndTheNextBuildIsRight() throws Exception {
        matrix(ARTICLE, src -> { }, List.of(original -> original + "\nA line that only the first version has.\n",
                original -> original + "\nA line the edit adds.\n",
                original -> original + "\nA line the edit adds.\nAnd one more.\n"), "(1 rendered,", true);
    }

    /**
     * The same for a title edit of an older story (the quick path of titles: its page, its neighbours', the list
     * pages that show it, and the search index patched from its memo, with the order record's faces replaced).
     * 60 older stories, one a day from May 1, 2020, tagged Archive (and the even ones Even): story 10 is in no
     * feed, and its title shows on 10 pages (as {@code IncrementalEqualsCleanTest#titleEditsRenderOnlyThePagesThatShowTheStory}
     * works out). By default only the points after the swap of the output link (the records this path writes
     * apart from the body path's); the steps up to the swap are the body matrix's, and run here too with
     * TICKERPRESS_FULL_FAULTS=1.
     */
    @Test
    void aFaultInTheQuickPathOfATitleEditLeavesTheOldOrTheNewSiteAndTheNextBuildIsRight() throws Exception {
        matrix("content/articles/2020-05-11-older-10.md", OlderStories::write, List.of(original -> original.replace("Older Story 10", "Older Story 10 (first version)"),
                original -> original.replace("Older Story 10", "Older Story Ten"),
                original -> original.replace("Older Story 10", "Older Story Ten Again")), "(10 rendered,", false);
    }

    /**
     * Builds the site three times (the first with {@code texts.get(0)} as the article, then its original text), makes
     * the edit {@code texts.get(1)}, which the quick path builds ({@code quick} in its log), and injects each fault
     * into that build; {@code texts.get(2)} is a later edit.
     */
    private void matrix(String edited, java.util.function.Consumer<Path> content,
                        List<java.util.function.UnaryOperator<String>> texts, String quick, boolean shared)
            throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/strace"))
                && runs("strace", "-f", "-o", "/dev/null", "true"), "strace is not installed, or ptrace is not allowed here");
        Path work = dir.resolve("work");
        Path fixture = dir.resolve("fixture");
        Path src = work.resolve("src");
        Path site = work.resolve("site");
        Files.createDirectories(src);
        assertTrue(runs("cp", "-r", TestSites.SAMPLE.resolve("content").toString(), src.resolve("content").toString()));
        content.accept(src);
        Path article = src.resolve(edited);
        String original = Files.readString(article);
        // Two versions, the first with one article different: the build under faults reuses the first's folder.
        Files.writeString(article, texts.get(0).apply(original));
        assertEquals(0, child(null, src, site, dir.resolve("first.log")));
        Files.writeString(article, original);
        assertEquals(0, child(null, src, site, dir.resolve("second.log")));
        assertEquals(0, child(null, src, site, dir.resolve("third.log"))); // charts now linked from the cache
        Map<String, byte[]> oldSite = TestSites.snapshot(site);
        Files.writeString(article, texts.get(1).apply(original));
        // The new site as a clean build makes it, elsewhere.
        Path expected = dir.resolve("expected");
        assertTrue(runs("cp", "-r", src.toString(), dir.resolve("expected-src").toString()));
        assertEquals(0, child(null, dir.resolve("expected-src"), expected, dir.resolve("expected.log")));
        Map<String, byte[]> newSite = TestSites.snapshot(expected);
        assertFalse(sameSite(oldSite, newSite), "the edit changes the site");
        // The site after a second edit, as a clean build makes it: what the build after each fault's recovery makes.
        String secondEdit = texts.get(2).apply(original);
        Files.writeString(dir.resolve("expected-src").resolve(edited), secondEdit);
        Path again = dir.resolve("again");
        assertEquals(0, child(null, dir.resolve("expected-src"), again, dir.resolve("again.log")));
        Map<String, byte[]> againSite = TestSites.snapshot(again);
        assertTrue(runs("cp", "-a", work.toString(), fixture.toString()));

        // One build without faults: it takes the quick path, and how often each thread calls each syscall.
        Path trace = dir.resolve("count.trace");
        // Folders made and removed are PublishFaultInjectionTest's matrix; this one is about the quick path's own calls.
        List<String> syscalls = List.of("rename", "symlink", "link", "unlink");
        assertEquals(0, child(TracedCalls.strace(trace, syscalls), src, site, dir.resolve("count.log")));
        String counted = Files.readString(dir.resolve("count.log"), StandardCharsets.UTF_8);
        assertTrue(counted.contains(quick), "the edit takes the quick path: " + counted);
        Map<String, byte[]> published = TestSites.snapshot(site);
        assertTrue(sameSite(published, newSite), "the quick path publishes the new site: "
                + TestSites.filesDiffer(TestSites.digests(newSite), TestSites.digests(published)) + "; its log: " + counted);
        TracedCalls calls = TracedCalls.read(trace, syscalls);
        assertTrue(calls.inThreadOf("symlink", "symlink").size() == 1 && !calls.inThreadOf("symlink", "rename").isEmpty(),
                "publishes: " + calls.totals());

        List<Fault> faults = new ArrayList<>();
        int swap = calls.swapRename(site);
        for (int n : calls.publishRenames(site, FULL)) {
            for (String action : ACTIONS) {
                // Without {@code shared}, only the records written after the swap (what this edit's path writes
                // apart from the body path's, whose matrix has the steps up to the swap).
                if (FULL || n > swap || (shared && action.equals("signal=KILL"))) faults.add(new Fault("rename", action, n));
            }
        }
        for (String action : ACTIONS) {
            if (FULL || (shared && action.equals("signal=KILL"))) faults.add(new Fault("symlink", action, 1));
        }
        for (String syscall : List.of("link", "unlink")) {
            if (!FULL && !shared) continue;
            if (calls.mostInOneThread(syscall) == 0) continue;
            int late = calls.lateReachedByEveryRun(syscall);
            for (String action : ACTIONS) faults.add(new Fault(syscall, action, 1));
            if (late > 1) faults.add(new Fault(syscall, "signal=KILL", late));
            if (FULL && late > 2) faults.add(new Fault(syscall, "signal=KILL", late / 2));
            if (FULL && late > 1) faults.add(new Fault(syscall, "error=EIO", late));
        }
        List<String> outcomes = new ArrayList<>();
        for (Fault fault : faults) {
            assertTrue(runs("rm", "-rf", work.toString()));
            assertTrue(runs("cp", "-a", fixture.toString(), work.toString()));
            assertTrue(sameSite(TestSites.snapshot(site), oldSite), fault + ": the fixture is restored");
            Path log = dir.resolve("fault.log");
            Path faultTrace = dir.resolve("fault.trace");
            int exit = child(TracedCalls.strace(faultTrace, List.of(fault.syscall()), fault.inject()), src, site, log);
            String text = Files.readString(log, StandardCharsets.UTF_8);
            String traced = Files.readString(faultTrace, StandardCharsets.UTF_8);
            assertTrue(traced.contains("(INJECTED)") || traced.contains("killed by SIGKILL"), fault + ": the point is reached: " + traced);
            assertFalse(text.contains("internal error"), fault + ": a fault is not a bug: " + text);
            assertTrue(exit == 0 || exit == Main.EXIT_IO || exit == 137, fault + ": exit " + exit + ": " + text);
            Map<String, byte[]> after = TestSites.snapshot(site);
            boolean isOld = sameSite(after, oldSite);
            boolean isNew = sameSite(after, newSite);
            assertTrue(isOld || isNew, fault + ": the output is exactly the old or the new site");
            if (exit == 0) assertTrue(isNew, fault + ": a build that reports success published the new site");
            assertEquals(0, child(null, src, site, dir.resolve("next.log")), fault + ": the next build succeeds");
            assertTrue(sameSite(TestSites.snapshot(site), newSite), fault + ": the next build publishes the new site");
            // And the build after that one, with another body edit, is right too (the records the faulted build
            // left are sound or gone).
            Files.writeString(src.resolve(edited), secondEdit);
            assertEquals(0, child(null, src, site, dir.resolve("after.log")));
            assertTrue(sameSite(TestSites.snapshot(site), againSite), fault + ": a later edit is built right");
            outcomes.add(fault + " -> exit " + exit + ", " + (isOld ? "old site" : "new site") + "; next builds right");
        }
        System.out.println("quick-path fault matrix" + (FULL ? " (full)" : "") + ", calls per build " + calls.totals()
                + ", most in one thread " + calls.mostInOneThread() + " (" + faults.size() + " points):");
        outcomes.forEach(o -> System.out.println("  " + o));
    }
}
