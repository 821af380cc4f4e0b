package io.tickerpress;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The launcher's class-data-sharing archive (README, "Start-up"): the first build makes it beside the jar, later
 * runs load their classes from it, and nothing about it can break a run: a deleted, cut or garbage archive, one
 * made by another Java, or a folder the launcher cannot write. Runs the real launcher script on a copy of the jar,
 * in a folder of its own, so that the project's own target/ is left alone. Runs in {@code mvn verify}, after
 * packaging.
 */
class LauncherCdsIT {
    private static final Path JAR = Path.of("target/tickerpress.jar");
    private static final Path JDK17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");
    private static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
    private Path home;
    private Path site;

    @BeforeEach
    void layOut() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "no " + JAR + ": run mvn package (mvn verify runs this test after it)");
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        // Not under a JUnit @TempDir (mode 700): the read-only case runs the launcher as another user.
        home = Files.createTempDirectory("launcher-cds");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.copy(Path.of("tickerpress"), home.resolve("tickerpress"));
        Files.createDirectories(home.resolve("target"));
        Files.copy(JAR, home.resolve("target/tickerpress.jar"));
        site = TestSites.site(home.resolve("site"), Map.of("content/articles/a.md",
                TestSites.article("Rates hold", "2026-01-20T06:00:00-05:00", "", "The *Fed* held rates.")));
    }

    @AfterEach
    void remove() throws IOException {
        if (home == null) return;
        try (Stream<Path> walk = Files.walk(home)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.deleteIfExists(p);
            }
        }
    }

    private record Run(int exit, String output) {
    }

    private Run launch(Map<String, String> env, String... command) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(home.resolve("tickerpress").toString());
        cmd.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true);
        pb.environment().remove("TICKERPRESS_JAVA_OPTS");
        pb.environment().remove("TICKERPRESS_CDS");
        pb.environment().remove("TICKERPRESS_JAVA");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "finished");
        return new Run(p.exitValue(), out);
    }

    private Run build(Map<String, String> env) throws Exception {
        return launch(env, "build", "--source", site.toString(), "--output", site.resolve("out").toString(),
                "--now", "2026-06-01T00:00:00Z");
    }

    private Path archive() {
        return home.resolve("target/tickerpress.jsa");
    }

    private void assertBuilt(Run run) {
        assertEquals(0, run.exit(), run.output());
        // A build, or the check that finds the last build's site up to date (both exit 0 with the site there).
        assertTrue(run.output().contains("Built ") || run.output().contains("Nothing changed since the last build"),
                run.output());
        assertFalse(run.output().contains("cds"), "no class-sharing message reaches the user: " + run.output());
        assertTrue(Files.isRegularFile(site.resolve("out/index.html")));
    }

    /** Loads a class through a run with class loading logged: where the JVM says it came from. */
    private String sourceOfMainClass() throws Exception {
        Path log = home.resolve("classes.log");
        Run run = build(Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + log));
        assertEquals(0, run.exit(), run.output());
        String line = Files.readAllLines(log).stream().filter(l -> l.contains(" io.tickerpress.cli.Main "))
                .findFirst().orElseThrow();
        return line;
    }

    @Test
    void theFirstBuildMakesTheArchiveAndLaterRunsLoadClassesFromIt() throws Exception {
        Run version = launch(Map.of(), "--version");
        assertEquals(0, version.exit(), version.output());
        assertFalse(Files.exists(archive()), "--version alone loads too few classes to be worth an archive");

        assertBuilt(build(Map.of()));
        assertTrue(Files.size(archive()) > 1_000_000, "the first build leaves the archive beside the jar");
        try (Stream<Path> files = Files.list(home.resolve("target"))) {
            // tickerpress.jar.id: the generator's id, remembered for the jar by the build itself
            assertEquals(List.of("tickerpress.jar", "tickerpress.jar.id", "tickerpress.jsa", "tickerpress.jsa.ok"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "and no temporary file");
        }
        long made = Files.getLastModifiedTime(archive()).toMillis();
        assertTrue(sourceOfMainClass().contains("shared objects file"), "the next run maps the archive");
        assertEquals(made, Files.getLastModifiedTime(archive()).toMillis(), "and leaves it as it was");
    }

    @Test
    void theExitCodeOfTheRunThatMakesTheArchiveIsTheCommands() throws Exception {
        Files.writeString(site.resolve("content/articles/bad.md"), "---\ntitle: No date\n---\nText.\n");
        Run run = build(Map.of());
        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("bad.md"), run.output());
    }

    @Test
    void aDeletedCutOrGarbageArchiveNeverBreaksARun() throws Exception {
        assertBuilt(build(Map.of()));
        Files.delete(archive());
        assertBuilt(build(Map.of()));
        assertTrue(Files.exists(archive()), "a deleted archive is made again");

        // Cut short (as a full disk or a killed copy would leave it): a JVM that maps it crashes, so it must not be used.
        long size = Files.size(archive());
        archive().toFile().setWritable(true);
        try (var channel = java.nio.channels.FileChannel.open(archive(), java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(size / 3);
        }
        assertBuilt(build(Map.of()));
        assertTrue(Files.size(archive()) > size / 3, "a cut archive is made again");

        // Garbage of the recorded size: the JVM rejects it by its header, and the run goes on without it.
        byte[] garbage = new byte[(int) Files.size(archive())];
        new java.util.Random(1).nextBytes(garbage);
        archive().toFile().setWritable(true);
        Files.write(archive(), garbage);
        assertBuilt(build(Map.of()));
    }

    @Test
    void anArchiveOfAnotherJavaIsMadeAgainForThisOne() throws Exception {
        assumeTrue(Files.isExecutable(JDK17) && Files.isExecutable(JDK25), "needs two Javas (" + JDK17 + ", " + JDK25 + ")");
        Map<String, String> one = Map.of("TICKERPRESS_JAVA", JDK17.toString());
        Map<String, String> other = Map.of("TICKERPRESS_JAVA", JDK25.toString());
        assertBuilt(build(one));
        String ours = Files.readString(home.resolve("target/tickerpress.jsa.ok"));
        assertTrue(ours.contains(JDK17.toRealPath().toString()), ours);
        assertBuilt(build(other));
        String theirs = Files.readString(home.resolve("target/tickerpress.jsa.ok"));
        assertTrue(theirs.contains(JDK25.toRealPath().toString()), theirs);
        assertBuilt(build(other));
        assertBuilt(build(one));
        assertEquals(ours.split(" ")[1], Files.readString(home.resolve("target/tickerpress.jsa.ok")).split(" ")[1]);
    }

    @Test
    void aFolderTheLauncherCannotWriteLeavesRunsWithoutAnArchive() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/runuser")) && "root".equals(System.getProperty("user.name")),
                "needs root and runuser, to run the launcher as a user who cannot write target/");
        Path out = Files.createDirectories(home.resolve("out"));
        new ProcessBuilder("chmod", "-R", "a+rX", home.toString()).start().waitFor();
        new ProcessBuilder("chown", "nobody", out.toString(), site.toString()).start().waitFor();
        Files.setPosixFilePermissions(home.resolve("target"), PosixFilePermissions.fromString("r-xr-xr-x"));
        Process p = new ProcessBuilder("runuser", "-u", "nobody", "--", home.resolve("tickerpress").toString(), "build",
                "--source", site.toString(), "--output", out.resolve("site").toString(), "--now", "2026-06-01T00:00:00Z")
                .directory(home.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        assertTrue(Files.isRegularFile(out.resolve("site/index.html")), output);
        assertFalse(Files.exists(archive()));
    }

    @Test
    void aJarCopiedInWithAnOlderTimeGetsAnArchiveOfItsOwn() throws Exception {
        assertBuilt(build(Map.of()));
        // Another jar (one entry more), copied in with a time before the archive's (cp -p, an unpacked backup).
        Path jar = home.resolve("target/tickerpress.jar");
        try (var zip = java.nio.file.FileSystems.newFileSystem(jar)) {
            Files.writeString(zip.getPath("extra.txt"), "another jar");
        }
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(archive()).toMillis() - 3_600_000));
        assertBuilt(build(Map.of()));
        // The JVM maps an archive only for the jar it was made from: the class comes from it only if it was made again.
        assertTrue(sourceOfMainClass().contains("shared objects file"), "the archive was made again for this jar");
    }

    @Test
    void stoppingTheLauncherWhileItMakesTheArchiveStopsItsJava() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        // No archive yet: this run makes it, with its Java as a child of the launcher (serve runs until stopped).
        ProcessBuilder pb = new ProcessBuilder(home.resolve("tickerpress").toString(), "serve", "--source",
                site.toString(), "--port", Integer.toString(port)).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("serve.log").toFile());
        pb.environment().remove("TICKERPRESS_CDS");
        pb.environment().remove("TICKERPRESS_JAVA_OPTS");
        Process launcher = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.readString(home.resolve("serve.log")).contains("start: built")) {
            assertTrue(launcher.isAlive() && System.nanoTime() < deadline, Files.readString(home.resolve("serve.log")));
            Thread.sleep(200);
        }
        List<ProcessHandle> java = launcher.descendants().toList();
        assertFalse(java.isEmpty(), "the launcher runs its Java as a child");
        try {
            launcher.destroy(); // SIGTERM, as a service manager or an IDE's stop button sends it
            assertTrue(launcher.waitFor(60, TimeUnit.SECONDS), "the launcher ends");
            assertEquals(128 + 15, launcher.exitValue(), "the exit code of a Java stopped by SIGTERM (128 + 15)");
            for (ProcessHandle h : java) {
                assertFalse(h.onExit().completeOnTimeout(h, 30, TimeUnit.SECONDS).join().isAlive(),
                        "the Java ends with the launcher, not left serving: " + h.info());
            }
        } finally {
            java.forEach(ProcessHandle::destroy); // a Java left behind must not outlive the test
        }
        try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
            throw new AssertionError("port " + port + " still served after the launcher stopped");
        } catch (java.net.ConnectException expected) {
            // nothing listens any more
        }
        try (Stream<Path> files = Files.list(home.resolve("target"))) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file is left");
        }
        // A session of serve ends with a stop: the archive its Java wrote as it ended serves the next run.
        assertTrue(sourceOfMainClass().contains("shared objects file"), "the stopped run's archive is used");
    }

    @Test
    void aJavaThatCannotMakeAnArchiveRunsWithoutOne() throws Exception {
        assumeTrue(Files.isExecutable(JDK17), "needs " + JDK17);
        // Java 17 refuses to start when told to make an archive without its base archive loaded: -Xshare:off here,
        // a JDK shipped without lib/server/classes.jsa elsewhere ("DynamicDumpSharedSpaces is unsupported ...").
        Map<String, String> env = Map.of("TICKERPRESS_JAVA", JDK17.toString(), "TICKERPRESS_JAVA_OPTS",
                "-Xshare:off -Xmx768m -XX:+UseSerialGC");
        for (int run = 0; run < 2; run++) {
            Run built = build(env);
            assertBuilt(built);
            assertFalse(built.output().contains("Error occurred"), built.output());
        }
        assertFalse(Files.exists(archive()), "no archive");
    }
}
