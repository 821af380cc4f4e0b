package io.tickerpress.pipeline;

import io.tickerpress.derive.Archives;
import io.tickerpress.derive.ChartSlicer;
import io.tickerpress.derive.Chronicle;
import io.tickerpress.derive.DigestDay;
import io.tickerpress.derive.Market;
import io.tickerpress.derive.MarketPages;
import io.tickerpress.derive.Pagination;
import io.tickerpress.derive.Publication;
import io.tickerpress.derive.Taxonomy;
import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.InputError;
import io.tickerpress.diag.SourcePaths;
import io.tickerpress.load.ArticleLoader;
import io.tickerpress.load.ContentLoader;
import io.tickerpress.model.Article;
import io.tickerpress.model.PublishedArticle;
import io.tickerpress.model.SiteConfig;
import io.tickerpress.model.SiteContent;
import io.tickerpress.model.TradingCalendar;
import io.tickerpress.pipeline.OutputPaths.Source;
import io.tickerpress.render.FeedRenderer;
import io.tickerpress.render.Formats;
import io.tickerpress.render.MarketViews;
import io.tickerpress.render.PageRenderer;
import io.tickerpress.render.Sitemaps;
import io.tickerpress.render.Theme;
import io.tickerpress.render.ThemeAssets;
import io.tickerpress.render.chart.Charts;
import io.tickerpress.render.view.ArticleItemView;
import io.tickerpress.render.view.FeedView;
import io.tickerpress.write.BuildManifest;
import io.tickerpress.write.ChartCache;
import io.tickerpress.write.PageEntries;
import io.tickerpress.write.StagingFolder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** The whole pipeline, in order: load → derive → render → write. */
public final class SiteBuilder {
    private SiteBuilder() {
    }

    /** Says once what the build leaves out although the editor may expect it: future articles, or every article. */
    private static void noticeLeftOut(SiteContent content, BuildOptions options, Diagnostics diagnostics) {
        if (content.articles().isEmpty()) {
            diagnostics.warn(Diagnostics.display(options.source().resolve("content/articles")), 0,
                    "no articles: the site is built without any story; write one with tickerpress new article"
                            + " \"TITLE\"");
            return;
        }
        List<Article> held = Publication.heldBack(content.articles(), options.drafts(), options.future(), options.now());
        if (!held.isEmpty()) {
            Article next = held.get(0);
            diagnostics.warnMentioning(io.tickerpress.diag.Counts.of(held.size(), "future article")
                    + " held back; next: " + Formats.of(content.config()).datelineTime(next.date()) + " (",
                    next.file(), "); build with --future to include " + io.tickerpress.diag.Counts.pick(held.size(), "it", "them"));
        }
    }

    public static BuildResult build(BuildOptions options) {
        return build(options, ContentLoader.Cache.none(), Progress.NONE);
    }

    /**
     * @param parsed articles parsed by earlier builds in this process (the preview server keeps it), reused
     *               when their file has not changed
     */
    public static BuildResult build(BuildOptions options, ContentLoader.Cache parsed, Progress progress) {
        return build(options, parsed, progress, null);
    }

    /** @param preview kept up to date with this build's article pages (the preview server's quick path), or null */
    public static BuildResult build(BuildOptions options, ContentLoader.Cache parsed, Progress progress,
                                    ArticlePreview preview) {
        long start = System.nanoTime();
        Diagnostics diagnostics = new Diagnostics();
        int parsesBefore = parsed.parses();

        java.util.LinkedHashMap<String, Long> stages = new java.util.LinkedHashMap<>();
        OutputPlacement.check(options);
        QuickPaths quick = QuickPaths.tried(options, start);
        if (quick.built().isPresent()) return quick.built().get();
        NothingChanged since = quick.since();
        HeapGuard.watch();
        long mark = lap(stages, "check inputs", start);
        String siteYaml = SiteInputs.siteYaml(options.source());
        // load
        ParsedArticleStore parsedStore = new ParsedArticleStore(options, since.inputs());
        io.tickerpress.load.ParsedArticles known = parsedStore.read();
        SiteContent content;
        try {
            content = ContentLoader.load(options.source(), diagnostics, parsed, known,
                    new MarketMemo(options, since.inputs()));
            parsedStore.keep(known);
        } finally {
            if (known != null) known.release(); // closes the store's file when loading failed
        }
        SiteConfig config = options.baseUrl() == null ? content.config()
                : content.config().withBaseUrl(normaliseBaseUrl(options.baseUrl()));
        if (!options.inPlace()) {
            LocalBaseUrl.warn(config.baseUrl(), options.baseUrl() != null, options.source(), siteYaml, diagnostics);
        }

        HeapGuard.check();
        mark = lap(stages, "load", mark);
        // derive
        List<Article> published = Publication.select(content.articles(), options.drafts(), options.future(), options.now());
        noticeLeftOut(content, options, diagnostics);
        Chronicle chronicle = new Chronicle(config, published);
        List<PublishedArticle> newestFirst = chronicle.newestFirst();
        List<Taxonomy.Term> tags = Taxonomy.group(newestFirst, p -> p.article().tags(), "tags/", Taxonomy::tagSlug,
                "tag", diagnostics);
        Market market = new Market(content.market(), TradingCalendar.of(config.market()));
        List<DigestDay> digests = new MarketPages(market, config).digests(content.digests(), newestFirst);
        Map<String, List<PublishedArticle>> tickers = tickers(market, newestFirst);
        Instant newestContent = newestContent(newestFirst, market);

        mark = lap(stages, "derive", mark);
        // render + write
        Theme theme = new Theme(options.source());
        String inputs = SiteInputs.fingerprint(siteYaml, config, options, theme);
        ChartCache chartCache = new ChartCache(options.cacheDir(), GeneratorVersion.charts());
        try (StagingFolder out = options.inPlace() ? StagingFolder.inPlace(options.output())
                : StagingFolder.beside(options.output(), !options.clean(), !options.temporary()); Workers workers = Workers.forThisMachine();
             PageEntries entries = PageEntries.in(options.cacheDir())) {
            // Read under the output's lock: the manifest must describe the site this build carries pages over from.
            BuildManifest previous = options.clean() ? BuildManifest.empty(options.output(), inputs)
                    : BuildManifest.load(options.cacheDir(), options.output(), inputs);
            // In place, a build that fails leaves what it wrote in the folder, which the manifest no longer
            // describes: until this build publishes, there is none (the next build after a failure makes all).
            if (options.inPlace()) BuildManifest.delete(options.cacheDir(), options.output());
            Charts charts = new Charts(new ChartSlicer(market), config.chartFormat(), path -> config.basePath() + path,
                    chartCache, out::previous, Formats.of(config));
            SourcePaths sourcePaths = new SourcePaths(options.source());
            PageRenderer pages = new PageRenderer(config, theme, diagnostics, market, charts, sourcePaths);
            FeedRenderer feeds = new FeedRenderer(config, theme);
            progress.total(newestFirst.size() + digests.size());
            PageStore store = new PageStore(out, previous, entries, charts, diagnostics, sourcePaths, progress);

            List<ArticleItemView> latest = pages.latest(newestFirst);
            if (config.feedsFullContent()) {
                List<List<PublishedArticle>> feedLists = new ArrayList<>(List.of(newestFirst));
                tags.forEach(tag -> feedLists.add(tag.articles()));
                pages.keepBodiesOf(FeedRenderer.itemPaths(feedLists));
            }
            mark = lap(stages, "prepare", mark);
            // The search index needs only the stories: it is made on a worker while the pages render.
            SearchIndexStore searchIndex = new SearchIndexStore(options, inputs);
            java.util.concurrent.Future<?> search = workers.start(
                    () -> searchIndex.write(store, newestFirst, pages::url, pages.formats()));
            workers.each(chronicle.oldestFirst(), entry ->
                    store.page(entry.path(), Source.article(entry.article().file()),
                            pages.article(entry, chronicle, latest), lastmod(entry)));
            // List pages render on the workers too: each is written to its own path, and the records that the
            // sitemap lists are sorted there, so the output does not depend on the order they finish in.
            // Each list page's task (and the page it renders) is made when a worker takes it (TaskList).
            TaskList lists = new TaskList();
            lists.addFor(Pagination.paginate(newestFirst, config.paginate(), ""), page -> () -> store.page(page.path(),
                    Source.listPage("the home page", page.number()),
                    pages.home(page, digests.isEmpty() ? null : digests.get(digests.size() - 1)),
                    newest(page.items(), newestContent)));
            for (Taxonomy.Term tag : tags) {
                String list = "the page of tag '" + tag.name() + "'";
                lists.addFor(Pagination.paginate(tag.articles(), config.paginate(), tag.path()), page -> () -> store.page(
                        page.path(), Source.listPage(list, page.number()),
                        pages.articleList("list", tag.name(), page, pages.tagFeeds(tag.name(), tag.path())),
                        newest(page.items(), newestContent)));
            }
            lists.addTask(() -> store.page("tags/", Source.generated("the tags index"), pages.termIndex("Tags", "tags/", tags),
                    newestContent));
            for (Archives.Archive archive : Archives.of(config, newestFirst)) {
                String heading = pages.archiveHeading(archive);
                String list = "the archive of " + heading;
                lists.addFor(Pagination.paginate(archive.articles(), config.paginate(), archive.path()), page -> () ->
                        store.page(page.path(), Source.listPage(list, page.number()),
                                pages.articleList("archive", heading, page, List.of()),
                                newest(page.items(), newestContent)));
            }
            for (Taxonomy.Term author : authors(newestFirst, diagnostics)) {
                String list = "the page of author '" + author.name() + "'";
                lists.addFor(Pagination.paginate(author.articles(), config.paginate(), author.path()), page -> () ->
                        store.page(page.path(), Source.listPage(list, page.number()),
                                pages.articleList("author", author.name(), page, List.of()),
                                newest(page.items(), newestContent)));
            }
            workers.each(lists, Runnable::run);
            mark = lap(stages, "articles and lists", mark);

            workers.each(digests, day ->
                    store.page(day.path(), Source.generated("the market digest of " + day.snapshot().file()),
                            pages.digest(day), day.snapshot().asOf().toInstant()));
            TaskList marketLists = new TaskList();
            if (!digests.isEmpty()) {
                List<DigestDay> newestDays = new ArrayList<>(digests);
                Collections.reverse(newestDays);
                marketLists.addFor(Pagination.paginate(newestDays, config.paginate(), "markets/"), page -> () ->
                        store.page(page.path(), Source.listPage("the markets index", page.number()),
                                pages.marketsIndex(page), page.items().get(0).snapshot().asOf().toInstant()));
            }
            List<Taxonomy.Term> tickerTerms = new ArrayList<>();
            tickers.forEach((symbol, articles) -> {
                String path = MarketViews.tickerPath(symbol);
                tickerTerms.add(new Taxonomy.Term(symbol, symbol, path, articles));
                Instant dataDate = market.stats(symbol).filter(st -> st.size() > 0)
                        .map(st -> market.calendar().closeAt(st.date(st.size() - 1)).toInstant())
                        .orElse(null);
                String list = "the page of ticker " + symbol;
                marketLists.addFor(Pagination.paginate(articles, config.paginate(), path), page -> () -> {
                    Instant newest = newest(page.items(), dataDate == null ? newestContent : dataDate);
                    Instant lastmod = dataDate != null && dataDate.isAfter(newest) ? dataDate : newest;
                    store.page(page.path(), Source.listPage(list, page.number()),
                            pages.ticker(symbol, page), lastmod);
                });
            });
            workers.each(marketLists, Runnable::run);
            if (!tickerTerms.isEmpty()) {
                store.page("tickers/", Source.generated("the tickers index"),
                        pages.termIndex("Tickers", "tickers/", tickerTerms), newestContent);
            }
            store.page("search/", Source.generated("the search page"), pages.search(), newestContent);
            store.page("404.html", Source.generated("the 404 page"), pages.notFound(), newestContent);
            mark = lap(stages, "market pages", mark);
            Workers.join(search);
            // The files below are made again only when what they are made from changed (see PageStore.files).

            // Feeds for the site and each tag; full content when site.yaml asks for it.
            Function<PublishedArticle, String> body = config.feedsFullContent() ? pages::bodyHtml : null;
            String fullContent = config.feedsFullContent() ? market.digest() : null;
            writeFeeds(store, feeds, config.title(), config.description(), "", newestFirst, body, fullContent,
                    "the site");
            for (Taxonomy.Term tag : tags) {
                writeFeeds(store, feeds, config.title() + ": " + tag.name(), tag.name(), tag.path(), tag.articles(),
                        body, fullContent, "tag '" + tag.name() + "'");
            }
            writeSitemaps(store, feeds);
            store.file("news-sitemap.xml", Source.generated("the news sitemap"), bytes(feeds.newsSitemap(newestFirst)));
            store.file("robots.txt", Source.generated("robots.txt"), bytes(feeds.robots()));

            mark = lap(stages, "feeds and sitemaps", mark);
            // The theme's files change only with the inputs every page shares, which a manifest is kept for.
            store.files("theme assets", "the theme of the shared inputs", Source::themeFile,
                    files -> ThemeAssets.collect(theme).forEach(files));
            Source chart = Source.generated("a chart");
            Charts.Stats chartStats = workers.call(() -> charts.renderAll((name, file) -> store.file(name, chart, file),
                    (name, file) -> {
                        out.link(name, file); // first: a link that fails falls back to writing the bytes
                        store.claim(name, chart);
                    }));

            mark = lap(stages, "charts", mark);
            store.written();
            int files = out.filesWritten();
            // The records go first: if publishing fails, the next build's manifest check finds no such output.
            BuildManifest.delete(options.cacheDir(), options.output());
            LastBuild.RECORD.delete(options.cacheDir(), options.output());
            ArticleOrder.RECORD.delete(options.cacheDir(), options.output());
            out.publish();
            AfterPublishing records = new AfterPublishing(diagnostics);
            records.record(() -> store.saveManifest(options.cacheDir()));
            records.record(searchIndex::keep);
            String[] order = {"-"};
            if (since.inputs() != null) {
                records.record(() -> {
                    // Names this build's order record; its last-build record (saved after it) repeats the name.
                    String token = out.root().getFileName() + "-" + Long.toHexString(System.nanoTime());
                    Optional<ArticleOrder> articles = ArticleOrder.of(token, sourcePaths, chronicle.oldestFirst(),
                            articleLists(config, pages, chronicle, tags, tickers, digests));
                    if (articles.isPresent()) {
                        articles.get().save(options.cacheDir(), options.output());
                        order[0] = token;
                    }
                });
            }
            records.record(chartCache::prune);
            lap(stages, "publish", mark);
            BuildResult result = new BuildResult(store.pages(), files, chronicle.oldestFirst().size(),
                    diagnostics.warnings(), (System.nanoTime() - start) / 1_000_000, chartStats.rendered(),
                    chartStats.reused(), store.rendered(), store.reused(), chartStats.millis(), stages,
                    parsed.parses() - parsesBefore + (known == null ? 0 : known.parsed()), false);
            if (preview != null) {
                records.record(() -> preview.remember(options.output(), content.config(),
                        new ArticleLoader(content.config()), pages, chronicle, latest));
            }
            // Without every record, no last-build record: the next build is a full one.
            if (records.complete()) {
                records.record(() -> since.remember(out.root(), published,
                        Publication.heldBack(content.articles(), options.drafts(), options.future(), options.now()),
                        result, diagnostics.stored(sourcePaths), order[0]));
            }
            return records.complete() ? result : result.withWarnings(diagnostics.warnings());
        }
    }

    /**
     * The quick paths, tried in order: nothing changed since the last build, or only article bodies, titles or key
     * points ({@link ArticleEdits}). {@code built}: the result of the one that built; else {@code since}, the check
     * of the inputs for the full build, without the last build's record (its input index is large, and a full build
     * does not need it: it is not kept through one).
     */
    private record QuickPaths(Optional<BuildResult> built, NothingChanged since) {
        static QuickPaths tried(BuildOptions options, long start) {
            NothingChanged checked = NothingChanged.since(options);
            Optional<BuildResult> built = checked.result(start);
            if (built.isEmpty()) built = ArticleEdits.build(options, checked, start);
            return new QuickPaths(built, built.isPresent() ? null : checked.withoutLast());
        }
    }

    /**
     * The authors' lists of stories, newest first: names that make one page (case, normalisation form) are one
     * author, as tags are, with the same warning when {@code diagnostics} is given.
     */
    private static List<Taxonomy.Term> authors(List<PublishedArticle> newestFirst, Diagnostics diagnostics) {
        return Taxonomy.group(newestFirst,
                p -> p.article().author() == null || p.article().author().isBlank() ? List.of() : List.of(p.article().author()),
                "authors/", Taxonomy::tagSlug, "author", diagnostics);
    }

    /**
     * The pages this build made that list stories, as the loops above paginate them, for a later build that changes
     * a title or key point ({@link ArticleEdits}). Made after publishing, not while the pages render: a large
     * archive's heap is fullest then.
     */
    private static ArticleLists articleLists(SiteConfig config, PageRenderer pages, Chronicle chronicle,
                                             List<Taxonomy.Term> tags, Map<String, List<PublishedArticle>> tickers,
                                             List<DigestDay> digests) {
        List<PublishedArticle> newestFirst = chronicle.newestFirst();
        ArticleLists.Recorder listed = new ArticleLists.Recorder(chronicle, config.paginate());
        listed.add(ArticleLists.Kind.HOME, "", "", newestFirst);
        for (Taxonomy.Term tag : tags) listed.add(ArticleLists.Kind.TAG, tag.name(), tag.path(), tag.articles());
        for (Archives.Archive archive : Archives.of(config, newestFirst)) {
            listed.add(ArticleLists.Kind.ARCHIVE, pages.archiveHeading(archive), archive.path(), archive.articles());
        }
        for (Taxonomy.Term author : authors(newestFirst, null)) { // warned when the pages were made
            listed.add(ArticleLists.Kind.AUTHOR, author.name(), author.path(), author.articles());
        }
        tickers.forEach((symbol, articles) ->
                listed.add(ArticleLists.Kind.TICKER, symbol, MarketViews.tickerPath(symbol), articles));
        for (DigestDay day : digests) listed.addPage(ArticleLists.Kind.DIGEST, day.path(), day.path(), day.articles());
        return listed.lists();
    }

    private static long lap(Map<String, Long> stages, String name, long since) {
        long now = System.nanoTime();
        stages.put(name, (now - since) / 1_000_000);
        return now;
    }

    /**
     * The sitemaps of every page: in a method of their own, so that their sorted copy of the pages' records is not
     * held by the build's frame while the records for the next build are made.
     */
    private static void writeSitemaps(PageStore store, FeedRenderer feeds) {
        Sitemaps sitemaps = Sitemaps.of(store.records());
        store.files("sitemaps", sitemaps.fingerprint(), name -> Source.generated(
                name.equals(Sitemaps.MAIN) ? "the sitemap" : "the sitemap file " + name),
                files -> sitemaps.write(feeds, files));
    }

    private static void writeFeeds(PageStore store, FeedRenderer feeds, String title, String description, String path,
                                   List<PublishedArticle> newestFirst, Function<PublishedArticle, String> body,
                                   String fullContent, String of) {
        Source rss = Source.generated("the RSS feed of " + of);
        Source atom = Source.generated("the Atom feed of " + of);
        store.files("feeds " + path, FeedRenderer.fingerprint(title, description, path, newestFirst, fullContent),
                name -> name.endsWith("atom.xml") ? atom : rss, files -> {
                    FeedView feed = feeds.feed(title, description, path, newestFirst, body);
                    files.accept(path + "feed.xml", bytes(feeds.rss(feed)));
                    files.accept(path + "atom.xml", bytes(feeds.atom(feed)));
                });
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** When an article last changed: its update, else its publication. */
    private static Instant lastmod(PublishedArticle p) {
        return p.article().lastChanged();
    }

    private static Instant newest(List<PublishedArticle> items, Instant fallback) {
        Instant newest = null;
        for (PublishedArticle p : items) {
            Instant t = lastmod(p);
            if (newest == null || t.isAfter(newest)) newest = t;
        }
        return newest == null ? fallback : newest;
    }

    /** The newest moment in the content: an article's time or a snapshot's close. Not the build's clock. */
    private static Instant newestContent(List<PublishedArticle> newestFirst, Market market) {
        Instant newest = newest(newestFirst, Instant.EPOCH);
        for (var s : market.snapshots()) {
            if (s.asOf().toInstant().isAfter(newest)) newest = s.asOf().toInstant();
        }
        return newest;
    }

    /** Every symbol with market data or named by an article, with its articles newest first. */
    private static Map<String, List<PublishedArticle>> tickers(Market market, List<PublishedArticle> newestFirst) {
        Map<String, List<PublishedArticle>> bySymbol = new TreeMap<>();
        market.series().keySet().forEach(s -> bySymbol.put(s, new ArrayList<>()));
        for (PublishedArticle a : newestFirst) {
            for (String t : a.article().tickers()) {
                bySymbol.computeIfAbsent(t, k -> new ArrayList<>()).add(a);
            }
        }
        return bySymbol;
    }

    public static String normaliseBaseUrl(String url) {
        if (!io.tickerpress.load.Urls.isAbsoluteHttp(url)) {
            throw new InputError("--base-url", "must be an absolute http(s) URL such as https://news.example.com/, not '"
                    + url + "'");
        }
        io.tickerpress.load.Urls.baseUrlProblem(url).ifPresent(problem -> {
            throw new InputError("--base-url", "'" + url + "' " + problem);
        });
        return url.endsWith("/") ? url : url + "/";
    }
}
