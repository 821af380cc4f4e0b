package io.tickerpress.pipeline;

import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.SourcePaths;
import io.tickerpress.load.ContentLoader;
import io.tickerpress.load.MarketSource;
import io.tickerpress.model.Fingerprint;
import io.tickerpress.model.MarketData;
import io.tickerpress.model.SiteConfig;
import io.tickerpress.write.AtomicFiles;
import io.tickerpress.write.RecordBytes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The market data as an earlier build parsed it, kept in the cache folder ({@code market-memo.bin}) so that a
 * build whose market files did not change reads one file instead of parsing thousands of snapshots. The memo
 * holds the data ({@link MarketDataBytes}) and the warnings the parse raised, under a key of everything the parse
 * depends on: the generator, the folder the build runs from and the site folder (files are named as seen from
 * there), {@code content/site.yaml} (the calendar, limits, {@code market.strict}), and the path, inode and content
 * hash of every file below {@code content/market/} as the {@link InputIndex} took them before loading (a file
 * edited within the clock's resolution, keeping its size, has another hash). A memo with another key is not used;
 * one that is cut short, damaged or of another format neither (its CRC or its reading fails): the files are parsed
 * as before. A parse that fails writes no memo, so a memo never stands in for an error.
 */
final class MarketMemo implements MarketSource {
    static final String FILE = "market-memo.bin";
    private static final String FORMAT = "tickerpress market memo 1";
    private static final String MARKET = "content/market";
    private static final String SITE_YAML = "content/site.yaml";

    private final BuildOptions options;
    /** The input files as indexed before loading, or null (not indexed: no memo is read or written). */
    private final InputIndex inputs;

    MarketMemo(BuildOptions options, InputIndex inputs) {
        this.options = options;
        this.inputs = inputs;
    }

    /** The memo's data with its warnings when it was made from these very inputs; else the files' parse, kept. */
    @Override
    public MarketData load(SiteConfig config, Path contentDir, Diagnostics diagnostics, ContentLoader.Cache cache) {
        Map<String, InputIndex.Entry> market = inputs == null || options.cacheDir() == null ? Map.of()
                : inputs.under(MARKET);
        if (market.isEmpty() || !contentDir.equals(options.source().resolve("content"))) {
            return PARSE.load(config, contentDir, diagnostics, cache);
        }
        String key = key(market);
        SourcePaths paths = new SourcePaths(options.source());
        if (!options.clean()) {
            Remembered remembered = read(file(), key);
            if (remembered != null) {
                Diagnostics replayed = new Diagnostics();
                try {
                    remembered.warnings().forEach(w -> replayed.replay(w, paths));
                    diagnostics.addAll(replayed);
                    return remembered.data();
                } catch (RuntimeException e) {
                    // a warning that does not read back: parsed as before
                }
            }
        }
        Diagnostics own = new Diagnostics();
        MarketData data = PARSE.load(config, contentDir, own, cache);
        diagnostics.addAll(own);
        if (readAsIndexed(market)) write(key, data, own.stored(paths));
        return data;
    }

    /** What a memo holds. */
    record Remembered(MarketData data, List<String> warnings) {
    }

    /** The memo in {@code file} when its key is {@code key}, else null (missing, damaged, foreign, another key). */
    static Remembered read(Path file, String key) {
        byte[] bytes;
        try {
            bytes = io.tickerpress.model.StoredBytes.readAll(file);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return read(bytes, key);
    }

    /** The memo these bytes hold when its key is {@code key}, else null. */
    static Remembered read(byte[] bytes, String key) {
        try {
            RecordBytes.Reader in = RecordBytes.Reader.unsealed(bytes);
            if (!in.getString().equals(FORMAT) || !in.getString().equals(key)) return null;
            int count = in.count();
            List<String> warnings = new java.util.ArrayList<>(count);
            for (int i = 0; i < count; i++) warnings.add(in.getString());
            MarketData data = MarketDataBytes.read(in);
            return in.atEnd() ? new Remembered(data, List.copyOf(warnings)) : null;
        } catch (RuntimeException e) {
            return null; // damaged or another format: parsed as before
        }
    }

    /** Best effort: without a memo the next build parses the files. */
    private void write(String key, MarketData data, List<String> warnings) {
        try {
            byte[] bytes = bytes(key, data, warnings);
            Files.createDirectories(options.cacheDir());
            AtomicFiles.write(file(), bytes);
        } catch (IOException | RuntimeException e) {
            // the next build parses the files again
        }
    }

    /** A memo's bytes: its format, key and warnings, the data, and a CRC-32 of all that ({@link RecordBytes}). */
    static byte[] bytes(String key, MarketData data, List<String> warnings) {
        RecordBytes.Writer out = new RecordBytes.Writer(1 << 20);
        out.putString(FORMAT);
        out.putString(key);
        out.putInt(warnings.size());
        warnings.forEach(out::putString);
        MarketDataBytes.write(data, out);
        return out.sealed();
    }

    /**
     * Whether the files parsed were the ones the index hashed: each market file and site.yaml still has the status
     * the index took, and had it well before (the rule of {@link InputIndex#hashIfUnchanged}). A file saved during
     * the build, or just before it, may have been read with other bytes than its key says: no memo is written then.
     */
    private boolean readAsIndexed(Map<String, InputIndex.Entry> market) {
        Map<String, InputIndex.Entry> files = new java.util.LinkedHashMap<>(market);
        InputIndex.Entry siteYaml = inputs.files().get(SITE_YAML);
        if (siteYaml != null) files.put(SITE_YAML, siteYaml);
        for (Map.Entry<String, InputIndex.Entry> e : files.entrySet()) {
            Path file = options.source().resolve(e.getKey());
            if (inputs.hashIfUnchanged(options.source(), file, e.getValue().size()) == null) return false;
        }
        return true;
    }

    /** The key of the parse of these market files with this generator, from this folder, with this site.yaml. */
    private String key(Map<String, InputIndex.Entry> market) {
        Fingerprint.Parts key = new Fingerprint.Parts()
                .add(GeneratorVersion.id(options.cacheDir()))
                .add(Path.of("").toAbsolutePath().toString())
                .add(options.source().toAbsolutePath().normalize().toString());
        InputIndex.Entry siteYaml = inputs.files().get(SITE_YAML);
        key.add(siteYaml == null ? "-" : siteYaml.hash());
        key.add(market.size());
        market.forEach((path, entry) -> key.add(path).add(entry.inode()).add(entry.hash()));
        return key.hex();
    }

    Path file() {
        return options.cacheDir().resolve(FILE);
    }
}
