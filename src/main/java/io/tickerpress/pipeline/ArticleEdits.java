package io.tickerpress.pipeline;

import io.tickerpress.derive.ChartSlicer;
import io.tickerpress.derive.Chronicle;
import io.tickerpress.derive.Publication;
import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.SourcePaths;
import io.tickerpress.load.ArticleLoader;
import io.tickerpress.load.MarketLoader;
import io.tickerpress.load.SiteConfigLoader;
import io.tickerpress.model.Article;
import io.tickerpress.model.MarketData;
import io.tickerpress.model.PublishedArticle;
import io.tickerpress.model.SiteConfig;
import io.tickerpress.model.TradingCalendar;
import io.tickerpress.derive.Market;
import io.tickerpress.render.Formats;
import io.tickerpress.render.PageRenderer;
import io.tickerpress.render.PreparedPage;
import io.tickerpress.render.Theme;
import io.tickerpress.render.chart.Charts;
import io.tickerpress.render.view.ArticleItemView;
import io.tickerpress.write.BuildManifest;
import io.tickerpress.write.ChartCache;
import io.tickerpress.write.PublishedOutput;
import io.tickerpress.write.StagingFolder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The quick path of a build after edits to the bodies of published articles only: when every input file that
 * changed since the {@link LastBuild} is an article of its {@link ArticleOrder} whose {@link ArticleOrder#face}
 * is unchanged (its front matter says the same), no page but those articles' own shows what changed: their
 * neighbours, the lists, feeds, sitemaps and the search index show only faces. Then those pages alone are
 * rendered, from the changed articles, their neighbours and the newest stories (parsed from their files, not
 * from the archive), and every other file of the published version is carried over into a new version that is
 * published as every build's is. Anything else (a changed title, date or tag, an added or removed file, a
 * template, site.yaml, market data, charts or shortcodes in a changed article, full-content feeds, an as-of
 * sidebar, a page with charts) is built in full: this path only takes edits it can prove touch one page each.
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

    /** The edits this path takes on: what changed, and the articles that decide the changed pages. */
    private record Plan(LastBuild last, InputIndex inputs, SiteConfig config, Market market, Chronicle chronicle,
                        List<PublishedArticle> changed) {
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
        List<String> changedFiles = new ArrayList<>();
        for (Map.Entry<String, InputIndex.Entry> e : now.files().entrySet()) {
            InputIndex.Entry was = before.get(e.getKey());
            if (was == null) return null;
            if (!was.hash().equals(e.getValue().hash())) {
                changedFiles.add(e.getKey());
                if (changedFiles.size() > MOST) return null;
            }
        }
        if (changedFiles.isEmpty()) return null;
        ArticleOrder order = ArticleOrder.load(options.cacheDir(), options.output()).orElse(null);
        if (order == null || !order.token().equals(last.order())) return null;
        Map<String, Integer> places = order.places();
        // The changed articles, each with its neighbours, and the newest stories: the pages to render show no other.
        Set<Integer> changed = new TreeSet<>();
        Set<Integer> needed = new TreeSet<>();
        int count = order.files().size();
        for (String file : changedFiles) {
            Integer at = places.get(file);
            if (at == null) return null; // not a published article (a template, site.yaml, data, a draft)
            changed.add(at);
            for (int i = Math.max(0, at - 1); i <= Math.min(count - 1, at + 1); i++) needed.add(i);
        }
        for (int i = Math.max(0, count - LATEST); i < count; i++) needed.add(i);

        SourcePaths paths = new SourcePaths(options.source());
        Path content = options.source().resolve("content");
        SiteConfig config = SiteConfigLoader.load(content);
        if (options.baseUrl() != null) config = config.withBaseUrl(SiteBuilder.normaliseBaseUrl(options.baseUrl()));
        if (config.feedsFullContent() || config.market().asOf()) return null; // feeds or sidebars show bodies or dates
        ArticleLoader loader = new ArticleLoader(config);
        List<Article> articles = new ArrayList<>();
        Map<String, Integer> placeOf = new HashMap<>();
        for (int i : needed) {
            String file = order.files().get(i);
            Article a = loader.load(options.source().resolve(file), InputIndex::hashOf);
            // The article must be the one recorded (its path read back the same way), and say the same to others.
            if (!file.equals(ArticleOrder.fileOf(paths, a)) || !ArticleOrder.face(paths, a).equals(order.face(i))) {
                return null;
            }
            if (changed.contains(i) && (!a.charts().isEmpty() || a.body().shortcodes() || a.body().key() == null)) {
                return null; // its page shows market data or charts
            }
            articles.add(a);
            placeOf.put(file, i);
        }
        if (Publication.select(articles, options.drafts(), options.future(), options.now()).size() != articles.size()) {
            return null;
        }
        Chronicle chronicle = new Chronicle(config, articles);
        // The order of these few is the record's: each changed article's neighbours, and the newest stories.
        List<PublishedArticle> changedEntries = new ArrayList<>();
        for (PublishedArticle entry : chronicle.oldestFirst()) {
            int at = placeOf.get(ArticleOrder.fileOf(paths, entry.article()));
            if (!changed.contains(at)) continue;
            if (!neighbour(paths, chronicle.previous(entry), order, at - 1)
                    || !neighbour(paths, chronicle.next(entry), order, at + 1)) {
                return null;
            }
            changedEntries.add(entry);
        }
        List<PublishedArticle> newest = chronicle.newestFirst();
        for (int k = 0; k < Math.min(LATEST, count); k++) {
            if (placeOf.get(ArticleOrder.fileOf(paths, newest.get(k).article())) != count - 1 - k) return null;
        }
        TradingCalendar calendar = TradingCalendar.of(config.market());
        MarketData data = new MarketLoader(calendar, new Diagnostics(), config.limits(), config.market().strict())
                .load(content);
        return new Plan(last, now, config, new Market(data, calendar), chronicle, changedEntries);
    }

    /** Whether a neighbour found among the few articles loaded is the record's article at {@code place}. */
    private static boolean neighbour(SourcePaths paths, Optional<PublishedArticle> found, ArticleOrder order,
                                     int place) {
        if (place < 0 || place >= order.files().size()) return found.isEmpty();
        return found.isPresent() && order.files().get(place).equals(ArticleOrder.fileOf(paths,
                found.get().article()));
    }

    private static BuildResult publish(BuildOptions options, Plan plan, long start, Map<String, Long> stages) {
        long mark = System.nanoTime();
        LastBuild last = plan.last();
        SiteConfig config = plan.config();
        Theme theme = new Theme(options.source());
        String inputs = SiteInputs.fingerprint(SiteInputs.siteYaml(options.source()), config, options, theme);
        ChartCache chartCache = new ChartCache(options.cacheDir(), GeneratorVersion.id());
        // Checked before a new version is made, and again under the lock the new version holds.
        if (!published(options, last)) return notQuick();
        try (StagingFolder out = StagingFolder.beside(options.output(), true);
             Workers workers = Workers.forThisMachine()) {
            if (!published(options, last)) return notQuick();
            Set<String> pageFiles = new java.util.HashSet<>();
            plan.changed().forEach(entry -> pageFiles.add(entry.path() + "index.html"));
            BuildManifest.Patch manifest = BuildManifest.Patch.read(options.cacheDir(), options.output(), inputs,
                    pageFiles).orElse(null);
            Set<String> baseFiles = out.previousFiles().orElse(null);
            if (manifest == null || baseFiles == null) return notQuick();
            Charts charts = new Charts(new ChartSlicer(plan.market()), config.chartFormat(),
                    path -> config.basePath() + path, chartCache, out::previous, Formats.of(config));
            SourcePaths paths = new SourcePaths(options.source());
            PageRenderer pages = new PageRenderer(config, theme, new Diagnostics(), plan.market(), charts, paths);
            List<ArticleItemView> latest = pages.latest(plan.chronicle().newestFirst());
            // The build's warnings as kept for the next build (files named relative to the site folder).
            List<String> warnings = new ArrayList<>(last.warnings());
            Set<String> written = new java.util.HashSet<>();
            for (PublishedArticle entry : plan.changed()) {
                String file = entry.path() + "index.html";
                BuildManifest.Entry was = manifest.entry(file);
                if (was == null || !baseFiles.contains(file)) return notQuick();
                PreparedPage page = pages.article(entry, plan.chronicle(), latest);
                Diagnostics own = new Diagnostics();
                String html = page.render().apply(own);
                // Charts it shows (a sidebar's) must be the published version's: they are carried over with it.
                List<String> shown = PageStore.chartFiles(html);
                if (!shown.stream().allMatch(chart -> baseFiles.contains("charts/" + chart))) return notQuick();
                out.write(file, html.getBytes(StandardCharsets.UTF_8));
                written.add(file);
                // The page's earlier warnings give way to its new ones.
                for (String w : was.warnings()) warnings.remove(w);
                warnings.addAll(own.stored(paths));
                manifest.put(file, new BuildManifest.Entry(page.fingerprint(), shown, own.stored(paths)));
            }
            // Every other file of the published version is carried over: nothing it shows changed.
            List<String> carried = new ArrayList<>(baseFiles.size());
            for (String f : baseFiles) if (!written.contains(f)) carried.add(f);
            AtomicBoolean lost = new AtomicBoolean();
            stages.put(STAGE + ": render", (System.nanoTime() - mark) / 1_000_000);
            mark = System.nanoTime();
            workers.each(carried, f -> {
                if (!out.carryOver(f)) lost.set(true);
            });
            if (lost.get() || out.filesWritten() != last.files()) return notQuick();
            java.util.Collections.sort(warnings);
            // Reported as the user sees the files from this working folder, sorted.
            Diagnostics shownWarnings = new Diagnostics();
            warnings.forEach(w -> shownWarnings.replay(w, paths));

            BuildManifest.delete(options.cacheDir(), options.output());
            LastBuild.delete(options.cacheDir(), options.output());
            stages.put(STAGE + ": carry over", (System.nanoTime() - mark) / 1_000_000);
            mark = System.nanoTime();
            out.publish();
            manifest.save(options.cacheDir());
            chartCache.pruneAsLastBuild(); // the charts are the last build's
            stages.put(STAGE + ": publish", (System.nanoTime() - mark) / 1_000_000);
            long millis = (System.nanoTime() - start) / 1_000_000;
            stages.put(STAGE, millis);
            BuildResult result = new BuildResult(last.pages(), out.filesWritten(), last.articles(), shownWarnings.warnings(), millis,
                    0, last.charts(), written.size(), last.pages() - written.size(), 0, stages,
                    plan.chronicle().oldestFirst().size(), false);
            new LastBuild(last.key(), plan.inputs(), out.root().toString(), PublishedOutput.modes(out.root()),
                    last.clockFrom(), last.clockUntil(), last.pages(), result.files(), last.articles(), last.charts(),
                    warnings, last.order()).save(options.cacheDir(), options.output());
            return result;
        }
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
