package io.tickerpress;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * A build in the C (POSIX) locale, as cron jobs, Docker images and CI runners often have (no LANG at all): the
 * README says the output is the same bytes whatever the machine's locale, and a tag in another script is a page
 * named in it ({@code /tags/日本/}). Java names files in the locale's character set, so under plain C such a page
 * cannot be named at all: it stopped the build as an "internal error" (exit 70). The launcher runs Java under a
 * UTF-8 locale; run without it ({@code java -jar}), the build says what is wrong and how to run it.
 */
class LauncherLocaleIT {
    private static final Path JAR = Path.of("target/tickerpress.jar");
    private Path home;

    @BeforeEach
    void layOut() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "no " + JAR + ": run mvn package (mvn verify runs this test after it)");
        home = Files.createTempDirectory("launcher-locale");
        Files.copy(Path.of("tickerpress"), home.resolve("tickerpress"));
        Files.createDirectories(home.resolve("target"));
        Files.copy(JAR, home.resolve("target/tickerpress.jar"));
        TestSites.site(home.resolve("src"), Map.of("content/articles/2026-01-20-tokyo.md",
                TestSites.article("Tokyo Stocks Rise", "2026-01-20T06:04:00-05:00", "tags: [日本, Россия, Chips]\n",
                        "Body.")));
    }

    @AfterEach
    void remove() throws IOException {
        if (home == null) return;
        try (Stream<Path> walk = Files.walk(home)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private record Run(int exit, String output) {
    }

    /** A build of the test site into {@code out}, by {@code command}, with no locale but C. */
    private Run buildInCLocale(List<String> command, String out) throws Exception {
        List<String> cmd = new ArrayList<>(command);
        cmd.addAll(List.of("build", "--source", home.resolve("src").toString(), "--output",
                home.resolve(out).toString(), "--now", "2026-06-01T00:00:00Z"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(name -> name.equals("LANG") || name.startsWith("LC_") || name.equals("LANGUAGE"));
        env.put("LC_ALL", "C");
        env.put("TICKERPRESS_CDS", "0");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "finished");
        return new Run(p.exitValue(), output);
    }

    @Test
    void theLauncherBuildsPagesNamedInAnyScriptUnderTheCLocale() throws Exception {
        Run run = buildInCLocale(List.of(home.resolve("tickerpress").toString()), "site");
        assertEquals(0, run.exit(), run.output());
        assertTrue(Files.isRegularFile(home.resolve("site/tags/日本/index.html")), run.output());
        assertTrue(Files.isRegularFile(home.resolve("site/tags/россия/index.html")), run.output());
    }

    @Test
    void theJarRunWithoutAUtf8LocaleSaysHowToRunIt() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Run run = buildInCLocale(List.of(java.toString(), "-jar", home.resolve("target/tickerpress.jar").toString()),
                "site");
        // Not a bug report (exit 70): the environment cannot name the output's files, as with a disk that refuses them.
        assertEquals(74, run.exit(), run.output());
        assertFalse(run.output().contains("internal error"), run.output());
        assertTrue(run.output().contains("LC_ALL=C.UTF-8"), run.output());
        assertTrue(run.output().contains("nothing was published"), run.output());
    }
}
