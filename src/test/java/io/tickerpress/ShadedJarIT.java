package io.tickerpress;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The shaded jar carries every licence and notice of the dependencies inside it. Which dependencies are inside
 * is found from the jars themselves: a dependency jar on the test class path whose classes are in the shaded
 * jar. Runs in {@code mvn verify} after packaging (the {@code jar-tests} execution); skipped when no jar is built.
 */
class ShadedJarIT {
    private static final Path JAR = Path.of("target/tickerpress.jar");
    /** Licence and notice texts: any file with "notice" or "licence" in its path that is not a class. */
    private static final Pattern LEGAL = Pattern.compile("(?i)(?!.*\\.class$).*(notice|licen[cs]e).*");
    private static List<Path> shadedIn;

    @BeforeAll
    static void findDependencies() throws IOException {
        shadedIn = new ArrayList<>();
        if (!Files.isRegularFile(JAR)) return;
        try (ZipFile shaded = new ZipFile(JAR.toFile())) {
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path dep = Path.of(entry);
                if (!dep.toString().endsWith(".jar") || !Files.isRegularFile(dep)) continue;
                try (ZipFile jar = new ZipFile(dep.toFile())) {
                    String aClass = Collections.list(jar.entries()).stream().map(ZipEntry::getName)
                            .filter(n -> n.endsWith(".class") && !n.contains("module-info") && !n.startsWith("META-INF/"))
                            .findFirst().orElse(null);
                    if (aClass != null && shaded.getEntry(aClass) != null) shadedIn.add(dep);
                }
            }
        }
    }

    private static void requireJar() {
        assumeTrue(Files.isRegularFile(JAR), "no " + JAR + ": run mvn package (mvn verify runs this test after it)");
    }

    private static String text(ZipFile zip, ZipEntry e) throws IOException {
        return new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
    }

    private static boolean shadedHasSame(ZipFile shaded, String name, String text) throws IOException {
        ZipEntry e = shaded.getEntry(name);
        return e != null && words(text(shaded, e)).contains(words(text));
    }

    private static String words(String text) {
        return String.join(" ", text.strip().split("\\s+"));
    }

    private static boolean isApache2(String licence) {
        String w = words(licence);
        return w.startsWith("Apache License Version 2.0, January 2004") && w.contains("END OF TERMS AND CONDITIONS");
    }

    /** A short note that points to the Apache License 2.0 (Jackson's modules ship one instead of the text). */
    private static boolean pointsToApache2(String licence) {
        return licence.length() < 1000 && licence.contains("licensed under")
                && licence.contains("http://www.apache.org/licenses/LICENSE-2.0");
    }

    @Test
    void theDependenciesAreFound() {
        requireJar();
        // pom.xml's compile dependencies: FreeMarker, commonmark, Jackson, JFreeChart, Batik, picocli, jsoup.
        for (String name : List.of("freemarker", "commonmark", "jackson-core", "jfreechart", "batik-svggen", "picocli",
                "jsoup")) {
            assertTrue(shadedIn.stream().anyMatch(p -> p.getFileName().toString().startsWith(name)), name + " in " + shadedIn);
        }
        assertTrue(shadedIn.stream().noneMatch(p -> p.getFileName().toString().startsWith("junit")), "no test jars");
    }

    @Test
    void everyLicenceAndNoticeIsKept() throws IOException {
        requireJar();
        try (ZipFile shaded = new ZipFile(JAR.toFile())) {
            String notice = words(text(shaded, shaded.getEntry("META-INF/NOTICE")));
            String license = text(shaded, shaded.getEntry("META-INF/LICENSE"));
            assertTrue(isApache2(license), "META-INF/LICENSE is the Apache License 2.0");
            List<String> allTexts = new ArrayList<>();
            for (ZipEntry e : Collections.list(shaded.entries())) {
                if (!e.isDirectory() && LEGAL.matcher(e.getName()).matches()) allTexts.add(words(text(shaded, e)));
            }
            int checked = 0;
            for (Path dep : shadedIn) {
                try (ZipFile jar = new ZipFile(dep.toFile())) {
                    for (ZipEntry e : Collections.list(jar.entries())) {
                        if (e.isDirectory() || !LEGAL.matcher(e.getName()).matches()) continue;
                        checked++;
                        String what = dep.getFileName() + "!" + e.getName();
                        String mine = text(jar, e);
                        boolean isNotice = e.getName().toLowerCase(Locale.ROOT).matches("(.*/)?notice(\\.txt|\\.md)?")
                                && e.getName().startsWith("META-INF/");
                        if (isNotice && !shadedHasSame(shaded, e.getName(), mine)) {
                            // Merged: every line of it is in the jar's NOTICE.
                            for (String line : mine.split("\n")) {
                                if (line.isBlank()) continue;
                                assertTrue(notice.contains(words(line)), what + ": line '" + line.strip()
                                        + "' missing from META-INF/NOTICE");
                            }
                        } else {
                            assertTrue(isApache2(mine) || pointsToApache2(mine) || allTexts.stream().anyMatch(t -> t.contains(words(mine))),
                                    what + " is neither the Apache License 2.0 nor kept in the jar");
                        }
                    }
                }
            }
            assertTrue(checked > 20, "checked " + checked + " licence and notice files");
        }
    }

    @Test
    void jfreeChartsLgplAndTickerPressOwnLicenceAreShipped() throws IOException {
        requireJar();
        try (ZipFile shaded = new ZipFile(JAR.toFile())) {
            assertArrayEquals(Files.readAllBytes(Path.of("LICENSE")),
                    shaded.getInputStream(shaded.getEntry("META-INF/LICENSE")).readAllBytes());
            ZipEntry lgpl = shaded.getEntry("META-INF/licenses/jfreechart-LGPL-2.1.txt");
            assertTrue(lgpl != null, "JFreeChart's licence text");
            String w = words(text(shaded, lgpl));
            assertTrue(w.startsWith("GNU LESSER GENERAL PUBLIC LICENSE Version 2.1, February 1999"), w.substring(0, 80));
            // JFreeChart is shipped unmodified: its classes in the jar are byte for byte the released ones.
            Path jfree = shadedIn.stream().filter(p -> p.getFileName().toString().startsWith("jfreechart")).findFirst()
                    .orElseThrow();
            int classes = 0;
            try (ZipFile jar = new ZipFile(jfree.toFile())) {
                for (ZipEntry e : Collections.list(jar.entries())) {
                    if (!e.getName().endsWith(".class")) continue;
                    ZipEntry mine = shaded.getEntry(e.getName());
                    assertTrue(mine != null, e.getName());
                    assertTrue(Arrays.equals(jar.getInputStream(e).readAllBytes(),
                            shaded.getInputStream(mine).readAllBytes()), e.getName() + " is unchanged");
                    classes++;
                }
            }
            assertTrue(classes > 100, classes + " JFreeChart classes");
            assertEquals(-1, words(text(shaded, shaded.getEntry("META-INF/NOTICE"))).indexOf("null"));
        }
    }
}
