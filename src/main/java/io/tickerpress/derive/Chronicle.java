package io.tickerpress.derive;

import io.tickerpress.diag.InputError;
import io.tickerpress.diag.LookAlikeNames;
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

    public Chronicle(SiteConfig config, List<Article> published) {
        List<PublishedArticle> list = new ArrayList<>();
        Map<String, Article> byPath = new HashMap<>();
        for (Article a : oldestFirst(published)) {
            String path = Permalinks.article(config, a);
            Article clash = byPath.putIfAbsent(path, a);
            if (clash != null) {
                throw new InputError(a.file(), 1, "maps to the same URL /" + path + " as " + clash.file()
                        + (LookAlikeNames.alike(a.file(), clash.file())
                        ? ", a file whose name prints the same but is spelled with other Unicode characters ("
                        + LookAlikeNames.spelled(a.file()) + " and " + LookAlikeNames.spelled(clash.file())
                        + ": accents composed in one name, decomposed in the other): delete or rename one of them"
                        : ": give one of them a different 'slug'"));
            }
            list.add(new PublishedArticle(a, path));
        }
        this.oldestFirst = List.copyOf(list);
    }

    /** The order of the chronicle: by publication instant, then slug, then file. */
    private static final Comparator<Article> ORDER = Comparator.comparingLong(Chronicle::second)
            .thenComparingInt(Chronicle::nano).thenComparing(Article::slug).thenComparing(Article::file);

    private static long second(Article a) {
        return a.dateEpochSecond();
    }

    private static int nano(Article a) {
        return a.dateNano();
    }

    /**
     * The articles oldest first ({@link #ORDER}). Each one's instant is computed once rather than at every
     * comparison (a large archive sorts 100,000 articles).
     */
    private static List<Article> oldestFirst(List<Article> articles) {
        record Keyed(long second, int nano, Article article) {
        }
        Comparator<Keyed> order = Comparator.comparingLong(Keyed::second).thenComparingInt(Keyed::nano)
                .thenComparing(k -> k.article().slug()).thenComparing(k -> k.article().file());
        List<Keyed> keyed = new ArrayList<>(articles.size());
        for (Article a : articles) {
            keyed.add(new Keyed(second(a), nano(a), a));
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

    /**
     * An article's place: how many published articles are older. Found by its place in the order (no map from
     * path to place: a large archive holds one entry per article for the whole build).
     *
     * @throws java.util.NoSuchElementException when the article is not in this chronicle (no article at its place
     *         has its path)
     */
    public int place(PublishedArticle a) {
        int low = 0;
        int high = oldestFirst.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            PublishedArticle at = oldestFirst.get(mid);
            int c = at == a ? 0 : ORDER.compare(at.article(), a.article());
            if (c < 0) low = mid + 1;
            else if (c > 0) high = mid - 1;
            else if (at.path().equals(a.path())) return mid;
            else break;
        }
        throw new java.util.NoSuchElementException("not in the chronicle: /" + a.path());
    }

    /** The next older article. */
    public Optional<PublishedArticle> previous(PublishedArticle a) {
        int i = place(a);
        return i > 0 ? Optional.of(oldestFirst.get(i - 1)) : Optional.empty();
    }

    /** The next newer article. */
    public Optional<PublishedArticle> next(PublishedArticle a) {
        int i = place(a);
        return i + 1 < oldestFirst.size() ? Optional.of(oldestFirst.get(i + 1)) : Optional.empty();
    }
}
