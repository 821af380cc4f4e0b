package io.tickerpress.search;

import io.tickerpress.model.Article;
import io.tickerpress.model.ArticleBody;
import io.tickerpress.model.PublishedArticle;
import io.tickerpress.render.Formats;
import io.tickerpress.render.SearchIndex;
import io.tickerpress.render.search.IndexFiles;
import io.tickerpress.render.search.SearchMemo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An index updated from the previous build's memo must publish exactly the files, byte for byte, that an index
 * made anew from the same stories publishes (the second computation here is the writer without a memo, which
 * reads every story): over chains of random edits of every kind a story's index entry has (title, key points,
 * tags, tickers, time within its place, a new story, a story gone, many at once), each applied to the site the
 * previous step published.
 */
class SearchIndexUpdateTest {
    private static final UnaryOperator<String> URL = p -> "/" + p;

    /** The previous build's published index, and what an update did: the files written and the files kept. */
    private static final class Site implements IndexFiles {
        final Map<String, byte[]> previous;
        final Map<String, byte[]> now = new TreeMap<>();
        int written;
        int kept;

        Site(Map<String, byte[]> previous) {
            this.previous = previous;
        }

        @Override
        public void write(String path, byte[] bytes) {
            assertTrue(now.put(path, bytes) == null, "written twice: " + path);
            written++;
        }

        @Override
        public boolean keep(String path) {
            byte[] was = previous.get(path);
            if (was == null) return false;
            assertTrue(now.put(path, was) == null, "kept twice: " + path);
            kept++;
            return true;
        }
    }

    private static Map<String, byte[]> anew(List<PublishedArticle> stories) {
        Map<String, byte[]> files = new TreeMap<>();
        SearchIndex.write(stories, URL, Formats.defaults(), files::put);
        return files;
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual, String step) {
        assertEquals(expected.keySet(), actual.keySet(), step + ": the same file names");
        expected.forEach((name, bytes) -> assertArrayEquals(bytes, actual.get(name), step + ": " + name));
    }

    @Test
    void updatesPublishWhatAFreshIndexPublishesForEveryKindOfEdit() {
        Random r = new Random(11);
        List<PublishedArticle> stories = SearchScaleTest.corpus(new Random(3), 900);
        Site first = new Site(Map.of());
        SearchMemo memo = SearchIndex.write(SearchIndex.stories(stories), URL, Formats.defaults(), null, first);
        assertSameFiles(anew(stories), first.now, "first build");
        Map<String, byte[]> published = first.now;
        int updates = 0;
        for (int step = 0; step < 60; step++) {
            String kind = KINDS[step % KINDS.length];
            stories = edit(stories, kind, r);
            Site site = new Site(published);
            SearchMemo next = SearchIndex.write(SearchIndex.stories(stories), URL, Formats.defaults(), memo, site);
            assertSameFiles(anew(stories), site.now, "step " + step + " (" + kind + ")");
            if (site.kept > 0) updates++;
            memo = next;
            published = site.now;
        }
        assertTrue(updates >= 50, "most steps kept files of the previous index: " + updates);
    }

    private static final String[] KINDS = {"title", "key point", "tags", "tickers", "new story", "newest gone",
            "middle gone", "time", "many", "word gone", "same"};

    /** One edit of {@code kind} to a newest-first list of stories (a new list; the stories are records). */
    private static List<PublishedArticle> edit(List<PublishedArticle> newestFirst, String kind, Random r) {
        List<PublishedArticle> after = new ArrayList<>(newestFirst);
        int i = r.nextInt(after.size());
        switch (kind) {
            case "title" -> after.set(i, with(after.get(i), a -> copy(a, "Zeppelin " + r.nextInt(1000) + " " + a.title(),
                    a.summary(), a.tags(), a.tickers(), a.date())));
            case "key point" -> after.set(i, with(after.get(i), a -> copy(a, a.title(),
                    List.of("Quokka " + r.nextInt(50) + " rally.", a.summary().get(0)), a.tags(), a.tickers(), a.date())));
            case "tags" -> after.set(i, with(after.get(i), a -> copy(a, a.title(), a.summary(),
                    List.of("Tag " + r.nextInt(40)), a.tickers(), a.date())));
            case "tickers" -> after.set(i, with(after.get(i), a -> copy(a, a.title(), a.summary(), a.tags(),
                    List.of("Z" + r.nextInt(30), "S001"), a.date())));
            case "new story" -> {
                Article n = after.get(0).article();
                Article added = copy(n, "Fresh qnew" + r.nextInt(100) + " story", List.of("Brand new."), List.of("Energy"),
                        List.of("S002"), n.date().plusMinutes(30));
                after.add(0, new PublishedArticle(added, "news/new-" + r.nextInt(1_000_000) + "/"));
            }
            case "newest gone" -> after.remove(0);
            case "middle gone" -> after.remove(i);
            case "time" -> { // a little later, still between its neighbours: same place, another time and maybe month
                PublishedArticle p = after.get(i);
                after.set(i, with(p, a -> copy(a, a.title(), a.summary(), a.tags(), a.tickers(), a.date().plusSeconds(7))));
            }
            case "many" -> {
                for (int k = 0; k < 200; k++) {
                    int j = r.nextInt(after.size());
                    after.set(j, with(after.get(j), a -> copy(a, "Mass " + a.title(), a.summary(), a.tags(), a.tickers(), a.date())));
                }
            }
            case "word gone" -> { // a title cut to one word: its other words lose this story, some lose their last
                after.set(i, with(after.get(i), a -> copy(a, "Solo", List.of(), List.of(), List.of(), a.date())));
            }
            case "same" -> {
            }
            default -> throw new IllegalArgumentException(kind);
        }
        return after;
    }

    private static PublishedArticle with(PublishedArticle p, UnaryOperator<Article> change) {
        return new PublishedArticle(change.apply(p.article()), p.path());
    }

    private static Article copy(Article o, String title, List<String> summary, List<String> tags, List<String> tickers,
                                java.time.ZonedDateTime date) {
        return new Article(o.file(), title, date, o.updated(), o.dateline(), o.slug(), summary, tags, tickers,
                o.sources(), o.author(), o.draft(), o.charts(), ArticleBody.of("Body."), o.bodyLine());
    }

    @Test
    void aTitleEditWritesItsGroupAndTheShardsOfItsWordsOnly() {
        List<PublishedArticle> stories = SearchScaleTest.corpus(new Random(5), 3000);
        Site first = new Site(Map.of());
        SearchMemo memo = SearchIndex.write(SearchIndex.stories(stories), URL, Formats.defaults(), null, first);
        List<PublishedArticle> after = new ArrayList<>(stories);
        after.set(1500, with(after.get(1500), a -> copy(a, a.title() + " qzebra", a.summary(), a.tags(), a.tickers(), a.date())));
        Site site = new Site(first.now);
        SearchIndex.write(SearchIndex.stories(after), URL, Formats.defaults(), memo, site);
        assertSameFiles(anew(after), site.now, "title edit");
        // By hand: the story is one of 100 in a metadata group, whose 20 chunks take a new name; the new word
        // "qzebra" is a new term: its shard (and at most the cut next to it) changes; the manifest is rewritten.
        // 20 + 2 + 1 = 23 files written at most; the other files of the index are kept.
        assertTrue(site.written <= 23, site.written + " files written");
        assertTrue(site.kept > 10 * site.written, site.kept + " files kept");
    }

    @Test
    void aMemoWhoseFilesAreGoneIsRefusedNotTrusted() {
        List<PublishedArticle> stories = SearchScaleTest.corpus(new Random(5), 400);
        Site first = new Site(Map.of());
        SearchMemo memo = SearchIndex.write(SearchIndex.stories(stories), URL, Formats.defaults(), null, first);
        List<PublishedArticle> after = new ArrayList<>(stories);
        after.set(7, with(after.get(7), a -> copy(a, "Changed " + a.title(), a.summary(), a.tags(), a.tickers(), a.date())));
        Site empty = new Site(new HashMap<>()); // the previous index's files are not there to keep
        IndexFiles.MissingFile e = assertThrows(IndexFiles.MissingFile.class,
                () -> SearchIndex.write(SearchIndex.stories(after), URL, Formats.defaults(), memo, empty));
        assertTrue(e.getMessage().contains("search/"), e.getMessage());
    }
}
