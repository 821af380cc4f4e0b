package io.tickerpress.cli;

import io.tickerpress.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * {@code serve} and {@code check} as real processes: each gets a temporary-files folder of its own
 * ({@code -Djava.io.tmpdir}), so what they leave behind can be listed exactly; signals are real signals.
 */
class ServeAndCheckProcessTest {
    private static final Pattern URL = Pattern.compile("at http://localhost:(\\d+)/");

    @TempDir
    Path dir;

    private Path site() {
        return TestSites.site(dir.resolve("src"), Map.of(
                "content/articles/2026-01-05-first.md", TestSites.article("First Story", "2026-01-05T09:00:00-05:00", "", "One.")));
    }

    private Process start(Path tmp, String... args) throws IOException {
        Files.createDirectories(tmp);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectOutput(dir.resolve("out.log").toFile())
                .redirectError(dir.resolve("err.log").toFile()).start();
    }

    private String out() throws IOException {
        return Files.readString(dir.resolve("out.log"), StandardCharsets.UTF_8);
    }

    private String err() throws IOException {
        return Files.readString(dir.resolve("err.log"), StandardCharsets.UTF_8);
    }

    private static List<String> entries(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private String outAndErr() {
        try {
            return out() + err();
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Every path below a folder, for failure messages. */
    private static String tree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.map(p -> root.relativize(p).toString()).sorted().limit(50).toList().toString();
        } catch (IOException | java.io.UncheckedIOException e) {
            return e.toString();
        }
    }

    /**
     * What the cache folder keeps per output folder: the page manifest, the record of the last build and the search
     * index's memo (README "Incremental builds"); a private output's must go with it.
     */
    private static List<String> manifests(Path src) throws IOException {
        return entries(src.resolve(".tickerpress-cache")).stream()
                .filter(n -> n.startsWith("pages-") || n.startsWith("last-build-") || n.startsWith("search-")).toList();
    }

    private static void await(BooleanSupplier condition, Process child, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            if (!child.isAlive()) throw new AssertionError("the child ended (" + child.exitValue() + ") before " + what);
            Thread.sleep(20);
        }
    }

    private BooleanSupplier outContains(String text) {
        return () -> {
            try {
                return out().contains(text);
            } catch (IOException e) {
                return false;
            }
        };
    }

    private static void signal(Process child, String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(child.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -s " + name);
    }

    /** Whether this process ignores a signal (a child started from here then ignores it too). */
    private static boolean ignored(int signal) throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) return false;
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) return new BigInteger(line.substring(7).trim(), 16).testBit(signal - 1);
        }
        return false;
    }

    @Test
    void aBusyPortIsAUsageErrorThatLeavesNothingBehind() throws Exception {
        Path src = site();
        Path tmp = dir.resolve("tmp");
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            Process child = start(tmp, "serve", "--source", src.toString(), "--port", Integer.toString(port));
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "serve gave up at once");
            assertEquals(Main.EXIT_USAGE, child.exitValue(), err());
            assertEquals("error: port " + port + " is in use on 127.0.0.1; choose another with --port", err().strip());
        }
        assertEquals(List.of(), entries(tmp), "no temporary folder left");
        assertEquals(List.of(), manifests(src));
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        CliTest.Run r = CliTest.run("serve", "--source", site().toString(), "--port", "70000");
        assertEquals(Main.EXIT_USAGE, r.code());
        assertEquals("error: --port: '70000' is not a port number: give one from 1 to 65535, or 0 for a free one",
                r.err().strip());
    }

    @Test
    void checkLeavesNoTemporaryFolderAndNoManifest() throws Exception {
        Path src = site();
        Path tmp = dir.resolve("tmp");
        Process child = start(tmp, "check", "--source", src.toString());
        assertTrue(child.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue(), out() + err());
        assertTrue(out().contains("no problems"), out());
        assertEquals(List.of(), entries(tmp), "no temporary folder left");
        assertTrue(Files.isDirectory(src.resolve(".tickerpress-cache")), "the check build used the cache folder");
        assertEquals(List.of(), manifests(src), "no manifest left in the cache");
    }

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"TERM", "INT"})
    void serveRemovesItsFolderAndManifestWhenStoppedBySignal(String signal) throws Exception {
        assumeFalse(signal.equals("INT") && ignored(2), "SIGINT is ignored by this process and so by its children");
        Path src = site();
        Path tmp = dir.resolve("tmp");
        Process child = start(tmp, "serve", "--source", src.toString(), "--port", "0");
        try {
            await(outContains("start: built"), child, "the first build");
            Matcher m = URL.matcher(out());
            assertTrue(m.find(), out());
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + m.group(1) + "/news/2026/01/05/first/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("First Story"));
            // While it runs: its private folder and the manifest of its builds.
            assertEquals(1, entries(tmp).size(), entries(tmp).toString());
            assertTrue(entries(tmp).get(0).startsWith("tickerpress-serve-"), entries(tmp).toString());
            assertTrue(manifests(src).stream().anyMatch(n -> n.startsWith("pages-")), manifests(src).toString());
            assertTrue(manifests(src).stream().anyMatch(n -> n.startsWith("search-")), manifests(src).toString());

            signal(child, signal);
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "serve stopped");
        } finally {
            child.destroyForcibly();
        }
        // The JVM reports death by signal as 128 + its number: TERM 15, INT 2.
        assertEquals(signal.equals("TERM") ? 143 : 130, child.exitValue(), err());
        assertEquals(List.of(), entries(tmp), "no temporary folder left");
        assertEquals(List.of(), manifests(src), "no manifest left");
    }

    /** Enough articles that a build is still running when the signal comes, on any machine here. */
    private Path bigSite() {
        Path src = TestSites.site(dir.resolve("big"), Map.of());
        for (int i = 0; i < 600; i++) {
            TestSites.write(src.resolve(String.format("content/articles/a%04d.md", i)), TestSites.article("Story " + i,
                    String.format("2025-%02d-%02dT09:00:00-05:00", 1 + i % 12, 1 + i % 28), "tags: [T" + (i % 30) + "]\n",
                    ("Paragraph with **bold** text.\n\n").repeat(30)));
        }
        return src;
    }

    @Test
    void checkStoppedDuringItsBuildLeavesNothingBehind() throws Exception {
        Path src = bigSite();
        Path tmp = dir.resolve("tmp");
        Process child = start(tmp, "check", "--source", src.toString());
        try {
            await(() -> {
                try {
                    return !entries(tmp).isEmpty();
                } catch (IOException e) {
                    return false;
                }
            }, child, "the check to create its temporary folder");
            signal(child, "TERM");
            assertTrue(child.waitFor(90, TimeUnit.SECONDS), "check stopped");
        } finally {
            child.destroyForcibly();
        }
        assertEquals(143, child.exitValue(), out() + err());
        assertEquals(List.of(), entries(tmp), () -> "no temporary folder left: " + tree(tmp) + "\n" + outAndErr());
        assertEquals(List.of(), manifests(src), "no manifest left");
    }

    @Test
    void serveStoppedDuringItsFirstBuildLeavesNothingBehind() throws Exception {
        Path src = bigSite();
        Path tmp = dir.resolve("tmp");
        Process child = start(tmp, "serve", "--source", src.toString(), "--port", "0");
        try {
            await(outContains("Serving "), child, "the server to listen");
            signal(child, "TERM");
            assertTrue(child.waitFor(90, TimeUnit.SECONDS), "serve stopped");
        } finally {
            child.destroyForcibly();
        }
        System.out.printf("stopped %s the first build%n", out().contains("start: built") ? "after" : "during");
        assertEquals(143, child.exitValue(), err());
        assertEquals(List.of(), entries(tmp), "no temporary folder left");
        assertEquals(List.of(), manifests(src), "no manifest left");
    }

    @Test
    void whatAKilledServeLeftIsRemovedByTheNextRun() throws Exception {
        Path src = site();
        Path tmp = dir.resolve("tmp");
        Process killed = start(tmp, "serve", "--source", src.toString(), "--port", "0");
        try {
            await(outContains("start: built"), killed, "the first build");
        } finally {
            killed.destroyForcibly(); // SIGKILL: no shutdown hook runs
        }
        assertTrue(killed.waitFor(30, TimeUnit.SECONDS));
        assertEquals(1, entries(tmp).size(), "SIGKILL left the private folder");
        assertTrue(manifests(src).stream().anyMatch(n -> n.startsWith("pages-")), "and its manifest: " + manifests(src));
        assertTrue(manifests(src).stream().anyMatch(n -> n.startsWith("search-")), "and its search memo: " + manifests(src));

        Process check = start(tmp, "check", "--source", src.toString());
        assertTrue(check.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, check.exitValue(), out() + err());
        assertEquals(List.of(), entries(tmp), "the next run removed the dead process's folder, and its own");
        assertEquals(List.of(), manifests(src), "and both manifests");
    }
}
