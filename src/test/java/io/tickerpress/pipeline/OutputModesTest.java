package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import io.tickerpress.cli.Main;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a build publishes, any web server can read: under umask 022 every file is 0644 and every folder 0755, on
 * a cold build and on a warm one (pages carried over, charts linked from the cache); and a web server running as
 * another user ({@code nobody}) serves every file with 200.
 */
class OutputModesTest {
    @TempDir
    Path dir;

    /** The folder of the site {@link #coldThenWarm} builds once for the tests that read it. */
    @TempDir
    static Path shared;
    private static TreeMap<String, String> coldModes;
    private static TreeMap<String, String> coldVersionModes;
    private static String warmLog;

    /** Builds with the CLI under the given umask; its output goes to build.log beside {@code out}. */
    private static int build(Path src, Path out, String umask) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of("sh", "-c", "umask " + umask + " && exec \"$0\" \"$@\"", java, "-Dtickerpress.syncDelete=true",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "build", "--source", src.toString(),
                "--output", out.toString(), "--now", "2026-06-01T00:00:00Z");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.resolveSibling("build.log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return p.exitValue();
    }

    /** Every file and folder the build made, with its mode: the output (through its link) and the versions. */
    private static TreeMap<String, String> modes(Path root) throws IOException {
        TreeMap<String, String> modes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : walk.toList()) {
                modes.put(root.relativize(p).toString(),
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
            }
        }
        return modes;
    }

    private static void assertReadable(TreeMap<String, String> modes, Path root) {
        assertModes(modes, root, "rwxr-xr-x", "rw-r--r--");
    }

    private static void assertModes(TreeMap<String, String> modes, Path root, String folders, String files) {
        modes.forEach((path, mode) -> {
            boolean folder = Files.isDirectory(root.resolve(path));
            assertEquals(folder ? folders : files, mode, path);
        });
    }

    private static Path sampleSource(Path dir) throws Exception {
        Path src = dir.resolve("src");
        Files.createDirectories(src);
        assertTrue(new ProcessBuilder("cp", "-r", TestSites.SAMPLE.resolve("content").toString(), src.toString())
                .start().waitFor() == 0);
        return src;
    }

    private static void editAnArticle(Path src) throws IOException {
        Path article = src.resolve("content/articles").toFile().listFiles()[0].toPath();
        Files.writeString(article, Files.readString(article) + "\nOne more line.\n");
    }

    /**
     * The modes are those of the umask of the build that publishes, also for what it carries over: a cron job
     * with umask 077 once, then an editor's build under umask 022, must give 0644/0755 everywhere (not the
     * private 0600 of pages and charts hard-linked from the first build), and the other way round 0600/0700.
     * Expected modes: 0666 & ~022 = 0644 (rw-r--r--), 0777 & ~022 = 0755; 0666 & ~077 = 0600, 0777 & ~077 = 0700.
     */
    @Test
    void aWarmBuildGivesItsOwnUmasksModesToWhatItCarriesOver() throws Exception {
        Path src = sampleSource(dir);
        Path out = dir.resolve("site");
        Path versions = dir.resolve(".site.versions");
        assertEquals(0, build(src, out, "077"), Files.readString(dir.resolve("build.log")));
        assertModes(modes(out), out, "rwx------", "rw-------");

        editAnArticle(src);
        assertEquals(0, build(src, out, "022"), Files.readString(dir.resolve("build.log")));
        assertTrue(Files.readString(dir.resolve("build.log")).contains("charts: 0 rendered"),
                "charts came from the cache: " + Files.readString(dir.resolve("build.log")));
        assertReadable(modes(out), out);
        // The server reaches the site through the versions folder (the lock file in it is no business of its).
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(versions)));

        editAnArticle(src);
        assertEquals(0, build(src, out, "077"), Files.readString(dir.resolve("build.log")));
        assertModes(modes(out), out, "rwx------", "rw-------");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(versions)));
    }

    /**
     * The sample built under umask 022 cold, then warm after an article edit (the rest carried over, every chart
     * linked from the cache): built once, for the two tests below, which read the modes of both builds and serve
     * the warm one.
     */
    private static synchronized Path coldThenWarm() throws Exception {
        Path out = shared.resolve("site");
        if (warmLog == null) {
            Path src = sampleSource(shared);
            assertEquals(0, build(src, out, "022"), Files.readString(shared.resolve("build.log")));
            coldModes = modes(out);
            coldVersionModes = modes(shared.resolve(".site.versions"));
            editAnArticle(src);
            assertEquals(0, build(src, out, "022"), Files.readString(shared.resolve("build.log")));
            warmLog = Files.readString(shared.resolve("build.log"));
        }
        return out;
    }

    @Test
    void everyFileIsReadableByAnyoneOnColdAndWarmBuilds() throws Exception {
        Path out = coldThenWarm();
        assertTrue(coldModes.keySet().stream().anyMatch(p -> p.startsWith("charts/")), "the sample has charts");
        assertReadable(coldModes, out);
        assertReadable(coldVersionModes, shared.resolve(".site.versions"));

        // Warm: one article edited; the rest carried over, every chart linked from the cache.
        assertTrue(warmLog.contains("charts: 0 rendered"), "charts came from the cache: " + warmLog);
        assertReadable(modes(out), out);
        assertReadable(modes(shared.resolve(".site.versions")), shared.resolve(".site.versions"));
    }

    @Test
    void aWebServerRunningAsAnotherUserServesEveryFile() throws Exception {
        boolean canSwitchUser = "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/sbin/runuser"))
                && Files.isExecutable(Path.of("/usr/bin/python3"));
        if (System.getenv("CI") != null) assertTrue(canSwitchUser, "CI runs as root with runuser and python3");
        Assumptions.assumeTrue(canSwitchUser, "needs root, runuser and python3 to run a server as another user");
        Path out = coldThenWarm(); // warm: links and carried pages
        // The server's user must be able to reach the folder: JUnit's temporary folder is private.
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));

        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process server = new ProcessBuilder("runuser", "-u", "nobody", "--", "python3", "-m", "http.server",
                "--bind", "127.0.0.1", "--directory", out.toString(), Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            List<String> files = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(out, FileVisitOption.FOLLOW_LINKS)) {
                walk.filter(Files::isRegularFile).forEach(p -> files.add(out.relativize(p).toString()));
            }
            waitForServer(http, port);
            List<String> failed = new ArrayList<>();
            for (String f : files) {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + f)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() != 200) failed.add(f + " " + r.statusCode());
            }
            assertTrue(files.size() > 100, "the sample has many files: " + files.size());
            assertEquals(List.of(), failed, "served as user nobody");
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void waitForServer(HttpClient http, int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) throw e;
                Thread.sleep(50);
            }
        }
    }
}
