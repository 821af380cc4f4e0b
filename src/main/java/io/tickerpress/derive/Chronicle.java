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
    private final List<PublishedArticle> oldestFirst;
    private final Map<String, Integer> indexByPath = new HashMap<>();

    public Chronicle(SiteConfig config, List<Article> published) {
        List<PublishedArticle> list = new ArrayList<>();
        Map<String, Article> byPath = new HashMap<>();
        for (Article a : oldestFirst(published)) {
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

    /**
     * The articles oldest first: by publication instant, then slug, then file. Each one's instant is computed once
     * rather than at every comparison (a large archive sorts 100,000 articles).
     */
    private static List<Article> oldestFirst(List<Article> articles) {
        record Keyed(long second, int nano, Article article) {
        }
        Comparator<Keyed> order = Comparator.comparingLong(Keyed::second).thenComparingInt(Keyed::nano)
                .thenComparing(k -> k.article().slug()).thenComparing(k -> k.article().file());
        List<Keyed> keyed = new ArrayList<>(articles.size());
        for (Article a : articles) {
            java.time.Instant at = a.date().toInstant();
            keyed.add(new Keyed(at.getEpochSecond(), at.getNano(), a));
        }
        keyed.sort(order);
        List<Article> sorted = new ArrayList<>(keyed.size());
        for (Keyed k : keyed) sorted.add(k.article());
        return sorted;
    }

    public List<PublishedArticle> oldestFirst() {
        return oldestFirst;
    }

    public List<PublishedArticle> newestFirst() {
        List<PublishedArticle> copy = new ArrayList<>(oldestFirst);
        java.util.Collections.reverse(copy);
        return List.copyOf(copy);
    }

    /** An article's place: how many published articles are older. */
    public int place(PublishedArticle a) {
        return indexByPath.get(a.path());
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
