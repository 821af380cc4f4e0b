package io.tickerpress.derive;

import io.tickerpress.diag.InputError;
import io.tickerpress.model.Article;
import io.tickerpress.model.PublishedArticle;
import io.tickerpress.model.SiteConfig;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The published articles in publication order, with their previous (older) and next (newer) neighbours.
 * Ties on the publication instant are broken by slug so the order never depends on file-system order.
 */
public final class Chronicle {
    public static final Comparator<Article> OLDEST_FIRST = Comparator
            .comparing((Article a) -> a.date().toInstant())
            .thenComparing(Article::slug)
            .thenComparing(Article::file);

    private final List<PublishedArticle> oldestFirst;
    private final Map<String, Integer> indexByPath = new HashMap<>();

    public Chronicle(SiteConfig config, List<Article> published) {
        List<PublishedArticle> list = new ArrayList<>();
        Map<String, Article> byPath = new HashMap<>();
        for (Article a : published.stream().sorted(OLDEST_FIRST).toList()) {
            String path = Permalinks.article(config, a);
            Article clash = byPath.putIfAbsent(path, a);
            if (clash != null) {
                throw new InputError(a.file(), 1, "maps to the same URL /" + path + " as " + clash.file()
                        + ": give one of them a different 'slug'");
            }
            indexByPath.put(path, list.size());
            list.add(new PublishedArticle(a, path));
        }
        this.oldestFirst = List.copyOf(list);
    }

    public List<PublishedArticle> oldestFirst() {
        return oldestFirst;
    }

    public List<PublishedArticle> newestFirst() {
        List<PublishedArticle> copy = new ArrayList<>(oldestFirst);
        java.util.Collections.reverse(copy);
        return List.copyOf(copy);
    }

    /** The next older article. */
    public Optional<PublishedArticle> previous(PublishedArticle a) {
        int i = indexByPath.get(a.path());
        return i > 0 ? Optional.of(oldestFirst.get(i - 1)) : Optional.empty();
    }

    /** The next newer article. */
    public Optional<PublishedArticle> next(PublishedArticle a) {
        int i = indexByPath.get(a.path());
        return i + 1 < oldestFirst.size() ? Optional.of(oldestFirst.get(i + 1)) : Optional.empty();
    }
}
