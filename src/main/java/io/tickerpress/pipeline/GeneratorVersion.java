package io.tickerpress.pipeline;

import io.tickerpress.model.Fingerprint;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

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
    /**
     * Where chart drawing starts: a cached chart is reused by any build whose code reachable from these (and the
     * Java runtime) is the same ({@link #charts}).
     */
    private static final List<Class<?>> CHART_CODE = List.of(io.tickerpress.render.chart.Charts.class,
            io.tickerpress.render.chart.ChartDrawer.class, io.tickerpress.render.chart.ChartEncoder.class);
    private static volatile Ids ids;

    /** The generator's id and the id of its chart-drawing code, 32 hex digits each. */
    record Ids(String generator, String charts) {
    }

    private GeneratorVersion() {
    }

    /** 32 hex digits. */
    static String id() {
        return ids().generator();
    }

    /**
     * The id of the code that draws charts: the Java runtime (chart pixels depend on it), and every class and
     * resource reachable from where drawing starts ({@link ChartCode}). A new TickerPress whose changes lie
     * elsewhere (templates, Markdown, the CLI) keeps every cached chart: a large market site has some 80,000,
     * more than an hour to draw again. 32 hex digits.
     */
    static String charts() {
        return ids().charts();
    }

    private static Ids ids() {
        Ids i = ids;
        if (i == null) {
            i = compute();
            ids = i;
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
        return ids(cacheDir).generator();
    }

    /** {@link #charts()}, remembered as {@link #id(Path)} is. */
    static String charts(Path cacheDir) {
        return ids(cacheDir).charts();
    }

    private static Ids ids(Path cacheDir) {
        if (ids != null || cacheDir == null) return ids();
        Path code = location(SiteBuilder.class);
        if (code == null || !Files.isRegularFile(code)) return ids();
        List<Path> memos = List.of(code.resolveSibling(code.getFileName() + ".id"), cacheDir.resolve("generator-id.txt"));
        InputIndex.Entry now;
        try {
            now = InputIndex.status(code);
        } catch (RuntimeException e) {
            return ids();
        }
        for (Path memo : memos) {
            Ids remembered = remembered(memo, code, now);
            if (remembered != null) {
                ids = remembered;
                return remembered;
            }
        }
        long taken = System.currentTimeMillis();
        Ids computed = ids();
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

    /** A memo's text: the jar, its status, when it was taken (ms), the Java that runs, the two ids. */
    static byte[] memo(Path code, InputIndex.Entry status, long taken, Ids ids) {
        return String.join(" ", code.toString(), Long.toString(status.size()), Long.toString(status.modified()),
                Long.toString(status.changed()), Long.toString(status.inode()), Long.toString(taken),
                Runtime.version().toString(), ids.generator(), ids.charts()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The ids a memo file holds for this jar (with this status) and this Java, or null. */
    static Ids remembered(Path memo, Path code, InputIndex.Entry now) {
        try {
            String[] f = Files.isRegularFile(memo) ? Files.readString(memo).strip().split(" ") : new String[0];
            if (f.length == 9 && f[0].equals(code.toString()) && f[6].equals(Runtime.version().toString())
                    && f[7].matches("[0-9a-f]{32}") && f[8].matches("[0-9a-f]{32}")
                    && InputIndex.unchangedSince(now, new InputIndex.Entry(Long.parseLong(f[1]), Long.parseLong(f[2]),
                    Long.parseLong(f[3]), Long.parseLong(f[4]), ""), Long.parseLong(f[5]))) {
                return new Ids(f[7], f[8]);
            }
        } catch (IOException | RuntimeException e) {
            // a damaged memo only means computing the id
        }
        return null;
    }

    private static Ids compute() {
        return compute(location(SiteBuilder.class));
    }

    /**
     * The ids of the code at {@code code}: a jar (opened once, for both ids) or a classes folder (read once), else
     * (null, or neither) code that cannot be read.
     */
    static Ids compute(Path code) {
        Fingerprint.Files hash = new Fingerprint.Files();
        String version = SiteBuilder.class.getPackage().getImplementationVersion();
        hash.text("tickerpress " + (version == null ? "dev" : version));
        hash.text("java " + Runtime.version());
        String charts = null;
        try {
            if (code != null && Files.isRegularFile(code)) {
                try (ChartCode.Jar jar = new ChartCode.Jar(code)) {
                    // One line per entry, hashed as one text: a jar has some 16,000 entries, and hashing each
                    // line on its own cost a noticeable part of a small site's build.
                    hash.text(jar.directory());
                    charts = chartCode(jar, "");
                }
            } else if (code != null && Files.isDirectory(code)) {
                ChartCode.Folder files = folder(code, hash);
                StringBuilder names = new StringBuilder();
                for (Class<?> library : LIBRARIES) {
                    Path jar = location(library);
                    names.append(jar == null ? library.getName() : jar.getFileName().toString()).append('\n');
                }
                String libraries = names.toString();
                hash.text(libraries);
                charts = chartCode(files, libraries);
            } else {
                code = null;
            }
        } catch (IOException e) {
            code = null;
        }
        // Code that cannot be read is never taken for the same code as another process's.
        if (code == null) hash.text("unknown code " + UUID.randomUUID());
        String generator = hash.hex();
        // Chart code that cannot be worked out: the charts are the whole generator's, as any page is.
        return new Ids(generator, charts == null ? generator : charts);
    }

    /**
     * The chart code's id ({@link ChartCode}) in the generator's code (its jar, or its classes folder's files);
     * null when it cannot be worked out (a class file it cannot read).
     */
    private static String chartCode(ChartCode.Source code, String libraries) {
        try {
            return ChartCode.id(code, roots(), libraries);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The class files where chart drawing starts, by their entry names. */
    private static List<String> roots() {
        return CHART_CODE.stream().map(c -> c.getName().replace('.', '/') + ".class").toList();
    }

    /** Every file of a classes folder (running from a build tree rather than the jar), hashed; its files by name. */
    private static ChartCode.Folder folder(Path dir, Fingerprint.Files hash) throws IOException {
        Map<String, byte[]> files = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = dir.relativize(p).toString().replace('\\', '/');
                byte[] bytes = Files.readAllBytes(p);
                hash.add(name, bytes);
                files.put(name, bytes);
            }
        }
        return new ChartCode.Folder(files);
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
