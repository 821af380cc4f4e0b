package io.tickerpress.search;

import io.tickerpress.model.PublishedArticle;
import io.tickerpress.render.Formats;
import io.tickerpress.render.SearchIndex;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * For measuring by hand at sizes a test should not take: writes the search index of SearchScaleTest's generated
 * stories ({@code java -cp ... io.tickerpress.search.SearchBench STORIES OUT}) to OUT/search, for
 * bench/search-bytes.sh OUT, and counts the files that a new story and a title edit change.
 */
public final class SearchBench {
    private SearchBench() {
    }

    public static void main(String[] args) {
        int docs = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        long start = System.nanoTime();
        List<PublishedArticle> stories = SearchScaleTest.corpus(new Random(7), docs);
        SearchIndex.write(stories, p -> "/" + p, Formats.defaults(), (name, bytes) -> SearchScaleTest.save(out, name, bytes));
        System.out.printf("wrote the index of %d stories in %d ms%n", docs, (System.nanoTime() - start) / 1_000_000);
        // The same with one new story and one story's title edited: how many files get a new name or new bytes.
        java.util.Map<String, byte[]> before = new java.util.HashMap<>();
        SearchIndex.write(stories, p -> "/" + p, Formats.defaults(), before::put);
        java.util.Map<String, byte[]> after = new java.util.HashMap<>();
        SearchIndex.write(SearchScaleTest.withNewStoryAndEdit(stories, docs / 4), p -> "/" + p, Formats.defaults(), after::put);
        long changed = after.entrySet().stream().filter(e -> !java.util.Arrays.equals(e.getValue(), before.get(e.getKey()))).count();
        long gone = before.keySet().stream().filter(k -> !after.containsKey(k)).count();
        System.out.printf("a new story and a title edit: %d of %d files new or changed (%d files of the old index gone)%n",
                changed, after.size(), gone);
    }
}
