package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import io.tickerpress.cli.Main;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
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
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.tickerpress.pipeline.TracedCalls.FULL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Publishing under real faults: a child build runs under {@code strace -f -e inject=SYSCALL:...:when=N}, which
 * makes the N-th call of a file-system syscall fail (EIO, ENOSPC) or kills the process (SIGKILL) at it. After
 * every fault the output must be exactly the old site or exactly the new one, never missing or mixed, and the
 * next build (without faults) must succeed, publish the new site and leave no leftovers.
 *
 * <p>Each point starts from the same state (a copy of a built fixture, restored at the same absolute path so
 * the page manifest still fits and pages are carried over as hard links).
 */
class PublishFaultInjectionTest {
    @TempDir
    static Path dir;
    static Path fixture;
    static Path work;
    static Map<String, byte[]> oldSite;
    static Map<String, byte[]> newSite;

    @BeforeAll
    static void fixture() throws Exception {
        boolean ci = System.getenv("CI") != null;
        boolean strace = Files.isExecutable(Path.of("/usr/bin/strace")) && runs("strace", "-f", "-o", "/dev/null", "true");
        if (ci) {
            assertTrue(strace, "CI must run the fault-injection tests: install strace (.ci/run does)");
        }
        Assumptions.assumeTrue(strace, "strace is not installed, or ptrace is not allowed here");
        work = dir.resolve("work");
        fixture = dir.resolve("fixture");
        // The new site, built in a place of its own from the edited source: what a successful build publishes.
        Path editedSrc = copySample(dir.resolve("edited-src"));
        edit(editedSrc);
        assertEquals(0, child(null, editedSrc, dir.resolve("expected"), dir.resolve("expected.log")));
        newSite = TestSites.snapshot(dir.resolve("expected"));
        // The old site, published into work/, then the source edited: every fault run starts from a copy of this.
        // It is the second version, built on a first that had one article different: the build under faults
        // brings that first version's folder up to date (see SiteVersions#reuse), as every build after the second
        // does. The output from before versions is the other matrix.
        Path src = copySample(work.resolve("src"));
        Path article = firstArticle(src);
        String original = Files.readString(article);
        Files.writeString(article, original + "\nA line that only the first version has.\n");
        assertEquals(0, child(null, src, work.resolve("site"), dir.resolve("first.log")));
        Files.writeString(article, original);
        assertEquals(0, child(null, src, work.resolve("site"), dir.resolve("second.log")));
        assertEquals(Set.of(".lock", "v1", "v1.files", "v2", "v2.files"), names(work.resolve(".site.versions")),
                "the fixture has a version to reuse");
        oldSite = TestSites.snapshot(work.resolve("site"));
        edit(src);
        assertNotEquals(oldSite.keySet().size(), 0);
        assertFalse(sameSite(oldSite, newSite), "the edit changes the site");
        assertTrue(runs("cp", "-a", work.toString(), fixture.toString()));
    }

    private static Path copySample(Path to) throws IOException {
        Files.createDirectories(to);
        assertTrue(runs("cp", "-r", TestSites.SAMPLE.resolve("content").toString(), to.resolve("content").toString()));
        return to;
    }

    private static Path firstArticle(Path src) throws IOException {
        try (Stream<Path> s = Files.list(src.resolve("content/articles"))) {
            return s.filter(p -> p.toString().endsWith(".md")).sorted().findFirst().orElseThrow();
        }
    }

    /** An edit that changes every page (the site title) and one article. */
    private static void edit(Path src) throws IOException {
        Path yaml = src.resolve("content/site.yaml");
        String text = Files.readString(yaml);
        String edited = text.replaceFirst("(?m)^title: .*$", "title: The Edited Ledger");
        assertNotEquals(text, edited);
        Files.writeString(yaml, edited);
    }

    /** One fault: what strace injects, at which call. */
    record Fault(String syscall, String action, int when) {
        String inject() {
            return "inject=" + syscall + ":" + action + ":when=" + when;
        }

        @Override
        public String toString() {
            return syscall + " #" + when + " " + action;
        }
    }

    /**
     * The points, numbered per thread (see {@link TracedCalls}). By default one case per step that can fail and
     * per way of failing (an error the build must handle, a kill the next build must recover from):
     * <ul>
     * <li>rename: each rename of the publishing thread up to the one that swaps the output link in (taking over
     * the old version folder, writing the new version's record, the swap), then the first and the last of the
     * renames that write the build's records after publishing; each with error=EIO and signal=KILL;</li>
     * <li>symlink (the new output link): each call, error=EIO and signal=KILL;</li>
     * <li>link (carried-over pages hard-linked into the version), mkdir (folders), unlink (the version's old files,
     * its record and marker), rmdir: the first call (in every thread: the publishing thread's first and each
     * worker's) with an error (ENOSPC for mkdir, EIO for the rest) and with signal=KILL, and a late call that every
     * run reaches ({@link TracedCalls#lateReachedByEveryRun}) with signal=KILL (an error there takes the same path as
     * at the first call).</li>
     * </ul>
     * With TICKERPRESS_FULL_FAULTS=1: every rename and symlink with EIO, ENOSPC and KILL, and every call number a
     * thread reaches of the other four with an error and with KILL.
     */
    @Test
    void everyRenameAndLinkOfThePublishStepFailingOrKilledLeavesOldOrNewSite() throws Exception {
        TracedCalls calls = countCalls("rename", "symlink", "link", "mkdir", "unlink", "rmdir");
        List<String> renames = calls.inThreadOf("symlink", "rename");
        assertTrue(renames.size() >= 1 && calls.inThreadOf("symlink", "symlink").size() == 1,
                "the publish step is a link and a rename: " + calls.totals());
        List<String> publishActions = FULL ? List.of("error=EIO", "error=ENOSPC", "signal=KILL") : List.of("error=EIO", "signal=KILL");
        List<Fault> faults = new ArrayList<>();
        for (int n : calls.publishRenames(work.resolve("site"), FULL)) {
            for (String action : publishActions) faults.add(new Fault("rename", action, n));
        }
        for (int n = 1; n <= calls.inThreadOf("symlink", "symlink").size(); n++) {
            for (String action : publishActions) faults.add(new Fault("symlink", action, n));
        }
        for (String syscall : List.of("link", "mkdir", "unlink", "rmdir")) {
            String error = syscall.equals("mkdir") ? "error=ENOSPC" : "error=EIO";
            int most = calls.mostInOneThread(syscall);
            if (most == 0) continue;
            faults.add(new Fault(syscall, error, 1));
            faults.add(new Fault(syscall, "signal=KILL", 1));
            int late = calls.lateReachedByEveryRun(syscall);
            if (late > 1 && !FULL) faults.add(new Fault(syscall, "signal=KILL", late));
            if (FULL) {
                for (int n = 2; n <= most; n++) {
                    faults.add(new Fault(syscall, error, n));
                    faults.add(new Fault(syscall, "signal=KILL", n));
                }
            }
        }
        report("fault-injection matrix" + (FULL ? " (full)" : "") + ", calls per build " + calls.totals()
                + ", most in one thread " + calls.mostInOneThread(), faults, false);
    }

    @Test
    void anOutputFolderFromBeforeVersionsIsMovedAsideSafely() throws Exception {
        // The output as TickerPress wrote it before versions: a plain folder. Publishing moves it into the
        // versions folder (rename 1) and swaps the link in (symlink, rename 2). A kill between the two renames is
        // the one moment without an output: the next build puts it back first thing.
        List<Fault> faults = new ArrayList<>();
        for (String action : List.of("error=EIO", "signal=KILL")) {
            faults.add(new Fault("rename", action, 1));
            faults.add(new Fault("symlink", action, 1));
            faults.add(new Fault("rename", action, 2));
        }
        report("fault-injection matrix, output folder from before versions", faults, true);
    }

    private void report(String title, List<Fault> faults, boolean legacy) throws Exception {
        List<String> outcomes = new ArrayList<>();
        for (Fault fault : faults) {
            outcomes.add(fault + " -> " + runFault(fault, legacy));
        }
        System.out.println(title + " (" + faults.size() + " points):");
        outcomes.forEach(o -> System.out.println("  " + o));
    }

    /**
     * Runs one fault from the fixture, checks the output, then checks that a normal build recovers. What "the old
     * site" is comes from the output itself, read just before the faulted build: its files and bytes (walked
     * through the link) and the version folder it names; never from the records the builds keep.
     */
    private String runFault(Fault fault, boolean legacy) throws Exception {
        restore();
        Path site = work.resolve("site");
        if (legacy) {
            Path version = site.toRealPath();
            Files.delete(site);
            assertTrue(runs("cp", "-a", version.toString(), site.toString()));
            assertTrue(runs("rm", "-rf", work.resolve(".site.versions").toString()));
        }
        Map<String, byte[]> published = TestSites.snapshot(site);
        assertTrue(sameSite(published, oldSite), fault + ": the fixture is restored");
        String beforeFault = versionNamed(site);
        Path log = dir.resolve("fault.log");
        Path trace = dir.resolve("fault.trace");
        int exit = child(TracedCalls.strace(trace, List.of(fault.syscall()), fault.inject()), work.resolve("src"), site, log);
        String text = Files.readString(log, StandardCharsets.UTF_8);
        String traced = Files.readString(trace, StandardCharsets.UTF_8);
        boolean fired = traced.contains("(INJECTED)") || traced.contains("killed by SIGKILL");
        assertFalse(text.contains("internal error"), fault + ": a fault is not a bug: " + text);
        assertTrue(exit == 0 || exit == Main.EXIT_IO || exit == 137, fault + ": exit " + exit + ": " + text);
        if (!FULL || fault.syscall().equals("rename") || fault.syscall().equals("symlink")) {
            // The full matrix names every call number some thread reached once; another run may stop short of it.
            assertTrue(fired, fault + ": the point is reached: " + traced);
        }
        String state;
        if (!Files.exists(site)) {
            // Only a kill between moving the old folder aside and swapping the link in may leave no output.
            assertTrue(legacy && fault.equals(new Fault("rename", "signal=KILL", 2)), fault + ": the output exists");
            state = "no output until the next build";
        } else {
            Map<String, byte[]> after = TestSites.snapshot(site);
            boolean isOld = sameSite(after, published);
            boolean isNew = sameSite(after, newSite);
            assertTrue(isOld || isNew, fault + ": the output is exactly the old or the new site");
            if (exit == 0) assertTrue(isNew, fault + ": a build that reports success published the new site");
            state = isOld ? "old site" : "new site";
        }
        if (exit == Main.EXIT_IO) assertTrue(text.contains("error: "), fault + ": says what failed: " + text);

        // The next build, without faults, publishes the new site and removes every leftover: what stays is the
        // published version, the one it replaced (kept until the build after, README "Safety of the output
        // folder") and the lock.
        String beforeNext = Files.exists(site) ? versionNamed(site)
                : newestComplete(work.resolve(".site.versions")).orElse(null); // what recovery points at
        int next = child(null, work.resolve("src"), site, dir.resolve("next.log"));
        assertEquals(0, next, fault + ": the next build succeeds: " + Files.readString(dir.resolve("next.log")));
        assertTrue(sameSite(TestSites.snapshot(site), newSite), fault + ": the next build publishes the new site");
        String now = versionNamed(site);
        // The version it replaced: the one the output named before the next build, or, when the next build found
        // nothing to do (the faulted build had published the new site already), the one it named before the fault.
        String replaced = now.equals(beforeNext) ? beforeFault : beforeNext;
        Set<String> expected = new java.util.HashSet<>(Set.of(".lock", now));
        // An output folder from before versions, moved aside by a faulted build that still published (a failed
        // cache write is only a cache), has no record of its files: never a base to bring up to date, it goes as a
        // leftover with the next build, also one that finds nothing changed.
        boolean legacyLeftover = legacy && exit == 0 && now.equals(beforeNext);
        if (replaced != null && !legacyLeftover) expected.add(replaced);
        assertEquals(expected, versionsOf(work.resolve(".site.versions")), fault + ": only the published version and the one before are left");
        assertTrue(Files.isRegularFile(work.resolve(".site.versions").resolve(site.toRealPath().getFileName() + ".files")),
                fault + ": the published version has its record");
        assertEquals(Set.of(".site.versions", "site", "src"), names(work), fault + ": nothing else beside the output");
        return (fired ? "" : "(not reached) ") + "exit " + exit + ", " + state + "; next build: new site, no leftovers";
    }

    /** The calls of each syscall in one build from the fixture, thread by thread, read from strace's trace. */
    private static TracedCalls countCalls(String... syscalls) throws Exception {
        restore();
        Path trace = dir.resolve("trace.txt");
        int exit = child(TracedCalls.strace(trace, List.of(syscalls)), work.resolve("src"), work.resolve("site"), dir.resolve("count.log"));
        assertEquals(0, exit, Files.readString(dir.resolve("count.log")));
        return TracedCalls.read(trace, List.of(syscalls));
    }

    private static void restore() throws IOException {
        assertTrue(runs("rm", "-rf", work.toString()));
        assertTrue(runs("cp", "-a", fixture.toString(), work.toString()));
    }

    static int child(List<String> prefix, Path src, Path out, Path log) throws IOException, InterruptedException {
        return child(prefix, List.of(), List.of(), src, out, log);
    }

    /** A build in a child process, with more JVM options (system properties) and more build options. */
    static int child(List<String> prefix, List<String> jvmOptions, List<String> buildOptions, Path src, Path out,
                     Path log) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (prefix != null) cmd.addAll(prefix);
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData",
                "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true", "-Dtickerpress.syncDelete=true"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "build",
                "--source", src.toString(), "--output", out.toString(), "--now", "2026-06-01T00:00:00Z"));
        cmd.addAll(buildOptions);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("build did not finish: " + cmd);
        }
        return p.exitValue();
    }

    static boolean runs(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static boolean sameSite(Map<String, byte[]> a, Map<String, byte[]> b) {
        return a.keySet().equals(b.keySet()) && a.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), b.get(e.getKey())));
    }

    /**
     * The version folder the output names: the target of its link, or {@code v0} for a plain folder (from before
     * versions), which is where publishing moves such a folder as it replaces it.
     */
    static String versionNamed(Path site) throws IOException {
        if (Files.isDirectory(site, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return "v0";
        return Files.readSymbolicLink(site).getFileName().toString();
    }

    /** The highest-numbered version holding the marker that a complete build writes last. */
    private static java.util.Optional<String> newestComplete(Path versions) throws IOException {
        return names(versions).stream().filter(n -> n.matches("v\\d+"))
                .filter(n -> Files.isRegularFile(versions.resolve(n).resolve(".tickerpress-site")))
                .max(java.util.Comparator.comparingLong(n -> Long.parseLong(n.substring(1))));
    }

    /** The versions folder's entries, a version's record ({@code vN.files}) counted as part of its version. */
    private static Set<String> versionsOf(Path folder) throws IOException {
        return names(folder).stream().map(n -> n.endsWith(".files") ? n.substring(0, n.length() - ".files".length()) : n)
                .collect(Collectors.toSet());
    }

    static Set<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
