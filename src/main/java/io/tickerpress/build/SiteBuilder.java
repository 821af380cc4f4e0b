package io.tickerpress.build;

import io.tickerpress.derive.Chronicle;
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
import io.tickerpress.render.PageRenderer;
import io.tickerpress.render.Theme;
import io.tickerpress.render.ThemeAssets;
import io.tickerpress.write.StagingFolder;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The whole pipeline, in order: load → derive → render → write. */
public final class SiteBuilder {
    private SiteBuilder() {
    }

    public static BuildResult build(BuildOptions options) {
        long start = System.nanoTime();
        Diagnostics diagnostics = new Diagnostics();

        // load
        SiteContent content = ContentLoader.load(options.source());
        SiteConfig config = options.baseUrl() == null ? content.config()
                : content.config().withBaseUrl(normaliseBaseUrl(options.baseUrl()));

        // derive
        List<Article> published = Publication.select(content.articles(), options.drafts(), options.future(), options.now());
        Chronicle chronicle = new Chronicle(config, published);
        List<PublishedArticle> newestFirst = chronicle.newestFirst();
        List<Taxonomy.Term> tags = Taxonomy.group(newestFirst, p -> p.article().tags(), "tags/", Taxonomy::tagSlug);

        // render + write
        Theme theme = new Theme(options.source());
        PageRenderer pages = new PageRenderer(config, theme, diagnostics);
        AtomicInteger pageCount = new AtomicInteger();
        Map<String, Object> sidebar = Map.of("latest",
                newestFirst.stream().limit(5).map(pages::item).toList());
        try (StagingFolder out = StagingFolder.beside(options.output())) {
            chronicle.oldestFirst().parallelStream().forEach(entry -> {
                out.writePage(entry.path(), pages.article(entry, chronicle, sidebar));
                pageCount.incrementAndGet();
            });
            for (Pagination.Page<PublishedArticle> page : Pagination.paginate(newestFirst, config.paginate(), "")) {
                out.writePage(page.path(), pages.articleList("home", config.title(), page, Map.of()));
                pageCount.incrementAndGet();
            }
            for (Taxonomy.Term tag : tags) {
                for (Pagination.Page<PublishedArticle> page : Pagination.paginate(tag.articles(), config.paginate(), tag.path())) {
                    out.writePage(page.path(), pages.articleList("list", tag.name(), page, Map.of()));
                    pageCount.incrementAndGet();
                }
            }
            out.writePage("tags/", pages.termIndex("Tags", "tags/", tags));
            pageCount.incrementAndGet();
            out.write("404.html", pages.notFound().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            pageCount.incrementAndGet();
            ThemeAssets.collect(theme.userTemplates()).forEach(out::write);

            int files = out.filesWritten();
            out.publish();
            return new BuildResult(pageCount.get(), files, chronicle.oldestFirst().size(), diagnostics.warnings(),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static String normaliseBaseUrl(String url) {
        if (!url.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
            throw new InputError("--base-url", "must be an absolute http(s) URL such as https://news.example.com/, not '"
                    + url + "'");
        }
        return url.endsWith("/") ? url : url + "/";
    }
}
