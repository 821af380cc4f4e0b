package io.tickerpress.write;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the previous build wrote into an output folder: the fingerprint of the inputs every page shares
 * ({@code inputs}: site.yaml, every theme file, the generator), and for each page its own fingerprint, the
 * chart files it shows and the warnings its content raised. Kept in the cache folder; an incremental build
 * reuses a page whose fingerprint is unchanged instead of rendering it again, and none when the shared inputs
 * changed. Files that are not pages (feeds, sitemaps, the search index) are kept as {@code groups}: the
 * fingerprint of what a group of files is made from, and the files it made.
 */
public record BuildManifest(int version, String output, String inputs, Map<String, Entry> pages,
                            Map<String, Group> groups) {
    public static final int VERSION = 3;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    public record Entry(String fingerprint, List<String> charts, List<String> warnings) {
        public Entry {
            charts = SharedLists.of(charts);
            warnings = List.copyOf(warnings);
        }
    }

    /** A group of files made together from inputs whose fingerprint is {@code fingerprint}. */
    public record Group(String fingerprint, List<String> files) {
        public Group {
            files = List.copyOf(files);
        }
    }

    public BuildManifest {
        pages = new TreeMap<>(pages);
        groups = groups == null ? Map.of() : new TreeMap<>(groups);
    }

    /** A manifest of no pages for a build with these shared inputs: every page is rendered. */
    public static BuildManifest empty(Path output, String inputs) {
        return new BuildManifest(VERSION, output.toAbsolutePath().normalize().toString(), inputs, Map.of(), Map.of());
    }

    /** The manifest file for an output folder, inside the cache folder. */
    public static Path file(Path cacheDir, Path output) {
        String key = Integer.toHexString(output.toAbsolutePath().normalize().toString().hashCode());
        return cacheDir.resolve("pages-" + key + ".json");
    }

    /**
     * The previous manifest for this output, or an empty one when there is none or it does not fit: another
     * format, another output folder, or other shared inputs than {@code inputs}.
     */
    public static BuildManifest load(Path cacheDir, Path output, String inputs) {
        if (cacheDir == null) return empty(output, inputs);
        Path file = file(cacheDir, output);
        try {
            if (!Files.isRegularFile(file)) return empty(output, inputs);
            BuildManifest m = JSON.readValue(file.toFile(), BuildManifest.class);
            boolean fits = m.version() == VERSION && m.output().equals(output.toAbsolutePath().normalize().toString())
                    && inputs.equals(m.inputs());
            return fits ? m : empty(output, inputs);
        } catch (IOException | RuntimeException e) {
            return empty(output, inputs); // a damaged manifest only means a full build
        }
    }

    /** The output folder a manifest file was written for, or null when the file cannot be read. */
    public static String outputOf(Path manifestFile) {
        try {
            return JSON.readValue(manifestFile.toFile(), BuildManifest.class).output();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public void save(Path cacheDir) {
        if (cacheDir == null) return;
        try {
            Files.createDirectories(cacheDir);
            Path target = file(cacheDir, Path.of(output));
            // Streamed: at 100,000 articles the file is tens of megabytes, too much to build in memory first.
            AtomicFiles.write(target, out -> JSON.writeValue(out, this));
        } catch (IOException e) {
            // Without a manifest the next build is a full one; nothing else is lost.
        }
    }

    public static void delete(Path cacheDir, Path output) {
        if (cacheDir == null) return;
        try {
            Files.deleteIfExists(file(cacheDir, output));
        } catch (IOException ignored) {
            // see save()
        }
    }
}
