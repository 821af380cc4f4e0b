package io.tickerpress.model;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Site-wide settings from {@code content/site.yaml}.
 *
 * @param baseUrl absolute URL of the site's root, always ending in '/'
 * @param articlePermalink pattern such as {@code /news/{yyyy}/{mm}/{dd}/{slug}/}
 * @param extraClosures exchange closures beyond the rule-based holidays (e.g. national days of mourning)
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
        List<LocalDate> extraClosures) {

    public static final String DEFAULT_PERMALINK = "/news/{yyyy}/{mm}/{dd}/{slug}/";

    public SiteConfig {
        extraClosures = List.copyOf(extraClosures);
    }

    /** The path part of {@link #baseUrl()}, e.g. "/" or "/markets/", used to build site-relative links. */
    public String basePath() {
        int scheme = baseUrl.indexOf("://");
        int slash = baseUrl.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        return slash < 0 ? "/" : baseUrl.substring(slash);
    }

    public SiteConfig withBaseUrl(String newBaseUrl) {
        return new SiteConfig(title, description, newBaseUrl, language, timezone, paginate,
                articlePermalink, markdownUnsafe, publisher, extraClosures);
    }
}
