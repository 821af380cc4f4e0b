package io.tickerpress.render;

import io.tickerpress.load.Urls;
import io.tickerpress.derive.Archives;
import io.tickerpress.derive.Chronicle;
import io.tickerpress.derive.DigestDay;
import io.tickerpress.derive.Market;
import io.tickerpress.derive.MarketPages;
import io.tickerpress.derive.Pagination;
import io.tickerpress.derive.Taxonomy;
import io.tickerpress.diag.Diagnostics;
import io.tickerpress.diag.InputError;
import io.tickerpress.diag.SourcePaths;
import io.tickerpress.model.Article;
import io.tickerpress.model.ChartSpec;
import io.tickerpress.model.Fingerprint;
import io.tickerpress.model.PublishedArticle;
import io.tickerpress.model.SiteConfig;
import io.tickerpress.render.chart.Charts;
import io.tickerpress.render.view.ArticleItemView;
import io.tickerpress.render.view.ArticleView;
import io.tickerpress.render.view.ChartView;
import io.tickerpress.render.view.DigestView;
import io.tickerpress.render.view.FrontView;
import io.tickerpress.render.view.LinkView;
import io.tickerpress.render.view.PageView;
import io.tickerpress.render.view.PagerView;
import io.tickerpress.render.view.SidebarView;
import io.tickerpress.render.view.SiteView;
import io.tickerpress.render.view.TermView;
import io.tickerpress.render.view.TickerView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns derived site data into view records and prepares each page for the theme's templates. Every
 * template gets {@code site} and {@code page}; see the README for the rest of each template's variables.
 * Pages come back as {@link PreparedPage}s: the cheap view model is built at once, the HTML only on demand.
 */
public final class PageRenderer {
    private final SiteConfig config;
    private final Theme theme;
    private final MarkdownRenderer markdown;
    private final SiteView site;
    private final Market market;
    private final MarketPages marketPages;
    private final MarketViews marketViews;
    private final SidebarView latestSidebar;
    /** The front page's sidebar: the index board alone (the page shows the stock of the day with its digest). */
    private final SidebarView boardSidebar;
    /** The site's feeds, announced on every page without feeds of its own. */
    private final List<PageView.FeedLink> siteFeeds;
    /**
     * The hashes of the parts most pages share (the site, its feeds, the sidebars, the latest stories), by
     * identity, to fingerprint a page without their text (see {@link #modelKey} and {@link #quickArticleKey}).
     * Filled before the pages render (the constructor, {@link #latest}), only read while they do.
     */
    private final Map<Object, String> sharedParts = new java.util.IdentityHashMap<>();
    private final Charts charts;
    private final Formats formats;
    /** Names input files in fingerprints the same from any working folder (relative to the site's folder). */
    private final SourcePaths sourcePaths;
    /** Rendered article bodies, kept for full-content feeds only. */
    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    /** The paths of the articles that full-content feeds show: only their bodies are kept (see {@link #bodyHtml}). */
    private volatile java.util.Set<String> feedItems = java.util.Set.of();

    public PageRenderer(SiteConfig config, Theme theme, Diagnostics diagnostics, Market market, Charts charts,
                        SourcePaths sourcePaths) {
        this.config = config;
        this.sourcePaths = sourcePaths;
        this.theme = theme;
        this.market = market;
        this.charts = charts;
        this.formats = Formats.of(config);
        this.markdown = new MarkdownRenderer(config.markdownUnsafe());
        this.marketPages = new MarketPages(market, config);
        this.marketViews = new MarketViews(market, markdown, diagnostics, this::url, config.market().benchmark(), charts,
                formats);
        this.latestSidebar = marketViews.sidebar(marketPages.sidebar(null));
        this.boardSidebar = new SidebarView("Markets at the Close", List.of(), latestSidebar.board(),
                latestSidebar.boardDate());
        this.site = new SiteView(config.title(), config.description(), config.baseUrl(), config.basePath(),
                config.language(), config.publisher(), config.basePath() + "assets/style.css", !market.snapshots().isEmpty());
        this.siteFeeds = List.of(new PageView.FeedLink(config.title() + " (RSS)", url("feed.xml"), "application/rss+xml"),
                new PageView.FeedLink(config.title() + " (Atom)", url("atom.xml"), "application/atom+xml"));
        sharedParts.put(siteFeeds, "#feeds " + Fingerprint.of(siteFeeds.toString()));
        sharedParts.put(site, "#site " + Fingerprint.of(site.toString()));
        sharedParts.put(latestSidebar, "#sidebar " + Fingerprint.of(latestSidebar.toString()));
        sharedParts.put(boardSidebar, "#board " + Fingerprint.of(boardSidebar.toString()));
    }

    /** The site's date and time formats. */
    public Formats formats() {
        return formats;
    }

    public String url(String path) {
        return config.basePath() + Urls.encode(path); // a tag's or author's folder may hold letters beyond ASCII
    }

    public String canonical(String path) {
        return config.baseUrl() + Urls.encode(path);
    }

    // ---- articles

    /**
     * The latest stories that article pages show: the 5 newest. Call it once, before the pages render, and hand
     * the list to {@link #article}: its hash is then taken once, not once per page.
     */
    public List<ArticleItemView> latest(List<PublishedArticle> newestFirst) {
        List<ArticleItemView> latest = newestFirst.stream().limit(5).map(this::item).toList();
        sharedParts.put(latest, "#latest " + Fingerprint.of(latest.toString()));
        return latest;
    }

    public PreparedPage article(PublishedArticle entry, Chronicle chronicle, List<ArticleItemView> latest) {
        String quick = quickArticleKey(entry, chronicle, latest);
        if (quick != null) {
            // The view model is built only if the page renders: most pages of an incremental build do not.
            return new PreparedPage(quick, diagnostics -> renderArticle(articlePage(entry, chronicle, latest), diagnostics));
        }
        ArticlePage page = articlePage(entry, chronicle, latest);
        Article a = entry.article();
        // The parts every article page shares (the site, its feeds, the latest stories, the "latest" sidebar)
        // enter as their hash, taken once per build (see modelKey).
        String fingerprint = Fingerprint.of("article.ftlh", modelKey(page.model()),
                bodyKey(a.body(), a.file(), a.bodyLine(), a.date().toInstant()));
        return new PreparedPage(fingerprint, diagnostics -> renderArticle(page, diagnostics));
    }

    /** An article page's view model, before its body is rendered. */
    private record ArticlePage(PublishedArticle entry, ArticleView view, Map<String, Object> model) {
    }

    private ArticlePage articlePage(PublishedArticle entry, Chronicle chronicle, List<ArticleItemView> latest) {
        Article a = entry.article();
        List<String> summary = a.summary();
        ArticleView view = new ArticleView(
                a.title(), url(entry.path()), canonical(entry.path()),
                formats.dateline(a.dateline(), a.date()),
                Formats.iso(a.date()),
                a.updated() == null ? null : formats.datelineTime(a.updated()),
                Formats.iso(a.updated() == null ? a.date() : a.updated()),
                a.author(), summary, "",
                a.sources().stream().map(s -> new LinkView(s.name(), s.url() == null ? null : Urls.encode(s.url()))).toList(),
                a.tags().stream().map(t -> new LinkView(t, url("tags/" + Taxonomy.tagSlug(t) + "/"))).toList(),
                a.tickers().stream().map(t -> new LinkView(t, marketViews.tickerUrl(t))).toList(),
                chronicle.previous(entry).map(this::link).orElse(null),
                chronicle.next(entry).map(this::link).orElse(null),
                Optional.ofNullable(Archives.dayPath(config, entry)).map(this::url).orElse(null),
                a.author() == null || a.author().isBlank() ? null : url(authorPath(a.author())));
        String description = summary.isEmpty() ? a.title() : String.join(" ", summary);
        List<ChartView> articleCharts = articleCharts(a);
        String image = imageOf(articleCharts);
        String jsonLd = JsonLd.newsArticle(a.title(), description, view.canonical(), view.datePublished(),
                view.dateModified(), a.author(), a.dateline(), a.tags(), image, config.publisher(), config.baseUrl(), null);
        Map<String, Object> model = model(new PageView("article", a.title(), description, view.url(), view.canonical())
                .withImage(image).withJsonLd(jsonLd));
        model.put("article", view);
        model.put("charts", articleCharts);
        if (config.market().sidebarOn("article")) model.put("sidebar", sidebarFor(a.date().toInstant()));
        model.put("latest", latest);
        return new ArticlePage(entry, view, model);
    }

    private String renderArticle(ArticlePage page, Diagnostics diagnostics) {
        Article a = page.entry().article();
        // Read only when the page renders: a large archive reads it from the file.
        String body = body(a.body().text(), a.file(), a.bodyLine(), a.date().toInstant(), diagnostics);
        if (config.feedsFullContent() && feedItems.contains(page.entry().path())) bodies.put(page.entry().path(), body);
        Map<String, Object> full = new HashMap<>(page.model());
        full.put("article", page.view().withBody(body));
        return theme.render("article.ftlh", full);
    }

    /**
     * An article page's fingerprint without its view model, when what decides the page is known from its inputs:
     * the content hash of its file (everything the article says), the file's path inside the site's folder (which
     * the page's warnings name), its URL path, its neighbours' titles and paths,
     * the parts every article page shares (the site, its feeds, the latest stories, the "latest" sidebar, by
     * their hashes in {@link #sharedParts}), and the market data when its body calls shortcodes. Null when
     * the page depends on more (charts in its front matter, an as-of sidebar) or the file's hash is unknown: its
     * view model is then fingerprinted.
     */
    private String quickArticleKey(PublishedArticle entry, Chronicle chronicle, List<ArticleItemView> latest) {
        Article a = entry.article();
        String content = a.body().key();
        if (content == null || !a.charts().isEmpty() || config.market().asOf()) return null;
        PublishedArticle older = chronicle.previous(entry).orElse(null);
        PublishedArticle newer = chronicle.next(entry).orElse(null);
        return Fingerprint.of("article.ftlh quick", content, sourcePaths.ofShown(a.file()), entry.path(),
                older == null ? "" : older.article().title(), older == null ? "" : older.path(),
                newer == null ? "" : newer.article().title(), newer == null ? "" : newer.path(),
                shared(site), shared(siteFeeds), shared(latest), shared(latestSidebar),
                a.body().shortcodes() ? market.digest() : "");
    }

    /** A shared part's hash from {@link #sharedParts}, or its whole text when it is not one of them. */
    private String shared(Object part) {
        String hash = sharedParts.get(part);
        return hash != null ? hash : String.valueOf(part);
    }

    /** Keeps the rendered bodies of these articles (paths) when their pages render, for full-content feeds. */
    public void keepBodiesOf(java.util.Set<String> paths) {
        feedItems = java.util.Set.copyOf(paths);
    }

    /** The rendered body of an article, for full-content feeds (rendered now if its page was reused). */
    public String bodyHtml(PublishedArticle entry) {
        return bodies.computeIfAbsent(entry.path(), p -> {
            Article a = entry.article();
            return body(a.body().text(), a.file(), a.bodyLine(), a.date().toInstant(), new Diagnostics());
        });
    }

    /** The charts an article's front matter asks for, ending at the article's time. */
    private List<ChartView> articleCharts(Article a) {
        LocalDate asOf = market.lastCloseDate(a.date().toInstant());
        return a.charts().stream().map(r -> {
            try {
                return PageCharts.request(charts, r.spec(), asOf);
            } catch (Charts.ChartException e) {
                throw new InputError(a.file(), r.line(), "chart: " + e.getMessage());
            }
        }).toList();
    }

    private SidebarView sidebarFor(Instant moment) {
        return config.market().asOf() ? marketViews.sidebar(marketPages.sidebar(moment)) : latestSidebar;
    }

    /**
     * What decides a Markdown body's HTML and warnings: its text, the file it is in (its path inside the site's
     * folder: the same from any working folder), and the market data when shortcodes compute from it.
     */
    private String bodyKey(String text, String file, int line, Instant moment) {
        return bodyKey(io.tickerpress.model.ArticleBody.of(text), file, line, moment);
    }

    /**
     * The same for an article's body, from the content hash of its file when the loader knows it (the text is
     * then not read at all), else from its text.
     */
    private String bodyKey(io.tickerpress.model.ArticleBody body, String file, int line, Instant moment) {
        String text = body.key() != null ? null : body.text();
        boolean usesData = text == null ? body.shortcodes() : io.tickerpress.model.ArticleBody.usesShortcodes(text);
        return Fingerprint.of(text == null ? "file " + body.key() : "text " + text, sourcePaths.ofShown(file),
                Integer.toString(line),
                moment.toString(), usesData ? market.digest() : "");
    }

    /** Markdown written at {@code moment}, with its shortcodes (quote, chart) expanded, as HTML. */
    private String body(String text, String file, int line, Instant moment, Diagnostics diagnostics) {
        ChartShortcode chart = new ChartShortcode(charts, market.lastCloseDate(moment), this::chartHtml);
        Shortcodes shortcodes = new Shortcodes(Map.of("quote", new QuoteShortcode(market, moment, formats), "chart", chart));
        return chart.restore(markdown.render(shortcodes.expand(text, file, line), file, line, diagnostics));
    }

    private String chartHtml(ChartView view) {
        Map<String, Object> model = new HashMap<>();
        model.put("chart", view);
        return theme.render("chart.ftlh", model);
    }

    /** Absolute URL of the first chart, for link previews (PNG only: preview cards do not show SVG). */
    private String imageOf(List<ChartView> list) {
        if (list.isEmpty() || !list.get(0).src().endsWith(".png")) return null;
        String origin = config.baseUrl().substring(0, config.baseUrl().length() - config.basePath().length());
        return origin + list.get(0).src();
    }

    // ---- lists

    /** "authors/jane-doe/": an author's page. */
    public static String authorPath(String author) {
        return "authors/" + Taxonomy.tagSlug(author) + "/";
    }

    /** An archive's heading: "2026", "January 2026" or "January 20, 2026". */
    public String archiveHeading(Archives.Archive archive) {
        return switch (archive.level()) {
            case YEAR -> Integer.toString(archive.date().getYear());
            case MONTH -> formats.formatter("MMMM yyyy").format(archive.date());
            case DAY -> formats.longDate(archive.date());
        };
    }

    /** A page of a paginated article list: a tag, archive or author page. */
    public PreparedPage articleList(String kind, String heading, Pagination.Page<PublishedArticle> page,
                                    List<PageView.FeedLink> feeds) {
        String title = page.number() == 1 ? heading : heading + " (page " + page.number() + " of " + page.total() + ")";
        Map<String, Object> model = model(new PageView(kind, title, heading, url(page.path()), canonical(page.path()))
                .withFeeds(feeds));
        model.put("heading", heading);
        model.put("pager", pager(page));
        withSidebar(kind, model);
        return withItems("list.ftlh", model, page.items(), "", (full, items) -> full.put("items", items));
    }

    /**
     * A page of the home page. The first is the front page: the newest story as the lead (with its key points),
     * the next stories with their times, and the latest digest with its stock of the day.
     */
    public PreparedPage home(Pagination.Page<PublishedArticle> page, DigestDay latestDigest) {
        String heading = config.title();
        String title = page.number() == 1 ? heading : heading + " (page " + page.number() + " of " + page.total() + ")";
        Map<String, Object> model = model(new PageView("home", title, config.description(), url(page.path()),
                canonical(page.path())));
        FrontView.DigestTeaser digest = null;
        if (page.number() == 1 && latestDigest != null) {
            DigestView d = marketViews.digest(latestDigest, "",
                    (symbol, day) -> marketPages.moveAsOf(symbol, day).orElseThrow(), List.of());
            digest = new FrontView.DigestTeaser(d.title(), url(latestDigest.path()), d.date(), d.dateIso(),
                    d.stockOfTheDay());
        }
        model.put("heading", heading);
        model.put("pager", pager(page));
        withSidebar("home", model);
        FrontView.DigestTeaser teaser = digest;
        return withItems("home.ftlh", model, page.items(), page.number() == 1 ? "front " + teaser : "",
                (full, items) -> {
                    if (page.number() == 1) {
                        full.put("front", new FrontView(items.isEmpty() ? null : items.get(0), teaser));
                        items = items.isEmpty() ? items : items.subList(1, items.size());
                    }
                    full.put("items", items);
                });
    }

    /** Adds the market sidebar (the index board and the stock of the day) when site.yaml shows it on this kind. */
    private void withSidebar(String kind, Map<String, Object> model) {
        if (!config.market().sidebarOn(kind) || latestSidebar.board().isEmpty() && latestSidebar.items().isEmpty()) return;
        // The front page shows the stock of the day with its digest: its sidebar is the board alone.
        model.put("sidebar", kind.equals("home") ? boardSidebar : latestSidebar);
    }

    public PreparedPage termIndex(String heading, String path, List<Taxonomy.Term> terms) {
        Map<String, Object> model = model(new PageView("terms", heading, heading, url(path), canonical(path)));
        model.put("heading", heading);
        model.put("terms", terms.stream().map(t -> new TermView(t.name(), url(t.path()), t.articles().size())).toList());
        return prepared("terms.ftlh", model);
    }

    public PreparedPage notFound() {
        return prepared("404.ftlh", model(new PageView("notfound", "Page not found", "Page not found",
                url("404.html"), canonical("404.html"))));
    }

    /** The search page: the script reads the search index's manifest, then the shards a query needs. */
    public PreparedPage search() {
        Map<String, Object> model = model(new PageView("search", "Search", "Search the news by word or ticker",
                url("search/"), canonical("search/")));
        model.put("indexUrl", url(io.tickerpress.render.search.SearchFormat.MANIFEST));
        model.put("script", url("assets/search.js"));
        return prepared("search.ftlh", model);
    }

    // ---- market pages

    /** A trading day's digest page. */
    public PreparedPage digest(DigestDay day) {
        var editorial = day.editorial();
        LocalDate date = day.snapshot().date();
        Instant asOf = day.snapshot().asOf().toInstant();
        DigestView view = marketViews.digest(day, "", (symbol, d) -> marketPages.moveAsOf(symbol, d).orElseThrow(),
                day.articles().stream().map(this::item).toList());
        String description = editorial != null && !editorial.summary().isEmpty() ? String.join(" ", editorial.summary())
                : "Market close for " + view.date() + ": indices, top gainers and losers, sectors and the stock of the day.";
        List<ChartView> dayCharts = new ArrayList<>();
        ChartSpec candles = new ChartSpec(ChartSpec.Type.CANDLESTICK, List.of(config.market().mainIndex()), "3M", "");
        Optional.ofNullable(PageCharts.optional(charts, candles, date))
                .ifPresent(dayCharts::add);
        if (!day.snapshot().sectors().isEmpty()) {
            ChartSpec sectors = new ChartSpec(ChartSpec.Type.SECTORS, List.of(), "1M", "");
            Optional.ofNullable(PageCharts.optional(charts, sectors, date))
                    .ifPresent(dayCharts::add);
        }
        String image = imageOf(dayCharts);
        String canonical = canonical(day.path());
        PageView pageView = new PageView("digest", view.title(), description, url(day.path()), canonical)
                .withImage(image).withJsonLd(JsonLd.newsArticle(view.title(), description, canonical,
                        Formats.iso(day.snapshot().asOf()), Formats.iso(day.snapshot().asOf()), null, null,
                        List.of("Markets"), image, config.publisher(), config.baseUrl(), "Markets"));
        Map<String, Object> model = model(pageView);
        model.put("digest", view);
        model.put("charts", dayCharts);
        String fingerprint = Fingerprint.of("digest.ftlh", modelKey(model),
                editorial == null ? "" : bodyKey(editorial.body(), editorial.file(), editorial.bodyLine(), asOf));
        return new PreparedPage(fingerprint, diagnostics -> {
            Map<String, Object> full = new HashMap<>(model);
            if (editorial != null) {
                full.put("digest", view.withBody(body(editorial.body(), editorial.file(), editorial.bodyLine(), asOf,
                        diagnostics)));
            }
            return theme.render("digest.ftlh", full);
        });
    }

    /** A page of the markets index: digests newest first. */
    public PreparedPage marketsIndex(Pagination.Page<DigestDay> page) {
        String heading = "Markets";
        String title = page.number() == 1 ? heading : heading + " (page " + page.number() + " of " + page.total() + ")";
        Map<String, Object> model = model(new PageView("markets", title, "Daily market digests", url(page.path()),
                canonical(page.path())));
        model.put("heading", heading);
        model.put("days", page.items().stream().map(d -> new ArticleItemView(
                d.editorial() != null ? d.editorial().title() : "Stock Market Today: " + formats.date(d.snapshot().date()),
                url(d.path()), formats.longDate(d.snapshot().date()), d.snapshot().date().toString(),
                d.editorial() != null && !d.editorial().summary().isEmpty() ? d.editorial().summary().get(0) : "")).toList());
        model.put("pager", pager(page));
        return prepared("markets.ftlh", model);
    }

    /** A page of a ticker's article list, with its latest quote, statistics and charts. */
    public PreparedPage ticker(String symbol, Pagination.Page<PublishedArticle> page) {
        TickerView view = marketViews.ticker(symbol, symbol);
        String heading = view.name().equals(symbol) ? symbol : view.name() + " (" + symbol + ")";
        Map<String, Object> model = model(new PageView("ticker", page.number() == 1 ? heading
                : heading + " (page " + page.number() + " of " + page.total() + ")",
                heading + ": latest close, statistics and news", url(page.path()), canonical(page.path())));
        List<ChartView> tickerCharts = new ArrayList<>();
        market.stats(symbol).filter(s -> s.size() > 1).ifPresent(s -> {
            LocalDate last = s.date(s.size() - 1);
            // The 52 weeks of the statistics' 52-week closing high and low: the chart's highest close is that high.
            ChartSpec price = new ChartSpec(ChartSpec.Type.PRICE, List.of(symbol), "52W", "");
            ChartSpec candles = new ChartSpec(ChartSpec.Type.CANDLESTICK, List.of(symbol), "3M", "");
            Optional.ofNullable(PageCharts.optional(charts, price, last))
                    .ifPresent(tickerCharts::add);
            Optional.ofNullable(PageCharts.optional(charts, candles, last))
                    .ifPresent(tickerCharts::add);
        });
        model.put("ticker", view);
        model.put("charts", tickerCharts);
        model.put("heading", heading);
        model.put("pager", pager(page));
        withSidebar("ticker", model);
        return withItems("ticker.ftlh", model, page.items(), "", (full, items) -> full.put("items", items));
    }

    // ---- shared parts

    private PreparedPage prepared(String template, Map<String, Object> model) {
        return new PreparedPage(Fingerprint.of(template, modelKey(model)), diagnostics -> theme.render(template, model));
    }

    /**
     * A page that lists articles: its fingerprint covers the model and what each listed article shows
     * ({@link #itemKey}); the items' views are built, and put into the model by {@code place}, only if the page
     * renders.
     *
     * @param extra the text of what else decides the page, beyond the model and the items
     */
    private PreparedPage withItems(String template, Map<String, Object> model, List<PublishedArticle> entries,
                                   String extra, java.util.function.BiConsumer<Map<String, Object>, List<ArticleItemView>> place) {
        String[] parts = new String[entries.size() + 3];
        parts[0] = template;
        parts[1] = modelKey(model);
        parts[2] = extra;
        for (int i = 0; i < entries.size(); i++) parts[i + 3] = itemKey(entries.get(i));
        return new PreparedPage(Fingerprint.of(parts), diagnostics -> {
            Map<String, Object> full = new HashMap<>(model);
            place.accept(full, entries.stream().map(this::item).toList());
            return theme.render(template, full);
        });
    }

    /**
     * What an article's list item ({@link #item}) is made from: its title, path, time and key points. The rest
     * of the item's text follows from these and the site's settings, which every page shares. Worked out each
     * time a page lists the article, not kept: it is cheap beside the page, and a large archive lists every
     * article on several pages.
     */
    public String itemKey(PublishedArticle entry) {
        Article a = entry.article();
        List<String> summary = a.summary();
        String[] parts = new String[summary.size() + 3];
        parts[0] = a.title();
        parts[1] = entry.path();
        parts[2] = a.date().toString();
        for (int i = 0; i < summary.size(); i++) parts[i + 3] = summary.get(i);
        return Fingerprint.of(parts);
    }

    /**
     * A model's text for its fingerprint, with the parts that most pages share ({@link #sharedParts}) replaced by
     * their hash, computed once per build.
     */
    private String modelKey(Map<String, Object> model) {
        String[] names = model.keySet().toArray(new String[0]);
        java.util.Arrays.sort(names);
        StringBuilder text = new StringBuilder(1024);
        for (String name : names) {
            Object value = model.get(name);
            String shared = sharedParts.get(value);
            text.append(name).append('=');
            if (shared != null) {
                text.append(shared);
            } else if (value instanceof PageView page) {
                // What PageView's own text says, each field framed by its length, with the site's feeds (on most
                // pages) as their hash.
                for (String field : new String[] {page.kind(), page.title(), page.description(), page.url(),
                        page.canonical(), page.image(), page.jsonLd()}) {
                    if (field == null) text.append('-');
                    else text.append(field.length()).append(':').append(field);
                }
                text.append(shared(page.feeds()));
            } else {
                text.append(value);
            }
            text.append('\n');
        }
        return text.toString();
    }

    public ArticleItemView item(PublishedArticle entry) {
        Article a = entry.article();
        List<String> summary = a.summary();
        java.time.ZonedDateTime date = a.date(); // made once: each one looks up its zone's rules
        return new ArticleItemView(a.title(), url(entry.path()), formats.date(date), Formats.iso(date),
                summary.isEmpty() ? "" : summary.get(0), formats.datelineTime(date), summary);
    }

    public <T> PagerView pager(Pagination.Page<T> page) {
        return new PagerView(page.number(), page.total(),
                page.newerPath() == null ? null : url(page.newerPath()),
                page.olderPath() == null ? null : url(page.olderPath()));
    }

    private LinkView link(PublishedArticle entry) {
        return new LinkView(entry.article().title(), url(entry.path()));
    }

    public Map<String, Object> model(PageView page) {
        Map<String, Object> model = new HashMap<>();
        model.put("site", site);
        model.put("page", page.feeds().isEmpty() ? page.withFeeds(siteFeeds()) : page);
        return model;
    }

    private List<PageView.FeedLink> siteFeeds() {
        return siteFeeds;
    }

    /** A tag page's own feeds, then the site's. */
    public List<PageView.FeedLink> tagFeeds(String name, String path) {
        List<PageView.FeedLink> feeds = new ArrayList<>();
        feeds.add(new PageView.FeedLink(config.title() + ": " + name + " (RSS)", url(path + "feed.xml"), "application/rss+xml"));
        feeds.add(new PageView.FeedLink(config.title() + ": " + name + " (Atom)", url(path + "atom.xml"), "application/atom+xml"));
        feeds.addAll(siteFeeds());
        return feeds;
    }
}
