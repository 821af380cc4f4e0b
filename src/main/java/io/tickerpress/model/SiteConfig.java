package io.tickerpress.model;

import java.time.ZoneId;

/**
 * Site-wide settings from {@code content/site.yaml}.
 *
 * @param baseUrl absolute URL of the site's root, always ending in '/'
 * @param articlePermalink pattern such as {@code /news/{yyyy}/{mm}/{dd}/{slug}/}
 * @param chartFormat "png" (with a 2x version) or "svg"
 * @param feedsFullContent whether feeds carry whole articles, not only their key points
 * @param formats date and time patterns of the pages
 */
public record SiteConfig(
        String title,
        String description,
        String baseUrl,
        String language,
        ZoneId timezone,
        int paginate,
        String articlePermalink,
        boolean markdownUnsafe,
        String publisher,
        MarketSettings market,
        String chartFormat,
        boolean feedsFullContent,
        Limits limits,
        TimeFormats formats) {
    @Override
    public String toString() {
        return RecordText.of(this);
    }

    public static final String DEFAULT_PERMALINK = "/news/{yyyy}/{mm}/{dd}/{slug}/";

    /** The path part of {@link #baseUrl()}, e.g. "/" or "/markets/", used to build site-relative links. */
    public String basePath() {
        int scheme = baseUrl.indexOf("://");
        int slash = baseUrl.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        return slash < 0 ? "/" : baseUrl.substring(slash);
    }

    public SiteConfig withBaseUrl(String newBaseUrl) {
        return new SiteConfig(title, description, newBaseUrl, language, timezone, paginate,
                articlePermalink, markdownUnsafe, publisher, market, chartFormat,
                feedsFullContent, limits, formats);
    }
}
