package io.tickerpress.derive;

import io.tickerpress.load.Slugs;
import io.tickerpress.model.PublishedArticle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Groups articles by a term (a tag or a ticker), newest first within each term. */
public final class Taxonomy {
    /** One term, e.g. the tag "Small Caps" at {@code tags/small-caps/}. */
    public record Term(String name, String slug, String path, List<PublishedArticle> articles) {
        public Term {
            articles = List.copyOf(articles);
        }
    }

    private Taxonomy() {
    }

    /**
     * @param newestFirst published articles, newest first
     * @param terms the article's terms
     * @param sectionPath e.g. "tags/"
     * @param slugger turns a term name into its URL segment
     */
    public static List<Term> group(List<PublishedArticle> newestFirst, Function<PublishedArticle, List<String>> terms,
                                   String sectionPath, Function<String, String> slugger) {
        Map<String, String> nameBySlug = new TreeMap<>();
        Map<String, List<PublishedArticle>> bySlug = new TreeMap<>();
        for (PublishedArticle a : newestFirst) {
            for (String name : terms.apply(a)) {
                String slug = slugger.apply(name);
                nameBySlug.putIfAbsent(slug, name);
                bySlug.computeIfAbsent(slug, k -> new ArrayList<>()).add(a);
            }
        }
        List<Term> out = new ArrayList<>();
        bySlug.forEach((slug, list) -> out.add(new Term(nameBySlug.get(slug), slug, sectionPath + slug + "/", list)));
        return out;
    }

    /** Slugs of the tag and author names seen, as a site has far fewer of them than it has pages naming them. */
    private static final Map<String, String> SLUGS = new java.util.concurrent.ConcurrentHashMap<>();

    public static String tagSlug(String tag) {
        if (SLUGS.size() > 100_000) SLUGS.clear(); // a bound, for a process that builds many sites
        return SLUGS.computeIfAbsent(tag, Slugs::slugify);
    }
}
