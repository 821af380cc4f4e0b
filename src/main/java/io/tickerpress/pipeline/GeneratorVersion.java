package io.tickerpress.pipeline;

import io.tickerpress.model.Fingerprint;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Which build of TickerPress is running: its version, the Java runtime (chart pixels depend on it) and a hash
 * of its code. Pages and cached charts made by another build of the generator are never reused. Computed once
 * per process; it never depends on the clock or on where the code is installed.
 */
final class GeneratorVersion {
    /** Libraries whose code decides output bytes; named by their jar (with its version) when not shaded in. */
    private static final List<Class<?>> LIBRARIES = List.of(freemarker.template.Configuration.class,
            org.commonmark.parser.Parser.class, org.jfree.chart.JFreeChart.class,
            org.apache.batik.svggen.SVGGraphics2D.class, com.fasterxml.jackson.databind.ObjectMapper.class);
    private static volatile String id;

    private GeneratorVersion() {
    }

    /** 32 hex digits. */
    static String id() {
        String i = id;
        if (i == null) {
            i = compute();
            id = i;
        }
        return i;
    }

    /**
     * {@link #id()}, remembered for the jar it was computed from: beside the jar ({@code tickerpress.jar.id}, for
     * every site built with it: reading the jar's directory costs a noticeable part of a small site's first
     * build) and in the cache folder (where the jar's folder cannot be written). A remembered id is used while
     * the jar's status is unchanged by the rule of {@link InputIndex} (size, times, inode; not changed within the
     * clock's resolution of the moment it was remembered) and the same Java runs.
     */
    static String id(Path cacheDir) {
        if (id != null || cacheDir == null) return id();
        Path code = location(SiteBuilder.class);
        if (code == null || !Files.isRegularFile(code)) return id();
        List<Path> memos = List.of(code.resolveSibling(code.getFileName() + ".id"), cacheDir.resolve("generator-id.txt"));
        InputIndex.Entry now;
        try {
            now = InputIndex.status(code);
        } catch (RuntimeException e) {
            return id();
        }
        for (Path memo : memos) {
            String remembered = remembered(memo, code, now);
            if (remembered != null) {
                id = remembered;
                return remembered;
            }
        }
        long taken = System.currentTimeMillis();
        String computed = id();
        byte[] text = memo(code, now, taken, computed);
        for (Path memo : memos) {
            try {
                Files.createDirectories(memo.getParent());
                io.tickerpress.write.AtomicFiles.write(memo, text);
            } catch (IOException | RuntimeException e) {
                // not remembered there: computed again next time
            }
        }
        return computed;
    }

    /** A memo's text: the jar, its status, when it was taken (ms), the Java that runs, the id. */
    static byte[] memo(Path code, InputIndex.Entry status, long taken, String id) {
        return String.join(" ", code.toString(), Long.toString(status.size()), Long.toString(status.modified()),
                Long.toString(status.changed()), Long.toString(status.inode()), Long.toString(taken),
                Runtime.version().toString(), id).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The id a memo file holds for this jar (with this status) and this Java, or null. */
    static String remembered(Path memo, Path code, InputIndex.Entry now) {
        try {
            String[] f = Files.isRegularFile(memo) ? Files.readString(memo).strip().split(" ") : new String[0];
            if (f.length == 8 && f[0].equals(code.toString()) && f[6].equals(Runtime.version().toString())
                    && f[7].matches("[0-9a-f]{32}")
                    && InputIndex.unchangedSince(now, new InputIndex.Entry(Long.parseLong(f[1]), Long.parseLong(f[2]),
                    Long.parseLong(f[3]), Long.parseLong(f[4]), ""), Long.parseLong(f[5]))) {
                return f[7];
            }
        } catch (IOException | RuntimeException e) {
            // a damaged memo only means computing the id
        }
        return null;
    }

    private static String compute() {
        Fingerprint.Files hash = new Fingerprint.Files();
        String version = SiteBuilder.class.getPackage().getImplementationVersion();
        hash.text("tickerpress " + (version == null ? "dev" : version));
        hash.text("java " + Runtime.version());
        Path code = location(SiteBuilder.class);
        try {
            if (code != null && Files.isRegularFile(code)) {
                jar(code, hash);
            } else if (code != null && Files.isDirectory(code)) {
                folder(code, hash);
                for (Class<?> library : LIBRARIES) {
                    Path jar = location(library);
                    hash.text(jar == null ? library.getName() : jar.getFileName().toString());
                }
            } else {
                code = null;
            }
        } catch (IOException e) {
            code = null;
        }
        // Code that cannot be read is never taken for the same code as another process's.
        if (code == null) hash.text("unknown code " + UUID.randomUUID());
        return hash.hex();
    }

    /**
     * Each entry's name, size and CRC, in the jar's order, from its central directory: every class and resource
     * (the shaded libraries included) without unpacking any. Entry times are left out, so rebuilding the same
     * code gives the same id.
     */
    private static void jar(Path file, Fingerprint.Files hash) throws IOException {
        // One line per entry, hashed as one text: a jar has some 16,000 entries, and hashing each line on its
        // own cost a noticeable part of a small site's build.
        StringBuilder entries = new StringBuilder(1 << 20);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                entries.append(e.getName()).append(' ').append(e.getSize()).append(' ')
                        .append(Long.toHexString(e.getCrc())).append('\n');
            }
        }
        hash.text(entries.toString());
    }

    /** Every file of a classes folder (running from a build tree rather than the jar). */
    private static void folder(Path dir, Fingerprint.Files hash) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                hash.add(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
    }

    private static Path location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) return null;
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }
}
