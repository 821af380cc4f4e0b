package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import io.tickerpress.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Another build of the generator reuses no page of the one before, and no cached chart unless the code that draws
 * charts is the same.
 */
class GeneratorVersionTest {
    private static final Pattern SUMMARY = Pattern.compile(
            "(?:Built|Nothing changed since the last build:) (\\d+) pages \\((\\d+) rendered, (\\d+) unchanged;.*charts: (\\d+) rendered, (\\d+) reused\\)");

    @TempDir
    Path dir;

    @Test
    void changedGeneratorCodeRendersEveryPageAgainAndChartsOnlyWhenTheirCodeChanged() throws Exception {
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assumeTrue(Files.isDirectory(classes), "runs from a classes folder (as under Maven), not from the jar");
        List<String> classpath = new ArrayList<>(Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)));
        assumeTrue(classpath.stream().anyMatch(e -> Path.of(e).toAbsolutePath().equals(classes)), "classes folder on the class path");
        Path src = TestSites.site(dir.resolve("src"), Map.of(
                "content/market/2026-01-15.json", MarketInputTest.snapshot("2026-01-15", 2600, 330, "09:00:00", "a"),
                "content/market/2026-01-16.json", MarketInputTest.snapshot("2026-01-16", 2650, 340, "09:00:00", "b"),
                "content/articles/a.md", TestSites.article("A", "2026-01-16T17:00:00-05:00",
                        "charts:\n  - {type: price, symbols: MU, range: 1M}\n", "x")));
        Path out = dir.resolve("site");
        String same = String.join(File.pathSeparator, classpath);

        int[] first = build(same, src, out);
        assertEquals(first[0], first[1], "first build renders every page");
        int[] again = build(same, src, out);
        assertEquals(0, again[1], "the same generator reuses every page");
        assertEquals(0, again[3], "and every chart");

        // The same code plus one changed file outside the chart code: another build of the generator, which
        // renders every page again but keeps the charts (their code is the same).
        Path changed = dir.resolve("classes");
        TestSites.copyTree(classes, changed);
        Files.writeString(changed.resolve("io/tickerpress/changed.txt"), "a change to the generator\n");
        classpath.replaceAll(e -> Path.of(e).toAbsolutePath().equals(classes) ? changed.toString() : e);
        int[] other = build(String.join(File.pathSeparator, classpath), src, out);
        assertEquals(other[0], other[1], "another generator renders every page");
        assertEquals(0, other[3], "and draws no chart: the code that draws them is the same");
        assertEquals(first[3], other[4], "every chart is reused from the cache");

        // A change in the chart code's folder (a resource there: a class cannot be changed and still load): every
        // chart is drawn again.
        Files.writeString(changed.resolve("io/tickerpress/render/chart/changed.txt"), "a change to chart drawing\n");
        int[] redrawn = build(String.join(File.pathSeparator, classpath), src, out);
        assertEquals(redrawn[0], redrawn[1], "another generator renders every page");
        assertEquals(0, redrawn[4], "and reuses no cached chart");
        assertEquals(first[3], redrawn[3], "it draws every chart again");
    }

    /**
     * The id is remembered beside the jar for every site built with it; a memo counts only for the jar with the
     * status it recorded, settled when it was taken, and the Java that runs now.
     */
    @Test
    void aRememberedIdCountsOnlyForTheSameJarAndJava() throws Exception {
        Path jar = dir.resolve("tickerpress.jar");
        Files.writeString(jar, "code");
        Path memo = dir.resolve("tickerpress.jar.id");
        GeneratorVersion.Ids id = new GeneratorVersion.Ids("0123456789abcdef0123456789abcdef",
                "fedcba9876543210fedcba9876543210");
        long later = System.currentTimeMillis() + 60_000; // taken well after the jar last changed
        InputIndex.Entry status = InputIndex.status(jar);

        Files.write(memo, GeneratorVersion.memo(jar, status, later, id));
        assertEquals(id, GeneratorVersion.remembered(memo, jar, InputIndex.status(jar)));

        // Taken right when the jar changed: the jar may have changed again within the clock's tick.
        Files.write(memo, GeneratorVersion.memo(jar, status, System.currentTimeMillis(), id));
        assertEquals(null, GeneratorVersion.remembered(memo, jar, InputIndex.status(jar)));

        // Another Java: its chart pixels may differ, so the id does.
        String other = new String(GeneratorVersion.memo(jar, status, later, id), StandardCharsets.UTF_8)
                .replace(" " + Runtime.version() + " ", " 1.2.3 ");
        Files.writeString(memo, other);
        assertEquals(null, GeneratorVersion.remembered(memo, jar, InputIndex.status(jar)));

        // The jar rewritten (same size): its change time moved.
        Files.write(memo, GeneratorVersion.memo(jar, status, later, id));
        Files.writeString(jar, "CODE");
        assertEquals(null, GeneratorVersion.remembered(memo, jar, InputIndex.status(jar)));

        // A memo of an earlier TickerPress, which remembered the generator's id only.
        Files.write(memo, GeneratorVersion.memo(jar, status, later, id));
        String[] fields = Files.readString(memo).split(" ");
        Files.writeString(memo, String.join(" ", Arrays.copyOf(fields, 8)));
        assertEquals(null, GeneratorVersion.remembered(memo, jar, InputIndex.status(jar)));

        Files.writeString(memo, "damaged");
        assertEquals(null, GeneratorVersion.remembered(memo, jar, InputIndex.status(jar)));
    }

    /**
     * In a jar, one open of it serves both ids: the generator's (every entry's name, size and CRC from the central
     * directory) and the chart code's. A second {@code ZipFile} opened it again for the chart code. The jar here
     * is on no class path (the class loader's open file would be shared otherwise), and the opens are counted
     * under strace in a child process. The generator's id is worked out here from its definition (the version,
     * the Java, the entries' lines), so a jar's ids stay what earlier builds remembered.
     */
    @Test
    void aJarIsOpenedOnceForBothIds() throws Exception {
        HeldOpens.assumeStrace();
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assumeTrue(Files.isDirectory(classes), "runs from a classes folder (as under Maven), not from the jar");
        Path jar = dir.resolve("code.jar");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar));
             java.util.stream.Stream<Path> walk = Files.walk(classes)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(classes.relativize(f).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(f));
                zip.closeEntry();
            }
        }
        Path trace = dir.resolve("opens.trace");
        Process p = new ProcessBuilder("strace", "-f", "-qq", "-o", trace.toString(), "-e", "trace=openat",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData",
                "-cp", System.getProperty("java.class.path"), Probe.class.getName(), jar.toString())
                .redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), printed);
        List<String> opens = Files.readAllLines(trace).stream()
                .filter(l -> l.contains("\"" + jar + "\"") && !l.contains("= -1")).toList();
        assertEquals(1, opens.size(), "opens of the jar: " + opens);

        String[] ids = printed.strip().split(" ");
        io.tickerpress.model.Fingerprint.Files expected = new io.tickerpress.model.Fingerprint.Files();
        expected.text("tickerpress dev"); // no implementation version in a classes folder
        expected.text("java " + Runtime.version());
        StringBuilder lines = new StringBuilder();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            for (var e : java.util.Collections.list(zip.entries())) {
                lines.append(e.getName()).append(' ').append(e.getSize()).append(' ')
                        .append(Long.toHexString(e.getCrc())).append('\n');
            }
        }
        expected.text(lines.toString());
        assertEquals(expected.hex(), ids[0], "the generator's id");
        try (ChartCode.Jar code = new ChartCode.Jar(jar)) {
            assertEquals(ChartCode.id(code, List.of("io/tickerpress/render/chart/Charts.class",
                    "io/tickerpress/render/chart/ChartDrawer.class", "io/tickerpress/render/chart/ChartEncoder.class"),
                    ""), ids[1], "the chart code's id, not the generator's in its place");
        }
    }

    /** Prints the ids of the code at the path given: "GENERATOR CHARTS". */
    static final class Probe {
        public static void main(String[] args) {
            GeneratorVersion.Ids ids = GeneratorVersion.compute(Path.of(args[0]));
            System.out.println(ids.generator() + " " + ids.charts());
        }
    }

    /** Pages, pages rendered, pages unchanged, charts rendered, charts reused, from the real command's summary. */
    private int[] build(String classpath, Path src, Path out) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", classpath, Main.class.getName(), "build", "--source", src.toString(),
                "--output", out.toString(), "--now", TestSites.NOW.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), log);
        Matcher m = SUMMARY.matcher(log);
        assertTrue(m.find(), log);
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5))};
    }
}
