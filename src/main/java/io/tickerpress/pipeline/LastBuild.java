package io.tickerpress.pipeline;

import io.tickerpress.render.Fingerprint;
import io.tickerpress.write.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the last successful build into an output read and published, kept in the cache folder: the build's
 * {@link #key} (output, options, generator), the {@link InputIndex} of every input file, the version folder it
 * published with that folder's modes, the clocks that select the same articles ({@code clockFrom}: the newest
 * published article's date, {@code clockUntil}: the first held-back future article's; null: no bound), and what
 * it reported (counts and warnings). A build whose key, inputs, clock and umask match, and whose output still
 * points at that complete version, has nothing to do: it reports the same and changes nothing.
 * Written after publishing, removed before: a build that fails half-way leaves no record, so the next one
 * builds.
 */
record LastBuild(String key, InputIndex inputs, String version, String modes, Instant clockFrom, Instant clockUntil,
                 int pages,
                 int files, int articles, int charts, List<String> warnings) {
    private static final String FORMAT = "tickerpress last build 1";

    LastBuild {
        warnings = List.copyOf(warnings);
    }

    /** Everything besides the input files that decides the output: where it goes, the options, the generator. */
    static String key(BuildOptions options) {
        return Fingerprint.of("output", options.output().toAbsolutePath().normalize().toString(),
                "drafts=" + options.drafts() + " future=" + options.future(),
                "baseUrl=" + options.baseUrl(), "generator", GeneratorVersion.id(options.cacheDir()));
    }

    /** The record file for an output, beside its page manifest in the cache folder. */
    static Path file(Path cacheDir, Path output) {
        return besideManifest(io.tickerpress.write.BuildManifest.file(cacheDir, output));
    }

    /** The record file that goes with a page manifest file (same output). */
    static Path besideManifest(Path manifestFile) {
        String name = manifestFile.getFileName().toString();
        return manifestFile.resolveSibling(name.replaceFirst("^pages-", "last-build-").replaceFirst("\\.(json|bin)$", ".txt"));
    }

    /** Whether a build with this key, these inputs and this clock would publish exactly what this record did. */
    boolean sameBuild(String key, InputIndex now, Instant clock) {
        return this.key.equals(key) && inputs.sameContent(now)
                && (clockFrom == null || !clock.isBefore(clockFrom)) && (clockUntil == null || clock.isBefore(clockUntil));
    }

    static Optional<LastBuild> load(Path cacheDir, Path output) {
        if (cacheDir == null) return Optional.empty();
        try {
            Path file = file(cacheDir, output);
            if (!Files.isRegularFile(file)) return Optional.empty();
            return parse(Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged record only means a full build
        }
    }

    private static Optional<LastBuild> parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int split = text.indexOf("\n\n");
        if (split < 0) return Optional.empty();
        List<String> head = Arrays.asList(text.substring(0, split).split("\n", -1));
        if (head.size() < 10 || !head.get(0).equals(FORMAT)) return Optional.empty();
        Optional<InputIndex> index = InputIndex.fromBytes(text.substring(split + 2).getBytes(StandardCharsets.UTF_8));
        if (index.isEmpty()) return Optional.empty();
        List<String> warnings = new ArrayList<>();
        for (String w : head.subList(10, head.size())) {
            if (!w.startsWith("w ")) return Optional.empty();
            warnings.add(unescape(w.substring(2)));
        }
        return Optional.of(new LastBuild(head.get(1), index.get(), head.get(2), head.get(3), instant(head.get(4)),
                instant(head.get(5)), Integer.parseInt(head.get(6)), Integer.parseInt(head.get(7)),
                Integer.parseInt(head.get(8)), Integer.parseInt(head.get(9)), warnings));
    }

    private static Instant instant(String text) {
        return text.equals("-") ? null : Instant.parse(text);
    }

    void save(Path cacheDir, Path output) {
        if (cacheDir == null) return;
        StringBuilder s = new StringBuilder(FORMAT).append('\n');
        for (Object line : List.of(key, version, modes, clockFrom == null ? "-" : clockFrom,
                clockUntil == null ? "-" : clockUntil, pages, files, articles, charts)) {
            s.append(line).append('\n');
        }
        warnings.forEach(w -> s.append("w ").append(escape(w)).append('\n'));
        s.append('\n').append(new String(inputs.toBytes(), StandardCharsets.UTF_8));
        try {
            Files.createDirectories(cacheDir);
            AtomicFiles.write(file(cacheDir, output), s.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Without the record the next build is a full one; nothing else is lost.
        }
    }

    static void delete(Path cacheDir, Path output) {
        if (cacheDir == null) return;
        try {
            Files.deleteIfExists(file(cacheDir, output));
        } catch (IOException ignored) {
            // see save()
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 'n' ? '\n' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
