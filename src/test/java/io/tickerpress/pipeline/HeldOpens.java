package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import io.tickerpress.cli.Main;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.tickerpress.pipeline.PublishFaultInjectionTest.child;
import static io.tickerpress.pipeline.PublishFaultInjectionTest.runs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A CLI build in a child process under strace, every open of one path (a file, or a folder to list) held for
 * {@link #HOLD_MS}:
 * a test changes the input between two of the build's reads of that path. Also the clean build of the same input,
 * which the site left by the race and an undo must equal.
 */
final class HeldOpens {
    /**
     * How long each open of the path is held. The test's change lands within about 50 ms of the build's read (a poll
     * of the trace every 20 ms, then one write); 2 s leaves a wide margin on a loaded machine. A change that still
     * came late would only move it out of the window: the site must equal the clean build's either way.
     */
    static final int HOLD_MS = 2000;

    private final Process build;
    private final Path trace;
    private final Path log;

    private HeldOpens(Process build, Path trace, Path log) {
        this.build = build;
        this.trace = trace;
        this.log = log;
    }

    /** Skips the test where strace is missing or may not trace. */
    static void assumeStrace() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/strace"))
                && runs("strace", "-f", "-o", "/dev/null", "true"), "strace is not installed, or ptrace is not allowed here");
    }

    /** Starts {@code tickerpress build} of {@code src} into {@code site}, opens of {@code held} held; trace and log in {@code run}. */
    static HeldOpens start(Path run, Path held, Path src, Path site) throws IOException {
        Path trace = run.resolve("race.trace");
        Path log = run.resolve("race.log");
        List<String> cmd = List.of("strace", "-f", "-qq", "-o", trace.toString(), "-P", held.toString(),
                "-e", "trace=openat,close", "-e", "inject=openat:delay_enter=" + HOLD_MS * 1000,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData",
                "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true", "-Dtickerpress.syncDelete=true",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "build",
                "--source", src.toString(), "--output", site.toString(), "--now", "2026-06-01T00:00:00Z");
        return new HeldOpens(new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start(), trace, log);
    }

    /** Waits until the build has closed the path {@code n} times (it read it n times), or has ended, or 120 s. */
    void awaitReads(long n) throws IOException, InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!(Files.isRegularFile(trace) && reads() >= n) && System.nanoTime() < until && build.isAlive()) {
            Thread.sleep(20);
        }
    }

    /** Waits for the build to end; what it printed. */
    String finish() throws IOException, InterruptedException {
        assertTrue(build.waitFor(180, TimeUnit.SECONDS), "the build under the race finished");
        return Files.readString(log, StandardCharsets.UTF_8).strip();
    }

    /** How many times the build has closed the path so far. */
    long reads() throws IOException {
        return Files.readString(trace).lines().filter(l -> l.contains(" close(")).count();
    }

    /** The whole trace, for a message. */
    String traced() throws IOException {
        return Files.readString(trace);
    }

    /**
     * The site a clean build makes of these folders of {@code src} (copied to {@code run/clean-src}, built into
     * {@code run/clean}), file by file.
     */
    static Map<String, byte[]> cleanBuild(Path run, Path src, String... folders) throws IOException, InterruptedException {
        Path cleanSrc = run.resolve("clean-src");
        Files.createDirectories(cleanSrc);
        for (String folder : folders) {
            if (Files.isDirectory(src.resolve(folder))) {
                assertTrue(runs("cp", "-r", src.resolve(folder).toString(), cleanSrc.resolve(folder).toString()));
            }
        }
        assertEquals(0, child(null, cleanSrc, run.resolve("clean"), run.resolve("clean.log")));
        return TestSites.snapshot(run.resolve("clean"));
    }
}
