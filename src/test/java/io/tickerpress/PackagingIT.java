package io.tickerpress;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A second {@code mvn package} (the README's order: {@code ./tickerpress build}, then {@code mvn verify}) must
 * shade the same inputs as the first. It did not while the shaded jar replaced the project's main artifact: the
 * jar plugin kept that up-to-date file, and the shade plugin packaged the previous shaded jar into the new one
 * (hundreds of overlap warnings). Now the main artifact holds this project's files only, and the runnable jar
 * is a separate file. Runs in {@code mvn verify} after packaging; skipped when no jar is built.
 */
class PackagingIT {
    private static final Path TARGET = Path.of("target");

    @Test
    void theMainArtifactHoldsOnlyThisProjectsFilesSoItIsNeverShadedIntoItself() throws IOException {
        Path shaded = TARGET.resolve("tickerpress.jar");
        assumeTrue(Files.isRegularFile(shaded), "no " + shaded + ": run mvn package (mvn verify runs this test after it)");
        Path plain = plainJar();
        assertNotNull(plain, "beside the runnable jar, the main artifact target/tickerpress-VERSION.jar is a file of its own");
        try (ZipFile jar = new ZipFile(plain.toFile())) {
            List<String> foreign = Collections.list(jar.entries()).stream().map(ZipEntry::getName)
                    .filter(n -> n.endsWith(".class") && !n.startsWith("io/tickerpress/"))
                    .toList();
            assertEquals(List.of(), foreign, plain + " must hold no dependency's classes");
            assertTrue(jar.getEntry("io/tickerpress/cli/Main.class") != null, "the project's own classes are in it");
        }
        try (ZipFile jar = new ZipFile(shaded.toFile())) {
            assertTrue(jar.getEntry("picocli/CommandLine.class") != null, "the runnable jar has the dependencies");
            assertTrue(jar.getEntry("io/tickerpress/cli/Main.class") != null, "and the project's classes");
        }
    }

    /**
     * The README's "Running from anywhere": a link to the launcher on the PATH runs the jar beside the launcher,
     * from any working folder.
     */
    @Test
    void theLauncherRunsThroughALinkFromAnotherFolder(@org.junit.jupiter.api.io.TempDir Path elsewhere)
            throws IOException, InterruptedException {
        Path jar = TARGET.resolve("tickerpress.jar");
        assumeTrue(Files.isRegularFile(jar), "no " + jar + ": run mvn package (mvn verify runs this test after it)");
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        Path link = Files.createSymbolicLink(elsewhere.resolve("tickerpress"), Path.of("tickerpress").toAbsolutePath());
        Process p = new ProcessBuilder(link.toString(), "--version").directory(elsewhere.toFile())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS), "finished");
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.strip().matches("tickerpress \\d+\\.\\d+\\.\\d+.*"), output);
    }

    /** target/tickerpress-VERSION.jar, the project's main artifact. */
    private static Path plainJar() throws IOException {
        if (!Files.isDirectory(TARGET)) return null;
        try (Stream<Path> files = Files.list(TARGET)) {
            return files.filter(p -> p.getFileName().toString().matches("tickerpress-\\d.*\\.jar")).findFirst().orElse(null);
        }
    }
}
