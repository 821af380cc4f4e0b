package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static io.tickerpress.TestSites.deleteTree;
import static io.tickerpress.TestSites.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Attacks on the quick path of title and key-point edits ({@link ArticleEdits} with {@link ArticleLists}): after
 * each edit, the incremental build into one output (with its cache) must give the files, bytes and warnings of a
 * clean build of the same input, whichever path it takes. Where the quick path should be taken (the story moves in
 * no list and no feed, sitemap, front page or "latest" list shows it), the test says so, and where it must not
 * (the edit moves the story), too; the byte comparison is the guarantee either way.
 */
class TitleEditAttackTest {
    @TempDir
    Path dir;
    private Path src;
    private Path out;
    private int cleanBuilds;
    private Instant clock = TestSites.NOW;
    private UnaryOperator<BuildOptions> flags = o -> o;
    private final List<String> report = new ArrayList<>();
    private Map<String, byte[]> before = Map.of();

    /**
     * The sample site and {@code n} older stories, one a day from May 1, 2020 (09:00 New York), story i by
     * "Ann Archivist", tagged Archive, and the even ones Even as well. The sample has 14 published stories
     * (newer than all of these), so the site's feed (20 newest) shows the 6 newest older ones; Archive's feed
     * shows stories n-1 .. n-20, Even's the 20 newest even ones.
     */
    private void site(int n) {
        site(n, true);
    }

    private void site(int n, boolean even) {
        src = dir.resolve("src");
        out = dir.resolve("site");
        try {
            TestSites.copyTree(TestSites.SAMPLE.resolve("content"), src.resolve("content"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalDate first = LocalDate.of(2020, 5, 1);
        for (int i = 0; i < n; i++) {
            TestSites.write(src.resolve(older(i)), TestSites.article("Older Story " + i, first.plusDays(i)
                    + "T09:00:00-04:00", "author: Ann Archivist\nsummary:\n  - Point one of " + i
                    + ".\n  - Point two of " + i + ".\ntags: [Archive" + (even && i % 2 == 0 ? ", Even" : "") + "]\n",
                    "The body of story " + i + "."));
        }
    }

    private static String older(int i) {
        return "content/articles/" + LocalDate.of(2020, 5, 1).plusDays(i) + "-older-" + i + ".md";
    }

    // ---- titles and key points with characters that matter

    @Test
    void titlesAndKeyPointsWithMarkupQuotesUnicodeAndLengthAreBuiltAsACleanBuildBuildsThem() {
        site(60);
        step("first build");
        step("charts linked");
        String story = older(10);
        edit(story, s -> s.replace("title: \"Older Story 10\"", "title: \"Older \\\"Story\\\" 10 <b>&amp; Co</b> & 'x'\""));
        assertTrue(quick(step("title with quotes, markup and ampersands")));
        edit(story, s -> s.replace("title: \"Older \\\"Story\\\" 10 <b>&amp; Co</b> & 'x'\"",
                "title: \"Ältere Geschichte 10 — 日本株 📈 ﬁ Straße\""));
        assertTrue(quick(step("title with unicode")));
        edit(story, s -> s.replace("title: \"Ältere Geschichte 10 — 日本株 📈 ﬁ Straße\"",
                "title: \"" + "Very long title words ".repeat(60).strip() + "\""));
        assertTrue(quick(step("a very long title (1,300 characters)")));
        edit(story, s -> s.replace("  - Point two of 10.\n", "  - Point two of 10.\n  - A third point <i>x</i> & \"q\".\n"));
        assertTrue(quick(step("a key point added")));
        edit(story, s -> s.replace("  - Point one of 10.\n", ""));
        assertTrue(quick(step("a key point removed")));
        edit(story, s -> s.replace("summary:\n  - Point two of 10.\n  - A third point <i>x</i> & \"q\".\n", "summary: []\n"));
        assertTrue(quick(step("key points emptied")));
        edit(story, s -> s.replace("summary: []\n", "summary:\n  - \"   \"\n"));
        step("key points: one blank point");
        edit(story, s -> s.replace("summary:\n  - \"   \"\n", "summary:\n  - Back again.\n"));
        assertTrue(quick(step("key points back")));
        // Words no other story has (new search terms), and a title that is a search term of others.
        // Story 21 (odd): Archive's feed shows 59..40, Even's 58..20.
        edit(older(21), s -> s.replace("Older Story 21", "Zyxwvut Qwertyuiop Older"));
        assertTrue(quick(step("a title with words no story had")));
        edit(older(21), s -> s.replace("Zyxwvut Qwertyuiop Older", "Point"));
        assertTrue(quick(step("a title of one common word")));
        // Warnings: story 3's body has raw HTML (left out with a warning naming its line). Its neighbour's title
        // renders its page again; a key point added to it moves its body a line down.
        edit(older(3), s -> s + "\n<div>raw</div>\n");
        assertTrue(step("raw HTML in a body").warnings().stream().anyMatch(w -> w.contains("raw HTML")));
        edit(older(4), s -> s.replace("Older Story 4", "Older Story Four"));
        assertTrue(quick(step("title of the neighbour of a page with a warning")));
        edit(older(3), s -> s.replace("  - Point two of 3.\n", "  - Point two of 3.\n  - Point three of 3.\n"));
        assertTrue(quick(step("a key point added above a body with a warning")));
        report.forEach(System.out::println);
    }

    /** A title edit that changes the URL (the slug comes from the title when the file name gives none). */
    @Test
    void aTitleThatTheSlugComesFromMovesThePage() {
        site(40);
        String noSlug = "content/articles/2020-05-11-.md";
        TestSites.write(src.resolve(noSlug), TestSites.article("Slug From The Title", "2020-05-11T12:00:00-04:00",
                "tags: [Archive]\n", "Its body."));
        step("first build");
        step("charts linked");
        edit(noSlug, s -> s.replace("Slug From The Title", "Another Slug Entirely"));
        assertFalse(quick(step("title the slug is made from")));
        edit(noSlug, s -> s.replace("title: \"Another Slug Entirely\"", "title: \"Another Slug Entirely\"\nslug: another-slug-entirely"));
        step("the same slug written down");
        edit(noSlug, s -> s.replace("title: \"Another Slug Entirely\"", "title: \"A Third Title\""));
        assertTrue(quick(step("title edit with a written slug")));
        report.forEach(System.out::println);
    }

    // ---- chains, neighbours, many files

    @Test
    void chainsOfEditsToNeighboursAndManyFilesAtOnce() {
        site(250);
        step("first build");
        step("charts linked");
        edit(older(100), s -> s.replace("Older Story 100", "Older Story Hundred"));
        assertTrue(quick(step("title of 100")));
        edit(older(101), s -> s.replace("The body of story 101.", "A new body of 101."));
        assertTrue(quick(step("body of its newer neighbour")));
        edit(older(100), s -> s.replace("Older Story Hundred", "Older Story 100"));
        assertTrue(quick(step("title of 100 back")));
        edit(older(99), s -> s.replace("Older Story 99", "Older Story Ninety-nine"));
        edit(older(100), s -> s.replace("Older Story 100", "Older Story One Hundred"));
        assertTrue(quick(step("titles of two neighbours at once")));
        edit(older(100), s -> s.replace("2020-", "2020-").replace("Archive, Even", "Archive, Even, Extra"));
        assertFalse(quick(step("a tag added (full build between)")));
        edit(older(100), s -> s.replace("Archive, Even, Extra", "Archive, Even"));
        assertFalse(quick(step("the tag removed (full build)")));
        edit(older(100), s -> s.replace("Older Story One Hundred", "Older Story 100"));
        edit(older(99), s -> s.replace("Older Story Ninety-nine", "Older Story 99"));
        edit(older(98), s -> s.replace("The body of story 98.", "Body 98 again."));
        assertTrue(quick(step("two titles back and a neighbour's body after a full build")));
        // 100 changed files: the most the quick path takes; 101: built in full. None of 0..100 is in a feed
        // (Archive's feed: 249..230; Even's: 248..210; the site's: the sample's 14 and 249..244).
        for (int i = 0; i < 100; i++) {
            int k = i;
            edit(older(k), s -> s.replace("Older Story " + k + "\"", "Older Story " + k + " (batch)\""));
        }
        assertTrue(quick(step("100 titles at once")));
        for (int i = 0; i <= 100; i++) {
            int k = i;
            edit(older(k), s -> s.replace("Point one of " + k + ".", "Point one of " + k + " (batch)."));
        }
        assertFalse(quick(step("101 key points at once")));
        report.forEach(System.out::println);
    }

    // ---- records missing, damaged or older

    @Test
    void titleEditsWithTheSearchMemoOrTheOrderRecordMissingDamagedOrOlder() throws IOException {
        site(60);
        step("first build");
        step("charts linked");
        Path cache = TestSites.options(src, out).cacheDir();
        Path manifest = io.tickerpress.write.BuildManifest.file(cache, out);
        Path memo = SearchIndexStore.RECORD.besideManifest(manifest);
        Path order = ArticleOrder.RECORD.file(cache, out);
        assertTrue(Files.isRegularFile(memo) && Files.isRegularFile(order));

        Files.delete(memo);
        edit(older(10), s -> s.replace("Older Story 10", "Older Story Ten"));
        assertFalse(quick(step("search memo deleted, then a title edit")));
        edit(older(10), s -> s.replace("Older Story Ten", "Older Story 10"));
        assertTrue(quick(step("title edit after the memo was made again")));

        byte[] good = Files.readAllBytes(memo);
        byte[] damaged = good.clone();
        damaged[damaged.length / 3] ^= 0x01;
        Files.write(memo, damaged);
        edit(older(12), s -> s.replace("Older Story 12", "Older Story Twelve"));
        step("search memo damaged, then a title edit");

        // A memo of an older format (its first int is the format: 2 instead of 3), otherwise whole.
        byte[] now = Files.readAllBytes(memo);
        byte[] oldFormat = now.clone();
        oldFormat[3] = 2;
        Files.write(memo, oldFormat);
        edit(older(12), s -> s.replace("Older Story Twelve", "Older Story 12"));
        step("search memo of an older format, then a title edit");

        // The memo of another state of the index (taken before a title edit, put back after it).
        byte[] stale = Files.readAllBytes(memo);
        edit(older(14), s -> s.replace("Older Story 14", "Older Story Fourteen"));
        assertTrue(quick(step("title edit (memo kept aside before it)")));
        Files.write(memo, stale);
        edit(older(16), s -> s.replace("Older Story 16", "Older Story Sixteen"));
        step("memo of the index before the last edit put back, then a title edit");

        // An order record of an older format (format 2: faces and placings stored by article), marked so by hand.
        byte[] record = Files.readAllBytes(order);
        String text = new String(record, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("tickerpress article order 3"));
        Files.write(order, text.replace("tickerpress article order 3", "tickerpress article order 2")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        edit(older(18), s -> s.replace("Older Story 18", "Older Story Eighteen"));
        assertFalse(quick(step("order record of format 2, then a title edit")));
        // The order record of another build put back (its token is not the last build's).
        Files.write(order, record);
        edit(older(18), s -> s.replace("Older Story Eighteen", "Older Story 18"));
        assertFalse(quick(step("an older order record put back, then a title edit")));
        edit(older(18), s -> s.replace("Older Story 18", "Older Story Eighteen"));
        assertTrue(quick(step("title edit after all that")));
        report.forEach(System.out::println);
    }

    // ---- lists: tags and authors spelled differently, tickers, digests, pagination edges

    @Test
    void tagsAndAuthorsSpelledDifferentlyTickersAndDigests() {
        site(60);
        // Two spellings of one tag and one author (the list's heading comes from one of them), and a ticker.
        TestSites.write(src.resolve("content/articles/2020-05-05-older-4.md"), TestSites.article("Older Story 4",
                "2020-05-05T09:00:00-04:00", "author: ann archivist\ntags: [archive, Even]\ntickers: [MU]\n",
                "The body of story 4."));
        TestSites.write(src.resolve("content/articles/2020-05-06-older-5.md"), TestSites.article("Older Story 5",
                "2020-05-06T09:00:00-04:00", "author: ANN ARCHIVIST\ntags: [ARCHIVE]\ntickers: [MU, ZZZQ]\n",
                "The body of story 5."));
        TestSites.write(src.resolve("content/articles/2020-05-07-older-6.md"), TestSites.article("Older Story 6",
                "2020-05-07T09:00:00-04:00", "author: Ann Archivist\ntags: [ArChIvE, Even]\ntickers: [ZZZQ]\n",
                "The body of story 6."));
        // A market snapshot on May 6, 2020: its digest page lists story 5.
        String snapshot = read(src.resolve("content/market/2026-01-02.json"))
                .replace("2026-01-02", "2020-05-06").replace("-05:00", "-04:00");
        TestSites.write(src.resolve("content/market/2020-05-06.json"), snapshot);
        // Story 7, the newer neighbour of story 6, quotes that day's close (its page shows market data).
        TestSites.write(src.resolve(older(7)), read(src.resolve(older(7))).replace("The body of story 7.",
                "The body of story 7: the S&P 500 closed at {{< quote SPX close >}}."));
        step("first build");
        step("charts linked");
        edit("content/articles/2020-05-05-older-4.md", s -> s.replace("Older Story 4", "Older Story Four"));
        assertTrue(quick(step("title of an 'archive' story (tag page headed by another spelling)")));
        edit("content/articles/2020-05-06-older-5.md", s -> s.replace("Older Story 5", "Older Story Five"));
        assertTrue(quick(step("title of a story on a ticker page with charts and on a digest")));
        edit("content/articles/2020-05-07-older-6.md", s -> s.replace("title: \"Older Story 6\"",
                "title: \"Older Story 6\"\nsummary:\n  - Now with a point."));
        assertTrue(quick(step("key point of the only story of ticker ZZZQ's newest")));
        edit("content/articles/2020-05-06-older-5.md", s -> s.replace("Older Story Five", "Older Story 5"));
        edit("content/articles/2020-05-07-older-6.md", s -> s.replace("Older Story 6", "Older Story Six"));
        edit("content/articles/2020-05-05-older-4.md", s -> s.replace("Older Story Four", "Older Story 4"));
        assertTrue(quick(step("three neighbours' titles at once")));
        report.forEach(System.out::println);
    }

    /**
     * Pagination edges. With paginate 5 (the sample's) and 21 older stories tagged Archive: the tag's feed shows the
     * 20 newest (20 .. 1), story 0 is the 21st, alone on Archive's page 5 (stories 20..16, 15..11, 10..6, 5..1, 0).
     */
    @Test
    void storiesAtTheEdgesOfPagesAndFeeds() {
        site(21, false);
        step("first build");
        step("charts linked");
        edit(older(0), s -> s.replace("Older Story 0", "Older Story Zero"));
        assertTrue(quick(step("the 21st story of a tag: out of its feed, alone on the last page")));
        edit(older(1), s -> s.replace("Older Story 1\"", "Older Story One\""));
        assertFalse(quick(step("the 20th story of a tag: in its feed")));
        // A tag of 11 stories: all in its feed.
        for (int i = 0; i <= 20; i += 2) {
            edit(older(i), s -> s.replace("tags: [Archive]", "tags: [Archive, Even]"));
        }
        step("Even added to 0, 2, .., 20");
        edit(older(6), s -> s.replace("Older Story 6", "Older Story Six"));
        assertFalse(quick(step("a story of a tag with 11 stories (in its feed)")));
        // Move Even's stories out of the way: 40 more, all Archive, no Even. Then story 5 (odd) is the 56th of
        // Archive, first item of a page? Archive newest first: 60 .. 21 (40), 20 .. 0: story 5 is at position
        // 40 + 15 = 55, page 12 (positions 55..59), its first item; story 1 at 59, the last item of page 12.
        LocalDate first = LocalDate.of(2020, 5, 1);
        for (int i = 21; i < 61; i++) {
            TestSites.write(src.resolve(older(i)), TestSites.article("Older Story " + i, first.plusDays(i)
                    + "T09:00:00-04:00", "author: Ann Archivist\ntags: [Archive]\n", "The body of story " + i + "."));
        }
        step("40 newer stories added");
        edit(older(5), s -> s.replace("Older Story 5", "Older Story Five"));
        assertTrue(quick(step("first item of a tag page")));
        edit(older(1), s -> s.replace("Older Story One", "Older Story 1"));
        assertTrue(quick(step("last item of a tag page (out of every feed now)")));
        edit(older(3), s -> s.replace("Older Story 3", "Older Story Three"));
        assertTrue(quick(step("an odd story: on Archive and author pages only")));
        report.forEach(System.out::println);
    }

    // ---- options and the clock

    @Test
    void optionsTheClockAndSiteYamlBetweenTitleEdits() {
        site(60);
        TestSites.write(src.resolve("content/articles/2020-05-20-drafty.md"), TestSites.article("A Draft Story",
                "2020-05-20T12:00:00-04:00", "draft: true\ntags: [Archive]\n", "A draft's body."));
        TestSites.write(src.resolve("content/articles/2026-07-01-future.md"), TestSites.article("A Story From the Future",
                "2026-07-01T09:00:00-04:00", "tags: [Archive]\n", "Not yet."));
        step("first build");
        step("charts linked");
        flags = o -> o.withBaseUrl("https://other.example.org/sub/");
        edit(older(10), s -> s.replace("Older Story 10", "Older Story Ten"));
        step("--base-url given, and a title edit");
        edit(older(10), s -> s.replace("Older Story Ten", "Older Story 10"));
        assertTrue(quick(step("--base-url again, a title edit")));
        flags = o -> o.withBaseUrl("https://other.example.org/sub/").withDrafts(true);
        step("--drafts");
        edit("content/articles/2020-05-20-drafty.md", s -> s.replace("A Draft Story", "A Draft Story, Retitled"));
        step("title of a draft shown with --drafts");
        flags = o -> o.withDrafts(true).withFuture(true);
        step("--drafts --future, no --base-url");
        edit(older(11), s -> s.replace("Older Story 11", "Older Story Eleven"));
        step("title edit with --drafts --future");
        flags = o -> o;
        step("no flags again");
        edit(older(11), s -> s.replace("Older Story Eleven", "Older Story 11"));
        assertTrue(quick(step("title edit, no flags")));
        // The clock passes the future story: it is due (and the newest).
        clock = Instant.parse("2026-07-02T00:00:00Z");
        edit(older(12), s -> s.replace("Older Story 12", "Older Story Twelve"));
        assertFalse(quick(step("a held-back story came due, and a title edit")));
        edit(older(12), s -> s.replace("Older Story Twelve", "Older Story 12"));
        assertTrue(quick(step("title edit after it came due")));
        edit("content/site.yaml", s -> s.replace("paginate: 5", "paginate: 7"));
        edit(older(13), s -> s.replace("Older Story 13", "Older Story Thirteen"));
        assertFalse(quick(step("site.yaml (paginate) and a title edit")));
        edit(older(13), s -> s.replace("Older Story Thirteen", "Older Story 13"));
        assertTrue(quick(step("title edit after paginate changed")));
        report.forEach(System.out::println);
    }

    // ---- the output changed by hand

    @Test
    void filesDeletedByHandInThePublishedSiteThenEdits() throws IOException {
        site(60);
        step("first build");
        step("charts linked");
        List<String> searchFiles;
        try (Stream<Path> walk = Files.walk(out.resolve("search"), java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            searchFiles = walk.filter(Files::isRegularFile).map(p -> out.resolve("search").relativize(p).toString())
                    .sorted().toList();
        }
        assertTrue(searchFiles.size() > 3, "the index has files: " + searchFiles);
        // A result-line or shard file no changed story is in, then a title edit.
        String shard = searchFiles.stream().filter(f -> !f.equals("index.html") && !f.startsWith("manifest"))
                .reduce((a, b) -> b).orElseThrow();
        Files.delete(out.resolve("search").resolve(shard));
        edit(older(10), s -> s.replace("Older Story 10", "Older Story Ten"));
        step("search file " + shard + " deleted by hand, then a title edit");
        String other = searchFiles.stream().filter(f -> !f.equals("index.html") && !f.startsWith("manifest"))
                .findFirst().orElseThrow();
        if (Files.exists(out.resolve("search").resolve(other))) Files.delete(out.resolve("search").resolve(other));
        edit(older(10), s -> s.replace("The body of story 10.", "A new body."));
        step("search file " + other + " deleted by hand, then a body edit");
        // A page no edit touches, deleted by hand, then a title and a body edit elsewhere.
        Files.delete(out.resolve("tags/even/index.html"));
        edit(older(30), s -> s.replace("Older Story 30", "Older Story Thirty"));
        step("tag page deleted by hand, then a title edit");
        Files.delete(out.resolve("tags/even/index.html"));
        edit(older(31), s -> s.replace("The body of story 31.", "Body 31."));
        step("tag page deleted by hand, then a body edit");
        Files.delete(out.resolve("search/index.html"));
        edit(older(31), s -> s.replace("Older Story 31", "Older Story Thirty-one"));
        step("the search page deleted by hand, then a title edit");
        report.forEach(System.out::println);
    }

    // ---- random chains

    /**
     * Seeded random chains of edits to 60 older stories: titles, key points (added, removed, emptied), bodies, a few
     * stories at once, an earlier version of a file put back, a tag or time changed now and then (a full build
     * between quick ones). Every build is compared with a clean one; the seed is in the failure message.
     */
    @Test
    void randomChainsOfTitleKeyPointAndBodyEdits() {
        site(60);
        step("first build");
        step("charts linked");
        Map<String, List<String>> history = new java.util.HashMap<>();
        int quickBuilds = 0;
        // Two seeds with TICKERPRESS_FULL_FAULTS=1, else one.
        for (long seed = 1; seed <= (TracedCalls.FULL ? 2 : 1); seed++) {
            java.util.Random random = new java.util.Random(seed);
            for (int n = 0; n < 14; n++) {
                int files = 1 + (random.nextInt(4) == 0 ? random.nextInt(3) : 0);
                List<String> what = new ArrayList<>();
                for (int f = 0; f < files; f++) {
                    int i = random.nextInt(40); // 0..39: older than every feed's stories but Even's (58..20)
                    String file = older(i);
                    String text = read(src.resolve(file));
                    history.computeIfAbsent(file, k -> new ArrayList<>()).add(text);
                    String changed;
                    int kind = random.nextInt(10);
                    String label;
                    if (kind < 3) {
                        changed = text.replaceFirst("title: \"[^\"]*\"", "title: \"Story " + i + " take "
                                + random.nextInt(1000) + (random.nextBoolean() ? " & <em>" : " — é") + "\"");
                        label = "title of " + i;
                    } else if (kind < 5) {
                        changed = text.replaceFirst("summary:\n", "summary:\n  - Added point " + random.nextInt(100)
                                + " of " + i + ".\n");
                        label = "key point added to " + i;
                    } else if (kind == 5) {
                        changed = text.replaceFirst("summary:\n  - [^\n]*\n(?=  - )", "summary:\n"); // one point stays
                        label = "first key point of " + i + " removed";
                    } else if (kind < 8) {
                        changed = text + "\nMore body " + random.nextInt(1000) + ".\n";
                        label = "body of " + i;
                    } else if (kind == 8 && history.get(file).size() > 1) {
                        changed = history.get(file).get(random.nextInt(history.get(file).size() - 1));
                        label = "an earlier version of " + i;
                    } else {
                        changed = text.contains("tags: [Archive, Extra]") ? text.replace("tags: [Archive, Extra]",
                                "tags: [Archive]") : text.replaceFirst("tags: \\[Archive", "tags: [Archive, Extra");
                        label = "tags of " + i;
                    }
                    if (!changed.equals(text)) {
                        TestSites.write(src.resolve(file), changed);
                        what.add(label);
                    }
                }
                if (what.isEmpty()) continue;
                if (quick(step("seed " + seed + " step " + n + ": " + String.join(", ", what)))) quickBuilds++;
            }
        }
        report.forEach(System.out::println);
        assertTrue(quickBuilds >= 5, "the chains took the quick path " + quickBuilds + " times");
    }

    // ---- harness

    private static boolean quick(BuildResult r) {
        return r.stageMillis().containsKey(ArticleEdits.STAGE);
    }

    /** Builds incrementally, then cleanly elsewhere; requires the same files, bytes and warnings. */
    private BuildResult step(String edit) {
        BuildResult r = SiteBuilder.build(flags.apply(TestSites.options(src, out).withNow(clock)));
        Path clean = dir.resolve("clean-" + (++cleanBuilds));
        BuildResult cleanResult = SiteBuilder.build(flags.apply(TestSites.options(src, clean).withNow(clock)
                .withClean(true).withCacheDir(dir.resolve("clean-cache"))));
        Map<String, byte[]> incremental = TestSites.snapshot(out);
        Map<String, byte[]> expected = TestSites.snapshot(clean);
        String differ = TestSites.filesDiffer(expected, incremental);
        if (!differ.isEmpty()) {
            report.forEach(System.out::println);
            fail("after '" + edit + "' (" + (quick(r) ? "quick path" : "full build") + ") the incremental build differs"
                    + " from a clean one: " + differ);
        }
        assertEquals(cleanResult.warnings(), r.warnings(), edit + ": the warnings of a clean build");
        deleteTree(clean);
        int changed = 0;
        for (var e : incremental.entrySet()) {
            if (e.getKey().endsWith(".html") && !Arrays.equals(e.getValue(), before.get(e.getKey()))) changed++;
        }
        before = incremental;
        // Pages deleted by hand come back without being rendered when an older version holds them.
        if (!edit.contains("deleted by hand")) {
            assertTrue(r.pagesRendered() >= changed, edit + ": every changed page was rendered");
        }
        report.add(String.format("%-70s %3d of %3d rendered, %3d changed%s", edit, r.pagesRendered(), r.pages(),
                changed, quick(r) ? " (quick)" : ""));
        return r;
    }

    private void edit(String file, UnaryOperator<String> change) {
        TestSites.edit(src.resolve(file), change);
    }
}
