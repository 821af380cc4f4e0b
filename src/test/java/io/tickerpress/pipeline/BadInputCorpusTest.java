package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import io.tickerpress.cli.CliTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bad-input corpus: every folder under src/test/resources/bad-inputs/ overlays a small valid site
 * (bad-inputs-base/) and says, in expect.properties, the exit code, the file, the line and the message the
 * build must give. No stack trace may reach the user.
 */
class BadInputCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/bad-inputs");
    static final Path BASE = Path.of("src/test/resources/bad-inputs-base");

    @TempDir
    Path dir;

    @TestFactory
    List<DynamicTest> corpus() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> cases = Files.list(CORPUS)) {
            for (Path c : cases.sorted().toList()) {
                tests.add(DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
            }
        }
        assertTrue(tests.size() >= 50, "at least 50 cases, got " + tests.size());
        return tests;
    }

    private void check(Path caseDir) throws IOException {
        Properties expect = new Properties();
        try (InputStream in = Files.newInputStream(caseDir.resolve("expect.properties"))) {
            expect.load(in);
        }
        Path site = dir.resolve(caseDir.getFileName().toString());
        TestSites.copyTree(BASE, site);
        TestSites.copyTree(caseDir, site);
        Files.deleteIfExists(site.resolve("expect.properties"));
        Path out = dir.resolve(caseDir.getFileName() + "-out");
        CliTest.Run r = CliTest.run("build", "--source", site.toString(), "--output", out.toString(),
                "--now", "2026-06-01T00:00:00Z");
        int exit = Integer.parseInt(expect.getProperty("exit"));
        assertEquals(exit, r.code(), r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), "no stack trace: " + r.err());
        if (exit == 0) {
            assertTrue(Files.isRegularFile(out.resolve("index.html")));
            return;
        }
        String file = expect.getProperty("file");
        int line = Integer.parseInt(expect.getProperty("line"));
        String message = expect.getProperty("message");
        String err = r.err().replace('\\', '/');
        String location = file + (line > 0 ? ":" + line + ":" : ":");
        assertTrue(err.contains(location), "names " + location + ": " + err);
        assertTrue(err.contains(message), "says '" + message + "': " + err);
        String also = expect.getProperty("message2");
        if (also != null) assertTrue(err.contains(also), "says '" + also + "': " + err);
        assertFalse(Files.exists(out), "a failed build writes no site");
    }
}
