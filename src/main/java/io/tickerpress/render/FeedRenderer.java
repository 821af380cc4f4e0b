package io.tickerpress.render;

import io.tickerpress.load.Urls;
import io.tickerpress.model.Article;
import io.tickerpress.model.Fingerprint;
import io.tickerpress.model.PublishedArticle;
import io.tickerpress.model.SiteConfig;
import io.tickerpress.render.view.FeedView;
import io.tickerpress.render.view.NewsSitemapView;
import io.tickerpress.render.view.SitemapView;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Feeds (RSS 2.0, Atom), sitemaps and robots.txt: the files machines read. */
public final class FeedRenderer {
    /** A feed shows its newest stories, this many (see {@link #items}). */
    public static final int FEED_ITEMS = 20;
    /** The news sitemap lists the stories of this long before the newest one (see {@link #inNewsSitemap}). */
    private static final java.time.Duration NEWS_DAYS = java.time.Duration.ofDays(2);
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final SiteConfig config;
    private final Theme theme;

    public FeedRenderer(SiteConfig config, Theme theme) {
        this.config = config;
        this.theme = theme;
    }

    /** The paths of the articles that feeds of these lists (each newest first) show. */
    public static java.util.Set<String> itemPaths(List<List<PublishedArticle>> lists) {
        java.util.Set<String> paths = new java.util.HashSet<>();
        for (List<PublishedArticle> list : lists) {
            items(list).forEach(p -> paths.add(p.path()));
        }
        return paths;
    }

    /** The stories a feed of this list (newest first) shows: its {@value #FEED_ITEMS} newest. */
    private static List<PublishedArticle> items(List<PublishedArticle> newestFirst) {
        return newestFirst.subList(0, Math.min(FEED_ITEMS, newestFirst.size()));
    }

    /**
     * What a feed ({@link #feed}) is made from, or null when it is not known without the feed's text: its title,
     * description and folder, and each listed article's URL path and the content hash of its file (everything an
     * item shows; the file's name shows nowhere in a feed, and what it decides, the slug, is in the URL path), with
     * the market data when the items carry full content (whose shortcodes compute from it).
     */
    public static String fingerprint(String title, String description, String path, List<PublishedArticle> newestFirst,
                                     String fullContentMarket) {
        List<PublishedArticle> items = items(newestFirst);
        String[] parts = new String[4 + 2 * items.size()];
        parts[0] = title;
        parts[1] = description;
        parts[2] = path;
        parts[3] = fullContentMarket == null ? "" : "full " + fullContentMarket;
        for (int i = 0; i < items.size(); i++) {
            Article a = items.get(i).article();
            if (a.body().key() == null) return null;
            parts[4 + 2 * i] = a.body().key();
            parts[5 + 2 * i] = items.get(i).path();
        }
        return Fingerprint.of(parts);
    }

    /**
     * @param path site-relative folder of the feed ("" for the site, "tags/x/" for a tag)
     * @param bodyHtml full article HTML by article, or null to leave content out
     */
    public FeedView feed(String title, String description, String path, List<PublishedArticle> newestFirst,
                         Function<PublishedArticle, String> bodyHtml) {
        List<PublishedArticle> items = items(newestFirst);
        ZonedDateTime updated = items.stream().map(p -> modified(p.article())).max(ZonedDateTime::compareTo)
                .orElse(ZonedDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        String base = config.baseUrl();
        path = Urls.encode(path); // a tag's folder may hold letters beyond ASCII
        return new FeedView(title, description, HtmlText.escape(description), config.language(), base + path,
                base + path + "feed.xml", base + path + "atom.xml", base + path, Formats.iso(updated),
                RFC_822.format(updated.withZoneSameInstant(ZoneOffset.UTC)), config.publisher(),
                items.stream().map(p -> item(p, bodyHtml)).toList());
    }

    private FeedView.Item item(PublishedArticle p, Function<PublishedArticle, String> bodyHtml) {
        Article a = p.article();
        String url = config.baseUrl() + Urls.encode(p.path());
        String content = bodyHtml == null ? null : FeedHtml.absoluteLinks(bodyHtml.apply(p), url);
        List<String> lines = a.summary();
        String summary = lines.isEmpty() ? a.title() : String.join(" ", lines);
        return new FeedView.Item(a.title(), url, Formats.iso(a.date()), Formats.iso(modified(a)),
                RFC_822.format(a.date().withZoneSameInstant(ZoneOffset.UTC)), summary, HtmlText.escape(summary), content,
                a.author().isEmpty() ? config.publisher() : a.author(), a.tags());
    }

    private static ZonedDateTime modified(Article a) {
        return a.updated() == null ? a.date() : a.updated();
    }

    public String rss(FeedView feed) {
        return render("rss.ftlx", "feed", feed);
    }

    public String atom(FeedView feed) {
        return render("atom.ftlx", "feed", feed);
    }

    /** One sitemap file of these pages, in the order given (see {@link Sitemaps} for the split into files). */
    public String sitemap(List<io.tickerpress.derive.PageRecord> pages) {
        List<SitemapView.Entry> entries = pages.stream().map(p -> sitemapEntry(p.path(), p.lastmod())).toList();
        return render("sitemap.ftlx", "sitemap", new SitemapView(entries));
    }

    /** A sitemap index: the absolute URLs of the sitemap files with the newest change each lists. */
    public String sitemapIndex(List<SitemapView.Entry> sitemaps) {
        return render("sitemap-index.ftlx", "sitemaps", new SitemapView(sitemaps));
    }

    /** An entry of a sitemap or sitemap index: the absolute URL of a site path and its last change. */
    SitemapView.Entry sitemapEntry(String path, Instant lastmod) {
        return new SitemapView.Entry(config.baseUrl() + Urls.encode(path), iso(lastmod));
    }

    /** Articles from the last two days of the newest content, as news search engines want. */
    public String newsSitemap(List<PublishedArticle> newestFirst) {
        List<NewsSitemapView.Entry> entries = List.of();
        if (!newestFirst.isEmpty()) {
            Instant newest = newestFirst.get(0).article().date().toInstant();
            entries = newestFirst.stream().filter(p -> inNewsSitemap(newest, p.article().date().toInstant()))
                    .map(p -> new NewsSitemapView.Entry(config.baseUrl() + Urls.encode(p.path()), Formats.iso(p.article().date()),
                            p.article().title())).toList();
        }
        return render("news-sitemap.ftlx", "news", new NewsSitemapView(config.publisher(), config.language(), entries));
    }

    /** Whether the news sitemap lists a story published at {@code at}, when the newest story is of {@code newest}. */
    public static boolean inNewsSitemap(Instant newest, Instant at) {
        return at.isAfter(newest.minus(NEWS_DAYS));
    }

    public String robots() {
        return "User-agent: *\nAllow: /\n\nSitemap: " + config.baseUrl() + Sitemaps.MAIN + "\n";
    }

    private String iso(Instant t) {
        return Formats.iso(t.atZone(config.timezone()));
    }

    private String render(String template, String name, Object view) {
        Map<String, Object> model = new HashMap<>();
        model.put(name, view);
        return theme.render(template, model);
    }
}
