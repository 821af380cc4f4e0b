package io.tickerpress.pipeline;

import io.tickerpress.derive.ChartSlicer;
import io.tickerpress.derive.Chronicle;
import io.tickerpress.derive.DigestDay;
import io.tickerpress.derive.Market;
import io.tickerpress.derive.MarketPages;
import io.tickerpress.derive.Pagination;
import io.tickerpress.derive.Permalinks;
import io.tickerpress.derive.Publication;
import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.SourcePaths;
import io.tickerpress.load.ArticleLoader;
import io.tickerpress.load.DigestLoader;
import io.tickerpress.load.SiteConfigLoader;
import io.tickerpress.model.Article;
import io.tickerpress.model.Digest;
import io.tickerpress.model.MarketData;
import io.tickerpress.model.PublishedArticle;
import io.tickerpress.model.SiteConfig;
import io.tickerpress.model.TradingCalendar;
import io.tickerpress.render.FeedRenderer;
import io.tickerpress.render.Formats;
import io.tickerpress.render.PageRenderer;
import io.tickerpress.render.PreparedPage;
import io.tickerpress.render.Theme;
import io.tickerpress.render.chart.Charts;
import io.tickerpress.render.search.IndexFiles;
import io.tickerpress.render.view.ArticleItemView;
import io.tickerpress.write.BuildManifest;
import io.tickerpress.write.ChartCache;
import io.tickerpress.write.PublishedOutput;
import io.tickerpress.write.StagingFolder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The quick path of a build after edits to published articles that move no story: when every input file that
 * changed since the {@link LastBuild} is an article of its {@link ArticleOrder} whose {@link ArticleOrder#placing}
 * is unchanged (its time, tags, tickers, author and the rest of its front matter but its title and key points say
 * the same), the pages that show what changed are known from the record:
 * <ul>
 *   <li>a body edit ({@link ArticleOrder#face} unchanged too) shows on the article's own page alone;</li>
 *   <li>a title or key-point edit shows on its own page, its neighbours' (their links name it), the pages of the
 *   lists that show it ({@link ArticleLists}: home, tag, archive, author, ticker and digest pages) and the search index
 *   (updated from its memo, {@link SearchIndexStore#patch}).</li>
 * </ul>
 * Then those pages alone are rendered, from the articles they show (parsed from their files, not from the
 * archive), and every other file of the published version is carried over into a new version that is published
 * as every build's is. Anything else is built in full: a changed time, tag or slug, an added or removed file, a
 * template, site.yaml, market data, a chart the published version does not have, full-content feeds, an as-of
 * sidebar; and a title or key point that a feed, the news sitemap, the front page or every article's "latest"
 * list shows (one of the newest stories). This path only takes edits whose pages it can name.
 */
final class ArticleEdits {
    /** The stage this path reports its time under ({@link BuildResult#stageMillis}). */
    static final String STAGE = "article edits";
    /** More changed articles than this are built in full (the quick path is for an editor's save, not a batch). */
    private static final int MOST = 100;
    /** The newest stories every article page lists (see {@link PageRenderer#latest}). */
    private static final int LATEST = 5;

    private ArticleEdits() {
    }

    /**
     * The edits this path takes on: the article pages and list pages to render, from the articles they show.
     *
     * @param pages   the article pages to render (the changed ones, and the neighbours of changed titles)
     * @param lists   the list pages to render
     * @param shown   the articles whose title or key points changed, by place
     * @param faces   their new faces, by place
     * @param paths   the input files' names in the stable form
     */
    private record Plan(LastBuild last, InputIndex inputs, SiteConfig config, Market market, Chronicle chronicle,
                        List<PublishedArticle> pages, List<Listed> lists, Map<Integer, PublishedArticle> shown,
                        Map<Integer, String> faces, ArticleOrder order, ArticleLoader loader, SourcePaths paths) {
    }

    /** A list page to render, with its stories. */
    private record Listed(ArticleLists.ListPage list, Pagination.Page<PublishedArticle> page, DigestDay day) {
    }

    /** A reason, found late, to build in full instead. */
    private static final class NotQuick extends RuntimeException {
        NotQuick() {
            super(null, null, false, false);
        }
    }

    /** The result of building the edits the quick way, or empty when the build must be a full one. */
    static Optional<BuildResult> build(BuildOptions options, NothingChanged since, long start) {
        Plan plan;
        Map<String, Long> stages = new java.util.LinkedHashMap<>();
        long mark = System.nanoTime();
        stages.put("check inputs", (mark - start) / 1_000_000);
        try {
            plan = plan(options, since);
        } catch (RuntimeException e) {
            plan = null; // a file that cannot be read or parsed now: the full build reports it
        }
        if (plan == null) return Optional.empty();
        try {
            stages.put(STAGE + ": plan", (System.nanoTime() - mark) / 1_000_000);
            return Optional.of(publish(options, plan, start, stages));
        } catch (NotQuick e) {
            return Optional.empty();
        }
    }

    private static Plan plan(BuildOptions options, NothingChanged since) {
        LastBuild last = since.last();
        InputIndex now = since.inputs();
        if (options.clean() || options.inPlace() || options.cacheDir() == null || last == null || now == null
                || last.order().equals("-") || !last.key().equals(LastBuild.key(options))
                || !last.sameSelection(options.now())) {
            return null;
        }
        Map<String, InputIndex.Entry> before = last.inputs().files();
        if (now.files().size() != before.size()) return null; // a file added or removed
        List<String> changedFiles = now.differentFrom(last.inputs());
        if (changedFiles.isEmpty() || changedFiles.size() > MOST) return null;
        for (String file : changedFiles) {
            if (!before.containsKey(file)) return null; // added (and as many removed)
        }
        ArticleOrder order = ArticleOrder.load(options.cacheDir(), options.output()).orElse(null);
        if (order == null || !order.token().equals(last.order())) return null;
        Map<String, Integer> places = order.places();
        int count = order.files().size();

        SourcePaths paths = new SourcePaths(options.source());
        Path content = options.source().resolve("content");
        SiteConfig config = SiteConfigLoader.load(content);
        if (options.baseUrl() != null) config = config.withBaseUrl(SiteBuilder.normaliseBaseUrl(options.baseUrl()));
        if (config.feedsFullContent() || config.market().asOf()) return null; // feeds or sidebars show bodies or dates
        ArticleLoader loader = new ArticleLoader(config);
        Map<Integer, Article> loaded = new TreeMap<>();
        // Each changed article: its body alone changed, or also what lists show of it but not where they show it.
        Set<Integer> shown = new TreeSet<>();
        Map<Integer, String> faces = new HashMap<>();
        Set<Integer> pageAt = new TreeSet<>();
        Set<Integer> needed = new TreeSet<>();
        for (String file : changedFiles) {
            Integer at = places.get(file);
            if (at == null) return null; // not a published article (a template, site.yaml, data, a draft)
            Article a = load(options, now, loader, paths, order, at);
            // Its page may show market data (shortcodes, charts): the data did not change (only articles did), and
            // the page renders from the same data as a full build's; a chart it shows must be one the published
            // version has (Rendering.page).
            if (a == null || a.body().key() == null) return null;
            loaded.put(at, a);
            pageAt.add(at);
            String face = ArticleOrder.face(paths, a);
            if (face.equals(order.face(at))) {
                around(at, 1, count, needed);
            } else if (ArticleOrder.placing(paths, a).equals(order.placing(at))) {
                if (at >= count - LATEST) return null; // every article page lists the newest stories
                shown.add(at);
                faces.put(at, face);
                around(at, 1, count, pageAt); // the neighbours' links name it
                around(at, 2, count, needed); // and name their own other neighbours
            } else {
                return null; // it moves in the lists, or leaves or joins one
            }
        }
        for (int i = Math.max(0, count - LATEST); i < count; i++) needed.add(i);
        List<ArticleLists.ListPage> lists = order.lists().showing(shown);
        for (ArticleLists.ListPage list : lists) {
            if (list.kind() == ArticleLists.Kind.HOME && list.number() == 1) return null; // the lead, the digest
            if (list.kind() == ArticleLists.Kind.HOME || list.kind() == ArticleLists.Kind.TAG) {
                // The site's and each tag's feeds show the list's newest stories.
                for (int at : shown) {
                    int position = list.positionOf(at);
                    if (position >= 0 && position < FeedRenderer.FEED_ITEMS) return null;
                }
            }
            for (int item : list.items()) needed.add(item);
        }
        // The other articles the pages show must say to others what the record says of them.
        for (int i : needed) {
            if (loaded.containsKey(i)) continue;
            Article a = load(options, now, loader, paths, order, i);
            if (a == null || !ArticleOrder.face(paths, a).equals(order.face(i))) return null;
            loaded.put(i, a);
        }
        List<Article> articles = new ArrayList<>(loaded.values());
        if (Publication.select(articles, options.drafts(), options.future(), options.now()).size() != articles.size()) {
            return null;
        }
        // These few articles must fall in the record's order: then each page to render finds its neighbours (loaded
        // with it) and the newest stories among them as the full build would.
        Chronicle chronicle = new Chronicle(config, articles);
        Map<Integer, PublishedArticle> at = new HashMap<>();
        int previous = -1;
        for (PublishedArticle entry : chronicle.oldestFirst()) {
            int place = places.get(ArticleOrder.fileOf(paths, entry.article()));
            if (place <= previous) return null;
            previous = place;
            at.put(place, entry);
        }
        if (!shown.isEmpty()) {
            Instant newest = loaded.get(count - 1).date().toInstant();
            for (int s : shown) {
                if (FeedRenderer.inNewsSitemap(newest, loaded.get(s).date().toInstant())) return null;
            }
        }
        List<PublishedArticle> pages = pageAt.stream().map(at::get).toList();
        Map<Integer, PublishedArticle> shownEntries = new HashMap<>();
        shown.forEach(s -> shownEntries.put(s, at.get(s)));
        TradingCalendar calendar = TradingCalendar.of(config.market());
        // The market files did not change: their memo is the data a full build parses (its warnings are the record's).
        MarketData data = new MarketMemo(options, now).load(config, content, new Diagnostics(),
                io.tickerpress.load.ContentLoader.Cache.none());
        Market market = new Market(data, calendar);
        List<Listed> listed = new ArrayList<>();
        List<Digest> editorials = null;
        for (ArticleLists.ListPage list : lists) {
            List<PublishedArticle> items = new ArrayList<>(list.items().length);
            for (int item : list.items()) items.add(at.get(item));
            DigestDay day = null;
            if (list.kind() == ArticleLists.Kind.DIGEST) {
                // A digest page lists its day's stories (the page's items): its day made as the full build makes it.
                if (editorials == null) editorials = DigestLoader.loadAll(content, config.limits().articleBytes());
                day = new MarketPages(market, config).digests(editorials, items).stream()
                        .filter(d -> d.path().equals(list.base())).findFirst().orElse(null);
                if (day == null || !day.articles().equals(items)) return null;
            }
            listed.add(new Listed(list, list.page(items), day));
        }
        return new Plan(last, now, config, market, chronicle, pages, listed, shownEntries, faces, order, loader, paths);
    }

    /** Adds the places within {@code reach} of {@code at} that the order has. */
    private static void around(int at, int reach, int count, Set<Integer> places) {
        for (int i = Math.max(0, at - reach); i <= Math.min(count - 1, at + reach); i++) places.add(i);
    }

    /**
     * The article at a place of the order, parsed from its file, or null when the file no longer reads back as the
     * record's (its path read the same way). Its bytes must be the ones the build's input index saw
     * ({@link InputIndex#hashOfRead}): the last-build record this path saves is that index.
     */
    private static Article load(BuildOptions options, InputIndex inputs, ArticleLoader loader, SourcePaths paths,
                                ArticleOrder order, int place) {
        String file = order.files().get(place);
        Path path = options.source().resolve(file);
        Article a = loader.load(path, bytes -> inputs.hashOfRead(options.source(), path, bytes));
        return file.equals(ArticleOrder.fileOf(paths, a)) ? a : null;
    }

    private static BuildResult publish(BuildOptions options, Plan plan, long start, Map<String, Long> stages) {
        long mark = System.nanoTime();
        LastBuild last = plan.last();
        SiteConfig config = plan.config();
        Theme theme = new Theme(options.source());
        String inputs = SiteInputs.fingerprint(SiteInputs.siteYaml(options.source()), config, options, theme);
        ChartCache chartCache = new ChartCache(options.cacheDir(), GeneratorVersion.charts());
        // Checked before a new version is made, and again under the lock the new version holds.
        if (!published(options, last)) return notQuick();
        try (StagingFolder out = StagingFolder.beside(options.output(), true, !options.temporary());
             Workers workers = Workers.forThisMachine()) {
            if (!published(options, last)) return notQuick();
            Set<String> pageFiles = new java.util.HashSet<>();
            plan.pages().forEach(entry -> pageFiles.add(entry.path() + "index.html"));
            plan.lists().forEach(listed -> pageFiles.add(listed.list().path() + "index.html"));
            Set<String> groups = plan.shown().isEmpty() ? Set.of() : Set.of(SearchIndexStore.GROUP);
            BuildManifest.Patch manifest = BuildManifest.Patch.read(options.cacheDir(), options.output(), inputs,
                    pageFiles, groups).orElse(null);
            Set<String> baseFiles = out.previousFiles().orElse(null);
            if (manifest == null || baseFiles == null) return notQuick();
            Charts charts = new Charts(new ChartSlicer(plan.market()), config.chartFormat(),
                    path -> config.basePath() + path, chartCache, out::previous, Formats.of(config));
            SourcePaths paths = plan.paths();
            PageRenderer pages = new PageRenderer(config, theme, new Diagnostics(), plan.market(), charts, paths);
            List<ArticleItemView> latest = pages.latest(plan.chronicle().newestFirst());
            // The build's warnings as kept for the next build (files named relative to the site folder).
            List<String> warnings = new ArrayList<>(last.warnings());
            // The search index is patched on a worker while the pages render.
            SearchIndexStore search = new SearchIndexStore(options, inputs);
            java.util.concurrent.atomic.AtomicReference<SearchPatch> searched = new java.util.concurrent.atomic.AtomicReference<>();
            java.util.concurrent.Future<?> searching = plan.shown().isEmpty() ? null : workers.start(() ->
                    searched.set(patchSearch(options, plan, search, manifest, baseFiles, pages, out)));
            Set<String> written = new java.util.HashSet<>();
            Rendering rendering = new Rendering(out, manifest, baseFiles, paths, warnings, written);
            for (PublishedArticle entry : plan.pages()) {
                rendering.page(entry.path() + "index.html", pages.article(entry, plan.chronicle(), latest));
            }
            for (Listed listed : plan.lists()) {
                rendering.page(listed.list().path() + "index.html", listPage(pages, listed));
            }
            int pagesWritten = written.size();
            stages.put(STAGE + ": render", (System.nanoTime() - mark) / 1_000_000);
            mark = System.nanoTime();
            Set<String> removed = Set.of();
            if (searching != null) {
                Workers.join(searching);
                SearchPatch patch = searched.get();
                manifest.putGroup(SearchIndexStore.GROUP, patch.group());
                written.addAll(patch.written());
                removed = patch.removed();
                stages.put(STAGE + ": search index (after the pages)", (System.nanoTime() - mark) / 1_000_000);
                mark = System.nanoTime();
            }
            // Every other file of the published version is carried over: nothing it shows changed.
            List<String> carried = new ArrayList<>(baseFiles.size());
            for (String f : baseFiles) if (!written.contains(f) && !removed.contains(f)) carried.add(f);
            AtomicBoolean lost = new AtomicBoolean();
            workers.each(carried, f -> {
                if (!out.carryOver(f)) lost.set(true);
            });
            // Every path is written or carried once (the carried ones are the others of the published version).
            if (lost.get() || out.filesWritten() != carried.size() + written.size()) return notQuick();
            java.util.Collections.sort(warnings);
            // Reported as the user sees the files from this working folder, sorted.
            Diagnostics shownWarnings = new Diagnostics();
            warnings.forEach(w -> shownWarnings.replay(w, paths));

            // The records go first: if publishing fails, the next build finds none and builds in full.
            BuildManifest.delete(options.cacheDir(), options.output());
            LastBuild.RECORD.delete(options.cacheDir(), options.output());
            if (!plan.faces().isEmpty()) ArticleOrder.RECORD.delete(options.cacheDir(), options.output());
            stages.put(STAGE + ": carry over", (System.nanoTime() - mark) / 1_000_000);
            mark = System.nanoTime();
            out.publish();
            AfterPublishing records = new AfterPublishing(shownWarnings);
            records.record(() -> manifest.save(options.cacheDir()));
            records.record(search::keep);
            if (!plan.faces().isEmpty()) {
                records.record(() -> plan.order().withFaces(plan.faces()).save(options.cacheDir(), options.output()));
            }
            records.record(chartCache::pruneAsLastBuild); // the charts are the last build's
            stages.put(STAGE + ": publish", (System.nanoTime() - mark) / 1_000_000);
            long millis = (System.nanoTime() - start) / 1_000_000;
            stages.put(STAGE, millis);
            BuildResult result = new BuildResult(last.pages(), out.filesWritten(), last.articles(), shownWarnings.warnings(), millis,
                    0, last.charts(), pagesWritten, last.pages() - pagesWritten, 0, stages,
                    plan.chronicle().oldestFirst().size(), false);
            // Without every record, no last-build record: the next build is a full one.
            if (records.complete()) {
                records.record(() -> new LastBuild(last.key(), plan.inputs().afterReading(options.source(), false),
                        out.root().toString(), PublishedOutput.modes(out.root()), last.clockFrom(), last.clockUntil(),
                        last.pages(), result.files(), last.articles(), last.charts(), warnings, last.order())
                        .save(options.cacheDir(), options.output(), last.inputs()));
            }
            return records.complete() ? result : result.withWarnings(shownWarnings.warnings());
        }
    }

    /** The search index's new group of files, the files written for it, and the previous group's files it dropped. */
    private record SearchPatch(BuildManifest.Group group, Set<String> written, Set<String> removed) {
    }

    /**
     * Patches the published version's search index for the changed stories: the files that hold one are made
     * again, the others kept (carried over with every other file).
     */
    private static SearchPatch patchSearch(BuildOptions options, Plan plan, SearchIndexStore search,
                                           BuildManifest.Patch manifest, Set<String> baseFiles, PageRenderer pages,
                                           StagingFolder out) {
        BuildManifest.Group before = manifest.group(SearchIndexStore.GROUP);
        if (before == null) return notQuick();
        Set<String> had = new java.util.HashSet<>(before.files());
        IndexFiles.Placed files = new IndexFiles.Placed(IndexFiles.of(out::write,
                path -> had.contains(path) && baseFiles.contains(path)));
        BuildManifest.Group after = search.patch(before, plan.order().files().size(), plan.shown(), id -> story(options, plan, id),
                pages::url, pages.formats(), files).orElse(null);
        if (after == null) return notQuick();
        Set<String> removed = new java.util.HashSet<>(had);
        after.files().forEach(removed::remove);
        return new SearchPatch(after, files.written(), removed);
    }

    /** Renders pages into the new version in place of the published version's, and patches their manifest entries. */
    private record Rendering(StagingFolder out, BuildManifest.Patch manifest, Set<String> baseFiles, SourcePaths paths,
                             List<String> warnings, Set<String> written) {
        void page(String file, PreparedPage page) {
            BuildManifest.Entry was = manifest.entry(file);
            if (was == null || !baseFiles.contains(file)) notQuick();
            Diagnostics own = new Diagnostics();
            String html = page.render().apply(own);
            // Charts it shows (a sidebar's, a ticker's) must be the published version's: they are carried over.
            List<String> shown = PageStore.chartFiles(html);
            if (!shown.stream().allMatch(chart -> baseFiles.contains("charts/" + chart))) notQuick();
            // A chart it showed and shows no more may be shown by no other page: a full build leaves its files out
            // of the site, and carrying them over would keep them.
            if (!shown.containsAll(was.charts())) notQuick();
            out.write(file, html.getBytes(StandardCharsets.UTF_8));
            written.add(file);
            // The page's earlier warnings give way to its new ones.
            for (String w : was.warnings()) warnings.remove(w);
            warnings.addAll(own.stored(paths));
            manifest.put(file, new BuildManifest.Entry(page.fingerprint(), shown, own.stored(paths)));
        }
    }

    /** A list page, as the full build makes it ({@link SiteBuilder}). */
    private static PreparedPage listPage(PageRenderer pages, Listed listed) {
        ArticleLists.ListPage list = listed.list();
        return switch (list.kind()) {
            case HOME -> pages.home(listed.page(), null); // not the first page: no digest teaser
            case TAG -> pages.articleList("list", list.name(), listed.page(), pages.tagFeeds(list.name(), list.base()));
            case ARCHIVE -> pages.articleList("archive", list.name(), listed.page(), List.of());
            case AUTHOR -> pages.articleList("author", list.name(), listed.page(), List.of());
            case TICKER -> pages.ticker(list.name(), listed.page());
            case DIGEST -> pages.digest(listed.day());
        };
    }

    /**
     * A story of the search index that did not change (its id is its place), parsed from its file: it must say to
     * others what the record says of it.
     */
    private static PublishedArticle story(BuildOptions options, Plan plan, int id) {
        Article a = load(options, plan.inputs(), plan.loader(), plan.paths(), plan.order(), id);
        if (a == null || !ArticleOrder.face(plan.paths(), a).equals(plan.order().face(id))) return notQuick();
        return new PublishedArticle(a, Permalinks.article(plan.config(), a));
    }

    /**
     * Whether the output still shows the version the last build published, intact as {@link NothingChanged} checks
     * it (its charts as cached, the same umask), with its page manifest: the version every file is carried from.
     */
    private static boolean published(BuildOptions options, LastBuild last) {
        Optional<Path> version = PublishedOutput.version(options.output());
        return version.isPresent() && version.get().toString().equals(last.version())
                && java.nio.file.Files.isRegularFile(BuildManifest.file(options.cacheDir(), options.output()))
                && PublishedOutput.newFolderModes(options.cacheDir()).equals(last.modes())
                && ChartCache.chartsIntact(version.get());
    }

    private static <T> T notQuick() {
        throw new NotQuick();
    }
}
