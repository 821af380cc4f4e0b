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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Which Java the launcher runs (README, "Which Java"): TICKERPRESS_JAVA, else JAVA_HOME, else the newest Java 17 or
 * later among the PATH's and the installed JDKs; one older than 17 is refused with a clear message and never started.
 * The Java that ran is read from the JVM itself ({@code -XshowSettings:properties} prints {@code java.home}), on the
 * machine's two real JDKs; the tests skip where they are not installed. Runs the real launcher script on a copy of
 * the jar, in a folder of its own.
 */
class LauncherJavaIT {
    private static final Path JAR = Path.of("target/tickerpress.jar");
    private static final Path JDK17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
    private static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    private static final Pattern JAVA_HOME_LINE = Pattern.compile("(?m)^\\s*java\\.home = (.+)$");
    private Path home;

    @BeforeEach
    void layOut() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "no " + JAR + ": run mvn package (mvn verify runs this test after it)");
        assumeTrue(Files.isExecutable(JDK17.resolve("bin/java")) && Files.isExecutable(JDK25.resolve("bin/java")),
                "needs the two JDKs " + JDK17 + " and " + JDK25);
        home = Files.createTempDirectory("launcher-java");
        Files.copy(Path.of("tickerpress"), home.resolve("tickerpress"));
        Files.createDirectories(home.resolve("target"));
        Files.copy(JAR, home.resolve("target/tickerpress.jar"));
    }

    @AfterEach
    void remove() throws IOException {
        if (home == null) return;
        try (Stream<Path> walk = Files.walk(home)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private record Run(int exit, String output) {
        /** The java.home of the JVM that ran, as it printed it. */
        Path javaHome() {
            Matcher m = JAVA_HOME_LINE.matcher(output);
            assertTrue(m.find(), "the JVM printed its settings: " + output);
            return Path.of(m.group(1).trim());
        }
    }

    /** {@code tickerpress --version} with the given environment on top of a clean one (no Java chosen yet). */
    private Run version(Map<String, String> env) throws Exception {
        return version(env, List.of());
    }

    /** The same, run through {@code prefix} (e.g. runuser, to run it as another user). */
    private Run version(Map<String, String> env, List<String> prefix) throws Exception {
        return version(env, prefix, home.resolve("tickerpress"));
    }

    /** The same, started as {@code launcher} (a link to it, say). */
    private Run version(Map<String, String> env, List<String> prefix, Path launcher) throws Exception {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(launcher.toString(), "--version"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true);
        Map<String, String> e = pb.environment();
        for (String name : List.of("TICKERPRESS_JAVA", "JAVA_HOME", "TICKERPRESS_JDKS", "TICKERPRESS_JAVA_OPTS",
                "JAVA_TOOL_OPTIONS")) e.remove(name);
        e.put("TICKERPRESS_CDS", "0");
        e.put("JDK_JAVA_OPTIONS", "-XshowSettings:properties");
        // The PATH's java is 17: the one a Debian machine has as its default.
        e.put("PATH", JDK17.resolve("bin") + ":" + System.getenv("PATH"));
        e.putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished");
        return new Run(p.exitValue(), out);
    }

    /** A folder of JDKs (as /usr/lib/jvm is) holding links to the given JDK folders. */
    private Path jdks(Path... homes) throws IOException {
        Path dir = Files.createDirectories(home.resolve("jdks-" + homes.length));
        for (int i = 0; i < homes.length; i++) Files.createSymbolicLink(dir.resolve("jdk" + i), homes[i]);
        return dir;
    }

    /** A fake JDK whose release file says {@code version} and whose java leaves a mark if it is ever started. */
    private Path fakeJdk(String name, String version) throws IOException {
        return fakeJdkWithRelease(name, "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
    }

    /** A fake JDK as {@link #fakeJdk}, with {@code release} holding exactly the given text. */
    private Path fakeJdkWithRelease(String name, String release) throws IOException {
        Path jdk = Files.createDirectories(home.resolve(name).resolve("bin"));
        Files.writeString(jdk.getParent().resolve("release"), release);
        Path java = jdk.resolve("java");
        Files.writeString(java, "#!/bin/sh\ntouch '" + home.resolve(name + ".started") + "'\nexit 0\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return jdk.getParent();
    }

    @Test
    void theNewestInstalledJavaRunsItWhenNoneIsNamed() throws Exception {
        Run run = version(Map.of("TICKERPRESS_JDKS", jdks(JDK17, JDK25).toString()));
        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("tickerpress ") && run.output().contains("(Java 25"), "--version names the"
                + " Java that runs it: " + run.output());
        assertEquals(JDK25.toRealPath(), run.javaHome().toRealPath(), "25 is newer than the PATH's 17");

        Run none = version(Map.of("TICKERPRESS_JDKS", jdks().toString()));
        assertEquals(0, none.exit(), none.output());
        assertEquals(JDK17.toRealPath(), none.javaHome().toRealPath(), "no JDK installed: the PATH's java");
    }

    @Test
    void javaHomeAndTickerpressJavaAreObeyed() throws Exception {
        Path installed = jdks(JDK17, JDK25);
        Run javaHome = version(Map.of("TICKERPRESS_JDKS", installed.toString(), "JAVA_HOME", JDK17.toString()));
        assertEquals(0, javaHome.exit(), javaHome.output());
        assertEquals(JDK17.toRealPath(), javaHome.javaHome().toRealPath(), "JAVA_HOME wins over a newer JDK");

        Run named = version(Map.of("TICKERPRESS_JDKS", installed.toString(), "JAVA_HOME", JDK25.toString(),
                "TICKERPRESS_JAVA", JDK17.resolve("bin/java").toString()));
        assertEquals(0, named.exit(), named.output());
        assertEquals(JDK17.toRealPath(), named.javaHome().toRealPath(), "TICKERPRESS_JAVA wins over JAVA_HOME");
    }

    @Test
    void aJavaOlderThan17IsRefusedWithoutStartingIt() throws Exception {
        Path old = fakeJdk("jdk8", "1.8.0_292");
        Run run = version(Map.of("JAVA_HOME", old.toString()));
        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("Java 17 or later is needed") && run.output().contains("is Java 8"),
                run.output());
        assertFalse(Files.exists(home.resolve("jdk8.started")), "the old java was never started");

        // Among installed JDKs an old one is passed over, however its folder sorts: the PATH's 17 runs.
        Path eleven = fakeJdk("jdk11", "11.0.2");
        Run passed = version(Map.of("TICKERPRESS_JDKS", jdks(eleven).toString()));
        assertEquals(0, passed.exit(), passed.output());
        assertEquals(JDK17.toRealPath(), passed.javaHome().toRealPath());
        assertFalse(Files.exists(home.resolve("jdk11.started")));
    }

    @Test
    void noJavaAtAllSaysWhatIsNeeded() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("TICKERPRESS_JAVA", home.resolve("no-such-java").toString());
        Run run = version(env);
        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("Java 17 or later is needed") && run.output().contains("no-such-java"),
                run.output());
    }

    /** The launcher's own words: never a bash error (unbound variable, integer expression expected, ...). */
    private static void assertNoShellError(Run run) {
        assertFalse(run.output().contains("tickerpress: line ") || run.output().contains("integer expression")
                || run.output().contains("unbound variable") || run.output().contains("Permission denied"),
                "no bash error reaches the user: " + run.output());
    }

    @Test
    void releaseFilesAsTheyAreFoundAreRead() throws Exception {
        // Written on Windows (CRLF), or without a newline after the last line: the version is still read, so a
        // JDK 11 named by JAVA_HOME is refused without being started ...
        for (String release : List.of("JAVA_VERSION=\"11\"\r\n", "IMPLEMENTOR=\"Test\"\r\nJAVA_VERSION=\"11\"\r\n",
                "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"11\"", "JAVA_VERSION='11.0.2'\n", "JAVA_VERSION=11.0.2\n")) {
            Path old = fakeJdkWithRelease("old", release);
            Run run = version(Map.of("JAVA_HOME", old.toString()));
            assertEquals(1, run.exit(), release + ": " + run.output());
            assertTrue(run.output().contains("Java 17 or later is needed") && run.output().contains("is Java 11"),
                    release + ": " + run.output());
            assertFalse(Files.exists(home.resolve("old.started")), release + ": never started");
        }
        // ... and an installed JDK 26 (newer than the PATH's 17) is the one chosen.
        for (String release : List.of("JAVA_VERSION=\"26\"\r\n", "JAVA_VERSION=\"26\"", "JAVA_VERSION=\"26-ea\"\n")) {
            Files.deleteIfExists(home.resolve("new.started"));
            Path installed = Files.createDirectories(home.resolve("installed"));
            Files.deleteIfExists(installed.resolve("new"));
            Files.createSymbolicLink(installed.resolve("new"), fakeJdkWithRelease("new", release));
            Run run = version(Map.of("TICKERPRESS_JDKS", installed.toString()));
            assertEquals(0, run.exit(), release + ": " + run.output());
            assertTrue(Files.exists(home.resolve("new.started")), release + ": the 26 is chosen: " + run.output());
        }
    }

    @Test
    void aReleaseFileWithoutAVersionItCanUseLeavesThatJdkAside() throws Exception {
        // No usable version (none, empty, a number no Java has, a broken link, a folder without java): the JDK is
        // not chosen, and the PATH's 17 runs, without a bash error.
        Path installed = Files.createDirectories(home.resolve("installed"));
        Map<String, String> releases = Map.of("missing", "IMPLEMENTOR=\"Test\"\n", "empty", "",
                "huge", "JAVA_VERSION=\"99999999999999999999\"\n", "words", "JAVA_VERSION=\"unknown\"\n");
        for (var e : releases.entrySet()) {
            Files.createSymbolicLink(installed.resolve(e.getKey()), fakeJdkWithRelease(e.getKey(), e.getValue()));
        }
        Files.createSymbolicLink(installed.resolve("broken"), home.resolve("no-such-jdk"));
        Files.createDirectories(installed.resolve("not-a-jdk/bin/java")); // a folder named java
        Files.writeString(installed.resolve("not-a-jdk/release"), "JAVA_VERSION=\"30\"\n");
        Run run = version(Map.of("TICKERPRESS_JDKS", installed.toString()));
        assertEquals(0, run.exit(), run.output());
        assertNoShellError(run);
        assertEquals(JDK17.toRealPath(), run.javaHome().toRealPath(), run.output());
        for (String name : releases.keySet()) assertFalse(Files.exists(home.resolve(name + ".started")), name);
    }

    @Test
    void anUnreadableReleaseFileIsPassedOverWithoutABashError() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/runuser")) && "root".equals(System.getProperty("user.name")),
                "needs root and runuser, to run the launcher as a user who cannot read the release file");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jdk = fakeJdkWithRelease("secret", "JAVA_VERSION=\"26\"\n");
        Files.setPosixFilePermissions(jdk.resolve("release"), PosixFilePermissions.fromString("rw-------"));
        new ProcessBuilder("chmod", "-R", "a+rX", home.resolve("tickerpress").toString(), home.resolve("target")
                .toString(), jdk.resolve("bin").toString())
                .start().waitFor();
        Path installed = Files.createDirectories(home.resolve("installed"));
        Files.createSymbolicLink(installed.resolve("secret"), jdk);
        // runuser keeps the environment it is given through env.
        List<String> asNobody = List.of("runuser", "-u", "nobody", "--", "env",
                "PATH=" + JDK17.resolve("bin") + ":/usr/bin:/bin", "TICKERPRESS_JDKS=" + installed,
                "TICKERPRESS_CDS=0", "JDK_JAVA_OPTIONS=-XshowSettings:properties");
        Run run = version(Map.of(), asNobody);
        assertEquals(0, run.exit(), run.output());
        assertNoShellError(run);
        assertEquals(JDK17.toRealPath(), run.javaHome().toRealPath(), "an unknown version is passed over");
    }

    @Test
    void aJavaThatCannotRunIsNamedWithWhatIsWrong() throws Exception {
        Path notExecutable = Files.writeString(home.resolve("java-text"), "not a program\n");
        Path folder = Files.createDirectories(home.resolve("some folder"));
        // {variable, value, what the message says}
        List<List<String>> cases = List.of(
                List.of("TICKERPRESS_JAVA", JDK25.toString(), "is a folder: name the java command in it (e.g. "
                        + JDK25 + "/bin/java)"),
                List.of("TICKERPRESS_JAVA", notExecutable.toString(), "is not an executable file"),
                List.of("TICKERPRESS_JAVA", "no-such-java-command", "is not a command on the PATH"),
                List.of("TICKERPRESS_JAVA", "jdk/bin/java", "does not exist (seen from " + home + ")"),
                List.of("JAVA_HOME", folder.toString(), "has no bin/java"));
        for (List<String> c : cases) {
            Run run = version(Map.of(c.get(0), c.get(1)));
            assertEquals(1, run.exit(), c + ": " + run.output());
            assertNoShellError(run);
            assertTrue(run.output().startsWith("tickerpress: Java 17 or later is needed, and " + c.get(0) + "="
                    + c.get(1) + " " + c.get(2)) && run.output().contains("unset " + c.get(0)), c + ": "
                    + run.output());
        }
    }

    @Test
    void javaHomeAndTickerpressJavaAsUsersWriteThem() throws Exception {
        // A link with spaces in its path, and a trailing slash.
        Path spaced = Files.createDirectories(home.resolve("my jdks"));
        Files.createSymbolicLink(spaced.resolve("jdk 25"), JDK25);
        Run run = version(Map.of("JAVA_HOME", spaced.resolve("jdk 25") + "/"));
        assertEquals(0, run.exit(), run.output());
        assertEquals(JDK25.toRealPath(), run.javaHome().toRealPath());

        // A bare command name is looked up on the PATH (here the 17); a relative path is from the working folder.
        Run bare = version(Map.of("TICKERPRESS_JAVA", "java", "TICKERPRESS_JDKS", jdks(JDK25).toString()));
        assertEquals(0, bare.exit(), bare.output());
        assertEquals(JDK17.toRealPath(), bare.javaHome().toRealPath());
        Files.createSymbolicLink(home.resolve("jdk"), JDK25);
        Run relative = version(Map.of("TICKERPRESS_JAVA", "jdk/bin/java"));
        assertEquals(0, relative.exit(), relative.output());
        assertEquals(JDK25.toRealPath(), relative.javaHome().toRealPath());
    }

    @Test
    void launchersStartedTogetherAfterASourceChangeBuildTheJarOnce() throws Exception {
        // The sources are newer than the jar; a stand-in for Maven (first on the PATH) notices a second build while
        // one runs, and puts the jar in place after a while, as a real build would.
        Path jar = home.resolve("target/tickerpress.jar");
        Files.copy(jar, home.resolve("fresh.jar"));
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Files.writeString(home.resolve("pom.xml"), "<project/>\n");
        Path bin = Files.createDirectories(home.resolve("bin"));
        Files.writeString(bin.resolve("mvn"), "#!/bin/sh\n"
                + "mkdir building 2>/dev/null || { echo 'two Maven builds at once'; exit 1; }\n"
                + "echo build >> builds\nsleep 2\ncp fresh.jar target/tickerpress.jar\nrmdir building\n");
        Files.setPosixFilePermissions(bin.resolve("mvn"), PosixFilePermissions.fromString("rwxr-xr-x"));
        List<Process> launchers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ProcessBuilder pb = new ProcessBuilder(home.resolve("tickerpress").toString(), "--version")
                    .directory(home.toFile()).redirectErrorStream(true);
            pb.environment().put("PATH", bin + ":" + JDK17.resolve("bin") + ":" + System.getenv("PATH"));
            pb.environment().put("TICKERPRESS_CDS", "0");
            launchers.add(pb.start());
        }
        for (Process p : launchers) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished");
            assertEquals(0, p.exitValue(), out);
            assertTrue(out.contains("tickerpress ") && out.contains("(Java "), out);
        }
        assertEquals(List.of("build"), Files.readAllLines(home.resolve("builds")), "one build; the others wait for it");
    }

    @Test
    void startedWithShItRunsUnderBash() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        // "sh tickerpress": /bin/sh is dash on Debian, which knows no `set -o pipefail`; the launcher re-runs itself
        // with bash, so this works as ./tickerpress does (and through a link from another folder, with a space).
        Path other = Files.createDirectories(home.resolve("my bin"));
        Files.createSymbolicLink(other.resolve("tp"), home.resolve("tickerpress"));
        Run run = version(Map.of("TICKERPRESS_JDKS", jdks(JDK25).toString()), List.of("/bin/sh"), other.resolve("tp"));
        assertEquals(0, run.exit(), run.output());
        assertEquals(JDK25.toRealPath(), run.javaHome().toRealPath(), run.output());
    }

    @Test
    void theSampleSiteIsTheSameBytesWhicheverJavaTheLauncherChooses() throws Exception {
        // The launcher picks the newest Java it finds, so one site is built by 17 on one machine and 25 on another:
        // the files must not depend on it (README: same input, same bytes). Each Java's build checks the other's.
        Map<String, Map<String, byte[]>> sites = new HashMap<>();
        for (Path jdk : List.of(JDK17, JDK25)) {
            Path source = Files.createDirectories(home.resolve("sample-" + jdk.getFileName()));
            for (String part : List.of("content", "templates")) {
                TestSites.copyTree(Path.of(part), source.resolve(part));
            }
            Path out = home.resolve("out-" + jdk.getFileName());
            ProcessBuilder pb = new ProcessBuilder(home.resolve("tickerpress").toString(), "build", "--source",
                    source.toString(), "--output", out.toString(), "--now", "2026-06-01T00:00:00Z")
                    .directory(home.toFile()).redirectErrorStream(true);
            pb.environment().put("TICKERPRESS_JAVA", jdk.resolve("bin/java").toString());
            pb.environment().put("TICKERPRESS_CDS", "0");
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(300, TimeUnit.SECONDS), "finished");
            assertEquals(0, p.exitValue(), output);
            sites.put(jdk.getFileName().toString(), TestSites.snapshot(out));
        }
        Map<String, byte[]> a = sites.get(JDK17.getFileName().toString());
        Map<String, byte[]> b = sites.get(JDK25.getFileName().toString());
        assertTrue(a.size() > 100, "the sample site: " + a.size() + " files");
        assertEquals(a.keySet(), b.keySet(), "the same files");
        for (String file : a.keySet()) {
            assertTrue(java.util.Arrays.equals(a.get(file), b.get(file)), file + " differs between Java 17 and 25");
        }
    }

    @Test
    void aJava8RuntimeWithoutAReleaseFileIsRefusedWithoutStartingIt() throws Exception {
        // Debian's openjdk-8-jre: java is jre/bin/java, and jre/ has no release file; lib/rt.jar is Java 8 (or older):
        // Java 9 and later have no rt.jar, and always a release file.
        Path jre = fakeJdkWithRelease("jdk8/jre", "");
        Files.delete(jre.resolve("release"));
        Files.createDirectories(jre.resolve("lib"));
        Files.writeString(jre.resolve("lib/rt.jar"), "");
        Path onPath = Files.createDirectories(home.resolve("path-bin"));
        Files.createSymbolicLink(onPath.resolve("java"), jre.resolve("bin/java"));
        for (Map<String, String> env : List.of(Map.of("JAVA_HOME", jre.toString()), Map.of("PATH", onPath + ":/usr/bin:/bin",
                "TICKERPRESS_JDKS", jdks().toString()))) {
            Run run = version(env);
            assertEquals(1, run.exit(), env + ": " + run.output());
            assertTrue(run.output().contains("Java 17 or later is needed") && run.output().contains("is Java 8"),
                    env + ": " + run.output());
            assertFalse(Files.exists(home.resolve("jdk8/jre.started")), "never started");
        }
    }
}
