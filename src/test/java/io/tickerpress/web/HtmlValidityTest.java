package io.tickerpress.web;

import io.tickerpress.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every generated HTML page of the sample site passes the W3C Nu HTML checker with zero errors. */
class HtmlValidityTest {
    @TempDir
    Path dir;

    @Test
    void everySamplePageIsValidHtml() throws Exception {
        Path vnu = Tools.vnu();
        Path site = dir.resolve("site");
        TestSites.build(TestSites.SAMPLE, site);
        long pages;
        try (Stream<Path> walk = Files.walk(site, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).count();
        }
        assertTrue(pages > 50, "checks all " + pages + " pages");
        Process p = new ProcessBuilder("java", "-jar", vnu.toString(), "--errors-only", "--skip-non-html",
                "--format", "gnu", site.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals("", output.strip(), "the Nu HTML checker reports errors");
        assertEquals(0, p.exitValue(), output);
    }
}
