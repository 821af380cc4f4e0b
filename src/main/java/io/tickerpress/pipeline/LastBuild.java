package io.tickerpress.pipeline;

import io.tickerpress.model.Fingerprint;
import io.tickerpress.write.RecordBytes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the last successful build into an output read and published, kept in the cache folder: the build's
 * {@link #key} (output, options, generator), the {@link InputIndex} of every input file, the version folder it
 * published with that folder's modes, the clocks that select the same articles ({@code clockFrom}: the newest
 * published article's date, {@code clockUntil}: the first held-back future article's; null: no bound), and what
 * it reported (counts, and warnings as {@code Diagnostics.stored} keeps them), and the token of the
 * {@link ArticleOrder} that describes its published articles ("-": none). A build whose key, inputs, clock and
 * umask match, and whose output still points at that complete version, has nothing to do: it reports the same
 * and changes nothing.
 * Written after publishing, removed before: a build that fails half-way leaves no record, so the next one
 * builds.
 */
record LastBuild(String key, InputIndex inputs, String version, String modes, Instant clockFrom, Instant clockUntil,
                 int pages,
                 int files, int articles, int charts, List<String> warnings, String order) {
    private static final String FORMAT = "tickerpress last build 3";
    /** The record's file, {@code last-build-KEY.bin} beside the output's page manifest. */
    static final CacheRecord RECORD = new CacheRecord("last-build");

    LastBuild {
        warnings = List.copyOf(warnings);
    }

    /** Everything besides the input files that decides the output: where it goes, the options, the generator. */
    static String key(BuildOptions options) {
        return Fingerprint.of("output", io.tickerpress.write.BuildManifest.outputKey(options.output()),
                "drafts=" + options.drafts() + " future=" + options.future(),
                "baseUrl=" + options.baseUrl(), "generator", GeneratorVersion.id(options.cacheDir()));
    }

    /** Whether a build with this key, these inputs and this clock would publish exactly what this record did. */
    boolean sameBuild(String key, InputIndex now, Instant clock) {
        return this.key.equals(key) && inputs.sameContent(now) && sameSelection(clock);
    }

    /** Whether a build at this clock selects the articles this record's build selected (drafts aside). */
    boolean sameSelection(Instant clock) {
        return (clockFrom == null || !clock.isBefore(clockFrom)) && (clockUntil == null || clock.isBefore(clockUntil));
    }

    /** The record of the last build into an output, or empty (none, or damaged: a full build). */
    static Optional<LastBuild> load(Path cacheDir, Path output) {
        return RECORD.load(cacheDir, output, LastBuild::parse);
    }

    /**
     * The record's bytes ({@link RecordBytes}, sealed): its format, the fields in order, the input index; null when
     * they are of another format.
     */
    private static LastBuild parse(RecordBytes.Reader in) {
        if (!FORMAT.equals(in.getString())) return null;
        String key = in.getString();
        String version = in.getString();
        String modes = in.getString();
        Instant from = instant(in.getString());
        Instant until = instant(in.getString());
        int pages = in.getInt();
        int files = in.getInt();
        int articles = in.getInt();
        int charts = in.getInt();
        int count = in.count();
        List<String> warnings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) warnings.add(in.getString());
        String order = in.getString();
        InputIndex index = InputIndex.readFrom(in);
        if (!in.atEnd()) return null;
        return new LastBuild(key, index, version, modes, from, until, pages, files, articles, charts,
                warnings, order);
    }

    private static Instant instant(String text) {
        return text.equals("-") ? null : Instant.parse(text);
    }

    void save(Path cacheDir, Path output) {
        save(cacheDir, output, null);
    }

    /**
     * Saves this record; its input index is written over the layout of {@code before}'s where their paths are the
     * same ({@link InputIndex#writeTo(RecordBytes.Writer, InputIndex)}), null: anew.
     */
    void save(Path cacheDir, Path output, InputIndex before) {
        if (cacheDir == null) return;
        RecordBytes.Writer out = new RecordBytes.Writer(inputs.files().size() * 64 + 4096);
        out.putString(FORMAT).putString(key).putString(version).putString(modes)
                .putString(clockFrom == null ? "-" : clockFrom.toString())
                .putString(clockUntil == null ? "-" : clockUntil.toString())
                .putInt(pages).putInt(files).putInt(articles).putInt(charts).putInt(warnings.size());
        warnings.forEach(out::putString);
        out.putString(order);
        inputs.writeTo(out, before);
        // Without the record the next build is a full one; nothing else is lost.
        Optional<Path> saved = RECORD.save(cacheDir, output, out.sealed());
        if (saved.isEmpty()) return;
        try {
            // The text record of earlier TickerPress versions, beside it, is never read again.
            Path file = saved.get();
            Files.deleteIfExists(file.resolveSibling(file.getFileName().toString().replaceFirst("\\.bin$", ".txt")));
        } catch (IOException e) {
            // it stays, unread
        }
    }
}
