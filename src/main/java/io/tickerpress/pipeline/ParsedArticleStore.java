package io.tickerpress.pipeline;

import io.tickerpress.load.ParsedArticles;
import io.tickerpress.write.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a build keeps the articles it parsed for the next one ({@code .tickerpress-cache/parsed-articles.bin}):
 * read before loading, found there by the content hashes the input index took, and written back after loading.
 */
final class ParsedArticleStore {
    private final BuildOptions options;
    /** The input files as indexed before loading, or null (not indexed: no store is read or kept). */
    private final InputIndex inputs;

    ParsedArticleStore(BuildOptions options, InputIndex inputs) {
        this.options = options;
        this.inputs = inputs;
    }

    /**
     * Articles parsed by earlier builds, found by the hashes the index recorded, or null when the inputs were not
     * indexed (the preview server's builds). {@code --clean} reads no store: every article is parsed (and kept).
     */
    ParsedArticles read() {
        if (inputs == null) return null;
        java.nio.channels.FileChannel stored = null;
        if (!options.clean()) {
            try {
                // Read in parts as the articles are loaded, never whole (half a gigabyte at 1,000,000 articles).
                stored = java.nio.channels.FileChannel.open(file(), java.nio.file.StandardOpenOption.READ);
            } catch (IOException | UnsupportedOperationException e) {
                stored = null;
            }
        }
        return ParsedArticles.of(stored, GeneratorVersion.id(options.cacheDir()), new ParsedArticles.Hashes() {
            @Override
            public String indexed(Path file) {
                return inputs.hashOf(options.source(), file);
            }

            @Override
            public String of(Path file, byte[] bytes) {
                return inputs.hashOfRead(options.source(), file, bytes);
            }
        });
    }

    /**
     * Keeps what this build parsed for the next one; best effort: without it the next build parses again. Lets
     * go of the store read (and closes its file) either way.
     */
    void keep(ParsedArticles parsed) {
        if (parsed == null) return;
        if (parsed.changed()) {
            try {
                Files.createDirectories(options.cacheDir());
                AtomicFiles.write(file(), parsed::writeTo);
            } catch (IOException | RuntimeException e) {
                // the next build parses every article again
            }
        }
        parsed.release();
    }

    private Path file() {
        return options.cacheDir().resolve("parsed-articles.bin");
    }
}
