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

    /** The articles {@link #select} leaves out only because they are dated after {@code now}, soonest first. */
    public static List<Article> heldBack(List<Article> articles, boolean drafts, boolean future, Instant now) {
        if (future) return List.of();
        return articles.stream()
                .filter(a -> drafts || !a.draft())
                .filter(a -> a.date().toInstant().isAfter(now))
                .sorted(java.util.Comparator.comparing((Article a) -> a.date().toInstant()).thenComparing(Article::file))
                .toList();
    }
}
