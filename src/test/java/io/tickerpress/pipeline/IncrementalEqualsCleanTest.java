package io.tickerpress.pipeline;

import io.tickerpress.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.tickerpress.TestSites.deleteTree;
import static io.tickerpress.TestSites.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The incremental-build guarantee, the strong way: every kind of edit an editor makes is applied one after
 * another to one source folder, built incrementally into one output folder with one cache, and after each edit
 * the output is compared with a clean build ({@code --clean}, another output folder, another cache) of the same
 * input: the same files with the same bytes. Where an edit touches only some pages, the build must also have
 * rendered exactly the pages whose bytes changed, so the test cannot pass by rendering everything.
 */
class IncrementalEqualsCleanTest {
    private static final Path SAMPLE_CONTENT = TestSites.SAMPLE.resolve("content");
    private static final Path DEFAULT_THEME = TestSites.SAMPLE.resolve("templates");
    private static final String ARTICLE = "content/articles/2026-01-12-week-ahead-banks-cpi.md";

    @TempDir
    Path dir;
    /**
     * The chart cache of the clean builds, one for the class: each chart is drawn once for them, not once a test.
     * The last step of {@link #everyKindOfEditGivesTheBytesOfACleanBuild} is a clean build without any cache.
     */
    @TempDir
    static Path cleanCache;
    private Path src;
    private Path out;
    private Map<String, byte[]> before = Map.of();
    private int cleanBuilds;
    private final List<String> report = new ArrayList<>();

    /** What an incremental build did after one edit, and how many HTML files it changed. */
    private record Step(BuildResult result, int changedPages) {
    }

    @Test
    void everyKindOfEditGivesTheBytesOfACleanBuild() throws IOException {
        long start = System.nanoTime();
        src = dir.resolve("src");
        out = dir.resolve("site");
        TestSites.copyTree(SAMPLE_CONTENT, src.resolve("content"));
        // Start with raw HTML allowed and an article that uses it, so turning it off has something to remove.
        edit("content/site.yaml", s -> s.replace("  unsafe: false", "  unsafe: true"));
        TestSites.write(src.resolve("content/articles/2026-01-21-raw-html.md"), TestSites.article(
                "Raw HTML in a story", "2026-01-21T10:00:00-05:00", "tags: [Markets]\n",
                "Before.\n\n<script>alert('raw')</script>\n\n<div class=\"raw-box\">Kept only when unsafe.</div>\n\nAfter."));

        Step first = step("first build");
        assertEquals(first.result().pages(), first.result().pagesRendered());
        assertTrue(anyPageContains("<script>alert('raw')</script>"), "raw HTML published while markdown.unsafe is true");

        Step again = step("no edit");
        assertEquals(0, again.result().pagesRendered(), "nothing changed, nothing rendered");
        assertEquals(0, again.result().chartsRendered());

        // An article's body only: that article's page is the one page whose bytes change.
        edit(ARTICLE, s -> s.replace("Two events this week", "Two big events this week"));
        Step body = step("article body");
        assertEquals(1, body.changedPages());
        assertEquals(1, body.result().pagesRendered(), "a body edit renders only its article");

        // An article's title: shown by the article, its neighbours, lists, tag, ticker and digest pages.
        edit(ARTICLE, s -> s.replace("Bank Earnings and Inflation Data", "Bank Earnings and CPI"));
        Step title = step("article title");
        assertTrue(title.changedPages() > 3, "the title shows on several pages");
        assertEquals(title.changedPages(), title.result().pagesRendered(), "exactly the pages that changed are rendered");

        // site.yaml settings, each on its own.
        edit("content/site.yaml", s -> s.replace("  unsafe: true", "  unsafe: false"));
        step("markdown.unsafe true -> false");
        assertFalse(anyPageContains("alert('raw')"), "raw HTML left out once markdown.unsafe is false");
        assertFalse(anyPageContains("raw-box"));

        edit("content/site.yaml", s -> s.replace("paginate: 5", "paginate: 3"));
        step("paginate 5 -> 3");
        edit("content/site.yaml", s -> s.replace("title: The Market Ledger", "title: The Evening Ledger"));
        step("site title");
        edit("content/site.yaml", s -> s + "feeds:\n  fullContent: true\n");
        step("feeds.fullContent: true");
        edit("content/site.yaml", s -> s + "charts:\n  format: svg\n");
        step("charts.format: svg");
        edit("content/site.yaml", s -> s.replace("  closures:\n", "  closures:\n    - date: 2026-01-27\n      reason: Test closure\n"));
        step("closure added to market.closures");

        // Articles come and go.
        Files.delete(src.resolve("content/articles/2026-01-14-jpmorgan-earnings.md"));
        step("article deleted");
        TestSites.write(src.resolve("content/articles/2026-01-22-new-story.md"), TestSites.article(
                "A New Story on Micron", "2026-01-22T11:00:00-05:00", "tags: [Semiconductors, New Topic]\ntickers: [MU]\n",
                "Micron closed at {{< quote MU close >}}.\n\n{{< chart price MU range=1M >}}"));
        step("article added");

        // History: a changed row and a new first row.
        edit("content/market/history/MU.csv", s -> s
                .replace("2025-12-30,275.52,286.50,273.31,284.62,284.62,", "2025-12-30,275.52,286.50,273.31,280.10,280.10,")
                .replace("Volume\n", "Volume\n2020-12-31,50.10,50.90,49.80,50.30,50.30,21000000\n"));
        step("history CSV rows");

        // Templates: the layout, then an article template reaching a macro library through a single-quoted
        // import and a partial through a computed include name, then each of those two files alone.
        TestSites.write(src.resolve("templates/layout.ftlh"), read(DEFAULT_THEME.resolve("layout.ftlh"))
                .replace("<p><a href=\"#top\">Go to Top</a></p>", "<p><a href=\"#top\">Back to top</a></p>"));
        step("layout template");
        TestSites.write(src.resolve("templates/macros/byline.ftl"),
                "<#macro byline name><p class=\"byline\">Written by ${name}</p></#macro>\n");
        TestSites.write(src.resolve("templates/partials/note.ftlh"), "<p class=\"note\">Figures are illustrative.</p>\n");
        TestSites.write(src.resolve("templates/article.ftlh"), read(DEFAULT_THEME.resolve("article.ftlh"))
                .replace("<#import \"layout.ftlh\" as layout>", "<#import \"layout.ftlh\" as layout>\n<#import 'macros/byline.ftl' as m>")
                .replace("<p class=\"byline\">By <#if article.authorUrl??><a href=\"${article.authorUrl}\">${article.author}</a><#else>${article.author}</#if></p>",
                        "<@m.byline name=article.author/>")
                .replace("<p class=\"to-top\">", "<#include 'partials/' + 'note.ftlh'>\n  <p class=\"to-top\">"));
        step("article template with a macro library and a partial");
        assertTrue(anyPageContains("Written by Dana Whitfield"));
        edit("templates/macros/byline.ftl", s -> s.replace("Written by", "Reported by"));
        step("macro library (single-quoted import)");
        assertTrue(anyPageContains("Reported by Dana Whitfield"));
        edit("templates/partials/note.ftlh", s -> s.replace("illustrative", "made up"));
        step("partial (computed include name)");
        assertTrue(anyPageContains("Figures are made up."));

        edit(ARTICLE, s -> s.replace("tags: [Earnings, Inflation, Small Caps]", "tags: [Earnings, Small Caps, Banks]"));
        step("tags of an article");

        // Each field that list pages, feeds, the sitemap or the search index show of an article, on its own: a
        // build keeps those files when what they are made from is unchanged, so each must notice its own field.
        edit(ARTICLE, s -> s.replace("JPMorgan Chase opens the fourth-quarter", "JPMorgan Chase starts the fourth-quarter"));
        step("second key point of an article");
        edit(ARTICLE, s -> s.replace("December consumer prices are due Tuesday", "December prices are due Tuesday"));
        step("first key point of an article");
        edit(ARTICLE, s -> s.replace("author: Dana Whitfield", "author: Sam Ortiz"));
        step("author of an article");
        edit(ARTICLE, s -> s.replace("date: 2026-01-12T06:30:00-05:00",
                "date: 2026-01-12T06:30:00-05:00\nupdated: 2026-01-13T09:00:00-05:00"));
        step("updated time added");
        edit(ARTICLE, s -> s.replace("date: 2026-01-12T06:30:00-05:00", "date: 2026-01-09T06:30:00-05:00"));
        step("publication time (another place in the order)");
        edit(ARTICLE, s -> s.replace("tickers: [JPM, RUT]", "tickers: [JPM]"));
        step("tickers of an article");
        // Full-content feeds are on (above): a body edit changes the feeds that carry the article.
        edit(ARTICLE, s -> s.replace("Then the big banks report.", "Then the largest banks report."));
        step("article body, with full-content feeds");
        // Kept files deleted from the published site by hand, then an edit that leaves what they show alone.
        Files.delete(out.resolve("feed.xml"));
        Files.delete(out.resolve("sitemap.xml"));
        try (var search = Files.list(out.resolve("search"))) {
            for (Path f : search.toList()) Files.delete(f);
        }
        edit(ARTICLE, s -> s.replace("Then the largest banks report.", "Then the big banks report."));
        step("feed, sitemap and search index deleted by hand, then a body edit");

        // A new trading day: the next session's snapshot, with the closes of the Friday before; its given day
        // changes are left out (the closes say the day was flat, and a given change must agree with them).
        TestSites.write(src.resolve("content/market/2026-01-26.json"),
                read(src.resolve("content/market/2026-01-23.json")).replace("2026-01-23", "2026-01-26")
                        .replaceAll(",\\s*\"change(Pct)?\":\\s*-?[0-9.]+", ""));
        step("new trading day (snapshot)");

        edit("content/digests/2026-01-16.md", s -> s.replace("a record, and has now", "a record high, and has now"));
        Step digest = step("digest write-up");
        assertEquals(1, digest.changedPages(), "the write-up shows on its digest page only");
        assertEquals(1, digest.result().pagesRendered());

        TestSites.write(src.resolve("templates/static/style.css"),
                read(DEFAULT_THEME.resolve("static/style.css")) + "\n.note { font-style: italic; }\n");
        TestSites.write(src.resolve("templates/static/extra.txt"), "an extra static file\n");
        step("static asset");
        assertTrue(Files.isRegularFile(out.resolve("assets/extra.txt")));

        // Last, a clean build whose charts are all drawn anew (no cache at all): the chart cache shared by the
        // clean builds above hides nothing either.
        Path cold = dir.resolve("cold");
        SiteBuilder.build(TestSites.options(src, cold).withClean(true).withCacheDir(null));
        assertSameFiles(TestSites.digests(TestSites.snapshot(cold)), TestSites.digests(TestSites.snapshot(out)), "a clean build without cache");

        report.forEach(System.out::println);
        System.out.printf("incremental equals clean: %d builds in %d ms%n", report.size(), (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The quick path of edits to article bodies only ({@link ArticleEdits}): taken where it can prove that only
     * the edited articles' pages change (then it renders just those), and not taken for an edit it cannot prove
     * that of, or when a record it relies on is missing or damaged. Every build is compared with a clean one.
     */
    @Test
    void bodyEditsTakeTheQuickPathOnlyWhereOnlyTheirPagesChange() throws IOException {
        src = dir.resolve("src");
        out = dir.resolve("site");
        TestSites.copyTree(SAMPLE_CONTENT, src.resolve("content"));
        // The sample's newest and oldest stories call shortcodes (market data): these two, without, take their place.
        String newest = "content/articles/2026-01-24-newest.md";
        String oldest = "content/articles/2026-01-02-oldest.md";
        TestSites.write(src.resolve(newest), TestSites.article("The Newest Story", "2026-01-24T09:00:00-05:00",
                "tags: [Markets]\n", "The newest story's first line."));
        TestSites.write(src.resolve(oldest), TestSites.article("The Oldest Story", "2026-01-02T09:00:00-05:00",
                "tags: [Markets]\n", "The oldest story's first line."));
        String next = "content/articles/2026-01-13-cpi-december.md"; // ARTICLE's newer neighbour
        String draft = "content/articles/2026-01-26-draft-fed-preview.md";
        step("first build");
        step("no edit, charts linked from the cache");

        edit(ARTICLE, s -> s.replace("Two events this week", "Two big events this week"));
        assertQuick(step("body of an article"), 1);
        // The newest story shows on every article page (the latest stories), the oldest has no older neighbour.
        edit(newest, s -> s + "\nA second line.\n");
        assertQuick(step("body of the newest article"), 1);
        edit(oldest, s -> s + "\nA second line.\n");
        assertQuick(step("body of the oldest article"), 1);
        edit(ARTICLE, s -> s.replace("Two big events this week", "Two events this week"));
        edit(next, s -> s + "\nOne more paragraph.\n");
        assertQuick(step("bodies of two neighbours at once"), 2);
        // Raw HTML is left out with a warning (markdown.unsafe is false): the build's warnings follow the page.
        edit(newest, s -> s + "\nAnother line.\n\n<div>raw</div>\n");
        Step warned = step("body of an article, now with a warning");
        assertQuick(warned, 1);
        assertTrue(warned.result().warnings().stream().anyMatch(w -> w.contains("raw HTML")), warned.result().warnings().toString());
        edit(newest, s -> s.replace("\nAnother line.\n\n<div>raw</div>\n", ""));
        Step unwarned = step("body of an article, its warning gone");
        assertQuick(unwarned, 1);
        assertFalse(unwarned.result().warnings().stream().anyMatch(w -> w.contains("raw HTML")));

        // Shortcodes and charts compute from the market data, which no article edit changes: still one page.
        edit(newest, s -> s + "\nIt closed at {{< quote MU close >}}.\n");
        assertQuick(step("body of an article, now with a shortcode"), 1);
        edit(newest, s -> s.replace("{{< quote MU close >}}", "{{< quote MU changePct >}}, {{< quote RUT streak >}}"));
        assertQuick(step("a shortcode's field changed, another added"), 1);
        String micron = "content/articles/2026-01-16-micron-record.md"; // a chart shortcode and quotes
        edit(micron, s -> s + "\nA line below the chart.\n");
        assertQuick(step("body of an article with a chart"), 1);
        String nvidia = "content/articles/2026-01-08-nvidia-slides-rotation.md";
        edit(nvidia, s -> s + "\nA line below the candles.\n");
        assertQuick(step("body of another article with a chart"), 1);

        // Edits whose effect reaches further, or that the path cannot prove: built in full (and still exact).
        edit(micron, s -> s + "\n{{< chart price MU range=1M title=\"Micron, one month\" >}}\n");
        assertFalse(quick(step("body of an article, now with a chart no page showed").result()));
        edit(draft, s -> s + "\nA draft's new line.\n");
        Step draftStep = step("body of a draft");
        assertFalse(quick(draftStep.result()));
        assertEquals(0, draftStep.changedPages());
        edit(oldest, s -> s + "\nA third line.\n");
        edit(next, s -> s.replace("Consumer Prices Rise 0.2% in December", "Consumer Prices Rise in December"));
        assertFalse(quick(step("body of one article, title of its neighbour").result()));

        // The records the path relies on, deleted or damaged: a full build, which writes them again.
        Path cache = TestSites.options(src, out).cacheDir();
        Path order = ArticleOrder.RECORD.file(cache, out);
        Files.delete(order);
        edit(oldest, s -> s + "\nA fourth line.\n");
        assertFalse(quick(step("order record deleted, then a body edit").result()));
        assertTrue(Files.isRegularFile(order), "the full build records the order again");
        edit(oldest, s -> s + "\nA fifth line.\n");
        assertQuick(step("body edit after the order was recorded again"), 1);
        byte[] good = Files.readAllBytes(order);
        byte[] damaged = good.clone();
        damaged[damaged.length / 2] ^= 0x10;
        Files.write(order, damaged);
        edit(oldest, s -> s + "\nA sixth line.\n");
        assertFalse(quick(step("order record damaged, then a body edit").result()));
        Files.delete(io.tickerpress.write.BuildManifest.file(cache, out));
        edit(oldest, s -> s + "\nA seventh line.\n");
        Step noManifest = step("page manifest deleted, then a body edit");
        assertFalse(quick(noManifest.result()));
        assertEquals(noManifest.result().pages(), noManifest.result().pagesRendered(), "without a manifest every page renders");

        // After quick builds the manifest is exact: a title edit renders exactly the pages that change.
        edit(oldest, s -> s + "\nAn eighth line.\n");
        assertQuick(step("body edit before a title edit"), 1);
        edit(ARTICLE, s -> s.replace("Bank Earnings and Inflation Data", "Bank Earnings and CPI"));
        Step title = step("title of an article after quick builds");
        assertFalse(quick(title.result()));
        assertEquals(title.changedPages(), title.result().pagesRendered(), "exactly the pages that changed are rendered");
        report.forEach(System.out::println);
    }

    /**
     * Title and key-point edits ({@link ArticleEdits} with {@link ArticleLists}): taken when the story moves in no
     * list and shows on no page the record cannot name (a feed, the front page, the newest stories, a digest), and
     * then only the pages that show it render. Every build is compared with a clean one.
     */
    @Test
    void titleEditsRenderOnlyThePagesThatShowTheStory() throws IOException {
        src = dir.resolve("src");
        out = dir.resolve("site");
        TestSites.copyTree(SAMPLE_CONTENT, src.resolve("content"));
        // 60 older stories, one a day from May 1, 2020, all by one author, tagged Archive, and the even ones (0, 2, ...) Even as well.
        java.time.LocalDate first = java.time.LocalDate.of(2020, 5, 1);
        for (int i = 0; i < 60; i++) {
            java.time.LocalDate day = first.plusDays(i);
            TestSites.write(src.resolve("content/articles/" + day + "-older-" + i + ".md"), TestSites.article(
                    "Older Story " + i, day + "T09:00:00-04:00", "author: Ann Archivist\nsummary:\n  - Point one of "
                            + i + ".\n  - Point two of " + i + ".\ntags: [Archive" + (i % 2 == 0 ? ", Even" : "") + "]\n",
                    "The body of story " + i + "."));
        }
        // One of their days has a market snapshot (Wednesday, May 13, 2020, before the sample's price history), so
        // its digest page lists story 12; no digest lists the others.
        String snapshot = Files.readString(src.resolve("content/market/2026-01-02.json"))
                .replace("2026-01-02", "2020-05-13").replace("-05:00", "-04:00");
        TestSites.write(src.resolve("content/market/2020-05-13.json"), snapshot);
        step("first build");
        step("no edit, charts linked from the cache");

        // Story 10 (May 11): newest first it is the 50th of Archive (59 - 10 = 49 before it) and the 25th of Even
        // ((58 - 10) / 2 = 24 before it), so no feed (20 items) shows it; the home page shows it on a later page.
        // Its title shows on: its page and its 2 neighbours' (their links), its home page, its 2 tag pages, its
        // year, month and day archive pages, and its author's page: 3 + 1 + 2 + 3 + 1 = 10 pages.
        String story10 = "content/articles/2020-05-11-older-10.md";
        edit(story10, s -> s.replace("Older Story 10", "Older Story Ten"));
        Step title = step("title of an older story");
        assertTrue(quick(title.result()), "a title edit that moves the story in no list is built the quick way");
        assertEquals(10, title.result().pagesRendered(), "the pages that show its title render");
        assertEquals(10, title.changedPages(), "and each of them changes");
        assertTrue(title.result().inputsParsed() < 60, "parsed " + title.result().inputsParsed() + ", not the archive");

        // Its neighbour next (the record's faces follow the quick edits), and a key point with a body edit elsewhere.
        edit("content/articles/2020-05-12-older-11.md", s -> s.replace("Older Story 11", "Older Story Eleven"));
        assertTrue(quick(step("title of its neighbour").result()));
        edit("content/articles/2020-05-13-older-12.md", s -> s.replace("Point one of 12.", "The first point of 12."));
        edit("content/articles/2020-05-20-older-19.md", s -> s.replace("The body of story 19.", "A new body."));
        Step points = step("first key point of one story, body of another");
        assertTrue(quick(points.result()));
        assertTrue(points.result().pagesRendered() >= points.changedPages());
        edit(story10, s -> s.replace("Older Story Ten", "Older Story 10"));
        assertTrue(quick(step("title of the first story back").result()));
        // Story 12 shows on the same pages as story 10 would, and on its day's digest page: 10 + 1 = 11 pages.
        edit("content/articles/2020-05-13-older-12.md", s -> s.replace("Older Story 12", "Older Story Twelve"));
        Step digest = step("title of a story its day's digest lists");
        assertTrue(quick(digest.result()));
        assertEquals(11, digest.result().pagesRendered());
        assertEquals(11, digest.changedPages());

        // Where the story shows on pages the record does not name, or moves: built in full.
        edit("content/articles/2020-06-26-older-56.md", s -> s.replace("Older Story 56", "Older Story 56, Fed"));
        assertFalse(quick(step("title of a story the Even feed shows").result()));
        edit(story10, s -> s.replace("tags: [Archive, Even]", "tags: [Archive]"));
        assertFalse(quick(step("tags of a story").result()));
        edit(story10, s -> s.replace("2020-05-11T09:00:00", "2020-05-11T10:00:00"));
        assertFalse(quick(step("time of a story (same place in the order)").result()));
        edit("content/articles/2026-01-13-cpi-december.md", s -> s.replace("Consumer Prices Rise 0.2% in December",
                "Consumer Prices Rise in December"));
        assertFalse(quick(step("title of a story the site's feed shows").result()));
        edit(story10, s -> s.replace("Older Story 10", "Older Story X"));
        assertTrue(quick(step("title of an older story after full builds").result()));
        report.forEach(System.out::println);
    }

    /** A build that took the quick path and rendered (and changed) exactly {@code pages} pages. */
    private static void assertQuick(Step step, int pages) {
        assertTrue(quick(step.result()), "the quick path of body edits was taken");
        assertEquals(pages, step.result().pagesRendered(), "only the edited articles' pages render");
        assertEquals(pages, step.changedPages(), "only the edited articles' pages change");
        // Parsed: the edited articles, their neighbours and the 5 newest stories, not the archive.
        assertTrue(step.result().inputsParsed() <= 3 * pages + 5, "parsed " + step.result().inputsParsed());
    }

    /**
     * The check that finds nothing changed (the last build's record of every input file, see {@link LastBuild})
     * against the edits it could miss. Each build is compared with a clean one as above; where the check says
     * nothing changed, the build must have parsed, rendered and published nothing.
     */
    @Test
    void theNothingChangedCheckMissesNoEdit() throws IOException {
        src = dir.resolve("src");
        out = dir.resolve("site");
        TestSites.copyTree(SAMPLE_CONTENT, src.resolve("content"));
        Step first = step("first build");
        assertTrue(first.result().chartsRendered() > 0, "the sample's charts are drawn");
        // The charts it drew are linked into the site from the cache, as a later build's are: the very next build
        // already finds nothing changed.
        Path published = Files.readSymbolicLink(out);
        Step none = step("no edit after the first build");
        assertTrue(none.result().nothingChanged(), "an unchanged site is recognised");
        assertEquals(0, none.result().inputsParsed(), "nothing is parsed");
        assertEquals(0, none.result().pagesRendered(), "nothing is rendered");
        assertEquals(published, Files.readSymbolicLink(out), "nothing is published");

        // The same size and the old modification time: only the bytes (and the file's change time) tell.
        Path article = src.resolve(ARTICLE);
        FileTime modified = Files.getLastModifiedTime(article);
        edit(ARTICLE, s -> s.replace("Two events this week", "Two EVENTS this week"));
        Files.setLastModifiedTime(article, modified);
        assertFalse(unchanged("same size, modification time set back"));
        assertTrue(anyPageContains("Two EVENTS this week"));

        // An edit, then the old text back: the site is built again, to the old bytes.
        String text = read(article);
        edit(ARTICLE, s -> s.replace("Two EVENTS this week", "Two big events this week"));
        assertFalse(unchanged("body edit"));
        TestSites.write(article, text);
        assertFalse(unchanged("body edit reverted"));
        assertTrue(unchanged("no edit after the revert"));

        // The record deleted, or damaged in any way: never trusted, the build runs.
        Path record = LastBuild.RECORD.file(TestSites.options(src, out).cacheDir(), out);
        Files.delete(record);
        edit(ARTICLE, s -> s.replace("Two EVENTS this week", "Two events this week"));
        assertFalse(unchanged("record deleted, with an edit"));
        assertTrue(unchanged("no edit after a build without record"));
        byte[] good = Files.readAllBytes(record);
        Files.write(record, Arrays.copyOf(good, good.length / 2));
        assertFalse(unchanged("record cut in half"));
        byte[] damaged = good.clone();
        damaged[damaged.length * 3 / 4] ^= 0x10; // a bit of a file entry (path, status or hash) flipped
        Files.write(record, damaged);
        assertFalse(unchanged("record with a damaged file entry"));
        Files.write(record, new byte[]{(byte) 0xff, 0, 1, 2});
        assertFalse(unchanged("record of garbage"));

        // The published site is not the one the record describes: the output link was removed by hand.
        Files.delete(out);
        assertFalse(unchanged("output link removed"));
        assertTrue(Files.isSymbolicLink(out), "the site is published again");

        // The clock passes a held-back future article's date: it is published.
        TestSites.write(src.resolve("content/articles/2026-07-01-future.md"), TestSites.article(
                "A Story From the Future", "2026-07-01T09:00:00-04:00", "", "Not yet."));
        assertFalse(unchanged("future article added"));
        assertFalse(anyPageContains("A Story From the Future"), "held back at the test clock");
        assertTrue(unchanged("no edit, same clock"));
        clock = TestSites.NOW.plus(java.time.Duration.ofDays(60));
        assertFalse(unchanged("clock past the future article"));
        assertTrue(anyPageContains("A Story From the Future"));
        clock = TestSites.NOW;
        assertFalse(unchanged("clock set back before it"));
        assertFalse(anyPageContains("A Story From the Future"));
        report.forEach(System.out::println);
    }

    /** The build clock of {@link #step}. */
    private java.time.Instant clock = TestSites.NOW;

    /** {@link #step}, then whether the build found nothing changed (and so parsed, rendered and published nothing). */
    private boolean unchanged(String edit) throws IOException {
        Path version = Files.isSymbolicLink(out) ? Files.readSymbolicLink(out) : null;
        BuildResult r = step(edit).result();
        if (r.nothingChanged()) {
            assertEquals(0, r.inputsParsed(), edit + ": nothing parsed");
            assertEquals(0, r.pagesRendered(), edit + ": nothing rendered");
            assertEquals(version, Files.readSymbolicLink(out), edit + ": nothing published");
        }
        return r.nothingChanged();
    }

    /** What a clean build of one input made: each file's SHA-256, and the build's warnings. */
    private record CleanBuild(Map<String, String> files, List<String> warnings) {
    }

    /**
     * Clean builds by their input: the source folder's files with their bytes, and the clock. A clean build of the
     * same input makes the same bytes (DeterminismTest), so an input this test has built cleanly once (a step
     * without an edit, an edit undone, a damaged record) is compared with that build rather than built again.
     */
    private final Map<String, CleanBuild> cleanByInput = new HashMap<>();

    /**
     * Builds incrementally, then cleanly into a fresh folder with the clean builds' own cache, and requires the
     * same files with the same bytes.
     */
    private Step step(String edit) {
        long t = System.nanoTime();
        BuildResult r = SiteBuilder.build(TestSites.options(src, out).withNow(clock));
        long incrementalMs = (System.nanoTime() - t) / 1_000_000;
        CleanBuild cleanBuild = cleanByInput.computeIfAbsent(TestSites.digests(TestSites.snapshot(src)) + " at " + clock, input -> {
            Path clean = dir.resolve("clean-" + (++cleanBuilds));
            BuildResult cleanResult = SiteBuilder.build(TestSites.options(src, clean).withNow(clock).withClean(true)
                    .withCacheDir(cleanCache));
            CleanBuild made = new CleanBuild(TestSites.digests(TestSites.snapshot(clean)), cleanResult.warnings());
            deleteTree(clean);
            return made;
        });
        Map<String, byte[]> incremental = TestSites.snapshot(out);
        assertSameFiles(cleanBuild.files(), TestSites.digests(incremental), edit);
        assertEquals(cleanBuild.warnings(), r.warnings(), edit + ": the warnings of a clean build");
        int changed = 0;
        for (var e : incremental.entrySet()) {
            if (e.getKey().endsWith(".html") && !Arrays.equals(e.getValue(), before.get(e.getKey()))) changed++;
        }
        assertTrue(r.pagesRendered() >= changed, edit + ": every changed page was rendered");
        before = incremental;
        report.add(String.format("%-55s %3d of %3d pages rendered, %3d changed, %4d ms%s", edit, r.pagesRendered(),
                r.pages(), changed, incrementalMs, quick(r) ? " (article edits only)" : ""));
        return new Step(r, changed);
    }

    /** Whether a build took the quick path of edits to article bodies ({@link ArticleEdits}). */
    private static boolean quick(BuildResult r) {
        return r.stageMillis().containsKey(ArticleEdits.STAGE);
    }

    private static void assertSameFiles(Map<String, String> clean, Map<String, String> incremental, String edit) {
        String differ = TestSites.filesDiffer(clean, incremental);
        if (!differ.isEmpty()) fail("after '" + edit + "' the incremental build differs from a clean one: " + differ);
    }

    private boolean anyPageContains(String text) {
        return TestSites.snapshot(out).entrySet().stream().anyMatch(e -> e.getKey().endsWith(".html")
                && new String(e.getValue(), StandardCharsets.UTF_8).contains(text));
    }

    private void edit(String file, java.util.function.UnaryOperator<String> change) {
        TestSites.edit(src.resolve(file), change);
    }
}
