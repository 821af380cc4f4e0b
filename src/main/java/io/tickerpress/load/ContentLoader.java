package io.tickerpress.load;

import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.InputError;
import io.tickerpress.model.SiteConfig;
import io.tickerpress.model.SiteContent;

import java.nio.file.Files;
import java.nio.file.Path;

/** The load stage: reads a site folder's {@code content/} into a {@link SiteContent}. */
public final class ContentLoader {
    private ContentLoader() {
    }

    /**
     * Articles parsed by earlier builds in this process, by file, with the file's size and modification time:
     * the preview server rebuilds without parsing unchanged files again.
     */
    public static final class Cache {
        private record Key(long size, long modified, Object settings) {
        }

        private final java.util.Map<Path, java.util.Map.Entry<Key, Object>> files =
                new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.concurrent.atomic.AtomicInteger parses = new java.util.concurrent.atomic.AtomicInteger();
        private final boolean keeps;

        /** A cache that keeps every parse for the next build in this process (the preview server's). */
        public Cache() {
            this(true);
        }

        private Cache(boolean keeps) {
            this.keeps = keeps;
        }

        /**
         * For a single build (the {@code build} and {@code check} commands): parses nothing twice within it, but
         * keeps nothing either, so the build does not hold a path, a key and an entry per article (about 30 MB
         * at 100,000 articles) that no later build would use.
         */
        public static Cache none() {
            return new Cache(false);
        }

        /** How many files were parsed so far (not taken from this cache). */
        public int parses() {
            return parses.get();
        }

        /**
         * The parse of a file, reused while its size, modification time and the settings it was read with are
         * unchanged. Parsed values are immutable (or never changed after parsing).
         */
        @SuppressWarnings("unchecked")
        <T> T parsed(Path file, Object settings, java.util.function.Function<Path, T> parse) {
            if (!keeps) {
                parses.incrementAndGet();
                return parse.apply(file);
            }
            Key key;
            try {
                var attrs = java.nio.file.Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
                key = new Key(attrs.size(), attrs.lastModifiedTime().toMillis(), settings);
            } catch (java.io.IOException e) {
                parses.incrementAndGet();
                return parse.apply(file);
            }
            var hit = files.get(file);
            if (hit != null && hit.getKey().equals(key)) return (T) hit.getValue();
            parses.incrementAndGet();
            T value = parse.apply(file);
            files.put(file, java.util.Map.entry(key, value));
            return value;
        }

        io.tickerpress.model.Article article(Path file, SiteConfig config,
                                             java.util.function.Function<Path, io.tickerpress.model.Article> parse) {
            return parsed(file, config, parse);
        }
    }

    public static SiteContent load(Path sourceDir, Diagnostics diagnostics) {
        return load(sourceDir, diagnostics, new Cache());
    }

    public static SiteContent load(Path sourceDir, Diagnostics diagnostics, Cache cache) {
        return load(sourceDir, diagnostics, cache, null);
    }

    /** @param known articles parsed by earlier builds (see {@link ParsedArticles}), or null */
    public static SiteContent load(Path sourceDir, Diagnostics diagnostics, Cache cache, ParsedArticles known) {
        return load(sourceDir, diagnostics, cache, known, MarketSource.PARSE);
    }

    /** @param market where the market data comes from (parsed, or an earlier parse's memo) */
    public static SiteContent load(Path sourceDir, Diagnostics diagnostics, Cache cache, ParsedArticles known,
                                   MarketSource market) {
        Path content = sourceDir.resolve("content");
        if (!Files.isDirectory(content)) {
            throw new InputError(Diagnostics.display(content), "no content folder here: --source must name a folder"
                    + " that holds content/site.yaml and content/articles/");
        }
        SiteConfigLoader.Read site = SiteConfigLoader.read(content);
        SiteConfig config = site.config();
        java.util.List<io.tickerpress.model.Article> articles = new ArticleLoader(config).loadAll(content, cache, known);
        io.tickerpress.model.MarketData data = market.load(config, content, diagnostics, cache);
        site.checkMarketSymbols(data.series().keySet());
        return new SiteContent(config, articles, data, DigestLoader.loadAll(content, config.limits().articleBytes()));
    }
}
