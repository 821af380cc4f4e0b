package io.tickerpress.derive;

import java.util.Locale;
import io.tickerpress.model.Article;
import io.tickerpress.model.SiteConfig;

import java.time.ZonedDateTime;

/** Expands the article permalink pattern into a site-relative page path. */
public final class Permalinks {
    private Permalinks() {
    }

    /** @return a path such as {@code news/2026/01/20/slug/}: no leading slash, always a trailing one */
    public static String article(SiteConfig config, Article article) {
        // The URL's date is the publication day in the site's zone, so a 23:30 London story files under
        // the New York day it appeared on.
        ZonedDateTime d = article.date().withZoneSameInstant(config.timezone());
        return expand(config.articlePermalink(), d, article.slug()).substring(1);
    }

    /** A pattern (or a prefix of one) with its tokens replaced. */
    static String expand(String pattern, ZonedDateTime d, String slug) {
        String path = pattern;
        if (path.contains("{yyyy}")) path = path.replace("{yyyy}", padded(d.getYear(), 4));
        if (path.contains("{mm}")) path = path.replace("{mm}", padded(d.getMonthValue(), 2));
        if (path.contains("{dd}")) path = path.replace("{dd}", padded(d.getDayOfMonth(), 2));
        return path.replace("{slug}", slug);
    }

    /** {@code String.format("%0<width>d")} without the formatter (a page path is made for every article). */
    private static String padded(int value, int width) {
        if (value < 0) return String.format(Locale.ROOT, "%0" + width + "d", value);
        String digits = Integer.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
