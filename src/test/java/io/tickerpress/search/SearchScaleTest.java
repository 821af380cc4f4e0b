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
class SearchScaleTest {
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
        List<PublishedArticle> list = new ArrayList<>();
        ZonedDateTime newest = ZonedDateTime.of(2026, 1, 23, 18, 0, 0, 0, ZoneOffset.ofHours(-5));
        for (int n = 0; n < DOCS; n++) {
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

    static void save(Path root, String name, byte[] bytes) {
        try {
            Path f = root.resolve(name);
            Files.createDirectories(f.getParent());
            Files.write(f, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long later(String query) {
        return index.search(query, Filters.NONE).files().stream().mapToLong(f -> files.get(f).length).sum();
    }

    @Test
    void shardsAndManifestStayWithinWhatTheTargetsLeave() {
        long maxShard = files.entrySet().stream().filter(e -> e.getKey().endsWith(".bin")).mapToLong(e -> e.getValue().length)
                .max().orElseThrow();
        long shards = files.keySet().stream().filter(n -> n.endsWith(".bin")).count();
        // Later query: 50 KB. A query of two words whose last one is a prefix reads at most 3 shards; at 8 KiB
        // each (24 KiB) that leaves 25 KB for its page of ten results. A common word's postings at 20,000
        // stories are a bitmap of 2,500 bytes, so no term needs a shard of its own beyond that size.
        assertTrue(maxShard <= 8 * 1024, "largest shard " + maxShard);
        assertTrue(shards > 20, "the postings are split: " + shards + " shards");
        // First query: 300 KB = the manifest + a later query (50 KB), so the manifest may take 250 KB at
        // 100,000 stories; it grows at most in proportion to the stories (shard list, months): 50 KB at 20,000.
        long manifest = files.get(SearchFormat.MANIFEST).length;
        assertTrue(manifest <= 50_000, "manifest " + manifest);
        assertEquals((DOCS + 9) / 10, files.keySet().stream().filter(n -> n.endsWith(".json") && !n.equals(SearchFormat.MANIFEST)).count(),
                "one metadata chunk per ten stories");
    }

    @Test
    void everyOneAndTwoWordQueryOfCommonWordsStaysWithinTheBudget() {
        List<String> queries = new ArrayList<>(Arrays.asList(COMMON));
        for (int i = 0; i < COMMON.length; i++) {
            for (int j = i + 1; j < COMMON.length; j++) queries.add(COMMON[i] + " " + COMMON[j]);
        }
        for (int k = 1; k < 20_000; k += 97) queries.add(rare(k));
        for (int t = 0; t < 50; t++) queries.add(String.format(Locale.ROOT, "S%03d", t));
        long worst = 0;
        String worstQuery = "";
        long manifest = files.get(SearchFormat.MANIFEST).length;
        for (String q : queries) {
            long bytes = later(q);
            if (bytes > worst) {
                worst = bytes;
                worstQuery = q;
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
            assertEquals(scan(one, two, ticker), index.search(query, new Filters(ticker, null, null, null)).ids(), query + " " + ticker);
        }
    }

    static final List<Set<String>> scanned = new ArrayList<>();

    /** The stories, newest first, whose words include {@code whole} and a word starting with {@code prefix}. */
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
            if (match) ids.add(id);
        }
        return ids;
    }

    @Test
    void monthFiltersSelectTheStoriesOfThoseMonths() {
        List<Integer> expected = new ArrayList<>();
        for (int id = 0; id < articles.size(); id++) {
            ZonedDateTime d = articles.get(id).article().date();
            int ym = d.getYear() * 100 + d.getMonthValue();
            if (ym >= 202503 && ym <= 202506) expected.add(id);
        }
        assertEquals(expected, index.search("", new Filters(null, null, "2025-03", "2025-06")).ids());
        assertTrue(expected.size() > 3000, "four months of about 27 stories a day");
    }

    @Test
    void twoWritesGiveTheSameBytes() {
        Map<String, byte[]> again = new TreeMap<>();
        SearchIndex.write(corpus(new Random(7)), p -> "/" + p, Formats.defaults(), again::put);
        assertEquals(files.keySet(), again.keySet());
        files.forEach((name, bytes) -> assertArrayEquals(bytes, again.get(name), name));
    }
}
