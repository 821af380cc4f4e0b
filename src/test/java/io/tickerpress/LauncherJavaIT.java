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
        List<String> cmd = new ArrayList<>(List.of(home.resolve("tickerpress").toString(), "--version"));
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
        Path jdk = Files.createDirectories(home.resolve(name).resolve("bin"));
        Files.writeString(jdk.getParent().resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version
                + "\"\n");
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
}
