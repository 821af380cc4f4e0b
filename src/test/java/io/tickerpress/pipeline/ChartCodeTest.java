package io.tickerpress.pipeline;

import io.tickerpress.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Which code draws charts, from the real classes of this build. What is expected in and out was read from the
 * sources' imports: {@code ChartDrawer} imports {@code render.Numbers} and JFreeChart; nothing under
 * {@code render/chart}, {@code derive} or {@code model} refers to the Markdown renderer, the CLI or the build's
 * orchestrator.
 */
class ChartCodeTest {
    private static final List<String> ROOTS = List.of("io/tickerpress/render/chart/Charts.class",
            "io/tickerpress/render/chart/ChartDrawer.class", "io/tickerpress/render/chart/ChartEncoder.class");
    private static Map<String, byte[]> classes;

    @TempDir
    Path dir;

    @BeforeAll
    static void readClasses() throws Exception {
        Path folder = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assumeTrue(Files.isDirectory(folder), "runs from a classes folder (as under Maven)");
        classes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                classes.put(folder.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
    }

    @Test
    void aClassFileNamesWhatItUses() {
        Set<String> names = ClassNames.of(classes.get("io/tickerpress/render/chart/ChartDrawer.class"));
        assertTrue(names.contains("org/jfree/chart/JFreeChart") || names.contains("Lorg/jfree/chart/JFreeChart"), names.toString());
        assertTrue(names.contains("io/tickerpress/render/Numbers") || names.contains("Lio/tickerpress/render/Numbers"), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.contains("ChartTheme$Palette")), names.toString());
        assertFalse(names.stream().anyMatch(n -> n.contains("MarkdownRenderer")), names.toString());
    }

    @Test
    void bytesThatAreNoClassFileAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClassNames.of("not a class".getBytes(StandardCharsets.UTF_8)));
        byte[] drawer = classes.get("io/tickerpress/render/chart/ChartDrawer.class");
        assertThrows(IllegalArgumentException.class, () -> ClassNames.of(Arrays.copyOf(drawer, 40)));
    }

    @Test
    void theChartCodeIsWhatDrawingReaches() throws Exception {
        Set<String> reached = ChartCode.reach(new ChartCode.Folder(classes), ROOTS).keySet();
        for (String in : List.of("io/tickerpress/render/chart/PriceAxis.class", "io/tickerpress/render/Numbers.class",
                "io/tickerpress/render/chart/ChartTheme$Palette.class", "io/tickerpress/model/Bar.class",
                "fonts/DejaVuSans.ttf", "fonts/DejaVuSans-Bold.ttf")) {
            assertTrue(reached.contains(in), in);
        }
        for (String out : List.of("io/tickerpress/render/MarkdownRenderer.class", "io/tickerpress/cli/Main.class",
                "io/tickerpress/pipeline/SiteBuilder.class", "io/tickerpress/serve/PreviewServer.class")) {
            assertTrue(classes.containsKey(out), "the class exists: " + out);
            assertFalse(reached.contains(out), out);
        }
    }

    @Test
    void onlyAChangeInTheChartCodeChangesItsId() throws Exception {
        String id = id(classes);

        Map<String, byte[]> elsewhere = new TreeMap<>(classes);
        elsewhere.put("io/tickerpress/cli/Main.class", changed(classes.get("io/tickerpress/cli/Main.class")));
        elsewhere.put("io/tickerpress/changed.txt", "a resource outside the chart code".getBytes(StandardCharsets.UTF_8));
        assertEquals(id, id(elsewhere), "a change outside the chart code keeps the id");

        Map<String, byte[]> axis = new TreeMap<>(classes);
        axis.put("io/tickerpress/render/chart/PriceAxis.class", changed(classes.get("io/tickerpress/render/chart/PriceAxis.class")));
        assertNotEquals(id, id(axis), "a changed chart class");

        Map<String, byte[]> numbers = new TreeMap<>(classes);
        numbers.put("io/tickerpress/render/Numbers.class", changed(classes.get("io/tickerpress/render/Numbers.class")));
        assertNotEquals(id, id(numbers), "a changed class the drawing uses (the number rules)");

        Map<String, byte[]> font = new TreeMap<>(classes);
        font.put("fonts/DejaVuSans.ttf", changed(classes.get("fonts/DejaVuSans.ttf")));
        assertNotEquals(id, id(font), "another chart font");

        Map<String, byte[]> resource = new TreeMap<>(classes);
        resource.put("io/tickerpress/render/chart/fonts/x.txt", "a resource beside the chart code".getBytes(StandardCharsets.UTF_8));
        assertNotEquals(id, id(resource), "a resource in the chart code's folders");

        assertNotEquals(id, ChartCode.id(new ChartCode.Folder(classes), ROOTS, "jfreechart-1.5.7.jar\n"),
                "another library");
    }

    @Test
    void aJarReachesWhatItsFolderDoes() throws Exception {
        Path jar = dir.resolve("code.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (var e : classes.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        Set<String> fromFolder = ChartCode.reach(new ChartCode.Folder(classes), ROOTS).keySet();
        try (ChartCode.Jar code = new ChartCode.Jar(jar)) {
            assertEquals(fromFolder, ChartCode.reach(code, ROOTS).keySet());
            String before = ChartCode.id(code, ROOTS, "");
            assertEquals(before, ChartCode.id(code, ROOTS, ""), "the same jar, the same id");
        }
    }

    @Test
    void missingChartCodeIsAnError() {
        Map<String, byte[]> none = classes.entrySet().stream().filter(e -> !e.getKey().contains("render/chart/"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThrows(java.io.IOException.class, () -> ChartCode.id(new ChartCode.Folder(none), ROOTS, ""));
    }

    private static String id(Map<String, byte[]> files) throws Exception {
        return ChartCode.id(new ChartCode.Folder(files), ROOTS, "");
    }

    /** The same class file with one more byte at its end: other content, the same names. */
    private static byte[] changed(byte[] classFile) {
        return Arrays.copyOf(classFile, classFile.length + 1);
    }
}
