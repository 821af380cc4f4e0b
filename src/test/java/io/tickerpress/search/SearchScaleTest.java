package io.tickerpress.search;

import io.tickerpress.model.Article;
import io.tickerpress.model.ArticleBody;
import io.tickerpress.model.PublishedArticle;
import io.tickerpress.render.Formats;
import io.tickerpress.render.SearchIndex;
import io.tickerpress.render.search.SearchFormat;
import io.tickerpress.render.search.SearchReader;
import io.tickerpress.render.search.SearchReader.Filters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 20,000 generated articles (the shape of bench/generate.py: titles and key points mostly from its 60 common
 * words, so every common word is in about half the stories, the worst case for postings; plus a long tail of
 * 20,000 rare words), written by the real index writer into files. The limits come from the targets
 * at 100,000 articles: a later query transfers at most 50 KB, the first at most 300 KB.
 */
public class SearchScaleTest {
    static final int DOCS = 20_000;
    static final String[] COMMON = ("market stocks shares investors traders index rally earnings revenue guidance outlook rates "
            + "yields treasury inflation growth demand supply chips memory cloud banks lenders energy oil dollar small caps "
            + "futures quarter analysts estimates margins buyback dividend volatility sector rotation valuation record "
            + "session close open gains losses forecast economy labor payrolls consumer spending housing tariffs").split(" ");
    static final String[] TAGS = {"Small Caps", "Rates", "Earnings", "Memory Chips", "Semiconductors", "Banks", "Inflation",
            "Economy", "Energy", "Big Tech", "Fed", "Bonds", "Market Rotation", "IPOs", "Retail", "Autos", "Healthcare",
            "Crypto", "Commodities", "Currencies"};

    @TempDir
    static Path dir;
    static List<PublishedArticle> articles;
    static Map<String, byte[]> files = new TreeMap<>();
    static SearchReader index;

    @BeforeAll
    static void write() {
        articles = corpus(new Random(7));
        SearchIndex.write(articles, p -> "/" + p, Formats.defaults(), (name, bytes) -> {
            files.put(name, bytes);
            save(dir.resolve("site"), name, bytes);
        });
        index = new SearchReader(dir.resolve("site"));
    }

    static List<PublishedArticle> corpus(Random r) {
        return corpus(r, DOCS);
    }

    /** {@code docs} stories, newest first, story-n 52 minutes before story-(n-1). */
    public static List<PublishedArticle> corpus(Random r, int docs) {
        List<PublishedArticle> list = new ArrayList<>();
        ZonedDateTime newest = ZonedDateTime.of(2026, 1, 23, 18, 0, 0, 0, ZoneOffset.ofHours(-5));
        for (int n = 0; n < docs; n++) {
            ZonedDateTime date = newest.minusMinutes(52L * n); // about 27 stories a day: two years in 20,000
            List<String> tickers = List.of(String.format(Locale.ROOT, "S%03d", r.nextInt(50)),
                    String.format(Locale.ROOT, "T%03d", r.nextInt(50)));
            List<String> tags = List.of(TAGS[r.nextInt(10)], TAGS[10 + r.nextInt(10)]);
            Article a = new Article("story-" + n + ".md", sentence(r, 6 + r.nextInt(5)), date, null, "NEW YORK",
                    "story-" + n, List.of(sentence(r, 8 + r.nextInt(9)), sentence(r, 8 + r.nextInt(9)), sentence(r, 8 + r.nextInt(9))),
                    tags, tickers, List.of(), "Bench Writer", false, List.of(), ArticleBody.of("Body."), 10);
            list.add(new PublishedArticle(a, "news/" + n + "/"));
        }
        return list;
    }

    /** 70% of the words from the 60 common ones, 30% from a long tail where word k has odds about 1/k. */
    static String sentence(Random r, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) s.append(' ');
            s.append(r.nextInt(10) < 7 ? COMMON[r.nextInt(COMMON.length)] : rare((int) Math.pow(20_000, r.nextDouble())));
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
    }

    static String rare(int k) {
        StringBuilder w = new StringBuilder("q");
        for (int v = k; v > 0; v /= 26) w.append((char) ('a' + v % 26));
        return w.toString();
    }

    public static void save(Path root, String name, byte[] bytes) {
        try {
            Path f = root.resolve(name);
            Files.createDirectories(f.getParent());
            Files.write(f, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long later(String query, Filters filters) {
        return index.search(query, filters).files().stream().mapToLong(f -> files.get(f).length).sum();
    }

    @Test
    void shardsBlocksAndManifestStayWithinWhatTheTargetsLeave() {
        Set<String> shardFiles = new java.util.HashSet<>();
        index.manifest().get("shardFiles").forEach(h -> shardFiles.add(SearchFormat.postings(h.asText())));
        long shards = index.shardCount();
        long maxShard = shardFiles.stream().mapToLong(f -> files.get(f).length).max().orElseThrow();
        long postingsFiles = files.keySet().stream().filter(n -> n.endsWith(".bin")).count();
        long maxBlock = files.entrySet().stream().filter(e -> e.getKey().endsWith(".bin") && !shardFiles.contains(e.getKey()))
                .mapToLong(e -> e.getValue().length).max().orElseThrow();
        assertTrue(maxShard <= 4 * 1024, "largest shard " + maxShard);
        assertTrue(shards > 20, "the postings are split: " + shards + " shards");
        // A common word is in about half the stories: 10,000 of 20,000, whose gaps take about 10,000 bytes, far
        // more than 1,024, so its postings are blocks: 20,000 stories are blocks 0, 1 (8,192 each) and 2 (3,616).
        // A block's bitmap is at most 8,192 / 8 = 1,024 bytes plus its kind byte.
        assertTrue(postingsFiles - shards >= 60 * 3, "the 60 common words have 3 blocks each: " + (postingsFiles - shards));
        assertTrue(maxBlock <= 1025, "largest block " + maxBlock);
        // First query: 300 KB = the manifest + a later query (50 KB). The manifest grows with the stories (group
        // names: 13 bytes per 100 stories, 13 KB at 100,000; months) and the shards (their first keys and names).
        long manifest = files.get(SearchFormat.MANIFEST).length;
        assertTrue(manifest <= 50_000, "manifest " + manifest);
        // 20,000 stories in groups of 100: 200 groups of 20 chunks of 5 stories.
        assertEquals(4000, files.keySet().stream().filter(n -> n.endsWith(".json") && !n.equals(SearchFormat.MANIFEST)).count(),
                "one metadata chunk per five stories");
    }

    @Test
    void queriesOfCommonAndRareWordsAndFiltersStayWithinTheBudget() {
        List<String> queries = new ArrayList<>(Arrays.asList(COMMON));
        for (int i = 0; i < COMMON.length; i++) {
            for (int j = i + 1; j < COMMON.length; j++) queries.add(COMMON[i] + " " + COMMON[j]);
        }
        Random r = new Random(3);
        for (int i = 0; i < 300; i++) {
            StringBuilder q = new StringBuilder();
            for (int w = 0; w < 3 + i % 3; w++) q.append(COMMON[r.nextInt(COMMON.length)]).append(' ');
            queries.add(q.toString().trim());
        }
        for (int k = 1; k < 20_000; k += 97) queries.add(rare(k));
        for (int k = 1; k < 2_000; k += 37) queries.add(COMMON[k % COMMON.length] + " " + rare(k));
        long worst = 0;
        String worstQuery = "";
        long manifest = files.get(SearchFormat.MANIFEST).length;
        List<Filters> filters = List.of(Filters.NONE, new Filters("S007", null, null, null), new Filters(null, "Banks", null, null),
                new Filters(null, null, "2025-03", "2025-06"), new Filters("T003", "Fed", "2024-06", null));
        for (String q : queries) {
            for (Filters f : filters) {
                long bytes = later(q, f);
                if (bytes > worst) {
                    worst = bytes;
                    worstQuery = q + " " + f;
                }
            }
        }
        assertTrue(worst <= 50_000, "later query \"" + worstQuery + "\": " + worst + " bytes");
        assertTrue(manifest + worst <= 300_000, "first query: " + (manifest + worst) + " bytes");
    }

    @Test
    void answersAgreeWithAScanOfEveryStory() {
        Random r = new Random(11);
        for (int i = 0; i < 40; i++) {
            String one = COMMON[r.nextInt(COMMON.length)];
            String two = i % 2 == 0 ? COMMON[r.nextInt(COMMON.length)] : rare(1 + r.nextInt(300));
            String ticker = i % 3 == 0 ? String.format(Locale.ROOT, "S%03d", r.nextInt(50)) : null;
            String query = one + " " + two;
            SearchReader.Result result = index.search(query, new Filters(ticker, null, null, null));
            List<Integer> expected = scan(one, two, ticker);
            assertEquals(expected, result.ids(), query + " " + ticker);
            // The first step reads blocks newest first: what it found is the newest part of the answer.
            assertEquals(expected.subList(0, Math.min(10, expected.size())), result.firstPage(), query + " " + ticker);
            assertTrue(result.found() <= expected.size() && (result.complete() ? result.found() == expected.size()
                    : result.found() >= 0), query);
        }
    }

    static final List<Set<String>> scanned = new ArrayList<>();

    /**
     * The stories, newest first, whose words include {@code whole} and a word starting with {@code prefix}. Stories
     * are numbered oldest first: story-n (n minutes * 52 before the newest) has number DOCS - 1 - n.
     */
    private static List<Integer> scan(String whole, String prefix, String ticker) {
        if (scanned.isEmpty()) {
            java.util.regex.Pattern notWord = java.util.regex.Pattern.compile("[^a-z0-9]+");
            for (PublishedArticle p : articles) {
                Article a = p.article();
                String text = a.title() + " " + String.join(" ", a.summary()) + " " + String.join(" ", a.tags()) + " "
                        + String.join(" ", a.tickers());
                scanned.add(new LinkedHashSet<>(Arrays.asList(notWord.split(text.toLowerCase(Locale.ROOT)))));
            }
        }
        List<Integer> ids = new ArrayList<>();
        for (int id = 0; id < articles.size(); id++) {
            Article a = articles.get(id).article();
            Set<String> words = scanned.get(id);
            boolean match = words.contains(whole) && words.stream().anyMatch(w -> w.startsWith(prefix))
                    && (ticker == null || a.tickers().contains(ticker));
            if (match) ids.add(DOCS - 1 - id);
        }
        return ids;
    }

    @Test
    void monthFiltersSelectTheStoriesOfThoseMonths() {
        List<Integer> expected = new ArrayList<>();
        for (int id = 0; id < articles.size(); id++) {
            ZonedDateTime d = articles.get(id).article().date();
            int ym = d.getYear() * 100 + d.getMonthValue();
            if (ym >= 202503 && ym <= 202506) expected.add(DOCS - 1 - id);
        }
        assertEquals(expected, index.search("", new Filters(null, null, "2025-03", "2025-06")).ids());
        assertTrue(expected.size() > 3000, "four months of about 27 stories a day");
    }

    /**
     * The stories with one new story before the newest (title "Quantum tariffs jolt qzzy futures") and story-{@code
     * edited} retitled "Zeppelin " + its title.
     */
    public static List<PublishedArticle> withNewStoryAndEdit(List<PublishedArticle> newestFirst, int edited) {
        List<PublishedArticle> after = new ArrayList<>(newestFirst);
        Article n = after.get(0).article();
        Article added = new Article("story-new.md", "Quantum tariffs jolt qzzy futures", n.date().plusMinutes(52), null, "NEW YORK",
                "story-new", List.of("Zinc and quinoa prices qxx surge."), List.of("Energy", "Crypto"), List.of("S001", "T002"),
                List.of(), "Bench Writer", false, List.of(), ArticleBody.of("Body."), 10);
        after.add(0, new PublishedArticle(added, "news/new/"));
        PublishedArticle old = after.get(edited + 1);
        Article o = old.article();
        Article retitled = new Article(o.file(), "Zeppelin " + o.title(), o.date(), o.updated(), o.dateline(), o.slug(), o.summary(),
                o.tags(), o.tickers(), o.sources(), o.author(), o.draft(), o.charts(), o.body(), o.bodyLine());
        after.set(edited + 1, new PublishedArticle(retitled, old.path()));
        return after;
    }

    @Test
    void aNewStoryAndATitleEditRewriteFewFiles() {
        List<PublishedArticle> after = withNewStoryAndEdit(corpus(new Random(7)), 5000);
        Article added = after.get(0).article();
        Map<String, byte[]> again = new TreeMap<>();
        SearchIndex.write(after, p -> "/" + p, Formats.defaults(), again::put);

        long changed = again.entrySet().stream().filter(e -> !Arrays.equals(e.getValue(), files.get(e.getKey()))).count();
        System.out.println("search index of " + DOCS + " stories: " + files.size() + " files; a new story and a title edit: "
                + changed + " files new or changed");
        // By hand: the new story is number 20,000, the first of group 200: 1 new chunk. Each key of it (its words,
        // its tags' words and keys, its tickers' words and keys) changes at most its shard, the shard next to it (a
        // cut that moves) and its block file. The edit adds the word "zeppelin" to story-5000 (number 14,999, group
        // 149): its group's 20 chunks get a new name, and "zeppelin" changes at most 3 files. The manifest: 1.
        Set<String> keys = new LinkedHashSet<>();
        for (String text : List.of(added.title(), added.summary().get(0), "Energy Crypto S001 T002")) {
            keys.addAll(Arrays.asList(text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim().split(" ")));
        }
        keys.addAll(List.of("#energy", "#crypto", "$s001", "$t002"));
        long bound = 1 + 3L * keys.size() + 20 + 3 + 1;
        assertTrue(changed <= bound, changed + " files changed, at most " + bound + " expected (" + keys.size() + " keys)");
        assertTrue(files.size() > 50 * bound, "the index has " + files.size() + " files: most are kept");
        assertEquals(List.of(20_000), new SearchReader(saveAll(again)).search("qzzy quinoa", Filters.NONE).ids());
    }

    private static Path saveAll(Map<String, byte[]> written) {
        Path root = dir.resolve("after");
        written.forEach((name, bytes) -> save(root, name, bytes));
        return root;
    }

    @Test
    void twoWritesGiveTheSameBytes() {
        Map<String, byte[]> again = new TreeMap<>();
        SearchIndex.write(corpus(new Random(7)), p -> "/" + p, Formats.defaults(), again::put);
        assertEquals(files.keySet(), again.keySet());
        files.forEach((name, bytes) -> assertArrayEquals(bytes, again.get(name), name));
    }
}
