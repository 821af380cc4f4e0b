package io.tickerpress.derive;

import io.tickerpress.diag.Diagnostics;
import io.tickerpress.load.Slugs;
import io.tickerpress.model.PublishedArticle;

import java.text.Normalizer;
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
        return group(newestFirst, terms, sectionPath, slugger, null, null);
    }

    /**
     * As {@link #group(List, Function, String, Function)}; names written in two ways that make one page ("Rates" and
     * "rates", or one name in NFC and in NFD) are one term, headed as the newest article writes it, and each other
     * way is a warning naming the article that writes it, so that no two names share a page unseen.
     *
     * @param noun what a term is ("tag"), for the warning
     * @param diagnostics where the warnings go, or null for none
     */
    public static List<Term> group(List<PublishedArticle> newestFirst, Function<PublishedArticle, List<String>> terms,
                                   String sectionPath, Function<String, String> slugger, String noun,
                                   Diagnostics diagnostics) {
        Map<String, String> nameBySlug = new TreeMap<>();
        Map<String, List<PublishedArticle>> bySlug = new TreeMap<>();
        Map<String, String> warned = new TreeMap<>(); // the other ways, each once: the first article that writes it
        for (PublishedArticle a : newestFirst) {
            for (String name : terms.apply(a)) {
                String slug = slugger.apply(name);
                String first = nameBySlug.putIfAbsent(slug, name);
                List<PublishedArticle> list = bySlug.computeIfAbsent(slug, k -> new ArrayList<>());
                if (list.isEmpty() || list.get(list.size() - 1) != a) list.add(a); // an article is listed once
                if (diagnostics != null && first != null && !first.equals(name)
                        && warned.putIfAbsent(slug + "\u0000" + name, a.article().file()) == null) {
                    boolean sameLetters = Normalizer.normalize(first, Normalizer.Form.NFC)
                            .equals(Normalizer.normalize(name, Normalizer.Form.NFC));
                    diagnostics.warn(a.article().file(), 0, noun + " '" + name + "' and " + noun + " '" + first + "'"
                            + (sameLetters ? " (the same letters in another Unicode normalisation form, NFC or NFD)"
                            : " (they differ in case or in characters a URL leaves out)")
                            + " are one page, /" + sectionPath + slug + "/, headed '" + first
                            + "' as the newest article writes it: write the " + noun + " one way");
                }
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
        return SLUGS.computeIfAbsent(tag, Slugs::termSlug);
    }
}
