package io.tickerpress;

import io.tickerpress.pipeline.BuildOptions;
import io.tickerpress.pipeline.BuildResult;
import io.tickerpress.pipeline.SiteBuilder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Helpers that write small sites into temporary folders, build them and read the output back. */
public final class TestSites {
    /** The build clock used by tests: long after the sample content. */
    public static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    public static final Path SAMPLE = Path.of("").toAbsolutePath();

    private TestSites() {
    }

    public static final String SITE_YAML = "title: Test Ledger\nbaseUrl: https://test.example.com/\npaginate: 2\n";

    /** A site folder with site.yaml and the given files (paths relative to the site folder). */
    public static Path site(Path dir, Map<String, String> files) {
        write(dir.resolve("content/site.yaml"), SITE_YAML);
        files.forEach((name, text) -> write(dir.resolve(name), text));
        return dir;
    }

    public static String article(String title, String date, String extraFrontMatter, String body) {
        return "---\ntitle: \"" + title + "\"\ndate: " + date + "\n" + extraFrontMatter + "---\n" + body + "\n";
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds with the test clock and a chart cache beside the output, never in the source folder. */
    public static BuildResult build(Path source, Path output) {
        return SiteBuilder.build(options(source, output));
    }

    public static BuildOptions options(Path source, Path output) {
        return BuildOptions.of(source, output).withNow(NOW)
                .withCacheDir(output.resolveSibling(output.getFileName() + "-cache"));
    }

    public static Document page(Path output, String sitePath) {
        Path file = output.resolve(sitePath.replaceFirst("^/", "")).resolve("index.html");
        if (sitePath.endsWith(".html")) file = output.resolve(sitePath.replaceFirst("^/", ""));
        try {
            return Jsoup.parse(file.toFile(), "UTF-8", "https://test.example.com" + sitePath);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Changes a file's text as an editor would; the change must change something, or the test is wrong. */
    public static void edit(Path file, java.util.function.UnaryOperator<String> change) {
        String text = read(file);
        String changed = change.apply(text);
        org.junit.jupiter.api.Assertions.assertFalse(changed.equals(text), "the edit of " + file + " changed nothing: fix the test");
        write(file, changed);
    }

    /** Removes a folder and everything in it. */
    public static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file below a folder, as relative path → bytes, for byte-for-byte comparisons. */
    public static Map<String, byte[]> snapshot(Path root) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /**
     * Copies the folder tree {@code from} into {@code to} (made as needed); a file already at a target is replaced,
     * so that one tree can be laid over another.
     */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Each file of a {@link #snapshot} as its SHA-256 in hex: what two snapshots differ in, kept small. */
    public static Map<String, String> digests(Map<String, byte[]> snapshot) {
        Map<String, String> digests = new TreeMap<>();
        try {
            for (var e : snapshot.entrySet()) {
                digests.put(e.getKey(), java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(e.getValue())));
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return digests;
    }

    /**
     * How the files of one build differ from another's, by {@link #snapshot} or {@link #digests}: the files
     * {@code actual} lacks, the ones it has in addition and the ones whose content differs, each sorted by path; empty
     * when they hold the same files with the same content.
     */
    public static String filesDiffer(Map<String, ?> expected, Map<String, ?> actual) {
        java.util.Set<String> missing = new java.util.TreeSet<>(expected.keySet());
        missing.removeAll(actual.keySet());
        java.util.Set<String> extra = new java.util.TreeSet<>(actual.keySet());
        extra.removeAll(expected.keySet());
        java.util.Set<String> differ = new java.util.TreeSet<>();
        expected.forEach((k, v) -> {
            if (actual.containsKey(k) && !java.util.Objects.deepEquals(v, actual.get(k))) differ.add(k);
        });
        if (missing.isEmpty() && extra.isEmpty() && differ.isEmpty()) return "";
        return "missing " + missing + ", extra " + extra + ", different bytes " + differ;
    }

    /** Resolves a site-relative URL such as "/news/x/" or "/news/x/#a" to the file that serves it. */
    public static Path fileFor(Path output, String url) {
        String path = url.replaceFirst("#.*$", "").replaceFirst("^/", "");
        Path p = output.resolve(path);
        return path.isEmpty() || path.endsWith("/") ? p.resolve("index.html") : p;
    }
}
