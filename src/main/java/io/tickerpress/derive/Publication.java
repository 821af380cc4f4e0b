package io.tickerpress.derive;

import io.tickerpress.model.Article;

import java.time.Instant;
import java.util.List;

/** Decides which articles are published: drafts and future-dated articles only when asked for. */
public final class Publication {
    private Publication() {
    }

    public static List<Article> select(List<Article> articles, boolean drafts, boolean future, Instant now) {
        return articles.stream()
                .filter(a -> drafts || !a.draft())
                .filter(a -> future || !a.date().toInstant().isAfter(now))
                .toList();
    }
}
