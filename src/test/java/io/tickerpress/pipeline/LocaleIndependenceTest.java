package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import io.tickerpress.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The sample site built by the real CLI in child JVMs whose default locale (and time zone) is one that breaks
 * careless formatting: Arabic and Persian digits, the Turkish dotless i, the German decimal comma. Every output
 * file, charts included, must be byte-identical to a build under en-US. Each build has its own chart cache, so
 * every chart is drawn under its own locale.
 */
class LocaleIndependenceTest {
    @TempDir
    Path dir;

    private record Run(String name, String format, List<String> jvm) {
    }

    @Test
    void theSampleSiteIsTheSameUnderEveryDefaultLocale() throws Exception {
        List<Run> runs = List.of(
                new Run("en-US", "png", List.of("-Duser.language=en", "-Duser.country=US", "-Duser.timezone=UTC")),
                new Run("ar-EG", "png", List.of("-Duser.language=ar", "-Duser.country=EG", "-Duser.timezone=Africa/Cairo")),
                new Run("fa-IR", "png", List.of("-Duser.language=fa", "-Duser.country=IR", "-Duser.timezone=Asia/Tehran")),
                new Run("tr-TR", "png", List.of("-Duser.language=tr", "-Duser.country=TR", "-Duser.timezone=Europe/Istanbul")),
                new Run("de-DE", "png", List.of("-Duser.language=de", "-Duser.country=DE", "-Duser.timezone=Europe/Berlin")),
                // SVG charts are written by Batik, which formats coordinates and labels itself.
                new Run("en-US", "svg", List.of("-Duser.language=en", "-Duser.country=US", "-Duser.timezone=UTC")),
                new Run("ar-EG", "svg", List.of("-Duser.language=ar", "-Duser.country=EG", "-Duser.timezone=Africa/Cairo")));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Map<Run, Future<Map<String, byte[]>>> builds = new LinkedHashMap<>();
        try {
            for (Run run : runs) builds.put(run, pool.submit(() -> build(run)));
            Map<String, Map<String, byte[]>> reference = new LinkedHashMap<>();
            for (Map.Entry<Run, Future<Map<String, byte[]>>> e : builds.entrySet()) {
                Run run = e.getKey();
                Map<String, byte[]> site = e.getValue().get(10, TimeUnit.MINUTES);
                Map<String, byte[]> ref = reference.putIfAbsent(run.format(), site);
                if (ref == null) {
                    assertTrue(site.keySet().stream().anyMatch(p -> p.startsWith("charts/") && p.endsWith("." + run.format())),
                            "the reference build has " + run.format() + " charts");
                    continue;
                }
                compare(run, ref, site);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void compare(Run run, Map<String, byte[]> ref, Map<String, byte[]> site) {
        assertEquals(ref.keySet(), site.keySet(), run + ": the same files");
        List<String> differ = new ArrayList<>();
        for (String path : ref.keySet()) {
            if (!Arrays.equals(ref.get(path), site.get(path))) differ.add(path);
        }
        if (!differ.isEmpty()) {
            String first = differ.get(0);
            fail(run.name() + " (" + run.format() + "): " + differ.size() + " files differ from en-US, e.g. " + first
                    + (first.endsWith(".png") ? "" : "\n" + firstDifference(ref.get(first), site.get(first))));
        }
    }

    private static String firstDifference(byte[] a, byte[] b) {
        String x = new String(a, StandardCharsets.UTF_8);
        String y = new String(b, StandardCharsets.UTF_8);
        int i = 0;
        while (i < Math.min(x.length(), y.length()) && x.charAt(i) == y.charAt(i)) i++;
        int from = Math.max(0, i - 60);
        return "en-US: ..." + x.substring(from, Math.min(x.length(), i + 60)) + "\nthis:  ..."
                + y.substring(from, Math.min(y.length(), i + 60));
    }

    /** Copies the sample's content, builds it with the CLI in a child JVM and reads every output file. */
    private Map<String, byte[]> build(Run run) throws IOException, InterruptedException {
        Path src = dir.resolve("src-" + run.name() + "-" + run.format());
        TestSites.copyTree(TestSites.SAMPLE.resolve("content"), src.resolve("content"));
        if (run.format().equals("svg")) {
            Files.writeString(src.resolve("content/site.yaml"), "\ncharts:\n  format: svg\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
        }
        Path out = dir.resolve("site-" + run.name() + "-" + run.format());
        Path log = dir.resolve(run.name() + "-" + run.format() + ".log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        cmd.addAll(run.jvm());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "build",
                "--source", src.toString(), "--output", out.toString(), "--now", "2026-06-01T00:00:00Z"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(8, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail(run + ": the build did not finish");
        }
        String output = Files.readString(log);
        assertEquals(0, p.exitValue(), run + ": " + output);
        // The CLI's own summary line uses ASCII digits too.
        assertTrue(output.matches("(?s).*Built [0-9]+ pages .*"), run + ": " + output);
        return TestSites.snapshot(out);
    }
}
