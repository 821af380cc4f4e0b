package io.tickerpress.model;

import java.util.List;

/** Everything loaded from a site folder, before anything is derived from it. */
public record SiteContent(SiteConfig config, List<Article> articles, MarketData market, List<Digest> digests) {
    public SiteContent {
        articles = List.copyOf(articles);
        digests = List.copyOf(digests);
    }
}
