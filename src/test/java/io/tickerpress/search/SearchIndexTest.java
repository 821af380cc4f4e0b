package io.tickerpress.search;

import io.tickerpress.TestSites;
import io.tickerpress.render.search.SearchFormat;
import io.tickerpress.render.search.SearchReader;
import io.tickerpress.render.search.SearchReader.Filters;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Builds a five-article site and asks its search index (the real files, read by the rules of search.js) the
 * questions whose answers are worked out by hand below. Stories are numbered oldest first (A is 4, E is 0):
 * <pre>
 * (slugs are the file names a.md ... e.md)
 * 4 A 2026-03-10 "Chipmakers rally on memory demand"   key point "Micron leads the Nasdaq higher."
 *                tags Memory Chips, Semiconductors; tickers MU; body word "zeppelin" (bodies are not indexed)
 * 3 B 2026-03-02 "Banks slip as yields climb"          "Lenders fell after the Treasury auction."
 *                tags Banks, Rates; tickers JPM
 * 2 C 2026-02-15 "Memory prices: a record quarter"     "DRAM contracts rose 12% in the quarter."
 *                tags Memory Chips; tickers MU
 * 1 D 2026-01-28 "Fed holds rates; Powell sees cooling" "Markets rallied after the decision."
 *                tags Fed, Rates
 * 0 E 2025-12-05 "Café owners face higher costs"       "Énergie prices climb across Europe."
 *                tags Economy
 * </pre>
 */
class SearchIndexTest {
    @TempDir
    static Path dir;
    static Path site;
    static SearchReader index;

    static final String A = "Chipmakers rally on memory demand";
    static final String B = "Banks slip as yields climb";
    static final String C = "Memory prices: a record quarter";
    static final String D = "Fed holds rates; Powell sees cooling";
    static final String E = "Café owners face higher costs";

    static Path source(Path at) {
        return TestSites.site(at, Map.of(
                "content/articles/a.md", TestSites.article(A, "2026-03-10T09:00:00-05:00",
                        "summary: [\"Micron leads the Nasdaq higher.\"]\ntags: [Memory Chips, Semiconductors]\ntickers: [MU]\n",
                        "A zeppelin flew over the exchange."),
                "content/articles/b.md", TestSites.article(B, "2026-03-02T09:00:00-05:00",
                        "summary: [\"Lenders fell after the Treasury auction.\"]\ntags: [Banks, Rates]\ntickers: [JPM]\n", "Text."),
                "content/articles/c.md", TestSites.article(C, "2026-02-15T09:00:00-05:00",
                        "summary: [\"DRAM contracts rose 12% in the quarter.\"]\ntags: [Memory Chips]\ntickers: [MU]\n", "Text."),
                "content/articles/d.md", TestSites.article(D, "2026-01-28T09:00:00-05:00",
                        "summary: [\"Markets rallied after the decision.\"]\ntags: [Fed, Rates]\n", "Text."),
                "content/articles/e.md", TestSites.article(E, "2025-12-05T09:00:00-05:00",
                        "summary: [\"Énergie prices climb across Europe.\"]\ntags: [Economy]\n", "Text.")));
    }

    @BeforeAll
    static void build() {
        site = dir.resolve("site");
        TestSites.build(source(dir.resolve("src")), site);
        index = new SearchReader(site);
    }

    private static List<String> titles(String query) {
        return titles(query, Filters.NONE);
    }

    private static List<String> titles(String query, Filters filters) {
        List<String> titles = new ArrayList<>();
        for (int id : index.search(query, filters).ids()) titles.add(index.doc(id).get(0).asText());
        return titles;
    }

    @Test
    void everyWordMustOccurInTheTitleKeyPointsTagsOrTickersNewestFirst() {
        assertEquals(List.of(A, C), titles("memory"), "A and C have 'memory' in the title (and the tag Memory Chips)");
        assertEquals(List.of(A, C), titles("MEMORY"), "lower-cased");
        assertEquals(List.of(B, D), titles("rates"), "B by its tag Rates, D by title and tag");
        assertEquals(List.of(A, C), titles("MU"), "the ticker MU; no other word starts with 'mu'");
        assertEquals(List.of(A), titles("memory rally"), "memory {A, C} and rally {A}");
        assertEquals(List.of(C), titles("12"), "'12%' is the word '12'");
        assertEquals(List.of(B), titles("treasury"), "a key point's word");
        assertEquals(List.of(A), titles("semiconductors"), "a tag's word");
        assertEquals(List.of(), titles("zeppelin"), "the body is not indexed");
        assertEquals(List.of(), titles("memory zeppelin"));
        assertEquals(List.of(), titles(""), "no words and no filters: no results");
        assertEquals(List.of(), titles("  ;: "), "no words in punctuation");
    }

    @Test
    void lettersBeyondAsciiAreWordsToo() {
        assertEquals(List.of(E), titles("café"));
        assertEquals(List.of(E), titles("CAFÉ"));
        assertEquals(List.of(E), titles("ÉNERGIE"));
    }

    @Test
    void theLastWordAlsoMatchesAsAPrefixTheOthersOnlyWhole() {
        assertEquals(List.of(A, D), titles("rall"), "'rally' (A) and 'rallied' (D)");
        assertEquals(List.of(A), titles("rally"), "'rallied' does not start with 'rally'");
        assertEquals(List.of(), titles("rall memory"), "'rall' is not the last word: whole words only");
        assertEquals(List.of(B, D), titles("fe"), "'fell' (B) and 'fed' (D); 'face' (E) does not start with 'fe'");
        assertEquals(List.of(), titles("m"), "a one-letter last word matches only whole: no word 'm'");
    }

    @Test
    void filtersByTickerTagAndMonthRange() {
        assertEquals(List.of(A, C), titles("", new Filters("MU", null, null, null)));
        assertEquals(List.of(A, C), titles("", new Filters("mu", null, null, null)), "symbols match in any case");
        assertEquals(List.of(B), titles("", new Filters("JPM", null, null, null)));
        assertEquals(List.of(B, D), titles("", new Filters(null, "Rates", null, null)));
        assertEquals(List.of(A, C), titles("", new Filters(null, "memory chips", null, null)));
        assertEquals(List.of(), titles("", new Filters(null, "Memory", null, null)), "a tag is matched whole");
        assertEquals(List.of(A, B, C), titles("", new Filters(null, null, "2026-02", "2026-03")));
        assertEquals(List.of(C, D), titles("", new Filters(null, null, "2026-01", "2026-02")));
        assertEquals(List.of(D, E), titles("", new Filters(null, null, null, "2026-01")), "open start");
        assertEquals(List.of(A), titles("memory", new Filters(null, null, "2026-03", null)), "words and filters");
        assertEquals(List.of(C), titles("memory", new Filters("MU", "Memory Chips", "2026-01", "2026-02")));
        assertEquals(List.of(), titles("banks", new Filters("MU", null, null, null)));
    }

    @Test
    void theManifestListsTheFilterChoicesAndTheMonths() {
        var m = index.manifest();
        assertEquals(5, m.get("docs").asInt());
        assertEquals("[\"JPM\",\"MU\"]", m.get("tickers").toString());
        assertEquals("[\"Banks\",\"Economy\",\"Fed\",\"Memory Chips\",\"Rates\",\"Semiconductors\"]", m.get("tags").toString());
        // Runs of (month, first story, count), oldest first: E December (0); D January (1); C February (2); B, A March (3, 4).
        assertEquals("[[\"2025-12\",0,1],[\"2026-01\",1,1],[\"2026-02\",2,1],[\"2026-03\",3,2]]", m.get("months").toString());
    }

    @Test
    void metadataCarriesWhatAResultShows() {
        var a = index.doc(4);
        // [title, url, displayDate (README: formats.date, default "MMM d, yyyy"), tickers, summary (first key point)]
        assertEquals(A, a.get(0).asText());
        assertEquals("/news/2026/03/10/a/", a.get(1).asText());
        assertTrue(Files.isRegularFile(TestSites.fileFor(site, a.get(1).asText())), "the url is a page of the site");
        assertEquals("Mar 10, 2026", a.get(2).asText());
        assertEquals("[\"MU\"]", a.get(3).toString());
        assertEquals("Micron leads the Nasdaq higher.", a.get(4).asText());
        assertEquals(E, index.doc(0).get(0).asText(), "the oldest story is number 0");
    }

    @Test
    void theSearchPageNamesTheManifestAndOffersFiltersAndAMessageWithoutScript() {
        Document page = TestSites.page(site, "/search/");
        String manifest = page.selectFirst("#search-input").attr("data-index");
        assertEquals("/" + SearchFormat.MANIFEST, manifest);
        assertTrue(Files.isRegularFile(site.resolve(SearchFormat.MANIFEST)));
        for (String name : List.of("ticker", "tag", "from", "to")) {
            assertEquals(1, page.select("select[name=" + name + "]").size(), name);
            assertEquals(1, page.select("label[for=" + page.selectFirst("select[name=" + name + "]").id() + "]").size());
        }
        assertTrue(page.selectFirst("#search-filters").hasAttr("hidden"), "filters appear once the script runs");
        assertTrue(page.selectFirst("noscript").text().startsWith("Search needs JavaScript."));
        assertFalse(page.select("script[src=/assets/search.js]").isEmpty());
        assertTrue(Files.notExists(site.resolve("search-index.json")), "the single-file index is gone");
    }

    @Test
    void everyFileButTheManifestIsNamedByItsContent() throws Exception {
        Map<String, byte[]> files = searchFiles(site);
        var sha = java.security.MessageDigest.getInstance("SHA-256");
        Map<String, java.io.ByteArrayOutputStream> groups = new TreeMap<>();
        int postings = 0;
        for (var e : files.entrySet()) {
            String name = e.getKey().substring("search/".length());
            if (name.equals("manifest.json") || name.equals("index.html")) continue; // the search page
            if (name.endsWith(".bin")) {
                // search/HASH.bin: HASH is the first 12 hex digits of the file's SHA-256
                assertEquals(java.util.HexFormat.of().formatHex(sha.digest(e.getValue())).substring(0, 12), name.replace(".bin", ""));
                postings++;
            } else {
                // search/GROUP-K.json: GROUP is the hash of the group's chunks K = 0, 1, ... one after the other
                assertTrue(name.matches("[0-9a-f]{12}-[0-9]+\\.json"), name);
                groups.computeIfAbsent(name.substring(0, 12), g -> new java.io.ByteArrayOutputStream());
            }
        }
        for (var g : groups.entrySet()) {
            for (int k = 0; files.containsKey("search/" + g.getKey() + "-" + k + ".json"); k++) {
                g.getValue().writeBytes(files.get("search/" + g.getKey() + "-" + k + ".json"));
            }
            assertEquals(java.util.HexFormat.of().formatHex(sha.digest(g.getValue().toByteArray())).substring(0, 12), g.getKey());
        }
        // Five stories: one group of one chunk; all words are rare, so no blocks: every .bin is a shard.
        assertEquals(1, groups.size());
        assertEquals(index.shardCount(), postings);
    }

    @Test
    void twoBuildsWriteTheSameBytesAndAnEditChangesOnlyTheFilesOfWhatChanged() throws Exception {
        Path again = dir.resolve("again");
        TestSites.build(source(dir.resolve("src2")), again);
        Map<String, byte[]> one = searchFiles(site);
        Map<String, byte[]> two = searchFiles(again);
        assertEquals(one.keySet(), two.keySet());
        one.forEach((name, bytes) -> assertArrayEquals(bytes, two.get(name), name));

        Path edited = dir.resolve("src2");
        TestSites.write(edited.resolve("content/articles/e.md"), TestSites.article("Café owners face lower costs",
                "2025-12-05T09:00:00-05:00", "summary: [\"Énergie prices climb across Europe.\"]\ntags: [Economy]\n", "Text."));
        TestSites.build(edited, again);
        SearchReader after = new SearchReader(again);
        assertEquals(List.of(0), after.search("lower", Filters.NONE).ids(), "E is story 0");
        assertEquals(List.of(4), after.search("higher", Filters.NONE).ids(), "'higher' is left in A's key point only");
        Map<String, byte[]> three = searchFiles(again);
        // The metadata chunk of the five stories has E's new title, so a new name; the old one is not left behind.
        String oldChunk = one.keySet().stream().filter(n -> n.endsWith("-0.json")).findFirst().orElseThrow();
        assertFalse(three.containsKey(oldChunk), oldChunk);
        assertTrue(three.keySet().stream().anyMatch(n -> n.endsWith("-0.json") && !n.equals(oldChunk)));
    }

    @Test
    void aSiteWithoutStoriesHasAnEmptyIndexThatAnswersNothing() {
        Path empty = dir.resolve("empty-site");
        TestSites.build(TestSites.site(dir.resolve("empty-src"), Map.of()), empty);
        SearchReader none = new SearchReader(empty);
        assertEquals(0, none.manifest().get("docs").asInt());
        assertEquals(0, none.shardCount());
        assertEquals(List.of(), none.search("market", Filters.NONE).ids());
        assertEquals(List.of(), none.search("", new Filters("MU", null, "2026-01", null)).ids());
    }

    private static Map<String, byte[]> searchFiles(Path out) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        Path root = out.toRealPath();
        try (Stream<Path> walk = Files.walk(root.resolve("search"))) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        assertTrue(files.keySet().stream().anyMatch(n -> n.endsWith(".bin")), Arrays.toString(files.keySet().toArray()));
        return files;
    }
}
