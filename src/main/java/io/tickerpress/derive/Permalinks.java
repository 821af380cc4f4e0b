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
        String path = config.articlePermalink()
                .replace("{yyyy}", String.format(Locale.ROOT, "%04d", d.getYear()))
                .replace("{mm}", String.format(Locale.ROOT, "%02d", d.getMonthValue()))
                .replace("{dd}", String.format(Locale.ROOT, "%02d", d.getDayOfMonth()))
                .replace("{slug}", article.slug());
        return path.substring(1);
    }
}
