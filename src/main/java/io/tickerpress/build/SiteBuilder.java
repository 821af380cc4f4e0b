package io.tickerpress.build;

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
import io.tickerpress.load.ContentLoader;
import io.tickerpress.model.Article;
import io.tickerpress.model.PublishedArticle;
import io.tickerpress.model.SiteConfig;
import io.tickerpress.model.SiteContent;
import io.tickerpress.model.TradingCalendar;
import io.tickerpress.render.MarketViews;
import io.tickerpress.render.PageRenderer;
import io.tickerpress.render.Theme;
import io.tickerpress.render.ThemeAssets;
import io.tickerpress.render.chart.Charts;
import io.tickerpress.write.ChartCache;
import io.tickerpress.write.StagingFolder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The whole pipeline, in order: load → derive → render → write. */
public final class SiteBuilder {
    private SiteBuilder() {
    }

    public static BuildResult build(BuildOptions options) {
        long start = System.nanoTime();
        Diagnostics diagnostics = new Diagnostics();

        // load
        SiteContent content = ContentLoader.load(options.source(), diagnostics);
        SiteConfig config = options.baseUrl() == null ? content.config()
                : content.config().withBaseUrl(normaliseBaseUrl(options.baseUrl()));

        // derive
        List<Article> published = Publication.select(content.articles(), options.drafts(), options.future(), options.now());
        Chronicle chronicle = new Chronicle(config, published);
        List<PublishedArticle> newestFirst = chronicle.newestFirst();
        List<Taxonomy.Term> tags = Taxonomy.group(newestFirst, p -> p.article().tags(), "tags/", Taxonomy::tagSlug);
        Market market = new Market(content.market(), new TradingCalendar(config.market().closures()));
        List<DigestDay> digests = new MarketPages(market, config).digests(content.digests(), newestFirst);
        Map<String, List<PublishedArticle>> tickers = tickers(market, newestFirst);

        // render + write
        Theme theme = new Theme(options.source());
        Charts charts = new Charts(new ChartSlicer(market), config.chartFormat(), path -> config.basePath() + path);
        PageRenderer pages = new PageRenderer(config, theme, diagnostics, market, charts);
        AtomicInteger pageCount = new AtomicInteger();
        try (StagingFolder out = StagingFolder.beside(options.output())) {
            Map<String, Object> sidebar = Map.of("latest", newestFirst.stream().limit(5).map(pages::item).toList());
            chronicle.oldestFirst().parallelStream().forEach(entry -> {
                out.writePage(entry.path(), pages.article(entry, chronicle, sidebar));
                pageCount.incrementAndGet();
            });
            for (var page : Pagination.paginate(newestFirst, config.paginate(), "")) {
                write(out, pageCount, page.path(), pages.articleList("home", config.title(), page, Map.of()));
            }
            for (Taxonomy.Term tag : tags) {
                for (var page : Pagination.paginate(tag.articles(), config.paginate(), tag.path())) {
                    write(out, pageCount, page.path(), pages.articleList("list", tag.name(), page, Map.of()));
                }
            }
            write(out, pageCount, "tags/", pages.termIndex("Tags", "tags/", tags));

            digests.parallelStream().forEach(day -> write(out, pageCount, day.path(), pages.digest(day)));
            if (!digests.isEmpty()) {
                List<DigestDay> newestDays = new ArrayList<>(digests);
                java.util.Collections.reverse(newestDays);
                for (var page : Pagination.paginate(newestDays, config.paginate(), "markets/")) {
                    write(out, pageCount, page.path(), pages.marketsIndex(page));
                }
            }
            List<Taxonomy.Term> tickerTerms = new ArrayList<>();
            tickers.forEach((symbol, articles) -> {
                String path = MarketViews.tickerPath(symbol);
                tickerTerms.add(new Taxonomy.Term(symbol, symbol, path, articles));
                for (var page : Pagination.paginate(articles, config.paginate(), path)) {
                    write(out, pageCount, page.path(), pages.ticker(symbol, page));
                }
            });
            if (!tickerTerms.isEmpty()) {
                write(out, pageCount, "tickers/", pages.termIndex("Tickers", "tickers/", tickerTerms));
            }
            out.write("404.html", pages.notFound().getBytes(StandardCharsets.UTF_8));
            pageCount.incrementAndGet();
            ThemeAssets.collect(theme.userTemplates()).forEach(out::write);
            Charts.Stats chartStats = charts.renderAll(new ChartCache(options.cacheDir()), out::write);

            int files = out.filesWritten();
            out.publish();
            return new BuildResult(pageCount.get(), files, chronicle.oldestFirst().size(), diagnostics.warnings(),
                    (System.nanoTime() - start) / 1_000_000, chartStats.rendered(), chartStats.reused());
        }
    }

    private static void write(StagingFolder out, AtomicInteger count, String path, String html) {
        out.writePage(path, html);
        count.incrementAndGet();
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

    private static String normaliseBaseUrl(String url) {
        if (!url.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
            throw new InputError("--base-url", "must be an absolute http(s) URL such as https://news.example.com/, not '"
                    + url + "'");
        }
        return url.endsWith("/") ? url : url + "/";
    }
}
